/**
 * min-budget --confidence's min_budget_funding.csv (docs/finance.md, "At a confidence level"): per
 * payment year and source, what the plan to the level at λ pays against the plain plan with today's
 * budgets — plain min-budget's baseline. Money balances: a year's rows add up to the cost falling due
 * that year in the plan at λ (its starts × unit cost × spend profile, computed here from the plan
 * itself), and a source's rows to what the plan's funds columns pay it.
 */
import { describe, expect, it } from "vitest";
import { minBudgetToConfidence } from "../../src/confidence/minBudgetConfidence.js";
import { resolveSelection } from "../../src/finance/selection.js";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { MONEY_UNIT } from "../../src/model/context.js";
import { planScenario } from "../../src/plan/planScenario.js";

const RESIDENTS = "test/fixtures/confidence/budget-residents.yaml";
const fen = (yuan: number) => Math.round(yuan * 100);

describe("min-budget --confidence: who pays in the plan at λ", () => {
  it("pays each year's cost due of the 90 % plan at λ, each source what the plan pays it, against the plain plan with today's budgets", async () => {
    const loaded = loadCheckedScenario(RESIDENTS);
    const { scenario } = loaded;
    const selection = resolveSelection(scenario, { selector: { kind: "government", ids: null } });
    const r = await minBudgetToConfidence(scenario, loaded.uncertainty, selection, { confidence: 0.9, calibrationSeed: 7, calibrationDraws: 1000 });
    expect(r.status).toBe("optimal");
    expect(r.funding.map((f) => `${f.year}:${f.source}:${f.scaled_source}`)).toEqual([2021, 2022, 2023].flatMap((y) => [`${y}:gov:true`, `${y}:residents:false`]));
    const { ctx } = r.at!.pm;
    const primal = r.at!.calibration.primal;
    // The cost due per payment year, of the plan's starts.
    const due = new Map<number, number>();
    for (const lp of ctx.leafPrograms) {
      ctx.years.forEach((year, h) => {
        const started = primal[ctx.index.startsCol(lp.index, h)];
        lp.program.spendProfile.forEach((share, k) => due.set(year + k, (due.get(year + k) ?? 0) + started * lp.leaf.unitCost * share));
      });
    }
    for (const year of ctx.paymentYears) {
      const paid = r.funding.filter((f) => f.year === year).reduce((t, f) => t + fen(f.used_yuan), 0);
      expect(Math.abs(paid - fen(due.get(year) ?? 0)), `${year}`).toBeLessThanOrEqual(2);
    }
    // Each source's total: the plan's payments to it (its funds columns), within a fen a row.
    scenario.sources.forEach((source, s) => {
      let exact = 0;
      for (const lp of ctx.leafPrograms) {
        ctx.paymentYears.forEach((_, y) => {
          const v = ctx.index.fundsCol(lp.index, y, s);
          if (v >= 0) exact += primal[v] * MONEY_UNIT;
        });
      }
      const own = r.funding.filter((f) => f.source === source.id);
      expect(Math.abs(own.reduce((t, f) => t + fen(f.used_yuan), 0) - fen(exact)), source.id).toBeLessThanOrEqual(own.length);
    });
    // Today's column is the plain plan's, as `simulate` writes its funding.csv; the change the difference.
    const today = await planScenario(scenario, "auto");
    for (const f of r.funding) {
      const plain = today.tables.funding.filter((x) => x.source === f.source && x.year === f.year).reduce((t, x) => t + fen(x.amount_yuan), 0);
      expect(fen(f.today_used_yuan!), `${f.source} ${f.year}`).toBe(plain);
      expect(fen(f.change_yuan!)).toBe(fen(f.used_yuan) - fen(f.today_used_yuan!));
    }
    // The plain plan pays everything from the cheaper government money; at λ the residents pay a share.
    expect(r.funding.filter((f) => f.source === "residents").reduce((t, f) => t + f.change_yuan!, 0)).toBeGreaterThan(1e7);
  });
});
