/**
 * `evaluate` mode: executes the fixed plan year by year in one sampled world. The rules (also in
 * docs/monte-carlo.md, "Execution rules"):
 *
 *  1. Candidates: planned starts of the year plus units deferred from earlier years. Actual starts
 *     are certain; only the rest is exposed to risk.
 *  2. Consent: a sampled share of the uncertain candidates fails resident consent → deferred.
 *  3. Slip: a sampled share (the slip probability, applied in expectation) slips a year → deferred.
 *     Whole-unit programmes draw both unit by unit: a binomial number of their whole candidates.
 *  4. Capacity: if active units would exceed a capacity's slots, uncertain candidates under it are
 *     cut proportionally (whole-unit programmes: in whole units, as few as fit) → deferred.
 *  5. Money: cost due = commitments of units already started (at their realised unit cost) + new
 *     starts × first-year cost. Each source owes its planned share of that year's cost (the plan's
 *     funding mix for that leaf, programme and year, so a world without uncertainty reproduces the
 *     plan); enterprise money arrives less its sampled shortfall; each budget (× sampled factor,
 *     + carry-over) pays its sources' demands pro rata when short. Units started earlier are paid
 *     first; new starts that remain unfunded are deferred (whole units: a unit short of part of its
 *     money is deferred with the probability of the share it lacks). The funding gap is what was
 *     owed for work that started (commitments, certain starts, starts that went ahead) and not
 *     paid: the money deferred starts lacked is not in it (they never started), so a leaf-programme's
 *     gap is max(0, shortage − deferred × first-year cost), shared among its sources in proportion
 *     to what each did not pay. Money that actuals record for a whole year was paid, as recorded: it uses
 *     its budgets first and is never rationed, short or late.
 *  6. Deferred units try again next year; those still waiting at the horizon end are not started.
 *
 * Otherwise units are divisible (shares and cuts apply in expectation), which keeps a draw
 * cheap and smooth; attainment statistics come from the spread across draws.
 */
import type { SampledCells, SampledWorld, WorldReads } from "./types.js";
import type { ExecutionPlan } from "./executionPlan.js";
import { FlatPlan } from "./flatPlan.js";
import { Payments } from "./payments.js";
import { wholeCapacityCuts, wholeFailures, wholeUnfunded } from "./wholeUnits.js";

export interface DrawResult {
  /** Realised starts, [leafProgram][horizon year]. */
  starts: Float64Array;
  /** Paid by source and payment year, yuan: [source][year]. */
  paid: Float64Array;
  /** Owed for work that started (not for starts deferred for want of money) and not paid, by source and payment year, yuan. */
  gap: Float64Array;
}

export class Executor {
  private readonly H: number;
  private readonly Y: number;
  private readonly S: number;
  private readonly N: number;
  private readonly f: FlatPlan;
  private readonly certain: Float64Array;
  private readonly uncertain: Float64Array;
  private readonly deferred: Float64Array;
  private readonly total: Float64Array;
  private readonly newPerUnit: Float64Array;
  /** Scratch: a capacity limit's cut per leaf-programme when it covers whole units. */
  private readonly capacityCut: Float64Array;
  /** Where lp i's consent failure, slip probability and unit-cost factor of horizon year y are read: [i · H + y]. */
  private readonly consentAt: Int32Array;
  private readonly slipAt: Int32Array;
  private readonly costAt: Int32Array;
  private readonly payments: Payments;
  readonly result: DrawResult;

