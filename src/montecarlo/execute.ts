/**
 * `evaluate` mode: executes the fixed plan year by year in one sampled world. The rules (also in
 * docs/monte-carlo.md, "Execution rules"):
 *
 *  1. Candidates: planned starts of the year plus units deferred from earlier years. Actual starts
 *     are certain; only the rest is exposed to risk.
 *  2. Consent: a sampled share of the uncertain candidates fails resident consent → deferred.
 *  3. Slip: a sampled share (the slip probability, applied in expectation) slips a year → deferred.
 *  4. Capacity: if active units would exceed a capacity's slots, uncertain candidates under it are
 *     cut proportionally → deferred.
 *  5. Money: cost due = commitments of units already started (at their realised unit cost) + new
 *     starts × first-year cost. Each source owes its planned share of that year's cost (the plan's
 *     funding mix for that leaf, programme and year, so a world without uncertainty reproduces the
 *     plan); enterprise money arrives less its sampled shortfall; each budget (× sampled factor,
 *     + carry-over) pays its sources' demands pro rata when short. Units started earlier are paid
 *     first; new starts that remain unfunded are deferred. What a source owed but did not pay is
 *     its funding gap.
 *  6. Deferred units try again next year; those still waiting at the horizon end are not started.
 *
 * Units are divisible here (probabilities and shares apply in expectation), which keeps a draw
 * cheap and smooth; attainment statistics come from the spread across draws.
 */
import type { SampledWorld } from "./types.js";
import type { ExecutionPlan } from "./executionPlan.js";

export interface DrawResult {
  /** Realised starts, [leafProgram][horizon year]. */
  starts: Float64Array;
  /** Paid by source and payment year, yuan: [source][year]. */
  paid: Float64Array;
  /** Owed but not paid, by source and payment year, yuan. */
  gap: Float64Array;
}

export class Executor {
  private readonly H: number;
  private readonly Y: number;
  private readonly S: number;
  private readonly N: number;
  private readonly certain: Float64Array;
  private readonly uncertain: Float64Array;
  private readonly deferred: Float64Array;
  private readonly total: Float64Array;
  private readonly newPerUnit: Float64Array;
  private readonly demand: Float64Array;
  private readonly ratio: Float64Array;
  private readonly carryIn: Float64Array;
  private readonly budgetsByYear: number[][];
  private readonly capacityByYear: number[][];
  readonly result: DrawResult;

  constructor(
    private readonly plan: ExecutionPlan,
    /** Leaves in the world layout: strides of the [program][leaf][year] and [source][leaf][year] cells. */
    private readonly layoutLeaves: number,
  ) {
    this.H = plan.horizonYears;
    this.Y = plan.paymentYears.length;
    this.S = plan.sourceKinds.length;
    this.N = plan.leafPrograms.length;
    const n = this.N;
    this.certain = new Float64Array(n);
    this.uncertain = new Float64Array(n);
    this.deferred = new Float64Array(n);
    this.total = new Float64Array(n);
    this.newPerUnit = new Float64Array(n);
    this.demand = new Float64Array(n * this.S);
    this.ratio = new Float64Array(n * this.S);
    this.carryIn = new Float64Array(plan.budgets.length);
    this.budgetsByYear = plan.paymentYears.map((_, y) => plan.budgets.flatMap((b, i) => (b.yearIndex === y ? [i] : [])));
    this.capacityByYear = plan.paymentYears.map((_, y) => plan.capacity.flatMap((c, i) => (c.yearIndex === y ? [i] : [])));
    this.result = {
      starts: new Float64Array(n * this.H),
      paid: new Float64Array(this.S * this.Y),
      gap: new Float64Array(this.S * this.Y),
    };
  }

  run(world: SampledWorld): DrawResult {
    this.begin();
    for (let y = 0; y < this.Y; y++) this.step(world, y);
    return this.result;
  }

  /** Starts a draw: nothing started, paid, deferred or carried yet. */
  begin(): void {
    const { starts, paid, gap } = this.result;
    starts.fill(0);
    paid.fill(0);
    gap.fill(0);
    this.deferred.fill(0);
    this.carryIn.fill(0);
  }

  /**
   * Executes payment year y (after `begin` and the years before it). The plan's starts and shares
   * of year y are read now, so annual re-planning (replan.ts) may rewrite them between years.
   */
  step(world: SampledWorld, y: number): void {
    if (y < this.H) {
      this.candidates(world, y);
      this.applyCapacity(y);
    } else {
      this.certain.fill(0);
      this.uncertain.fill(0);
    }
    this.costs(world, y);
    this.pay(world, y);
    if (y < this.H) {
      for (let i = 0; i < this.N; i++) this.result.starts[i * this.H + y] = this.certain[i] + this.uncertain[i];
    }
  }

  /** Forgets the units waiting to retry: a re-plan has decided anew what starts next. */
  clearDeferred(): void {
    this.deferred.fill(0);
  }

  /** Money carried into budget `b` (index into plan.budgets) from the year before, yuan. */
  carriedInto(b: number): number {
    return this.carryIn[b];
  }

