/**
 * What starts where and when, from plan.csv: per programme (in the scenario's order), each leaf
 * region's units started in each horizon year, their total and, for a programme whose units hold
 * households, the households started — regions in the scenario's order, those starting nothing
 * included (a reader asks why a district gets nothing). The report's table and the workbook's
 * 开工计划 sheet both show it.
 */
import type { Label } from "../format/labels.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { byScenarioOrder } from "./scenarioOrder.js";
import { type RunContext, targetUnit } from "./runContext.js";

export interface StartsLine {
  name: string;
  /** Units started per horizon year. */
  starts: number[];
  total: number;
  /** Households started over the horizon; null where the programme's units hold none. */
  households: number | null;
}

export interface ProgrammeStarts {
  name: string;
  unit: Label | null;
  hasHouseholds: boolean;
  regions: StartsLine[];
  total: StartsLine;
}

export interface StartsByRegion {
  years: number[];
  programmes: ProgrammeStarts[];
}

/** null where the folder has no plan.csv rows or no horizon. */
export function startsByRegion(ctx: RunContext): StartsByRegion | null {
  const rows = records(ctx.tables.get("plan.csv"));
  if (rows.length === 0 || !ctx.horizon) return null;
  const { start, end } = ctx.horizon;
  const years = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const order = byScenarioOrder(ctx.input);
  const programmes = gathered(ctx, rows, years).map((p) => {
    const regions = [...p.regions.entries()].sort((a, b) => order(a[0], b[0])).map(([, r]) => r);
    const hasHouseholds = regions.some((r) => r.households !== null);
    const sum = (f: (r: StartsLine) => number) => regions.reduce((s, r) => s + f(r), 0);
    const total: StartsLine = {
      name: "", starts: years.map((_, i) => sum((r) => r.starts[i])), total: sum((r) => r.total), households: hasHouseholds ? sum((r) => r.households ?? 0) : null,
    };
    return { name: p.name, unit: p.unit, hasHouseholds, regions, total };
  });
  return programmes.length > 0 ? { years, programmes } : null;
}

interface Gathered {
  name: string;
  unit: Label | null;
  regions: Map<string, StartsLine>;
}

/** plan.csv's horizon rows per programme (input.yaml's order, else the file's) and leaf region. */
function gathered(ctx: RunContext, rows: Record<string, Cell>[], years: number[]): Gathered[] {
  const out = new Map<string, Gathered>();
  for (const r of rows) {
    const at = years.indexOf(num(r.year));
    if (at < 0) continue; // tail payment years start nothing
    const id = text(r.program);
    let p = out.get(id);
    if (!p) out.set(id, (p = { name: text(r.program_name) || id, unit: targetUnit(ctx, { metric: "started", program: id }), regions: new Map() }));
    const region = text(r.region);
    let line = p.regions.get(region);
    if (!line) p.regions.set(region, (line = { name: text(r.region_name) || region, starts: years.map(() => 0), total: 0, households: null }));
    line.starts[at] += num(r.units_started);
    line.total += num(r.units_started);
    if (typeof r.households_started === "number") line.households = (line.households ?? 0) + r.households_started;
  }
  const order = byScenarioOrder(ctx.input, "programs");
  return [...out.entries()].sort((a, b) => order(a[0], b[0])).map(([, p]) => p);
}
