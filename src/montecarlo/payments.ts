/**
 * Rule 5 of execute.ts, money, for one payment year of one draw: each source owes its planned
 * share of a leaf-programme's cost; each budget of the year pays its sources' demands pro rata
 * when short (recorded money first, never rationed) and may carry what it did not ration out;
 * enterprise shortfall removes its share of what arrives. What each leaf-programme received is
 * returned for rule 6 (unfunded starts are deferred by the executor).
 *
 * The gap `pay` records is what each source owed but did not pay before rule 6. The money lacked
 * by new starts the executor then defers was never owed for work that started, so it is taken back
 * out (`absorb`, `closeYear`): otherwise a unit deferred for want of money would count as a gap, and
 * again in every year it retries. Each cell's unpaid amount is kept for that (one store per cell),
 * and only the leaf-programmes that defer are revisited.
 *
 * Cells are laid out [source][leaf-programme], so every pass runs down one source's
 * leaf-programmes in order, and each sum is added in the order one pass per leaf-programme would
 * add it (the numbers are the same bit for bit). Budgets with one member and no recorded money
 * (57 of the 61 a Guangdong year has) are rationed in a loop of their own with no inner loops.
 * Budget factors and shortfalls are read where the sampler keeps them (`DrawSampler.reads`).
 */
import type { SampledWorld, WorldReads } from "./types.js";
import type { FlatPlan } from "./flatPlan.js";

export class Payments {
  private readonly N: number;
  private readonly S: number;
  private readonly Y: number;
  /** What each source owes each leaf-programme this year, yuan: [source][lp]. */
  private readonly demand: Float64Array;
  /** Share of its demand each (source, lp) cell receives from its budgets: [source][lp]. */
  private readonly ratio: Float64Array;
  /** What each lp received this year, yuan. */
  private readonly received: Float64Array;
  private readonly carryIn: Float64Array;
  /** What each (source, lp) cell owed but was not paid this year, yuan: [source][lp]. */
  private readonly unpaid: Float64Array;
  /** Of each source's gap this year, what deferring new starts absorbed (rule 6), yuan. */
  private readonly absorbed: Float64Array;
  /** 1 for a source some of whose money an input can keep from arriving (enterprise shortfall). */
  private readonly shortfallSource: Uint8Array;
  /** Where budget b's factor is read in the world's budgetFactor; −1 for history (as_of): it arrived as it was. */
  private readonly factorAt: Int32Array;
  /**
   * Where the shortfall of source s's money for lp i in payment year y is read in the world's
   * enterpriseShortfall, [(s · Y + y) · N + i]; −1 where the money arrives in full (recorded money).
   */
  private readonly shortfallAt: Int32Array;

  constructor(
    private readonly f: FlatPlan,
    /** The enterprise-shortfall cells the sampled world sets ([source][leaf][year]; see SampledCells). */
    sampledShortfall: Uint8Array,
    /** Where the sampler's worlds keep each cell (`DrawSampler.reads`); null: in place. */
    reads: WorldReads | null = null,
  ) {
    this.N = f.leaf.length;
    this.S = f.sources;
    this.Y = f.paymentYears;
    const stride = f.shortfallStride;
    this.shortfallSource = Uint8Array.from({ length: this.S }, (_, s) => (sampledShortfall.subarray(s * stride, (s + 1) * stride).includes(1) ? 1 : 0));
    this.demand = new Float64Array(this.N * this.S);
    this.ratio = new Float64Array(this.N * this.S);
    this.received = new Float64Array(this.N);
    this.unpaid = new Float64Array(this.N * this.S);
    this.absorbed = new Float64Array(this.S);
    this.carryIn = new Float64Array(f.budgetAmount.length);
    const read = (array: Int32Array | undefined, cell: number) => (cell < 0 || !array ? cell : array[cell]);
    this.factorAt = Int32Array.from(f.budgetFactorCell, (cell) => read(reads?.budgetFactor, cell));
    const N = this.N;
    this.shortfallAt = Int32Array.from({ length: this.S * this.Y * N }, (_, k) => {
      const [s, y, i] = [Math.floor(k / (this.Y * N)), Math.floor(k / N) % this.Y, k % N];
      const c = f.shortfallCell[y * N + i];
      return c < 0 ? -1 : read(reads?.enterpriseShortfall, s * stride + c);
    });
  }

  /** A new draw: nothing carried over yet. */
  begin(): void {
    this.carryIn.fill(0);
  }

  /** Money carried into budget `b` (index into plan.budgets) from the year before, yuan. */
  carriedInto(b: number): number {
    return this.carryIn[b];
  }

  /**
   * Pays year y: `cost` is each lp's cost due (recorded years: what was paid); adds to `paid` and
   * `gap` ([source][year]) and returns what each lp received (a buffer reused next call).
   */
  pay(world: SampledWorld, y: number, cost: Float64Array, paid: Float64Array, gap: Float64Array): Float64Array {
    this.owe(y, cost);
    this.ration(world, y);
    return this.settle(world, y, paid, gap);
  }

