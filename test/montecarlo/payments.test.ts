/**
 * Payments pays a year's money by the rules of execute.ts (rule 5) — the same numbers, bit for
 * bit, as paying one leaf-programme at a time with every budget of the year lowering the ratios of
 * its members — whatever the order it takes cells and budgets in.
 */
import { describe, expect, it } from "vitest";
import type { ExecBudget, ExecLeafProgram, ExecutionPlan } from "../../src/montecarlo/executionPlan.js";
import { FlatPlan } from "../../src/montecarlo/flatPlan.js";
import { Payments } from "../../src/montecarlo/payments.js";
import { Stream } from "../../src/montecarlo/streams.js";
import type { SampledWorld } from "../../src/montecarlo/types.js";

const H = 2; // horizon years; payment year 2 is a tail year, whose money is drawn too
const Y = 3;
const S = 3; // 0: government (budgets), 1: enterprise (a budget and shortfall), 2: residents (no budget)
const L = 4; // leaves, one leaf-programme each

function leafProgram(l: number, shares: number[], recordedPaid: (number[] | null)[]): ExecLeafProgram {
  const zeros = (n: number) => new Array<number>(n).fill(0);
  return {
    p: 0, l, profile: [1], householdsPerUnit: 1, slotsPerUnit: 1, whole: false, unitCost: zeros(H), planned: zeros(H), actual: zeros(H),
    fixed: [false, false], preCost: zeros(Y), preActive: zeros(Y), preCompleted: zeros(Y), recordedPaid, shares,
  };
}

function budget(source: number, yearIndex: number, amount: number, leafPrograms: number[], next = -1): ExecBudget {
  return { source, region: "r", yearIndex, factorCell: source * Y + yearIndex, amount, leafPrograms, next };
}

/** A plan with every kind of budget: a province one over all, a one-member one, two over one lp, a recorded year, carry-over. */
function planOf(rng: Stream): ExecutionPlan {
  const share = () => (rng.next() < 0.2 ? 0 : rng.next());
  const leafPrograms = [0, 1, 2, 3].map((l) =>
    leafProgram(l, Array.from({ length: Y * S }, share), l === 3 ? [[3e6, 1e6, 5e5], null, null] : [null, null, null]),
  );
  const amount = () => 2e6 + 6e6 * rng.next();
  const budgets: ExecBudget[] = [];
  for (let y = 0; y < Y; y++) {
    budgets.push(budget(0, y, amount(), [0, 1, 2, 3], y + 1 < Y ? budgets.length + 4 : -1)); // carries into next year's province budget
    budgets.push(budget(0, y, amount() / 4, [1])); // lp 1 under two government budgets
    budgets.push(budget(0, y, amount() / 3, [2]));
    budgets.push(budget(1, y, amount() / 2, [0, 2, 3]));
  }
  return { horizonYears: H, paymentYears: [2021, 2022, 2023], sourceKinds: ["government", "enterprise", "resident"], leafPrograms, budgets, capacity: [] };
}

function worldOf(rng: Stream): SampledWorld {
  const world = {
    draw: 0,
    unitCostFactor: new Float64Array(L * H).fill(1),
    budgetFactor: Float64Array.from({ length: S * Y }, () => 0.5 + rng.next()),
    enterpriseShortfall: new Float64Array(S * L * Y),
    consentFailure: new Float64Array(L * H),
    slipProbability: new Float64Array(L * H),
    consentUniform: new Float64Array(L * H).fill(0.5),
    slipUniform: new Float64Array(L * H).fill(0.5),
    moneyUniform: new Float64Array(L * H).fill(0.5),
    inputValues: new Float64Array(0),
  };
  for (let k = L * Y; k < 2 * L * Y; k++) world.enterpriseShortfall[k] = 0.5 * rng.next(); // source 1's cells, tail year included
  return world;
}

