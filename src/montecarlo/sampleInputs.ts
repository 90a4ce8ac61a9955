/**
 * One draw's sampled world. `createSampler` does all the per-scenario work once — which cells each
 * input touches, the stream keys of its draw cells, value→factor scales, the copula — into flat
 * typed arrays, so `sampleInto` only hashes counters, inverts CDFs and writes numbers into a
 * preallocated world (no allocation per draw). Order of work does not matter: value inputs are
 * applied first, factors multiply on top, and every number comes from its own named stream. How
 * the drawn values reach the world's cells, and what a world for execution leaves out, is
 * scatter.ts.
 */
import type { Scenario } from "../scenario/types.js";
import { normalCdf, normalQuantile } from "../stats/normal.js";
import { arrayOf, indexScenario, inputTargets, type CellTarget } from "./cells.js";
import { buildCopula, DIMS } from "./correlation.js";
import { prepareDist, type PreparedDist } from "./distributions.js";
import { planScatter, scatterInto, type Scatter } from "./scatter.js";
import { cellKey, checkSeedDraw, streamKey, uniformsInto } from "./streams.js";
import type { SampledCells, SampledWorld, UncertainInput, Uncertainty, WorldArray, WorldLayout, WorldReads } from "./types.js";
import { programmeCells, WholeUnitStream } from "./wholeUnitStream.js";

/** Everything `sampleInto` needs about one input, precomputed. */
interface PlannedInput {
  slot: number;
  array: WorldArray;
  replace: boolean;
  dist: PreparedDist;
  cells: number;
  /** Stream key words of each draw cell: [h0, h1] × cells. */
  keys: Uint32Array;
  /** Targets of draw cell c are targetIndex[targetStart[c] .. targetStart[c+1]). */
  targetStart: Int32Array;
  targetIndex: Int32Array;
  /** Multiplier turning a drawn value into the cell's number (1/baseline for value-mode costs and budgets). */
  targetScale: Float64Array;
  /**
   * Copula row: coefficients L[m][j] ≠ 0; the distinct streams E_j(proj_j c) needed by any cell
   * (key words, two per stream — a coarser input's stream is shared by many cells, so it is
   * evaluated once per draw); and per cell and term, the index of its stream.
   */
  corrCoef: Float64Array | null;
  corrKeys: Uint32Array | null;
  corrTerm: Int32Array | null;
  /** Scratch: Φ⁻¹ of each distinct stream's uniform in the current draw. */
  corrNormals: Float64Array | null;
  /** Scratch: each draw cell's uniform, then its value (quantiles are taken in one call per input). */
  uniforms: Float64Array;
  values: Float64Array;
}

export interface DrawSampler {
  readonly layout: WorldLayout;
  /** The cells some input sets (the rest keep their defaults in every draw). */
  readonly sampled: SampledCells;
  /** Where the executor reads each cell of a world this sampler wrote (scatter.ts). */
  readonly reads: WorldReads;
  /** A world with arrays sized for this scenario (defaults filled). */
  newWorld(): SampledWorld;
  /**
   * Overwrites `world` (one of this sampler's `newWorld`s: a draw writes only the cells inputs set,
   * the rest keep their defaults) with draw `draw` under `seed` and returns it.
   */
  sampleInto(world: SampledWorld, seed: number, draw: number): SampledWorld;
  /**
   * Overwrites only what the executor reads through `reads` (a cell read where its value is kept as
   * drawn keeps an older draw's number in place): cheaper, for draws that are only executed.
   */
  sampleForExecution(world: SampledWorld, seed: number, draw: number): SampledWorld;
}

/** Draw-cell name of a target for an input drawn at granularity `per`. */
function drawCell(input: UncertainInput, t: { region: string; year: number }): string {
  const d = DIMS[input.per];
  return cellKey(d.region ? t.region : null, d.year ? t.year : null);
}