  /**
   * Rule 6: leaf-programme `i` of the year just paid deferred new starts that `fraction` of its
   * shortage was lacked by (0 … 1). That part of each source's unpaid amount for the cell is no gap —
   * it was owed for units that did not start; the rest (commitments, certain starts, starts that
   * went ahead) still is. Pooled as rule 6 pools the lp's money: every source in proportion to its
   * own unpaid amount.
   */
  absorb(i: number, fraction: number): void {
    const { N, S, unpaid, absorbed } = this;
    for (let s = 0; s < S; s++) absorbed[s] += unpaid[s * N + i] * fraction;
  }

  /**
   * Takes what `absorb` gathered for year y out of each source's gap, and starts the next year
   * with nothing absorbed. Only called in a year something was absorbed. The gap and what is taken
   * from it are sums of the same cells in different orders, so a gap deferral absorbed whole can
   * come out as rounding (±1e-13 of it): such a remainder is 0, and a gap is never negative.
   */
  closeYear(y: number, gap: Float64Array): void {
    const { S, Y, absorbed } = this;
    for (let s = 0; s < S; s++) {
      const a = absorbed[s];
      if (a === 0) continue;
      const k = s * Y + y;
      const before = gap[k];
      const left = before - a;
      gap[k] = left > 1e-12 * before ? left : 0;
      absorbed[s] = 0;
    }
  }

  private owe(y: number, cost: Float64Array): void {
    const { N, S, Y, demand } = this;
    const { shares, recordedPaid } = this.f;
    for (let s = 0; s < S; s++) {
      const o = s * N;
      const row = (y * S + s) * N;
      for (let i = 0; i < N; i++) demand[o + i] = shares[row + i] * cost[i];
    }
    const recorded = this.f.recordedByYear[y];
    for (let q = 0; q < recorded.length; q++) {
      const i = recorded[q];
      const row = (i * Y + y) * S;
      for (let s = 0; s < S; s++) demand[s * N + i] = recordedPaid[row + s];
    }
  }

  private ration(world: SampledWorld, y: number): void {
    const { demand, ratio, carryIn, factorAt } = this;
    const { budgetAmount, budgetNext, recordedStart, recordedCell, askedStart, askedCell } = this.f;
    const factor = world.budgetFactor;
    ratio.fill(1);
    // Ratios start at 1 and a budget only lowers them, so budgets may be taken in any order.
    const singles = this.f.singleBudgets[y];
    const singleCell = this.f.singleCell[y];
    for (let q = 0; q < singles.length; q++) {
      const b = singles[q];
      const cell = factorAt[b];
      const left = Math.max(0, budgetAmount[b] * (cell >= 0 ? factor[cell] : 1) + carryIn[b]);
      const k = singleCell[q];
      const asked = demand[k];
      const r = asked > left ? left / asked : 1;
      if (r < ratio[k]) ratio[k] = r;
      const next = budgetNext[b];
      if (next >= 0) carryIn[next] = Math.max(0, left - asked * r);
    }
    const others = this.f.otherBudgets[y];
    for (let q = 0; q < others.length; q++) {
      const b = others[q];
      const cell = factorAt[b];
      const available = budgetAmount[b] * (cell >= 0 ? factor[cell] : 1) + carryIn[b];
      let recorded = 0;
      for (let m = recordedStart[b]; m < recordedStart[b + 1]; m++) recorded += demand[recordedCell[m]];
      let asked = 0;
      const first = askedStart[b];
      const end = askedStart[b + 1];
      for (let m = first; m < end; m++) asked += demand[askedCell[m]];
      const left = Math.max(0, available - recorded);
      const r = asked > left ? left / asked : 1;
      if (r < 1) {
        for (let m = first; m < end; m++) {
          const k = askedCell[m];
          if (r < ratio[k]) ratio[k] = r;
        }
      }
      const next = budgetNext[b];
      if (next >= 0) carryIn[next] = Math.max(0, left - asked * r);
    }
  }

  /**
   * Pays each cell its demand × ratio × (1 − shortfall), and keeps what it did not pay (`unpaid`,
   * read by `absorb`). A source no shortfall input covers gets all that its budgets grant
   * (1 − 0 = 1 exactly), and a zero demand pays +0, which changes no sum: both are skipped in its
   * loop with the same result.
   */
  private settle(world: SampledWorld, y: number, paid: Float64Array, gap: Float64Array): Float64Array {
    const { N, S, Y, demand, ratio, received, unpaid, shortfallSource, shortfallAt } = this;
    const shortfall = world.enterpriseShortfall;
    received.fill(0);
    for (let s = 0; s < S; s++) {
      const o = s * N;
      let paidS = 0;
      let gapS = 0;
      if (shortfallSource[s] === 1) {
        const row = (s * Y + y) * N;
        for (let i = 0; i < N; i++) {
          const owed = demand[o + i];
          if (owed === 0) {
            unpaid[o + i] = 0;
            continue;
          }
          const c = shortfallAt[row + i];
          const p = owed * ratio[o + i] * (c < 0 ? 1 : 1 - shortfall[c]);
          received[i] += p;
          paidS += p;
          const u = owed - p;
          unpaid[o + i] = u;
          gapS += u;
        }
      } else {
        for (let i = 0; i < N; i++) {
          const owed = demand[o + i];
          const p = owed * ratio[o + i];
          received[i] += p;
          paidS += p;
          const u = owed - p;
          unpaid[o + i] = u;
          gapS += u;
        }
      }
      paid[s * Y + y] += paidS;
      gap[s * Y + y] += gapS;
    }
    return received;
  }
}