  constructor(
    plan: ExecutionPlan,
    /** Leaves in the world layout: strides of the [program][leaf][year] and [source][leaf][year] cells. */
    layoutLeaves: number,
    /** The cells the sampler sets (`DrawSampler.sampled`). */
    sampled: SampledCells,
    /** Where the sampler's worlds keep each cell (`DrawSampler.reads`); null: in place, for worlds built by hand. */
    reads: WorldReads | null = null,
  ) {
    this.H = plan.horizonYears;
    this.Y = plan.paymentYears.length;
    this.S = plan.sourceKinds.length;
    this.N = plan.leafPrograms.length;
    this.f = new FlatPlan(plan, layoutLeaves);
    const n = this.N;
    this.certain = new Float64Array(n);
    this.uncertain = new Float64Array(n);
    this.deferred = new Float64Array(n);
    this.total = new Float64Array(n);
    this.newPerUnit = new Float64Array(n);
    this.capacityCut = new Float64Array(n);
    const { H, f } = this;
    const at = (where: Int32Array | null) => {
      const out = new Int32Array(n * H);
      for (let i = 0; i < n; i++) for (let y = 0; y < H; y++) out[i * H + y] = where ? where[f.cellBase[i] + y] : f.cellBase[i] + y;
      return out;
    };
    this.consentAt = at(reads && reads.consentFailure);
    this.slipAt = at(reads && reads.slipProbability);
    this.costAt = at(reads && reads.unitCostFactor);
    this.payments = new Payments(this.f, sampled.enterpriseShortfall, reads);
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
    this.payments.begin();
  }

  /**
   * Executes payment year y (after `begin` and the years before it). The plan's starts and shares
   * of year y are read now, so annual re-planning (replan.ts) may rewrite them between years
   * (`setPlanned`, `setShare`).
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
    this.payOrDefer(world, y);
    if (y < this.H) {
      const { H, certain, uncertain } = this;
      const starts = this.result.starts;
      for (let i = 0; i < this.N; i++) starts[i * H + y] = certain[i] + uncertain[i];
    }
  }

  /** Planned starts of leaf-programme i in horizon year y (annual re-planning rewrites them). */
  setPlanned(i: number, y: number, units: number): void {
    this.f.planned[i * this.H + y] = units;
  }

  /** Source s's share of leaf-programme i's cost in payment year y (annual re-planning rewrites them). */
  setShare(i: number, y: number, s: number, share: number): void {
    this.f.shares[(y * this.S + s) * this.N + i] = share;
  }

  /** Forgets the units waiting to retry: a re-plan has decided anew what starts next. */
  clearDeferred(): void {
    this.deferred.fill(0);
  }

  /** Money carried into budget `b` (index into plan.budgets) from the year before, yuan. */
  carriedInto(b: number): number {
    return this.payments.carriedInto(b);
  }

  private candidates(world: SampledWorld, y: number): void {
    const { H, certain, uncertain, deferred, consentAt, slipAt } = this;
    const { fixed, planned, actual, cellBase, whole } = this.f;
    const failure = world.consentFailure;
    const slip = world.slipProbability;
    for (let i = 0; i < this.N; i++) {
      const iy = i * H + y;
      if (fixed[iy] === 1) {
        certain[i] = planned[iy];
        uncertain[i] = 0;
        continue;
      }
      const c = cellBase[i] + y;
      let unc = Math.max(0, planned[iy] - actual[iy]) + deferred[i];
      const share = failure[consentAt[iy]];
      const failed = whole[i] === 1 ? wholeFailures(unc, share, world.consentUniform[c]) : unc * share;
      unc -= failed;
      const slipShare = slip[slipAt[iy]];
      const slipped = whole[i] === 1 ? wholeFailures(unc, slipShare, world.slipUniform[c]) : unc * slipShare;
      unc -= slipped;
      certain[i] = actual[iy];
      uncertain[i] = unc;
      deferred[i] = failed + slipped;
    }
  }

  /** Units active in year y from starts before it (realised, or pre-horizon). */
  private activeBefore(i: number, y: number): number {
    const { f, H } = this;
    const starts = this.result.starts;
    let active = f.preActive[i * this.Y + y];
    const duration = f.profileStart[i + 1] - f.profileStart[i];
    for (let k = 1; k < duration && y - k >= 0; k++) {
      if (y - k < H) active += starts[i * H + y - k];
    }
    return active;
  }

