/**
 * The execution plan flattened into typed arrays for the executor (execute.ts, payments.ts), so
 * its per-draw loops read numbers by index with no object or array-of-arrays lookups (a draw runs
 * ~2,000 such reads per year on Guangdong). Everything a loop can know before the draw is indexed
 * here once.
 */
import type { ExecutionPlan } from "./executionPlan.js";

export class FlatPlan {
  readonly sources: number;
  readonly paymentYears: number;
  readonly profileStart: Int32Array;
  readonly profile: Float64Array;
  readonly unitCost: Float64Array;
  readonly planned: Float64Array;
  readonly actual: Float64Array;
  readonly fixed: Uint8Array;
  readonly preCost: Float64Array;
  readonly preActive: Float64Array;
  /** Planned share of source s in lp i's cost of payment year y: [(y · S + s) · N + i]. */
  readonly shares: Float64Array;
  /** 1 where lp i's payment year y is a whole year whose money actuals record: [i · Y + y]. */
  readonly recorded: Uint8Array;
  /** Yuan each source paid in such a year, [(i · Y + y) · S + s] (0 elsewhere). */
  readonly recordedPaid: Float64Array;
  /** The lps whose money year y records. */
  readonly recordedByYear: Int32Array[];
  readonly slotsPerUnit: Float64Array;
  /** 1 for a whole-unit leaf-programme (ExecLeafProgram.whole). */
  readonly whole: Uint8Array;
  /** Start of lp i's [year] run in the world's [program][leaf][year] cells. */
  readonly cellBase: Int32Array;
  /** Layout leaf of lp i (for [source][leaf][year] cells). */
  readonly leaf: Int32Array;
  /**
   * Enterprise-shortfall cell of lp i in payment year y, [y · N + i], offset within its source's
   * [leaf][year] block (source s's cell is s · shortfallStride + this); −1 where the money arrives
   * in full (recorded money arrived as recorded).
   */
  readonly shortfallCell: Int32Array;
  readonly shortfallStride: number;
  readonly budgetFactorCell: Int32Array;
  readonly budgetAmount: Float64Array;
  readonly budgetNext: Int32Array;
  /**
   * Demand cells (s · N + i, s the budget's source) of budget b's members, split by whether the
   * budget's year is recorded for them (recorded money is paid first and never rationed):
   * askedCell[askedStart[b] .. askedStart[b+1]) and recordedCell[recordedStart[b] .. recordedStart[b+1]),
   * each in member order.
   */
  readonly askedStart: Int32Array;
  readonly askedCell: Int32Array;
  readonly recordedStart: Int32Array;
  readonly recordedCell: Int32Array;
  /** Per payment year: its budgets with one asked member and no recorded one, and that member's cell. */
  readonly singleBudgets: Int32Array[];
  readonly singleCell: Int32Array[];
  /** Per payment year: its other budgets. */
  readonly otherBudgets: Int32Array[];
  readonly capacitySlots: Float64Array;
  readonly capacityStart: Int32Array;
  readonly capacityIndex: Int32Array;
  readonly capacityByYear: Int32Array[];
  /** 1 for a capacity limit over some whole-unit leaf-programme (its cuts leave whole units). */
  readonly capacityHasWhole: Uint8Array;

