/**
 * How an input's drawn values reach the cells of the sampled world (sampleInputs.ts). An input
 * draws one value per draw cell (a year, a region, …) and each value covers many world cells: a
 * Guangdong draw draws ~260 values for ~1,100 cells. Two things keep that cheap:
 *
 *  - Each world array runs on past its layout cells, where the drawn values of the inputs writing
 *    it are kept as drawn (`drawnAt`). A cell whose number is one drawn value as it is (one input
 *    sets it, unscaled, and nothing multiplies it — every cell on Guangdong) is read there by the
 *    executor (`reads`), so a world for execution writes each value once instead of into every cell
 *    it covers; only the other cells are written in place (`inPlace`). A whole world (`all`), which
 *    re-planning reads by layout index, writes every cell as well.
 *  - Targets are split into cells an input sets and cells it multiplies, in sampling order: a value
 *    input sets its cells (× scale), a factor input sets a cell no input before it wrote and
 *    multiplies the others. Every sampled cell is set before anything multiplies it, so a draw need
 *    not reset the world to its defaults first (a cell no input touches never changes), and a factor
 *    that sets its cell stores x where resetting would give 1 · x, the same number.
 */
import type { WorldArray, WorldReads } from "./types.js";

/** The targets of one input that take a drawn value (`set…`) and that are multiplied by one (`mul…`). */
export interface Scatter {
  setIndex: Int32Array;
  /** The draw cell whose value target k takes. */
  setCell: Int32Array;
  /** Per set target, the scale of a `value` input's cost or budget (1/baseline); null when all are 1. */
  setScale: Float64Array | null;
  mulIndex: Int32Array;
  mulCell: Int32Array;
}

/** What scatter planning needs of an input: its world array and, per draw cell c, its targets targetIndex[targetStart[c] .. targetStart[c+1]). */
export interface InputTargets {
  array: WorldArray;
  /** A `value` input (sets its cells) rather than a factor. */
  replace: boolean;
  cells: number;
  targetStart: Int32Array;
  targetIndex: Int32Array;
  targetScale: Float64Array;
}

export interface ScatterPlan {
  /** Per input (in sampling order): where in its world array its drawn values are kept. */
  drawnAt: number[];
  /** Per input: all its targets (a whole world). */
  all: Scatter[];
  /** Per input: its targets the executor reads in place (a world for execution). */
  inPlace: Scatter[];
  /** Length of each world array: its layout cells, then the drawn values of the inputs writing it. */
  lengths: Record<WorldArray, number>;
  reads: WorldReads;
}

interface Target {
  input: number;
  index: number;
  cell: number;
  scale: number;
  set: boolean;
}

/** Plans the scatter of inputs given in sampling order (value inputs first) over arrays of `cells` layout cells. */
export function planScatter(order: InputTargets[], cells: Record<WorldArray, number>): ScatterPlan {
  const lengths = { ...cells };
  const written = new Map<WorldArray, Map<number, Target[]>>();
  const drawnAt = order.map((p) => {
    const at = lengths[p.array];
    lengths[p.array] += p.cells;
    return at;
  });
  const targets = order.map((p, input) => {
    const byCell = written.get(p.array) ?? new Map<number, Target[]>();
    written.set(p.array, byCell);
    const list: Target[] = [];
    for (let c = 0; c < p.cells; c++) {
      for (let t = p.targetStart[c]; t < p.targetStart[c + 1]; t++) {
        const index = p.targetIndex[t];
        const before = byCell.get(index) ?? [];
        const target = { input, index, cell: c, scale: p.replace ? p.targetScale[t] : 1, set: p.replace || before.length === 0 };
        byCell.set(index, [...before, target]);
        list.push(target);
      }
    }
    return list;
  });
  const reads = {} as WorldReads;
  for (const array of Object.keys(cells) as WorldArray[]) reads[array] = Int32Array.from({ length: cells[array] }, (_, k) => k);
  const asDrawn = new Set<Target>();
  for (const [array, byCell] of written) {
    for (const [index, list] of byCell) {
      const only = list[0];
      if (list.length !== 1 || !only.set || only.scale !== 1) continue;
      reads[array][index] = drawnAt[only.input] + only.cell;
      asDrawn.add(only);
    }
  }
  return {
    drawnAt,
    all: targets.map((list) => scatterOf(list)),
    inPlace: targets.map((list) => scatterOf(list.filter((t) => !asDrawn.has(t)))),
    lengths,
    reads,
  };
}

function scatterOf(list: Target[]): Scatter {
  const set = list.filter((t) => t.set);
  const mul = list.filter((t) => !t.set);
  return {
    setIndex: Int32Array.from(set, (t) => t.index),
    setCell: Int32Array.from(set, (t) => t.cell),
    setScale: set.every((t) => t.scale === 1) ? null : Float64Array.from(set, (t) => t.scale),
    mulIndex: Int32Array.from(mul, (t) => t.index),
    mulCell: Int32Array.from(mul, (t) => t.cell),
  };
}

/** Writes one input's drawn values (`values[c]`, draw cell c) into the targets of `s` in `out`. */
export function scatterInto(s: Scatter, values: Float64Array, out: Float64Array): void {
  const { setIndex, setCell, setScale, mulIndex, mulCell } = s;
  if (setScale === null) for (let t = 0; t < setIndex.length; t++) out[setIndex[t]] = values[setCell[t]];
  else for (let t = 0; t < setIndex.length; t++) out[setIndex[t]] = values[setCell[t]] * setScale[t];
  for (let t = 0; t < mulIndex.length; t++) out[mulIndex[t]] *= values[mulCell[t]];
}
