/**
 * Validated YAML → the typed `Scenario` every later stage reads: defaults filled in, budgets
 * expanded per (region, year), region trees resolved. Runs only on a document that passed
 * validation, so references are known to resolve. Order is the scenario's order throughout.
 * Every limit keeps the YAML path it came from (`path`), so a diagnosis can name its file and line.
 */
import { normaliseActuals, normaliseAsOf, withNothingToStart } from "./normaliseActuals.js";
import type { RawScenario } from "./schema.js";
import { yearsBetween } from "./paymentYears.js";
import type {
  Budget, Capacity, Link, Program, ProgramLeaf, Region, Scenario, ShareBound, Source, StartLimit, Target, YamlPath,
} from "./types.js";

type Raw = RawScenario;

export function normaliseScenario(raw: Raw): Scenario {
  const years = yearsBetween(raw.horizon.start, raw.horizon.end);
  const regions = normaliseRegions(raw);
  const rootRegions = regions.filter((r) => !r.isGroup && r.parent === null).map((r) => r.id);
  const root = rootRegions.length === 1 ? rootRegions[0] : null;
  const defaultRegion = (region: string | undefined): string => region ?? root!; // validation guarantees one
  const programs = raw.programs.map((p, i) => normaliseProgram(p, ["programs", i], defaultRegion));
  const asOf = normaliseAsOf(raw.as_of);
  return {
    name: raw.name,
    description: raw.description ?? "",
    currency: "CNY",
    horizon: { start: raw.horizon.start, end: raw.horizon.end },
    years,
    regions,
    rootRegions,
    programs,
    sources: raw.sources.map((s, i) => normaliseSource(s, ["sources", i], years, defaultRegion)),
    capacity: (raw.capacity ?? []).map((c, i) => normaliseCapacity(c, ["capacity", i], years, programs)),
    targets: (raw.targets ?? []).map(
      (t, i): Target => ({
        id: t.id,
        name: t.name ?? t.id,
        program: t.program,
        region: t.region,
        metric: t.metric,
        by: t.by,
        atLeast: t.at_least,
        kind: t.kind ?? "hard",
        weight: t.weight ?? 1,
        path: ["targets", i, "at_least"],
        ...(t.confidence === undefined ? {} : { confidence: t.confidence }),
      }),
    ),
    actuals: withNothingToStart(normaliseActuals(raw.actuals, asOf), asOf, programs, raw.horizon),
    asOf,
    objective: {
      smoothing: raw.objective?.smoothing ?? false,
      relTolerance: raw.objective?.tolerance ?? 1e-7,
      absTolerance: raw.objective?.absolute_tolerance ?? 1e-7,
      mipGap: raw.objective?.mip_gap ?? 1e-3,
      timeLimitSeconds: raw.objective?.time_limit_seconds ?? 300,
      ...(raw.objective?.confidence === undefined ? {} : { confidence: raw.objective.confidence }),
    },
    uncertainty: raw.uncertainty ?? null,
    ...(raw.seed === undefined ? {} : { seed: raw.seed }),
  };
}

function normaliseRegions(raw: Raw): Region[] {
  const tree: Region[] = raw.regions.map((r) => ({
    id: r.id,
    name: r.name ?? r.id,
    parent: r.parent ?? null,
    children: [],
    leaves: [],
    isLeaf: false,
    isGroup: false,
  }));
  const byId = new Map(tree.map((r) => [r.id, r]));
  for (const r of tree) if (r.parent !== null) byId.get(r.parent)!.children.push(r.id);
  for (const r of tree) {
    r.isLeaf = r.children.length === 0;
    if (!r.isLeaf) continue;
    // Pushing each leaf into itself and its ancestors keeps every `leaves` list in scenario order.
    for (let n: Region | undefined = r; n; n = n.parent === null ? undefined : byId.get(n.parent)) n.leaves.push(r.id);
  }
  const groups: Region[] = (raw.region_groups ?? []).map((g) => {
    const members = new Set(g.members.flatMap((m) => byId.get(m)!.leaves));
    return {
      id: g.id,
      name: g.name ?? g.id,
      parent: null,
      children: [],
      leaves: tree.filter((r) => members.has(r.id)).map((r) => r.id),
      isLeaf: false,
      isGroup: true,
    };
  });
  return [...tree, ...groups];
}

