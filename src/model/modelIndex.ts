/**
 * The typed index from scenario entities to model columns and rows, as dense arrays: every reader
 * of a solved model (tables, Monte Carlo, finance tools) finds the column of `starts[leaf-programme,
 * year]` or the row of a budget here, never by a formatted name. −1 marks "no such column".
 *
 * Layout: leaf-programme i (ModelContext.leafPrograms order), horizon year h (0 … H−1), payment
 * year y (0 … Y−1: horizon, then tail years), source s (Scenario.sources order), target t.
 */

export interface BudgetRowIndex {
  row: number;
  /** Index into Scenario.sources. */
  source: number;
  region: string;
  year: number;
  /** Carry-over column into this year (from the year before) and out of it; −1 when none. */
  carryIn: number;
  carryOut: number;
}

export interface CapacityRowIndex {
  row: number;
  /** Index into Scenario.capacity. */
  capacity: number;
  year: number;
}

export class ModelIndex {
  readonly starts: Int32Array;
  readonly cost: Int32Array;
  readonly funds: Int32Array;
  readonly shortfall: Int32Array;
  readonly targetRow: Int32Array;
  /** commitments row of [lp, payment year]; −1 in a whole year whose money actuals record. */
  readonly commitRow: Int32Array;
  /** stock row of [lp]. */
  readonly stockRow: Int32Array;
  /** shares `max` row of [lp, payment year, source]; −1 where the maximum is 100 % (no row). */
  readonly shareMaxRow: Int32Array;
  readonly budgetRows: BudgetRowIndex[] = [];
  readonly capacityRows: CapacityRowIndex[] = [];

  constructor(
    readonly leafPrograms: number,
    /** Horizon years. */
    readonly H: number,
    /** Payment years (horizon + tail). */
    readonly Y: number,
    readonly S: number,
    targets: number,
  ) {
    this.starts = new Int32Array(leafPrograms * H).fill(-1);
    this.cost = new Int32Array(leafPrograms * Y).fill(-1);
    this.funds = new Int32Array(leafPrograms * Y * S).fill(-1);
    this.shortfall = new Int32Array(targets).fill(-1);
    this.targetRow = new Int32Array(targets).fill(-1);
    this.commitRow = new Int32Array(leafPrograms * Y).fill(-1);
    this.stockRow = new Int32Array(leafPrograms).fill(-1);
    this.shareMaxRow = new Int32Array(leafPrograms * Y * S).fill(-1);
  }

  startsCol(lp: number, h: number): number {
    return this.starts[lp * this.H + h];
  }

  costCol(lp: number, y: number): number {
    return this.cost[lp * this.Y + y];
  }

  /** −1 when source s does not fund the leaf-programme's programme. */
  fundsCol(lp: number, y: number, s: number): number {
    return this.funds[(lp * this.Y + y) * this.S + s];
  }
}
