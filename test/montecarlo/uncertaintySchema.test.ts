import { describe, expect, it } from "vitest";
import { checkUncertainty, uncertaintySectionProblems } from "../../src/montecarlo/uncertaintySchema.js";
import { fixtureScenario } from "./fixture.js";

const scenario = fixtureScenario();
const check = (raw: unknown) => checkUncertainty(raw, scenario);
/** Problems as "path: message" with paths written like YAML paths. */
const problemsOf = (raw: unknown) =>
  check(raw).problems.map((p) => `${p.path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("")}: ${p.message}`);
const input = (over: Record<string, unknown>) => ({ id: "x", applies_to: "unit_cost", dist: { type: "uniform", min: 0.9, max: 1.2 }, ...over });

describe("a valid section", () => {
  const raw = {
    seed: 20240501,
    inputs: [
      { id: "unit-cost", applies_to: "unit_cost", program: "retrofit", dist: { type: "pert", min: 0.9, mode: 1.0, max: 1.6 } },
      { id: "central-budget", applies_to: "budget", source: "central", dist: { type: "triangular", min: 0.7, mode: 0.95, max: 1.0 }, per: "year" },
      { id: "consent", applies_to: "consent_failure", dist: { type: "uniform", min: 0, max: "10%" }, per: "region_year" },
      { id: "shortfall", applies_to: "enterprise_shortfall", dist: { type: "discrete", values: [0, 0.2, 0.5], weights: [6, 3, 1] }, per: "region" },
      { id: "slip", applies_to: "slip", dist: { type: "normal", mean: 0.1, sd: 0.05, min: 0, max: 1 } },
      { id: "village-cost", applies_to: "unit_cost", program: "village", mode: "value", dist: { type: "lognormal", mean: "2000万", sd: "300万" } },
    ],
    correlations: [{ between: ["unit-cost", "central-budget"], rho: -0.3 }],
  };
  it("normalises with defaults filled in", () => {
    const { value, problems } = check(raw);
    expect(problems).toEqual([]);
    expect(value!.seed).toBe(20240501);
    const [cost, budget, consent, shortfall, slip, village] = value!.inputs;
    expect(cost).toMatchObject({ mode: "factor", per: "draw", program: "retrofit", source: null, region: null, kind: null });
    expect(cost.dist).toEqual({ type: "pert", min: 0.9, mode: 1, max: 1.6, lambda: 4 });
    expect(budget).toMatchObject({ appliesTo: "budget", per: "year", source: "central" });
    expect(consent).toMatchObject({ mode: "value", dist: { type: "uniform", min: 0, max: 0.1 } });
    expect(shortfall.dist).toEqual({ type: "discrete", values: [0, 0.2, 0.5], weights: [0.6, 0.3, 0.1] });
    expect(slip.dist).toEqual({ type: "normal", mean: 0.1, sd: 0.05, min: 0, max: 1 });
    expect(village.dist.type).toBe("lognormal");
    const d = village.dist as { mu: number; sigma: number };
    expect(Math.exp(d.mu + d.sigma ** 2 / 2)).toBeCloseTo(2e7, 3); // mean 2000万 preserved
    expect(value!.correlations).toEqual([{ between: ["unit-cost", "central-budget"], rho: -0.3 }]);
  });
  it("an absent section is empty, not an error", () => {
    expect(check(undefined)).toEqual({ value: { seed: null, inputs: [], correlations: [] }, problems: [] });
    expect(check({})).toEqual({ value: { seed: null, inputs: [], correlations: [] }, problems: [] });
  });
  it("ids may be written as numbers", () => {
    const { value } = check({ inputs: [input({ id: 440100 })] });
    expect(value!.inputs[0].id).toBe("440100");
  });
});