/** Precomputes the sampler; `unc` must have passed `checkUncertainty` against this scenario. */
export function createSampler(unc: Uncertainty, scenario: Scenario): DrawSampler {
  const cells = indexScenario(scenario, unc.inputs.map((x) => x.id));
  const { layout } = cells;
  const { copula, problems } = buildCopula(unc.inputs, unc.correlations);
  if (problems.length > 0) throw new Error(`uncertainty section not checked: ${problems[0].message}`);

  const planned = unc.inputs.map((input, slot): PlannedInput => {
    const targets = inputTargets(input, cells);
    const groups = new Map<string, { region: string; year: number; list: CellTarget[] }>();
    for (const t of targets) {
      const key = drawCell(input, t);
      const g = groups.get(key) ?? { region: t.region, year: t.year, list: [] };
      g.list.push(t);
      groups.set(key, g);
    }
    const names = [...groups.keys()];
    const keys = new Uint32Array(names.length * 2);
    const targetStart = new Int32Array(names.length + 1);
    const targetIndex = new Int32Array(targets.length);
    const targetScale = new Float64Array(targets.length);
    const rescale = input.mode === "value" && (input.appliesTo === "unit_cost" || input.appliesTo === "budget");
    let n = 0;
    names.forEach((name, c) => {
      const k = streamKey(input.id, name);
      keys[2 * c] = k.h0;
      keys[2 * c + 1] = k.h1;
      targetStart[c] = n;
      for (const t of groups.get(name)!.list) {
        targetIndex[n] = t.index;
        targetScale[n++] = rescale ? 1 / t.baseline : 1;
      }
    });
    targetStart[names.length] = n;

    let corrCoef: Float64Array | null = null;
    let corrKeys: Uint32Array | null = null;
    let corrTerm: Int32Array | null = null;
    const member = copula.membership[slot];
    if (member) {
      const [g, pos] = member;
      const { members, chol } = copula.groups[g];
      const k = members.length;
      const used = members.slice(0, pos + 1).map((m, j) => ({ m, coef: chol[pos * k + j] })).filter((e) => e.coef !== 0);
      const pureOwn = used.length === 1 && used[0].m === slot; // first in its group: its own uniform, untouched
      if (!pureOwn) {
        corrCoef = Float64Array.from(used.map((e) => e.coef));
        corrTerm = new Int32Array(names.length * used.length);
        const distinct = new Map<string, number>();
        const words: number[] = [];
        names.forEach((name, c) => {
          const cell = groups.get(name)!;
          used.forEach((e, j) => {
            const other = unc.inputs[e.m];
            const streamName = `${other.id}\u001f${drawCell(other, cell)}`;
            let at = distinct.get(streamName);
            if (at === undefined) {
              const key = streamKey(other.id, drawCell(other, cell));
              distinct.set(streamName, (at = distinct.size));
              words.push(key.h0, key.h1);
            }
            corrTerm![c * used.length + j] = at;
          });
        });
        corrKeys = Uint32Array.from(words);
      }
    }
    return {
      slot,
      array: arrayOf(input),
      replace: input.mode === "value",
      dist: prepareDist(input.dist),
      cells: names.length,
      keys,
      targetStart,
      targetIndex,
      targetScale,
      corrCoef,
      corrKeys,
      corrTerm,
      corrNormals: corrKeys ? new Float64Array(corrKeys.length / 2) : null,
      uniforms: new Float64Array(names.length),
      values: new Float64Array(names.length),
    };
  });
  // Values first, then factors multiply on top: the result does not depend on file order.
  const order = [...planned.filter((p) => p.replace), ...planned.filter((p) => !p.replace)];

  const P = layout.programs.length;
  const L = layout.leaves.length;
  const Y = layout.years.length;
  const S = layout.sources.length;
  const PY = layout.paymentYears.length;
  const scatter = planScatter(order, {
    unitCostFactor: P * L * Y,
    budgetFactor: S * layout.nodes.length * PY,
    enterpriseShortfall: S * L * PY,
    consentFailure: P * L * Y,
    slipProbability: P * L * Y,
  });
  const { lengths } = scatter;
  const newWorld = (): SampledWorld => ({
    draw: -1,
    unitCostFactor: new Float64Array(lengths.unitCostFactor).fill(1),
    budgetFactor: new Float64Array(lengths.budgetFactor).fill(1),
    enterpriseShortfall: new Float64Array(lengths.enterpriseShortfall),
    consentFailure: new Float64Array(lengths.consentFailure),
    slipProbability: new Float64Array(lengths.slipProbability),
    consentUniform: new Float64Array(P * L * Y).fill(0.5),
    slipUniform: new Float64Array(P * L * Y).fill(0.5),
    moneyUniform: new Float64Array(P * L * Y).fill(0.5),
    inputValues: new Float64Array(unc.inputs.length),
  });
  const sampled = {} as SampledCells;
  for (const array of ["unitCostFactor", "budgetFactor", "enterpriseShortfall", "consentFailure", "slipProbability"] as const) {
    sampled[array] = new Uint8Array(scatter.reads[array].length);
  }
  for (const p of planned) for (const t of p.targetIndex) sampled[p.array][t] = 1;
  const wholeConsent = new WholeUnitStream(scenario, layout, "consent", sampled.consentFailure);
  const wholeSlip = new WholeUnitStream(scenario, layout, "slip", sampled.slipProbability);
  // Money can fall short in any world (a slipped unit retries in a year whose budgets are spent).
  const wholeMoney = new WholeUnitStream(scenario, layout, "money", programmeCells(scenario, layout));

  const sample = (world: SampledWorld, seed: number, draw: number, scatters: Scatter[]): SampledWorld => {
    checkSeedDraw(seed, draw);
    world.draw = draw;
    for (let q = 0; q < order.length; q++) {
      const p = order[q];
      const out = world[p.array];
      const { keys, dist, uniforms, values } = p;
      const n = p.cells;
      const normals = p.corrNormals;
      if (normals === null) {
        uniformsInto(seed, draw, keys, uniforms, n);
      } else {
        uniformsInto(seed, draw, p.corrKeys!, normals, normals.length);
        for (let e = 0; e < normals.length; e++) normals[e] = normalQuantile(normals[e]);
        const coef = p.corrCoef!;
        const term = p.corrTerm!;
        const r = coef.length;
        for (let c = 0; c < n; c++) {
          let z = 0;
          for (let j = 0; j < r; j++) z += coef[j] * normals[term[c * r + j]];
          uniforms[c] = normalCdf(z);
        }
      }
      dist.quantiles(uniforms, values, n);
      let sum = 0;
      for (let c = 0; c < n; c++) sum += values[c];
      world.inputValues[p.slot] = n > 0 ? sum / n : NaN;
      out.set(values, scatter.drawnAt[q]);
      scatterInto(scatters[q], values, out);
    }
    wholeConsent.sampleInto(world.consentUniform, seed, draw);
    wholeSlip.sampleInto(world.slipUniform, seed, draw);
    wholeMoney.sampleInto(world.moneyUniform, seed, draw);
    return world;
  };

  return {
    layout,
    sampled,
    reads: scatter.reads,
    newWorld,
    sampleInto: (world, seed, draw) => sample(world, seed, draw, scatter.all),
    sampleForExecution: (world, seed, draw) => sample(world, seed, draw, scatter.inPlace),
  };
}