  private cell(lp: { p: number; l: number }, y: number): number {
    return (lp.p * this.layoutLeaves + lp.l) * this.H + y;
  }

  private candidates(world: SampledWorld, y: number): void {
    const lps = this.plan.leafPrograms;
    for (let i = 0; i < this.N; i++) {
      const lp = lps[i];
      if (lp.fixed[y]) {
        this.certain[i] = lp.planned[y];
        this.uncertain[i] = 0;
        continue;
      }
      const c = this.cell(lp, y);
      let unc = Math.max(0, lp.planned[y] - lp.actual[y]) + this.deferred[i];
      const failed = unc * world.consentFailure[c];
      unc -= failed;
      const slipped = unc * world.slipProbability[c];
      unc -= slipped;
      this.certain[i] = lp.actual[y];
      this.uncertain[i] = unc;
      this.deferred[i] = failed + slipped;
    }
  }

  /** Units active in year y from starts before it (realised, or pre-horizon). */
  private activeBefore(i: number, y: number): number {
    const lp = this.plan.leafPrograms[i];
    let active = lp.preActive[y];
    for (let k = 1; k < lp.profile.length && y - k >= 0; k++) {
      if (y - k < this.H) active += this.result.starts[i * this.H + y - k];
    }
    return active;
  }

  private applyCapacity(y: number): void {
    for (const ci of this.capacityByYear[y]) {
      const cap = this.plan.capacity[ci];
      let used = 0;
      let reducible = 0;
      for (const i of cap.leafPrograms) {
        const spu = this.plan.leafPrograms[i].slotsPerUnit;
        used += spu * (this.activeBefore(i, y) + this.certain[i] + this.uncertain[i]);
        reducible += spu * this.uncertain[i];
      }
      if (used <= cap.slots || reducible <= 0) continue;
      const keep = Math.max(0, 1 - (used - cap.slots) / reducible);
      for (const i of cap.leafPrograms) {
        const cut = this.uncertain[i] * (1 - keep);
        this.uncertain[i] -= cut;
        this.deferred[i] += cut;
      }
    }
  }

  private costs(world: SampledWorld, y: number): void {
    const lps = this.plan.leafPrograms;
    const starts = this.result.starts;
    for (let i = 0; i < this.N; i++) {
      const lp = lps[i];
      let committed = lp.preCost[y];
      for (let k = 1; k < lp.profile.length && y - k >= 0; k++) {
        const t = y - k;
        if (t >= this.H) continue;
        committed += lp.profile[k] * lp.unitCost[t] * world.unitCostFactor[this.cell(lp, t)] * starts[i * this.H + t];
      }
      this.newPerUnit[i] = y < this.H ? lp.profile[0] * lp.unitCost[y] * world.unitCostFactor[this.cell(lp, y)] : 0;
      this.total[i] = committed + (this.certain[i] + this.uncertain[i]) * this.newPerUnit[i];
    }
  }

  private pay(world: SampledWorld, y: number): void {
    const { S, N } = this;
    const lps = this.plan.leafPrograms;
    for (let i = 0; i < N; i++) {
      for (let s = 0; s < S; s++) {
        this.demand[i * S + s] = lps[i].shares[y * S + s] * this.total[i];
        this.ratio[i * S + s] = 1;
      }
    }
    for (const bi of this.budgetsByYear[y]) this.rationBudget(world, bi);
    for (let i = 0; i < N; i++) {
      const lp = lps[i];
      let paidTotal = 0;
      for (let s = 0; s < S; s++) {
        const owed = this.demand[i * S + s];
        if (owed === 0) continue;
        const arrives = y < this.H ? 1 - world.enterpriseShortfall[(s * this.layoutLeaves + lp.l) * this.H + y] : 1;
        const p = owed * this.ratio[i * S + s] * arrives;
        paidTotal += p;
        this.result.paid[s * this.Y + y] += p;
        this.result.gap[s * this.Y + y] += owed - p;
      }
      const shortage = this.total[i] - paidTotal;
      if (shortage > 1e-6 && this.newPerUnit[i] > 0) {
        const unfunded = Math.min(this.uncertain[i], shortage / this.newPerUnit[i]);
        this.uncertain[i] -= unfunded;
        this.deferred[i] += unfunded;
      }
    }
  }

  /** Scales the demands on one budget pro rata when it cannot meet them all; carries leftovers. */
  private rationBudget(world: SampledWorld, bi: number): void {
    const b = this.plan.budgets[bi];
    const S = this.S;
    const factor = b.factorCell >= 0 ? world.budgetFactor[b.factorCell] : 1;
    const available = b.amount * factor + this.carryIn[bi];
    let asked = 0;
    for (const i of b.leafPrograms) asked += this.demand[i * S + b.source];
    const r = asked > available ? available / asked : 1;
    for (const i of b.leafPrograms) {
      if (r < this.ratio[i * S + b.source]) this.ratio[i * S + b.source] = r;
    }
    if (b.next >= 0) this.carryIn[b.next] = Math.max(0, available - asked * r);
  }
}