describe("parameter problems, each at its path", () => {
  it.each([
    [{ type: "triangular", min: 1.2, mode: 1.0, max: 1.6 }, "inputs[0].dist.mode: min 1.2 > mode 1"],
    [{ type: "pert", min: 0.9, mode: 1.7, max: 1.6 }, "inputs[0].dist.mode: mode 1.7 > max 1.6"],
    [{ type: "uniform", min: 1, max: 1 }, "inputs[0].dist.max: min 1 = max 1 (min must be below max)"],
    [{ type: "pert", min: 0.9, mode: 1, max: 1.6, lambda: 0 }, "inputs[0].dist.lambda: 0 is out of range: it must be above 0"],
    [{ type: "normal", mean: 1, sd: 0, min: 0 }, "inputs[0].dist.sd: sd 0 must be above 0"],
    [{ type: "normal", mean: 1, sd: 0.1, min: 0, max: -1 }, "inputs[0].dist.max: min 0 > max -1 (min must be below max)"],
    [{ type: "normal", mean: 1, sd: 0.01, min: 2, max: 3 }, "inputs[0].dist: the truncation range [2, 3] lies too far (beyond 37 sd) from the mean 1 to hold any probability"],
    [{ type: "lognormal", mu: 0, sd: 1 }, "inputs[0].dist: give either mu and sigma (of log X) or mean and sd (of X itself), not a mix"],
    [{ type: "lognormal", mean: -1, sd: 1 }, "inputs[0].dist.mean: mean -1 must be above 0 (lognormal values are positive)"],
    [{ type: "lognormal", mu: 0, sigma: 0.2, min: -1 }, "inputs[0].dist.min: min -1 is below 0; lognormal values are positive"],
    [{ type: "discrete", values: [1, 2], weights: [1] }, "inputs[0].dist.weights: 1 weights for 2 values; give one weight per value"],
    [{ type: "discrete", values: [1, 2], weights: [1, -1] }, "inputs[0].dist.weights[1]: weight -1 is negative"],
    [{ type: "discrete", values: [1, 2], weights: [0, 0] }, "inputs[0].dist.weights: weights sum to 0; at least one must be positive"],
    [{ type: "beta", a: 1 }, `inputs[0].dist.type: distribution "beta" is not one of uniform, triangular, pert, normal, lognormal, discrete`],
    [{ type: "uniforn", min: 0, max: 1 }, `inputs[0].dist.type: distribution "uniforn" is not one of uniform, triangular, pert, normal, lognormal, discrete (did you mean "uniform"?)`],
    [{ type: "uniform", min: 1, max: 2, mode: 1 }, `inputs[0].dist.mode: unknown key "mode"`],
    [{ type: "uniform", min: 1 }, "inputs[0].dist.max: required"],
    [{ type: "uniform", min: "lots", max: 2 }, `inputs[0].dist.min: "lots" is not a number, share ("30%") or amount ("3500万")`],
  ])("%j", (dist, message) => {
    expect(problemsOf({ inputs: [input({ dist })] })).toEqual([message]);
  });
});

