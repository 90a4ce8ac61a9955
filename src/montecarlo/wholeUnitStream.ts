/**
 * The random numbers that make whole units whole in execution: for each cell ([program][leaf]
 * [year]) of a whole-unit (`integer: true`) programme, one uniform per draw — from which execution
 * draws how many of the cell's whole candidates fail consent (or slip) as a binomial quantile, where
 * a consent (slip) input acts on the cell, and whether a unit short of part of its money is
 * deferred, in every cell of the programme (execute.ts, wholeUnits.ts). They are drawn with the
 * rest of the world, so execution stays a deterministic function of the sampled world.
 *
 * Stream names (docs/monte-carlo.md, "Random streams"): `whole-units/consent/<programme>`,
 * `whole-units/slip/<programme>` and `whole-units/money/<programme>`, cell `r:<leaf>|y:<year>`. A
 * '/' is in no input id, so these never share an input's numbers, and like an input's they depend
 * only on (seed, draw, name).
 */
import type { Scenario } from "../scenario/types.js";
import { cellKey, streamKey, uniformsInto } from "./streams.js";
import { plyIndex, type WorldLayout } from "./types.js";

export class WholeUnitStream {
  /** World cells (plyIndex) drawn, and their stream key words [h0, h1] × cells. */
  private readonly cells: Int32Array;
  private readonly keys: Uint32Array;
  private readonly scratch: Float64Array;

  constructor(scenario: Scenario, layout: WorldLayout, kind: "consent" | "slip" | "money", actedOn: Uint8Array) {
    const cells: number[] = [];
    const words: number[] = [];
    scenario.programs.forEach((program, p) => {
      if (!program.integer) return;
      layout.leaves.forEach((leaf, l) => {
        layout.years.forEach((year, y) => {
          const cell = plyIndex(layout, p, l, y);
          if (actedOn[cell] !== 1) return;
          const key = streamKey(`whole-units/${kind}/${program.id}`, cellKey(leaf, year));
          cells.push(cell);
          words.push(key.h0, key.h1);
        });
      });
    });
    this.cells = Int32Array.from(cells);
    this.keys = Uint32Array.from(words);
    this.scratch = new Float64Array(cells.length);
  }

  /** Writes draw `draw`'s uniforms into their cells of `out` (other cells are left as they are). */
  sampleInto(out: Float64Array, seed: number, draw: number): void {
    const n = this.cells.length;
    if (n === 0) return;
    uniformsInto(seed, draw, this.keys, this.scratch, n);
    for (let c = 0; c < n; c++) out[this.cells[c]] = this.scratch[c];
  }
}

/** 1 for every cell ([program][leaf][year]) of a leaf the programme has. */
export function programmeCells(scenario: Scenario, layout: WorldLayout): Uint8Array {
  const cells = new Uint8Array(layout.programs.length * layout.leaves.length * layout.years.length);
  scenario.programs.forEach((program, p) => {
    for (const pl of program.leaves) {
      const l = layout.leaves.indexOf(pl.region);
      if (l >= 0) for (let y = 0; y < layout.years.length; y++) cells[plyIndex(layout, p, l, y)] = 1;
    }
  });
  return cells;
}
