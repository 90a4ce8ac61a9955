/** Which budgets a selection touches: closed years (as_of) never, whatever the options say. */
import { describe, expect, it } from "vitest";
import { cutBudgets } from "../../src/finance/cuts.js";
import { describeSelection, resolveSelection } from "../../src/finance/selection.js";
import { loadScenario } from "../../src/scenario/index.js";

const government = { selector: { kind: "government" as const, ids: null } };

describe("budget selection", () => {
  it("starts at the first year as_of leaves open when --from is not given: money already paid is not cut", () => {
    const { scenario: s } = loadScenario("scenarios/guangdong-retrofit-actuals-2023.yaml");
    expect(s.asOf?.firstOpenYear).toBe(2023);
    const sel = resolveSelection(s, government);
    expect(sel.from).toBe(2023);
    expect(describeSelection(sel)).toContain("from 2023");
    // The horizon ends in 2025; late starts are paid for in 2026, whose budgets the cut reaches too.
    expect(sel.tailYears).toEqual([2026, 2026]);
    expect(describeSelection(sel)).toBe("the budgets of central, provincial, city, county, bonds from 2023 (with the payment year 2026 after the horizon)");
    expect(resolveSelection(s, { ...government, to: 2024 }).tailYears).toBeNull();
    const cut = cutBudgets(s, sel, 0.5);
    s.sources.forEach((source, i) => {
      source.budgets.forEach((b, k) => {
        const after = cut.sources[i].budgets[k].amount;
        if (b.year < 2023 || source.kind !== "government") expect(after, `${source.id} ${b.region} ${b.year}`).toBe(b.amount);
        else expect(after).toBeCloseTo(b.amount * 0.5, 6);
      });
    });
  });

  it("tells a source written by its name, bracketed qualifier left out, its id, and lists the ids with names where no hint helps", () => {
    const { scenario: s } = loadScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    const sources = (ids: string[]) => () => resolveSelection(s, { selector: { kind: null, ids } });
    expect(sources(["管线单位及社会资本"])).toThrow('unknown source "管线单位及社会资本" ("管线单位及社会资本" is the name of source "enterprise": write its id)');
    expect(sources(["bogus"])).toThrow('unknown source "bogus"; the scenario\'s sources are central（中央财政城镇老旧小区改造补助资金）, provincial（省级财政补助资金）, city（地级市财政资金）, ');
  });

  it("names only the sources whose budgets it touches: at guangzhou, city and county money, not the province's", () => {
    const { scenario: s } = loadScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    expect(resolveSelection(s, government).sourceIds).toEqual(["central", "provincial", "city", "county", "bonds"]);
    const sel = resolveSelection(s, { ...government, region: "guangzhou" });
    expect(sel.sourceIds).toEqual(["city", "county"]);
    expect(describeSelection(sel)).toBe("the budgets of city, county at guangzhou and the nodes below it (with the payment year 2026 after the horizon)");
    // Named by id, a source with nothing to cut there is refused, not dropped.
    expect(() => resolveSelection(s, { selector: { kind: "government", ids: ["central", "city"] }, region: "guangzhou" }))
      .toThrow("no budget of central at guangzhou and the nodes below it: leave it out of the sources named; central's budgets are at guangdong, which --region guangzhou does not reach");
    // Where the years, not the region, leave a source out, the region is not blamed.
    const early = { ...s, sources: s.sources.map((x) => (x.id === "city" ? { ...x, budgets: x.budgets.filter((b) => b.region !== "guangzhou" || b.year < 2024) } : x)) };
    expect(() => resolveSelection(early, { selector: { kind: "government", ids: ["city", "county"] }, region: "guangzhou", from: 2024 }))
      .toThrow(/^no budget of city from 2024 at guangzhou and the nodes below it[^;]*: leave it out of the sources named$/);
  });

  it("says in a command's title when every year is selected, past years included, and how to leave them", () => {
    const { scenario: s } = loadScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    const every = resolveSelection(s, government);
    expect(describeSelection(every, s.horizon.start)).toBe(
      "the budgets of central, provincial, city, county, bonds in every year from 2021 (--from YEAR keeps the years before it as planned) (with the payment year 2026 after the horizon)",
    );
    expect(describeSelection(every)).toBe("the budgets of central, provincial, city, county, bonds (with the payment year 2026 after the horizon)");
    expect(describeSelection(resolveSelection(s, { ...government, from: 2024 }), s.horizon.start)).toMatch(/ from 2024 \(with/);
  });

  it("cuts only the years from --from to --to: '2024 only' leaves 2025 and the tail whole", () => {
    const { scenario: s } = loadScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    const sel = resolveSelection(s, { ...government, from: 2024, to: 2024 });
    expect(describeSelection(sel)).toBe("the budgets of central, provincial, city, county, bonds in 2024");
    const cut = cutBudgets(s, sel, 0.15);
    s.sources.forEach((source, i) => source.budgets.forEach((b, k) => {
      const after = cut.sources[i].budgets[k].amount;
      if (b.year === 2024 && source.kind === "government") expect(after).toBeCloseTo(b.amount * 0.85, 6);
      else expect(after, `${source.id} ${b.region} ${b.year}`).toBe(b.amount);
    }));
    expect(() => resolveSelection(s, { ...government, from: 2024, to: 2023 })).toThrow(/--to 2023 is before 2024/);
    expect(() => resolveSelection(s, { ...government, to: 2030 })).toThrow(/--to 2030 is outside the scenario's horizon 2021–2025/);
    expect(describeSelection(resolveSelection(s, { ...government, to: 2022 }))).toContain("up to 2022");
  });

  it("takes every year of a scenario without as_of", () => {
    const { scenario: s } = loadScenario("scenarios/guangdong-retrofit-2021-2025.yaml");
    expect(resolveSelection(s, government).from).toBeNull();
  });
});
