/**
 * Builds small normalised scenarios in code for model tests, so each constraint family can be
 * checked on rows we can read, without going through YAML.
 */
import type { Program, Region, Scenario, Source, Target } from "../../src/scenario/types.js";

export function region(id: string, parent: string | null = null): Region {
  return { id, name: id, parent, children: [], leaves: [], isLeaf: true, isGroup: false };
}

/** Fills children/leaves/isLeaf from parents, like the normaliser does. */
export function tree(regions: Region[]): Region[] {
  for (const r of regions) {
    r.children = regions.filter((c) => c.parent === r.id).map((c) => c.id);
    r.isLeaf = r.children.length === 0 && !r.isGroup;
  }
  const leavesOf = (r: Region): string[] =>
    r.isLeaf ? [r.id] : r.children.flatMap((c) => leavesOf(regions.find((x) => x.id === c)!));
  for (const r of regions) if (!r.isGroup) r.leaves = leavesOf(r);
  return regions;
}

export function program(overrides: Partial<Program> & Pick<Program, "id" | "leaves" | "shares">): Program {
  return {
    name: overrides.id,
    unit: "unit",
    integer: false,
    escalation: 0,
    spendProfile: [1],
    slotsPerUnit: 1,
    // As if written in the scenario: a leaf with other than 1 household per unit was given one.
    householdsPerUnitGiven: overrides.leaves.some((l) => l.householdsPerUnit !== 1),
    startLimits: [],
    ...overrides,
  };
}

export function source(overrides: Partial<Source> & Pick<Source, "id" | "kind">): Source {
  return {
    name: overrides.id,
    costWeight: overrides.kind === "government" ? 1 : 0,
    carryover: false,
    budgets: [],
    links: [],
    ...overrides,
  };
}

export function target(overrides: Partial<Target> & Pick<Target, "id" | "program" | "region" | "atLeast">): Target {
  return { name: overrides.id, metric: "started", by: 2022, kind: "soft", weight: 1, ...overrides };
}

export function scenario(overrides: Partial<Scenario> & Pick<Scenario, "regions" | "programs" | "sources">): Scenario {
  const horizon = overrides.horizon ?? { start: 2021, end: 2022 };
  const years: number[] = [];
  for (let y = horizon.start; y <= horizon.end; y++) years.push(y);
  return {
    name: "test",
    description: "",
    currency: "CNY",
    horizon,
    years,
    rootRegions: overrides.regions.filter((r) => r.parent === null && !r.isGroup).map((r) => r.id),
    capacity: [],
    targets: [],
    actuals: [],
    asOf: null,
    objective: { smoothing: false, relTolerance: 1e-7, absTolerance: 1e-7, mipGap: 1e-3, timeLimitSeconds: 300 },
    uncertainty: null,
    ...overrides,
  };
}

/**
 * The hand-solved case: one town, units cost 100万 paid in the start year, government pays up to
 * 90 % within 300万 a year, residents exactly 10 %. Target: 8 units started by 2022 (soft).
 * Government can fund 300/90 = 3⅓ units a year → 6⅔ units; shortfall 1⅓; stage-1 objective 1⅓/8.
 */
export function handSolvedTown(): Scenario {
  return scenario({
    regions: tree([region("town")]),
    programs: [
      program({
        id: "retrofit",
        leaves: [{ region: "town", stock: 10, householdsPerUnit: 100, unitCost: 1_000_000 }],
        shares: {
          gov: { min: 0, max: 0.9, capPerHousehold: null },
          residents: { min: 0.1, max: 0.1, capPerHousehold: null },
        },
      }),
    ],
    sources: [
      source({ id: "gov", kind: "government", budgets: [2021, 2022].map((year) => ({ region: "town", year, amount: 3_000_000 })) }),
      source({ id: "residents", kind: "resident" }),
    ],
    targets: [target({ id: "started-8", program: "retrofit", region: "town", atLeast: 8 })],
  });
}