function normaliseProgram(p: Raw["programs"][number], at: YamlPath, defaultRegion: (r?: string) => string): Program {
  const cost = p.unit_cost;
  const perUnit = typeof cost === "number" ? cost : "per_unit" in cost ? cost.per_unit : null;
  const perHousehold = typeof cost === "object" && "per_household" in cost ? cost.per_household : null;
  const leaves = p.by_region.map((row, j): ProgramLeaf => {
    const householdsPerUnit = row.households_per_unit ?? p.households_per_unit ?? 1;
    return {
      region: row.region,
      stock: row.stock,
      path: [...at, "by_region", j, "stock"],
      householdsPerUnit,
      unitCost: row.unit_cost ?? perUnit ?? perHousehold! * householdsPerUnit,
    };
  });
  const shares: Record<string, ShareBound> = {};
  for (const [source, s] of Object.entries(p.shares)) {
    shares[source] = { min: s.min ?? 0, max: s.max ?? 1, capPerHousehold: s.cap_per_household ?? null, path: [...at, "shares", source] };
  }
  return {
    id: p.id,
    name: p.name ?? p.id,
    unit: p.unit ?? "unit",
    integer: p.integer ?? false,
    escalation: p.escalation ?? 0,
    spendProfile: p.spend_profile ?? [1],
    slotsPerUnit: p.slots_per_unit ?? 1,
    householdsPerUnitGiven: p.households_per_unit !== undefined || p.by_region.some((row) => row.households_per_unit !== undefined),
    leaves,
    shares,
    startLimits: (p.start_limits ?? []).map(
      (l, k): StartLimit => ({
        region: defaultRegion(l.region), year: l.year ?? null, min: l.min ?? null, max: l.max ?? null, path: [...at, "start_limits", k],
      }),
    ),
  };
}

function normaliseSource(s: Raw["sources"][number], at: YamlPath, years: number[], defaultRegion: (r?: string) => string): Source {
  const budgets: Budget[] = [];
  (s.budgets ?? []).forEach((b, j) => {
    const byYear = new Map<number, { amount: number; path: YamlPath }>();
    const record = [...at, "budgets", j];
    if (b.per_year !== undefined) for (const y of years) byYear.set(y, { amount: b.per_year, path: [...record, "per_year"] });
    for (const [y, amount] of Object.entries(b.by_year ?? {})) byYear.set(Number(y), { amount, path: [...record, "by_year", y] });
    for (const y of [...byYear.keys()].sort((a, c) => a - c)) budgets.push({ region: b.region, year: y, ...byYear.get(y)! });
  });
  return {
    id: s.id,
    name: s.name ?? s.id,
    kind: s.kind,
    costWeight: s.cost_weight ?? (s.kind === "government" ? 1 : 0),
    carryover: s.carryover ?? false,
    budgets,
    links: (s.links ?? []).map(
      (l, k): Link => ({
        id: l.id,
        source: s.id,
        of: l.of,
        minRatio: l.min_ratio ?? null,
        maxRatio: l.max_ratio ?? null,
        region: defaultRegion(l.region),
        eachChild: l.each_child ?? false,
        path: [...at, "links", k],
      }),
    ),
  };
}

function normaliseCapacity(c: NonNullable<Raw["capacity"]>[number], at: YamlPath, years: number[], programs: Program[]): Capacity {
  const slots: Record<number, number> = {};
  const slotPaths: Record<number, YamlPath> = {};
  if (c.slots !== undefined) {
    for (const y of years) {
      slots[y] = c.slots;
      slotPaths[y] = [...at, "slots"];
    }
  }
  for (const [y, n] of Object.entries(c.by_year ?? {})) {
    slots[Number(y)] = n;
    slotPaths[Number(y)] = [...at, "by_year", y];
  }
  return { id: c.id, ...(c.name !== undefined && { name: c.name }), region: c.region, programs: c.programs ?? programs.map((p) => p.id), slots, slotPaths };
}