describe("input problems", () => {
  it.each([
    [input({ program: "nope" }), `inputs[0].program: unknown program "nope"`],
    [input({ region: "atlantis" }), `inputs[0].region: unknown region "atlantis"`],
    [input({ applies_to: "budget", source: "nope" }), `inputs[0].source: unknown source "nope"`],
    [input({ applies_to: "budget", source: "central", kind: "enterprise" }), "inputs[0].kind: source central is of kind government, not enterprise"],
    [input({ source: "central" }), "inputs[0].source: unit_cost inputs cannot be filtered by source (use program or region)"],
    [input({ applies_to: "budget", program: "retrofit" }), "inputs[0].program: budget inputs cannot be filtered by program (use source, kind or region)"],
    [input({ applies_to: "slip", mode: "factor", dist: { type: "uniform", min: 0, max: 0.1 } }), "inputs[0].mode: slip is a share/probability with no scenario value to scale; use mode: value"],
    [input({ applies_to: "consent_failure", dist: { type: "uniform", min: 0, max: 1.5 } }), "inputs[0].dist: consent_failure is a share/probability, so its distribution must stay within [0, 1]; this one ranges over [0, 1.5] (set min/max)"],
    [input({ applies_to: "consent_failure", dist: { type: "uniform", min: 0, max: 40 } }), 'inputs[0].dist: consent_failure is a share/probability, so its distribution must stay within [0, 1]; this one ranges over [0, 40] (set min/max); a share is written 0.4 or "40%", not 40'],
    [input({ dist: { type: "normal", mean: 1, sd: 0.1 } }), "inputs[0].dist: a unit_cost factor cannot be negative; this distribution ranges over [-Infinity, Infinity] (set min: 0)"],
    [input({ applies_to: "budget", source: "ent" }), "inputs[0]: input x applies to nothing in this scenario (no budgets for source ent)"],
    [input({ program: "village", region: "sz" }), "inputs[0]: input x applies to nothing in this scenario (no programme leaves for program village, region sz)"],
    [input({ applies_to: "budget", source: "city", region: "gz-b", mode: "value", dist: { type: "uniform", min: 1e8, max: 2e8 } }), "inputs[0].mode: value mode replaces the scenario value, which is 0 for source city, node gz-b, 2023; use a factor or set a baseline"],
    [input({ per: "month" }), `inputs[0].per: "month" is not one of draw, region, year, region_year`],
    [input({ per: "regions" }), `inputs[0].per: "regions" is not one of draw, region, year, region_year (did you mean "region"?)`],
    [input({ applies_to: "budget", source: "centrl" }), `inputs[0].source: unknown source "centrl" (did you mean "central"?)`],
    [input({ applies: "unit_cost" }), `inputs[0].applies: unknown key "applies"`],
  ])("%j", (raw, message) => {
    expect(problemsOf({ inputs: [raw] })).toEqual([message]);
  });

  it("checks an input's well-formed references in the same round as its wrong key or value (a QA review got them a round later)", () => {
    expect(problemsOf({ inputs: [input({ program: "retrofitt", regoin: "gz" })] })).toEqual([
      `inputs[0].regoin: unknown key "regoin"`,
      `inputs[0].program: unknown program "retrofitt" (did you mean "retrofit"?)`,
    ]);
    expect(problemsOf({ inputs: [input({ applies_to: "budget", source: "centrl", kind: "government", per: "regionyear" })] })).toEqual([
      `inputs[0].per: "regionyear" is not one of draw, region, year, region_year (did you mean "region_year"?)`,
      `inputs[0].source: unknown source "centrl" (did you mean "central"?)`,
    ]);
    // A reference that is itself malformed, or a filter whose quantity is not known, is not checked.
    const unchecked = problemsOf({ inputs: [input({ applies_to: "nope", program: "village", source: "central", region: 7.5 })] });
    expect(unchecked).toContain(`inputs[0].applies_to: "nope" is not one of unit_cost, budget, enterprise_shortfall, consent_failure, slip`);
    expect(unchecked.filter((p) => /unknown region|cannot be filtered/.test(p))).toEqual([]);
  });

  it("duplicate ids", () => {
    expect(problemsOf({ inputs: [input({}), input({ program: "village" })] })).toEqual([`inputs[1].id: duplicate input id "x" (also inputs[0])`]);
  });

  it("value inputs replacing the same cell", () => {
    const a = { id: "a", applies_to: "consent_failure", dist: { type: "uniform", min: 0, max: 0.1 } };
    const b = { id: "b", applies_to: "consent_failure", region: "gz", dist: { type: "uniform", min: 0, max: 0.2 } };
    expect(problemsOf({ inputs: [a, b] })).toEqual(["inputs[1]: input b and input a both replace consent_failure for program retrofit, leaf gz-a, 2021; only factors combine"]);
    // Factors on the same cell multiply: no problem.
    expect(problemsOf({ inputs: [input({ id: "a" }), input({ id: "b", region: "gz" })] })).toEqual([]);
  });

  it("reports every problem at once", () => {
    const raw = { seed: -3, inputs: [input({ program: "nope", dist: { type: "uniform", min: 2, max: 1 } }), input({ id: "y", applies_to: "nope" })] };
    // seed and applies_to (the section's own shape), and input 0's distribution and programme: one round.
    expect(problemsOf(raw)).toEqual([
      "seed: -3 is out of range: it must be at least 0",
      "inputs[0].dist.max: min 2 > max 1 (min must be below max)",
      `inputs[1].applies_to: "nope" is not one of unit_cost, budget, enterprise_shortfall, consent_failure, slip`,
      `inputs[0].program: unknown program "nope"`,
    ]);
    const semantic = { inputs: [input({ program: "nope", dist: { type: "uniform", min: 2, max: 1 } }), input({ id: "y", region: "atlantis" })] };
    expect(problemsOf(semantic)).toEqual([
      "inputs[0].dist.max: min 2 > max 1 (min must be below max)",
      `inputs[0].program: unknown program "nope"`,
      `inputs[1].region: unknown region "atlantis"`,
    ]);
  });
});

