/** A small normalised scenario for Monte Carlo tests: two cities, three leaves, a group. */
import type { Program, Region, Scenario, Source } from "../../src/scenario/types.js";

function region(id: string, parent: string | null, children: string[], leaves: string[], isGroup = false): Region {
  return { id, name: id, parent, children, leaves, isLeaf: children.length === 0 && !isGroup, isGroup };
}

function program(id: string, leaves: [string, number][], shares: string[]): Program {
  return {
    id,
    name: id,
    unit: "community",
    integer: false,
    escalation: 0,
    spendProfile: [0.6, 0.4],
    slotsPerUnit: 1,
    householdsPerUnitGiven: true,
    leaves: leaves.map(([r, unitCost]) => ({ region: r, stock: 100, householdsPerUnit: 200, unitCost })),
    shares: Object.fromEntries(shares.map((s) => [s, { min: 0, max: 1, capPerHousehold: null }])),
    startLimits: [],
  };
}

function source(id: string, kind: Source["kind"], budgets: [string, number, number][]): Source {
  return {
    id,
    name: id,
    kind,
    costWeight: kind === "government" ? 1 : 0,
    carryover: false,
    budgets: budgets.map(([r, year, amount]) => ({ region: r, year, amount })),
    links: [],
  };
}

export function fixtureScenario(): Scenario {
  const years = [2021, 2022, 2023, 2024, 2025];
  return {
    name: "fixture",
    description: "",
    currency: "CNY",
    horizon: { start: 2021, end: 2025 },
    years,
    regions: [
      region("gd", null, ["gz", "sz"], ["gz-a", "gz-b", "sz"]),
      region("gz", "gd", ["gz-a", "gz-b"], ["gz-a", "gz-b"]),
      region("gz-a", "gz", [], ["gz-a"]),
      region("gz-b", "gz", [], ["gz-b"]),
      region("sz", "gd", [], ["sz"]),
      region("towns", null, [], ["gz-b", "sz"], true),
    ],
    rootRegions: ["gd"],
    programs: [
      program("retrofit", [["gz-a", 4e6], ["gz-b", 5e6], ["sz", 6e6]], ["central", "city", "ent", "residents"]),
      program("village", [["gz-a", 2e7]], ["central", "city"]),
    ],
    sources: [
      source("central", "government", years.map((y) => ["gd", y, 1e9] as [string, number, number])),
      source("city", "government", [
        ...years.map((y) => ["gz", y, 3e8] as [string, number, number]),
        ...years.filter((y) => y !== 2025).map((y) => ["sz", y, 2e8] as [string, number, number]),
        ["gz-b", 2023, 0],
      ]),
      source("ent", "enterprise", []),
      source("residents", "resident", []),
    ],
    capacity: [],
    targets: [],
    actuals: [],
    asOf: null,
    objective: { smoothing: false, relTolerance: 1e-7, absTolerance: 1e-7, mipGap: 1e-3, timeLimitSeconds: 300 },
    uncertainty: undefined,
  };
}
