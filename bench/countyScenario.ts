/**
 * A generated county-scale scenario for the benchmark (DESIGN §7): 122 counties under 21 cities,
 * three programmes, five years, six funding sources with budgets at province, city and county
 * level, capacity per city and soft targets per programme and city. Deterministic: the numbers
 * come from a fixed linear-congruential sequence, so every run benchmarks the same model.
 */
import type { Program, Region, Scenario, Source, Target } from "../src/scenario/types.js";

export interface CountyOptions {
  counties?: number;
  cities?: number;
  integer: boolean;
}

function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

export function countyScenario({ counties = 122, cities = 21, integer }: CountyOptions): Scenario {
  const rand = lcg(122);
  const years = [2021, 2022, 2023, 2024, 2025];
  const regions: Region[] = [{ id: "province", name: "省", parent: null, children: [], leaves: [], isLeaf: false, isGroup: false }];
  for (let c = 0; c < cities; c++) {
    regions.push({ id: `city${c}`, name: `市${c}`, parent: "province", children: [], leaves: [], isLeaf: false, isGroup: false });
  }
  for (let k = 0; k < counties; k++) {
    regions.push({ id: `county${k}`, name: `县${k}`, parent: `city${k % cities}`, children: [], leaves: [], isLeaf: true, isGroup: false });
  }
  for (const r of regions) {
    r.children = regions.filter((x) => x.parent === r.id).map((x) => x.id);
    r.leaves = r.isLeaf ? [r.id] : regions.filter((x) => x.isLeaf && (x.parent === r.id || r.id === "province")).map((x) => x.id);
  }
  const leaves = regions.filter((r) => r.isLeaf).map((r) => r.id);
  const shares = (gov: number): Program["shares"] => ({
    central: { min: 0, max: 0.3 * gov, capPerHousehold: null },
    provincial: { min: 0, max: 0.3 * gov, capPerHousehold: null },
    city: { min: 0.05, max: 0.4, capPerHousehold: null },
    county: { min: 0.05, max: 0.4, capPerHousehold: null },
    enterprise: { min: 0, max: 0.3, capPerHousehold: null },
    residents: { min: 0.005, max: 0.05, capPerHousehold: 3000 },
  });
  const program = (id: string, cost: number, hpu: number, stock: number, profile: number[], gov: number): Program => ({
    id, name: id, unit: "unit", integer, escalation: 0.02, spendProfile: profile, slotsPerUnit: 1, householdsPerUnitGiven: true, startLimits: [],
    shares: shares(gov),
    leaves: leaves.map((region) => ({ region, stock: Math.round(stock * (0.5 + rand())), householdsPerUnit: Math.round(hpu * (0.7 + 0.6 * rand())), unitCost: cost * (0.8 + 0.4 * rand()) })),
  });
  const programs = [
    program("retrofit", 4_500_000, 170, 60, [0.7, 0.3], 1),
    program("urban-village", 60_000_000, 900, 4, [0.3, 0.4, 0.3], 0.8),
    program("town", 12_000_000, 400, 10, [0.5, 0.5], 1.2),
  ];
  const budgetAt = (region: string, perYear: number) => years.map((year) => ({ region, year, amount: Math.round(perYear * (0.8 + 0.4 * rand())) }));
  const cityIds = regions.filter((r) => r.parent === "province").map((r) => r.id);
  const sources: Source[] = [
    { id: "central", name: "中央", kind: "government", costWeight: 0.8, carryover: false, budgets: budgetAt("province", 4.5e9), links: [] },
    { id: "provincial", name: "省级", kind: "government", costWeight: 1, carryover: true, budgets: budgetAt("province", 3.5e9), links: [] },
    { id: "city", name: "市级", kind: "government", costWeight: 1, carryover: false, budgets: cityIds.flatMap((c) => budgetAt(c, 2.2e8)), links: [{ id: "city-match", source: "city", of: "central", minRatio: 0.3, maxRatio: null, region: "province", eachChild: true }] },
    { id: "county", name: "县级", kind: "government", costWeight: 1.1, carryover: false, budgets: leaves.flatMap((l) => budgetAt(l, 3.5e7)), links: [] },
    { id: "enterprise", name: "企业", kind: "enterprise", costWeight: 0, carryover: false, budgets: budgetAt("province", 2.5e9), links: [] },
    { id: "residents", name: "居民", kind: "resident", costWeight: 0, carryover: false, budgets: [], links: [] },
  ];
  const targets: Target[] = programs.map((p) => ({
    id: `${p.id}-province`, name: p.id, program: p.id, region: "province", metric: "started", by: 2025,
    atLeast: Math.round(p.leaves.reduce((s, l) => s + l.stock, 0) * 0.8), kind: "soft", weight: 1,
  }));
  for (const c of cityIds) {
    targets.push({ id: `hh-${c}`, name: c, program: "retrofit", region: c, metric: "households_completed", by: 2025, atLeast: 30000, kind: "soft", weight: 0.2 });
  }
  return {
    name: `county-scale-${integer ? "integer" : "lp"}`,
    description: "generated benchmark scenario",
    currency: "CNY",
    horizon: { start: 2021, end: 2025 },
    years,
    regions,
    rootRegions: ["province"],
    programs,
    sources,
    capacity: cityIds.map((c) => ({ id: `slots-${c}`, region: c, programs: programs.map((p) => p.id), slots: Object.fromEntries(years.map((y) => [y, 220])) })),
    targets,
    actuals: [],
    asOf: null,
    objective: { smoothing: false, relTolerance: 1e-7, absTolerance: 1e-7, mipGap: 1e-3, timeLimitSeconds: 300 },
    uncertainty: null,
  };
}