describe("correlation problems", () => {
  const a = input({ id: "a" });
  const b = input({ id: "b", program: "village" });
  const byYear = { id: "budget", applies_to: "budget", source: "central", per: "year", dist: { type: "uniform", min: 0.8, max: 1 } };
  const byRegion = { id: "consent", applies_to: "consent_failure", per: "region", dist: { type: "uniform", min: 0, max: 0.1 } };
  const budgetByRegion = { id: "city", applies_to: "budget", source: "city", per: "region", dist: { type: "uniform", min: 0.8, max: 1 } };
  it.each([
    [[a, b], [{ between: ["a", "zz"], rho: 0.5 }], `correlations[0].between[1]: unknown input id "zz"`],
    [[a, b], [{ between: ["a", "a"], rho: 0.5 }], `correlations[0].between: an input cannot be correlated with itself ("a")`],
    [[a, b], [{ between: ["a", "b"], rho: 0.5 }, { between: ["b", "a"], rho: 0.2 }], "correlations[1]: b and a are already correlated in correlations[0]"],
    [[a, b], [{ between: ["a", "b"], rho: 1.5 }], "correlations[0].rho: 1.5 is out of range: it must be at most 1"],
    [[a, byYear, byRegion], [{ between: ["a", "budget"], rho: 0.5 }, { between: ["a", "consent"], rho: 0.5 }],
      "correlations[0]: correlated inputs a (per draw), budget (per year), consent (per region) mix granularities that do not nest (budget per year, consent per region); correlated inputs must follow draw ⊂ year ⊂ region_year or draw ⊂ region ⊂ region_year"],
    [[byRegion, budgetByRegion], [{ between: ["consent", "city"], rho: 0.5 }],
      "correlations[0]: correlated inputs city (per region), consent (per region) are drawn per region, but budget inputs vary by budget node and the others by leaf region, so their regions do not match; draw one of them per draw or per year"],
    [[a, b, byYear], [{ between: ["a", "b"], rho: 0.9 }, { between: ["b", "budget"], rho: 0.9 }],
      "correlations[0]: the rank correlations among a, b, budget are inconsistent (the matrix is not positive semi-definite; it fails at budget). Pairs not listed count as 0 — list them or weaken some rho"],
  ])("%#", (inputs, correlations, message) => {
    expect(problemsOf({ inputs, correlations })).toEqual([message]);
  });
  it("names an unknown input id, with the nearest, whatever else the inputs get wrong (a planner's typo came a round later)", () => {
    const wrong = input({ id: "a", program: "nope", dist: { type: "uniform", min: 2, max: 1 } });
    expect(problemsOf({ inputs: [wrong, b], correlations: [{ between: ["a", "bb"], rho: 0.5 }] })).toEqual([
      "inputs[0].dist.max: min 2 > max 1 (min must be below max)",
      `correlations[0].between[1]: unknown input id "bb" (did you mean "b"?)`,
      `inputs[0].program: unknown program "nope"`,
    ]);
    // The input whose values are wrong is known by its id: only its correlation's further checks wait.
    expect(problemsOf({ inputs: [wrong, b], correlations: [{ between: ["a", "b"], rho: 0.5 }] })).not.toContainEqual(expect.stringMatching(/^correlations/));
  });
  it("perfect correlation (rho ±1) is allowed", () => {
    expect(problemsOf({ inputs: [a, b], correlations: [{ between: ["a", "b"], rho: -1 }] })).toEqual([]);
  });
});

describe("one round for the whole section", () => {
  it("lists a bad key of one input with another input's bad distribution and unknown source, and a bad rho", () => {
    const raw = {
      inputs: [
        input({ id: "a", per: "regionyear" }),
        input({ id: "b", dist: { type: "uniform", min: 1.2, max: 0.9 } }),
        { id: "c", applies_to: "budget", source: "centrl", dist: { type: "uniform", min: 0.8, max: 1 } },
      ],
      correlations: [{ between: ["b", "c"], rho: 1.6 }],
    };
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.stringMatching(/^inputs\[0\]\.per: "regionyear" is not one of/));
    expect(problems).toContainEqual(expect.stringMatching(/^inputs\[1\]\.dist/));
    expect(problems).toContainEqual(expect.stringMatching(/^inputs\[2\]\.source: unknown source "centrl"/));
    expect(problems).toContainEqual("correlations[0].rho: 1.6 is out of range: it must be at most 1");
    expect(problems).toHaveLength(4);
  });

  it("tells what the section's own text shows without the scenario (for the loader's first round)", () => {
    const raw = { inputs: [input({ id: "b", dist: { type: "uniform", min: 1.2, max: 0.9 } }), { id: "c", applies_to: "budget", source: "centrl", dist: { type: "uniform", min: 0.8, max: 1 } }] };
    expect(uncertaintySectionProblems(raw).map((p) => p.path.join("."))).toEqual(["inputs.0.dist.max"]); // not the source: that needs the scenario
    expect(uncertaintySectionProblems(undefined)).toEqual([]);
  });

  it("checks the inputs' references against the ids the document declares, where the loader gives them; a list not whole waits", () => {
    const raw = { inputs: [input({ program: "retrofitt", region: "gzz" }), { id: "c", applies_to: "budget", source: "centrl", kind: "enterprise", dist: { type: "uniform", min: 0.8, max: 1 } }] };
    const ids = { programs: ["retrofit"], sources: new Map([["central", "government"]]), regions: ["gz"] };
    expect(uncertaintySectionProblems(raw, undefined, ids).map((p) => `${p.path.join(".")}: ${p.message}`)).toEqual([
      `inputs.0.program: unknown program "retrofitt" (did you mean "retrofit"?)`,
      `inputs.0.region: unknown region "gzz" (did you mean "gz"?)`,
      `inputs.1.source: unknown source "centrl" (did you mean "central"?)`,
    ]);
    expect(uncertaintySectionProblems(raw, undefined, { ...ids, regions: null }).map((p) => p.path.join("."))).toEqual(["inputs.0.program", "inputs.1.source"]);
  });
});