  private applyCapacity(y: number): void {
    const { f, certain, uncertain, deferred } = this;
    const { capacityStart, capacityIndex, capacitySlots, slotsPerUnit } = f;
    const list = f.capacityByYear[y];
    for (let q = 0; q < list.length; q++) {
      const ci = list[q];
      const first = capacityStart[ci];
      const end = capacityStart[ci + 1];
      let used = 0;
      let reducible = 0;
      for (let m = first; m < end; m++) {
        const i = capacityIndex[m];
        const spu = slotsPerUnit[i];
        used += spu * (this.activeBefore(i, y) + certain[i] + uncertain[i]);
        reducible += spu * uncertain[i];
      }
      if (used <= capacitySlots[ci] || reducible <= 0) continue;
      const keep = Math.max(0, 1 - (used - capacitySlots[ci]) / reducible);
      if (f.capacityHasWhole[ci] === 1) {
        const cut = this.capacityCut;
        wholeCapacityCuts(capacityIndex.subarray(first, end), f.whole, slotsPerUnit, uncertain, keep, used - capacitySlots[ci], cut);
        for (let m = first; m < end; m++) {
          const i = capacityIndex[m];
          uncertain[i] -= cut[i];
          deferred[i] += cut[i];
        }
        continue;
      }
      for (let m = first; m < end; m++) {
        const i = capacityIndex[m];
        const cut = uncertain[i] * (1 - keep);
        uncertain[i] -= cut;
        deferred[i] += cut;
      }
    }
  }

  private costs(world: SampledWorld, y: number): void {
    const { H, Y, S, certain, uncertain, total, newPerUnit, costAt } = this;
    const { recorded, recordedPaid, profileStart, profile, preCost, unitCost } = this.f;
    const factor = world.unitCostFactor;
    const starts = this.result.starts;
    for (let i = 0; i < this.N; i++) {
      if (recorded[i * Y + y]) {
        const row = (i * Y + y) * S;
        let paid = 0;
        for (let s = 0; s < S; s++) paid += recordedPaid[row + s];
        total[i] = paid;
        newPerUnit[i] = 0;
        continue;
      }
      const p0 = profileStart[i];
      const duration = profileStart[i + 1] - p0;
      let committed = preCost[i * Y + y];
      for (let k = 1; k < duration && y - k >= 0; k++) {
        const t = y - k;
        if (t >= H) continue;
        committed += profile[p0 + k] * unitCost[i * H + t] * factor[costAt[i * H + t]] * starts[i * H + t];
      }
      newPerUnit[i] = y < H ? profile[p0] * unitCost[i * H + y] * factor[costAt[i * H + y]] : 0;
      total[i] = committed + (certain[i] + uncertain[i]) * newPerUnit[i];
    }
  }

  /**
   * Pays year y's money; what a leaf-programme lacks is charged to its new starts first (rule 6).
   * The money lacked by the starts deferred is no funding gap — they never started — so only
   * `max(0, shortage − unfunded × first-year cost)` stays a gap, spread over the sources in
   * proportion to what each did not pay (Payments.absorb).
   */
  private payOrDefer(world: SampledWorld, y: number): void {
    const { total, uncertain, deferred, newPerUnit, payments } = this;
    const { whole, cellBase } = this.f;
    const gap = this.result.gap;
    const received = payments.pay(world, y, total, this.result.paid, gap);
    let absorbed = false;
    for (let i = 0; i < this.N; i++) {
      const shortage = total[i] - received[i];
      if (shortage > 1e-6 && newPerUnit[i] > 0) {
        const lacking = Math.min(uncertain[i], shortage / newPerUnit[i]);
        const unfunded = whole[i] === 1 && y < this.H ? wholeUnfunded(lacking, uncertain[i], world.moneyUniform[cellBase[i] + y]) : lacking;
        if (unfunded <= 0) continue;
        uncertain[i] -= unfunded;
        deferred[i] += unfunded;
        // A whole unit more than the money lacks may defer: then nothing of the shortage is left.
        payments.absorb(i, Math.min(1, (unfunded * newPerUnit[i]) / shortage));
        absorbed = true;
      }
    }
    if (absorbed) payments.closeYear(y, gap);
  }
}
