/**
 * Shapes shared by the Monte Carlo foundations: the normalised `uncertainty` section (what
 * `checkUncertainty` returns) and the sampled world one draw produces (what the execution engine
 * reads). Cell layouts are flat Float64Arrays so a draw can be re-filled without allocating.
 */
import type { SourceKind } from "../scenario/types.js";

/** evaluate: execute the plan; reoptimize: re-plan each world with foresight; replan: re-plan after every simulated year. */
export type McMode = "evaluate" | "reoptimize" | "replan";

/**
 * A probability distribution, normalised: parameters are numbers, defaults filled in, lognormal
 * always as (mu, sigma) of log X, discrete values ascending and distinct with weights summing to 1.
 * `min`/`max` of normal and lognormal are optional truncation bounds (null: none).
 */
export type Dist =
  | { type: "uniform"; min: number; max: number }
  | { type: "triangular"; min: number; mode: number; max: number }
  | { type: "pert"; min: number; mode: number; max: number; lambda: number }
  | { type: "normal"; mean: number; sd: number; min: number | null; max: number | null }
  | { type: "lognormal"; mu: number; sigma: number; min: number | null; max: number | null }
  | { type: "discrete"; values: number[]; weights: number[] };

/** Which scenario quantity an uncertain input changes. */
export type AppliesTo = "unit_cost" | "budget" | "enterprise_shortfall" | "consent_failure" | "slip";

/** `factor` multiplies the scenario's value; `value` replaces it (shares/probabilities are values). */
export type InputMode = "factor" | "value";

/** Granularity of independent draws: one per draw, per region, per year, or per region-year. */
export type Per = "draw" | "region" | "year" | "region_year";

export interface UncertainInput {
  /** Stable id: the key of the input's random streams, so renaming it changes its numbers. */
  id: string;
  appliesTo: AppliesTo;
  mode: InputMode;
  dist: Dist;
  per: Per;
  /** Filters (null: any). `region` is a node or group id: the input covers the leaves below it. */
  program: string | null;
  source: string | null;
  region: string | null;
  kind: SourceKind | null;
}

export interface Correlation {
  /** Two distinct input ids. */
  between: [string, string];
  /** Target Spearman rank correlation in [-1, 1]. */
  rho: number;
}

export interface Uncertainty {
  /** Master seed from the file (null: not given; the caller falls back to its own default). */
  seed: number | null;
  /** In file order; sampling results do not depend on this order. */
  inputs: UncertainInput[];
  correlations: Correlation[];
}

/** A problem in the `uncertainty` section; `path` is relative to `uncertainty`. */
export interface UncertaintyProblem {
  path: (string | number)[];
  message: string;
}

/**
 * The axes of a sampled world's cell arrays, in scenario order. `leaves` are the tree's leaf
 * regions (groups excluded); `nodes` are all of `Scenario.regions` (tree nodes, then groups).
 */
export interface WorldLayout {
  programs: string[];
  sources: string[];
  leaves: string[];
  nodes: string[];
  /** Horizon years: the axis of the cells of starts (unit cost, consent, slip). */
  years: number[];
  /**
   * Payment years (the horizon, then the tail years in which late starts are still paid for): the
   * axis of the cells of money (budgets, enterprise shortfall), since money falls due in all of them.
   */
  paymentYears: number[];
  /** Input ids in `Uncertainty.inputs` order (index of `SampledWorld.inputValues`). */
  inputs: string[];
}

/**
 * The uncertain quantities of one draw, expanded to cells. Indices (p, s, l, n, y are positions
 * in the layout's lists; y = year − horizon start; money cells run over the payment years):
 *   [program][leaf][year]  → (p · leaves + l) · years + y             (`plyIndex`)
 *   [source][node][year]   → (s · nodes + n) · paymentYears + y       (`snyIndex`)
 *   [source][leaf][year]   → (s · leaves + l) · paymentYears + y      (`slyIndex`)
 * Cells no input touches hold the default: 1 for factors, 0 for shares and probabilities, 0.5 for
 * the whole-unit uniforms (unused there). The five input arrays run on past their layout cells:
 * there the sampler keeps each input's drawn values (`WorldReads`, scatter.ts).
 */
export interface SampledWorld {
  draw: number;
  /** Multiplier on the scenario's unit cost of units started in that year (escalation still applies). */
  unitCostFactor: Float64Array;
  /** Multiplier on the source's budget at that node and year (unlimited budgets stay unlimited). */
  budgetFactor: Float64Array;
  /** Share of the source's planned money for that leaf and year that does not arrive. */
  enterpriseShortfall: Float64Array;
  /** Share of the units planned to start in that leaf and year that fail resident consent. */
  consentFailure: Float64Array;
  /** Probability that a unit started in that leaf and year slips one year. */
  slipProbability: Float64Array;
  /**
   * For whole-unit programmes ([program][leaf][year], like consent and slip): the uniforms whose
   * binomial quantiles say how many of the cell's whole candidates fail consent, and how many of
   * the rest slip (execute.ts). 0.5 in cells no consent or slip input acts on, where they are unused.
   */
  consentUniform: Float64Array;
  slipUniform: Float64Array;
  /**
   * For whole-unit programmes, every cell: the uniform that decides whether a unit whose money
   * falls short in part is deferred (execute.ts, wholeUnfunded). 0.5 in other programmes' cells.
   */
  moneyUniform: Float64Array;
  /**
   * Per input (layout.inputs order): the value drawn from its distribution, averaged over the
   * input's cells when it is drawn per region/year. This is the sensitivity-analysis regressor.
   */
  inputValues: Float64Array;
}

/** The world's arrays of cells (each input writes one of them). */
export type WorldArray = "unitCostFactor" | "budgetFactor" | "enterpriseShortfall" | "consentFailure" | "slipProbability";

/**
 * Per world array, 1 for each cell some input of the uncertainty section sets: the other cells
 * hold their default in every draw, so the executor can skip what they would change.
 */
export type SampledCells = Record<WorldArray, Uint8Array>;

/**
 * Per world array, where the executor reads each layout cell: the cell itself, or the place past
 * the layout's cells where the sampler keeps the value drawn for it when that value is the cell's
 * number as drawn (see scatter.ts). A draw for execution then writes each drawn value once instead
 * of into every cell it covers.
 */
export type WorldReads = Record<WorldArray, Int32Array>;

export function plyIndex(layout: WorldLayout, p: number, l: number, y: number): number {
  return (p * layout.leaves.length + l) * layout.years.length + y;
}

export function snyIndex(layout: WorldLayout, s: number, n: number, y: number): number {
  return (s * layout.nodes.length + n) * layout.paymentYears.length + y;
}

export function slyIndex(layout: WorldLayout, s: number, l: number, y: number): number {
  return (s * layout.leaves.length + l) * layout.paymentYears.length + y;
}