/** The rules as written: one leaf-programme at a time, every budget in plan order. */
function reference(plan: ExecutionPlan, world: SampledWorld, costs: Float64Array[]) {
  const N = plan.leafPrograms.length;
  const paid = new Float64Array(S * Y);
  const gap = new Float64Array(S * Y);
  const received = costs.map(() => new Float64Array(N));
  const carry = new Float64Array(plan.budgets.length);
  for (let y = 0; y < Y; y++) {
    const lps = plan.leafPrograms;
    const demand = (i: number, s: number) => lps[i].recordedPaid[y]?.[s] ?? lps[i].shares[y * S + s] * costs[y][i];
    const ratio = new Float64Array(N * S).fill(1);
    plan.budgets.forEach((b, bi) => {
      if (b.yearIndex !== y) return;
      const available = b.amount * (b.factorCell >= 0 ? world.budgetFactor[b.factorCell] : 1) + carry[bi];
      let recorded = 0;
      let asked = 0;
      for (const i of b.leafPrograms) {
        if (lps[i].recordedPaid[y]) recorded += demand(i, b.source);
        else asked += demand(i, b.source);
      }
      const left = Math.max(0, available - recorded);
      const r = asked > left ? left / asked : 1;
      for (const i of b.leafPrograms) if (!lps[i].recordedPaid[y] && r < ratio[i * S + b.source]) ratio[i * S + b.source] = r;
      if (b.next >= 0) carry[b.next] = Math.max(0, left - asked * r);
    });
    for (let i = 0; i < N; i++) {
      for (let s = 0; s < S; s++) {
        const owed = demand(i, s);
        if (owed === 0) continue;
        const inFull = lps[i].recordedPaid[y] !== null;
        const p = owed * ratio[i * S + s] * (inFull ? 1 : 1 - world.enterpriseShortfall[(s * L + lps[i].l) * Y + y]);
        received[y][i] += p;
        paid[s * Y + y] += p;
        gap[s * Y + y] += owed - p;
      }
    }
  }
  return { paid, gap, received, carry };
}

describe("Payments", () => {
  it("pays every year as the rules do, one leaf-programme at a time (200 random plans and worlds)", () => {
    const rng = new Stream(5, 0, "payments");
    const sampledShortfall = new Uint8Array(S * L * Y);
    sampledShortfall.fill(1, L * Y, 2 * L * Y);
    let short = 0;
    for (let trial = 0; trial < 200; trial++) {
      const plan = planOf(rng);
      const world = worldOf(rng);
      const costs = Array.from({ length: Y }, () => Float64Array.from({ length: L }, () => 1e7 * rng.next()));
      const want = reference(plan, world, costs);
      const payments = new Payments(new FlatPlan(plan, L), sampledShortfall);
      payments.begin();
      const paid = new Float64Array(S * Y);
      const gap = new Float64Array(S * Y);
      for (let y = 0; y < Y; y++) expect(Array.from(payments.pay(world, y, costs[y], paid, gap))).toEqual(Array.from(want.received[y]));
      expect(Array.from(paid)).toEqual(Array.from(want.paid));
      expect(Array.from(gap)).toEqual(Array.from(want.gap));
      plan.budgets.forEach((_, b) => expect(payments.carriedInto(b)).toBe(want.carry[b]));
      if (want.gap.some((g, k) => g > 0 && k < Y)) short++;
    }
    expect(short).toBeGreaterThan(20); // budgets bound in many trials
  });

  it("pays a recorded year as recorded, before and beside the budget's other members", () => {
    const plan = planOf(new Stream(6, 0, "payments"));
    const world = worldOf(new Stream(7, 0, "payments"));
    world.budgetFactor.fill(0); // nothing left for the others in year 0
    const payments = new Payments(new FlatPlan(plan, L), new Uint8Array(S * L * Y).fill(1));
    payments.begin();
    const paid = new Float64Array(S * Y);
    const gap = new Float64Array(S * Y);
    const cost = Float64Array.from([1e6, 1e6, 1e6, 4.5e6]);
    const received = payments.pay(world, 0, cost, paid, gap);
    expect(received[3]).toBe(4.5e6);
    // The others get nothing from their budgets: residents pay their share, and lp 1 (under no
    // enterprise budget) its enterprise share less the shortfall.
    const share = (i: number, s: number) => plan.leafPrograms[i].shares[s] * 1e6;
    const enterprise = share(1, 1) * 1 * (1 - world.enterpriseShortfall[(L + 1) * Y]);
    expect(Array.from(received.subarray(0, 3))).toEqual([share(0, 2), enterprise + share(1, 2), share(2, 2)]);
  });
});