  constructor(plan: ExecutionPlan, layoutLeaves: number) {
    const lps = plan.leafPrograms;
    const N = lps.length;
    const H = plan.horizonYears;
    const S = (this.sources = plan.sourceKinds.length);
    const Y = (this.paymentYears = plan.paymentYears.length);
    this.profileStart = new Int32Array(N + 1);
    lps.forEach((lp, i) => (this.profileStart[i + 1] = this.profileStart[i] + lp.profile.length));
    this.profile = Float64Array.from(lps.flatMap((lp) => lp.profile));
    this.unitCost = Float64Array.from(lps.flatMap((lp) => lp.unitCost));
    this.planned = Float64Array.from(lps.flatMap((lp) => lp.planned));
    this.actual = Float64Array.from(lps.flatMap((lp) => lp.actual));
    this.fixed = Uint8Array.from(lps.flatMap((lp) => lp.fixed.map((f) => (f ? 1 : 0))));
    this.preCost = Float64Array.from(lps.flatMap((lp) => lp.preCost));
    this.preActive = Float64Array.from(lps.flatMap((lp) => lp.preActive));
    this.shares = new Float64Array(Y * S * N);
    lps.forEach((lp, i) => lp.shares.forEach((share, k) => (this.shares[k * N + i] = share))); // lp.shares is [y · S + s]
    this.recorded = Uint8Array.from(lps.flatMap((lp) => lp.recordedPaid.map((p) => (p ? 1 : 0))));
    this.recordedPaid = Float64Array.from(lps.flatMap((lp) => lp.recordedPaid.flatMap((p) => p ?? new Array<number>(S).fill(0))));
    this.recordedByYear = plan.paymentYears.map((_, y) => Int32Array.from(lps.flatMap((lp, i) => (lp.recordedPaid[y] ? [i] : []))));
    this.slotsPerUnit = Float64Array.from(lps, (lp) => lp.slotsPerUnit);
    this.whole = Uint8Array.from(lps, (lp) => (lp.whole ? 1 : 0));
    this.cellBase = Int32Array.from(lps, (lp) => (lp.p * layoutLeaves + lp.l) * H);
    this.leaf = Int32Array.from(lps, (lp) => lp.l);
    this.shortfallCell = Int32Array.from({ length: Y * N }, (_, k) => {
      const [y, i] = [Math.floor(k / N), k % N];
      return lps[i].recordedPaid[y] ? -1 : lps[i].l * Y + y;
    });
    this.shortfallStride = layoutLeaves * Y;
    const b = plan.budgets;
    this.budgetFactorCell = Int32Array.from(b, (x) => x.factorCell);
    this.budgetAmount = Float64Array.from(b, (x) => x.amount);
    this.budgetNext = Int32Array.from(b, (x) => x.next);
    const cells = (x: (typeof b)[number], recorded: boolean) =>
      x.leafPrograms.filter((i) => (lps[i].recordedPaid[x.yearIndex] !== null) === recorded).map((i) => x.source * N + i);
    [this.askedStart, this.askedCell] = packed(b.map((x) => cells(x, false)));
    [this.recordedStart, this.recordedCell] = packed(b.map((x) => cells(x, true)));
    const single = (i: number) => this.askedStart[i + 1] - this.askedStart[i] === 1 && this.recordedStart[i + 1] === this.recordedStart[i];
    const ofYear = (y: number, singles: boolean) => Int32Array.from(b.flatMap((x, i) => (x.yearIndex === y && single(i) === singles ? [i] : [])));
    this.singleBudgets = plan.paymentYears.map((_, y) => ofYear(y, true));
    this.singleCell = this.singleBudgets.map((list) => Int32Array.from(list, (i) => this.askedCell[this.askedStart[i]]));
    this.otherBudgets = plan.paymentYears.map((_, y) => ofYear(y, false));
    this.capacitySlots = Float64Array.from(plan.capacity, (c) => c.slots);
    [this.capacityStart, this.capacityIndex] = packed(plan.capacity.map((c) => c.leafPrograms));
    this.capacityHasWhole = Uint8Array.from(plan.capacity, (c) => (c.leafPrograms.some((i) => lps[i].whole) ? 1 : 0));
    this.capacityByYear = plan.paymentYears.map((_, y) => Int32Array.from(plan.capacity.flatMap((c, i) => (c.yearIndex === y ? [i] : []))));
  }
}

/** Lists packed as start offsets and one flat array: list j is index[start[j] .. start[j+1]). */
function packed(lists: number[][]): [Int32Array, Int32Array] {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (start[i + 1] = start[i] + l.length));
  return [start, Int32Array.from(lists.flat())];
}
