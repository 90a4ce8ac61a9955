import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, scenarioErrorAt, scenarioJsonSchema } from "../../src/scenario/index.js";
import { BASE, writeFiles } from "./helpers.js";

const GOOD = resolve("test/fixtures/scenarios/good");
const base = join(GOOD, "base.yaml");

describe("loading the fixture scenario", () => {
  const loaded = loadScenario(base);
  const s = loaded.scenario;

  it("expands CSV entries in place, keeping YAML records around them", () => {
    expect(s.regions.map((r) => r.id)).toEqual(["gd", "gz", "sz", "jm", "pearl"]);
    expect(s.regions.find((r) => r.id === "gz")!.name).toBe("广州市");
    expect(s.programs[0].leaves.map((l) => [l.region, l.stock])).toEqual([["gz", 400], ["sz", 300], ["jm", 250]]);
  });

  it("turns region,year,amount budget rows into one budget per region and year", () => {
    const city = s.sources.find((x) => x.id === "city")!;
    const at = (j: number, year: string) => ["sources", 1, "budgets", j, "by_year", year];
    expect(city.budgets).toEqual([
      { region: "gz", year: 2021, amount: 35_000_000, path: at(0, "2021") },
      { region: "gz", year: 2022, amount: 40_000_000, path: at(0, "2022") },
      { region: "sz", year: 2021, amount: 50_000_000, path: at(1, "2021") },
    ]);
  });

  it("expands per_year over the horizon and lets by_year extend it into tail years", () => {
    const central = s.sources.find((x) => x.id === "central")!;
    expect(central.budgets.map((b) => [b.year, b.amount])).toEqual([
      [2021, 825e6], [2022, 825e6], [2023, 825e6], [2024, 825e6], [2025, 825e6], [2026, 3e8],
    ]);
  });

  it("resolves the region tree and groups", () => {
    expect(s.rootRegions).toEqual(["gd"]);
    const gd = s.regions[0];
    expect(gd).toMatchObject({ children: ["gz", "sz", "jm"], leaves: ["gz", "sz", "jm"], isLeaf: false, isGroup: false });
    expect(s.regions.find((r) => r.id === "pearl")).toMatchObject({ isGroup: true, parent: null, leaves: ["gz", "sz"] });
  });

  it("fills programme defaults and unit costs per leaf", () => {
    const p = s.programs[0];
    expect(p).toMatchObject({ name: "老旧小区改造", unit: "community", integer: false, escalation: 0, slotsPerUnit: 1 });
    // per household × households per unit: the leaf's (CSV), else the programme's.
    expect(p.leaves.map((l) => [l.householdsPerUnit, l.unitCost])).toEqual([[180, 4_860_000], [170, 4_590_000], [120, 3_240_000]]);
    expect(p.shares.central).toEqual({ min: 0, max: 0.4, capPerHousehold: null, path: ["programs", 0, "shares", "central"] });
    expect(p.shares.residents).toEqual({ min: 0, max: 0.05, capPerHousehold: 2000, path: ["programs", 0, "shares", "residents"] });
    expect(p.startLimits).toEqual([{ region: "gd", year: 2021, min: null, max: 300, path: ["programs", 0, "start_limits", 0] }]);
  });

  it("fills source, link, capacity, target, actual and objective defaults", () => {
    const [central, city, residents] = s.sources;
    expect([central.costWeight, city.costWeight, residents.costWeight]).toEqual([1, 1, 0]);
    expect([central.carryover, city.carryover]).toEqual([false, true]);
    expect(residents.name).toBe("居民");
    expect(city.links).toEqual([
      { id: "city_match", source: "city", of: "central", minRatio: 0.5, maxRatio: null, region: "gd", eachChild: true, path: ["sources", 1, "links", 0] },
    ]);
    const slots = ["capacity", 0, "slots"];
    expect(s.capacity).toEqual([
      {
        id: "crews", region: "gd", programs: ["retrofit"], slots: { 2021: 250, 2022: 400, 2023: 400, 2024: 400, 2025: 400 },
        slotPaths: { 2021: ["capacity", 0, "by_year", "2021"], 2022: slots, 2023: slots, 2024: slots, 2025: slots },
      },
    ]);
    expect(s.targets[0]).toMatchObject({ name: "t_started", kind: "hard", weight: 1, atLeast: 800 });
    expect(s.targets[1]).toMatchObject({ kind: "soft", weight: 2, metric: "households_completed" });
    expect(s.actuals.map((a) => a.partial)).toEqual([false, true]);
    expect(s.objective).toEqual({ smoothing: false, relTolerance: 0.0001, absTolerance: 1e-7, mipGap: 1e-3, timeLimitSeconds: 300 });
    expect(s.uncertainty).toBeNull();
    expect(s.years).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it("returns the merged document without extends or file entries, and its hash", () => {
    const merged = loaded.merged as Record<string, unknown[]>;
    expect(merged.regions).toHaveLength(4);
    expect(JSON.stringify(merged)).not.toContain('"file"');
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.layers).toEqual([base]);
  });
});

describe("layers", () => {
  const slow = join(GOOD, "overlays/slow.yaml");
  const cut = join(GOOD, "overlays/cut.yaml");

  it("orders layers: scenario, then each overlay after its own extends chain", () => {
    expect(loadScenario(base, { overlays: [slow] }).layers).toEqual([base, cut, slow]);
    // cut is applied once, at its first position, even when named again.
    expect(loadScenario(base, { overlays: [cut, slow] }).layers).toEqual([base, cut, slow]);
  });

  it("applies overlays in order: merge by id and region, null and _delete", () => {
    const s = loadScenario(base, { overlays: [slow] }).scenario;
    expect(s.programs[0].leaves.map((l) => l.region)).toEqual(["gz", "sz"]); // jm deleted by cut.yaml
    expect(s.programs[0].startLimits).toEqual([]); // start_limits: null
    expect(s.objective.relTolerance).toBe(1e-7); // objective: null
    const central = s.sources[0].budgets.map((b) => [b.year, b.amount]);
    expect(central).toEqual([[2021, 825e6], [2022, 825e6], [2023, 825e6], [2024, 6e8], [2025, 6e8], [2026, 3e8]]);
    expect(s.capacity[0].slots).toEqual({ 2021: 250, 2022: 300, 2023: 300, 2024: 300, 2025: 300 });
  });

  it("resolves an extends chain root-most first, paths relative to each file", () => {
    const dir = writeFiles({
      "bases/root.yaml": BASE,
      "bases/mid.yaml": "extends: root.yaml\nname: mid\nhorizon: {start: 2022}\n",
      "leaf.yaml": "extends: [bases/mid.yaml]\nname: leaf\n",
    });
    const loaded = loadScenario(join(dir, "leaf.yaml"));
    expect(loaded.layers.map((f) => f.slice(dir.length + 1))).toEqual(["bases/root.yaml", "bases/mid.yaml", "leaf.yaml"]);
    expect(loaded.scenario.name).toBe("leaf");
    expect(loaded.scenario.years).toEqual([2022, 2023, 2024, 2025]);
    expect(loaded.merged).not.toHaveProperty("extends");
  });

  it("hashes the effective input: key order and file layout do not matter", () => {
    const dir = writeFiles({
      "a.yaml": BASE,
      "b.yaml": BASE.replace("name: t\nhorizon: {start: 2021, end: 2025}", "horizon: {end: 2025, start: 2021}\nname: t"),
      "c.yaml": "extends: a.yaml\nname: t2\n",
    });
    const [a, b, c] = ["a", "b", "c"].map((n) => loadScenario(join(dir, `${n}.yaml`)).hash);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});

describe("CSV cells", () => {
  it("keeps ids text, reads numbers and booleans, leaves empty cells out, keeps unit strings", () => {
    const dir = writeFiles({
      "s.yaml": BASE.replace("  - {id: gz, parent: gd}\n  - {id: sz, parent: gd}\n", "  - {file: r.csv}\n")
        .replace("{region: gz, stock: 100}", "{region: \"440100\", stock: 100}")
        .replace("{region: sz, stock: 80}", "{region: \"440300\", stock: 80}")
        .replace("actuals", "actuals") + "actuals:\n  - {file: a.csv}\n",
      "r.csv": "\uFEFFid,name,parent\r\n440100,\"Guangzhou, city\",gd\r\n\r\n440300,,gd\r\n",
      "a.csv": "region,program,year,started,partial\n440100,retrofit,2021,5,true\n440300,retrofit,2020,3,\n",
    });
    const s = loadScenario(join(dir, "s.yaml")).scenario;
    expect(s.regions.map((r) => [r.id, r.name])).toEqual([["gd", "gd"], ["440100", "Guangzhou, city"], ["440300", "440300"]]);
    expect(s.actuals).toEqual([
      { region: "440100", program: "retrofit", year: 2021, started: 5, partial: true },
      { region: "440300", program: "retrofit", year: 2020, started: 3, partial: false },
    ]);
  });

  it("accepts whole-number ids in YAML as text", () => {
    const dir = writeFiles({ "s.yaml": BASE.replace("{id: gz, parent: gd}", "{id: 4401, parent: gd}").replace("{region: gz,", "{region: 4401,") });
    const s = loadScenario(join(dir, "s.yaml")).scenario;
    expect(s.regions[1].id).toBe("4401");
    expect(s.programs[0].leaves[0].region).toBe("4401");
  });
});

describe("JSON Schema", () => {
  it("describes the input side, extends and file entries", () => {
    const schema = scenarioJsonSchema() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(schema.properties.extends).toBeDefined();
    expect(schema.required).toEqual(expect.arrayContaining(["name", "horizon", "regions", "programs", "sources"]));
    const items = schema.properties.programs.items.properties.by_region.items;
    expect(items.anyOf[1]).toMatchObject({ required: ["file"] });
    expect(JSON.stringify(schema.properties.sources)).toContain("budgets");
    // Amounts are accepted as numbers or unit strings.
    const amount = schema.properties.programs.items.properties.by_region.items.anyOf[0].properties.unit_cost;
    expect(amount.type).toEqual(["number", "string"]);
    expect(amount.description).toContain("3500万");
  });
});

describe("normalisation defaults", () => {
  const yaml = `${BASE.replace("    spend_profile: [0.6, 0.4]\n", "    start_limits: [{max: 60}]\n")}capacity:\n  - {id: c, region: gd, by_year: {2023: 50}}\n`
    .replace("  - id: city\n    kind: government\n", "  - id: city\n    kind: government\n    links: [{id: m, of: central, max_ratio: 2}]\n");
  const s = loadScenario(join(writeFiles({ "s.yaml": yaml }), "s.yaml")).scenario;

  it("fills programme defaults", () => {
    expect(s.programs[0]).toMatchObject({
      name: "retrofit",
      unit: "unit",
      integer: false,
      escalation: 0,
      spendProfile: [1],
      slotsPerUnit: 1,
      startLimits: [{ region: "gd", year: null, min: null, max: 60 }],
    });
    expect(s.programs[0].leaves[0]).toEqual({ region: "gz", stock: 100, householdsPerUnit: 1, unitCost: 3_000_000, path: ["programs", 0, "by_region", 0, "stock"] });
    expect(s.programs[0].shares.city).toEqual({ min: 0.2, max: 1, capPerHousehold: null, path: ["programs", 0, "shares", "city"] });
  });

  it("fills scenario, link and capacity defaults", () => {
    expect(s.description).toBe("");
    expect(s.currency).toBe("CNY");
    expect(s.sources[1].links[0]).toMatchObject({ region: "gd", eachChild: false, minRatio: null, maxRatio: 2 });
    expect(s.capacity[0]).toEqual({ id: "c", region: "gd", programs: ["retrofit"], slots: { 2023: 50 }, slotPaths: { 2023: ["capacity", 0, "by_year", "2023"] } });
    expect(s.sources[2]).toMatchObject({ name: "residents", costWeight: 0, carryover: false, budgets: [] });
    expect(s.actuals).toEqual([]);
    expect(s.objective).toEqual({ smoothing: false, relTolerance: 1e-7, absTolerance: 1e-7, mipGap: 1e-3, timeLimitSeconds: 300 });
    expect(s.seed).toBeUndefined();
  });
});

describe("locating problems found after loading", () => {
  it("maps section-relative paths to the layer and line that supplied the value", () => {
    const overlay = "uncertainty:\n  inputs:\n    - id: cost\n      dist: {type: uniform, min: 2, max: 1}\n";
    const dir = writeFiles({ "s.yaml": BASE, "mc.yaml": overlay });
    const loaded = loadScenario(join(dir, "s.yaml"), { overlays: [join(dir, "mc.yaml")] });
    expect(loaded.scenario.uncertainty).toEqual({ inputs: [{ id: "cost", dist: { type: "uniform", min: 2, max: 1 } }] });
    const error = scenarioErrorAt(loaded, [{ path: ["inputs", 0, "dist", "min"], message: "min is above max" }], ["uncertainty"]);
    expect(error?.message).toMatch(/^uncertainty\.inputs\[0\]\.dist\.min: min is above max \(.*mc\.yaml line 4\)$/);
    expect(scenarioErrorAt(loaded, [])).toBeNull();
  });
});

describe("rates and shares as planners type them", () => {
  it("reads an escalation of \"2%\" as 0.02, and a full-width \"３０％\" share as 0.3", () => {
    const yaml = BASE.replace("    spend_profile: [0.6, 0.4]", '    spend_profile: [0.6, 0.4]\n    escalation: "2%"').replace("central: {max: 0.5}", 'central: {max: "３０％"}');
    const { scenario } = loadScenario(join(writeFiles({ "s.yaml": yaml }), "s.yaml"));
    expect(scenario.programs[0].escalation).toBeCloseTo(0.02, 12);
    expect(scenario.programs[0].shares.central.max).toBeCloseTo(0.3, 12);
  });
});
