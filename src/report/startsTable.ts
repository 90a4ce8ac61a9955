/**
 * plan: what starts where and when — the plan as an office tabulates it (分地区分年度开工计划). Per
 * programme, each leaf region's units started in each horizon year (plan.csv `units_started`), their
 * total and, for a programme whose units hold households, the households started; regions in the
 * scenario's order, those starting nothing included (a reader asks why a district gets nothing),
 * and a total row. Whole where the plan is whole, as the targets table counts.
 */
import { formatCount } from "../format/numbers.js";
import type { Label } from "../format/labels.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { bi, table } from "./html.js";
import { byScenarioOrder } from "./regionOrder.js";
import { count } from "./tables.js";
import { type RunContext, targetUnit } from "./runContext.js";

interface ProgrammeStarts {
  name: string;
  unit: Label | null;
  /** Leaf region id → name and starts per horizon year. */
  regions: Map<string, { name: string; starts: number[]; households: number | null }>;
}

export function startsTables(ctx: RunContext): string {
  const rows = records(ctx.tables.get("plan.csv"));
  if (rows.length === 0 || !ctx.horizon) return "";
  const { start, end } = ctx.horizon;
  const years = Array.from({ length: end - start + 1 }, (_, i) => start + i);
  const programmes = startsByProgramme(ctx, rows, years);
  if (programmes.length === 0) return "";
  const order = byScenarioOrder(ctx.input);
  const tables = programmes.map((p) => {
    const hasHouseholds = [...p.regions.values()].some((r) => r.households !== null);
    const ids = [...p.regions.keys()].sort(order);
    const line = (name: string | Label, starts: number[], households: number | null): (string | Label)[] => [
      name, ...starts.map((x) => count("started", x)), count("started", sum(starts)),
      ...(hasHouseholds ? [households === null ? "" : formatCount(households, true)] : []),
    ];
    const body = ids.map((id) => {
      const r = p.regions.get(id)!;
      return line(r.name, r.starts, r.households);
    });
    const all = [...p.regions.values()];
    const totals = years.map((_, i) => sum(all.map((r) => r.starts[i])));
    const households = hasHouseholds ? sum(all.map((r) => r.households ?? 0)) : null;
    body.push(line(TOTAL, totals, households));
    const head: Label[] = [
      { zh: "地区", en: "Region" }, ...years.map((y) => ({ zh: `${y}年`, en: String(y) })), { zh: "合计", en: "Total" },
      ...(hasHouseholds ? [{ zh: "惠及户数合计", en: "Households" }] : []),
    ];
    const unit = p.unit ? { zh: `（单位：${p.unit.zh}）`, en: ` (${p.unit.en})` } : { zh: "", en: "" };
    return [
      `<h3>${bi({ zh: `${p.name}：分地区分年度开工数${unit.zh}`, en: `${p.name}: units started by region and year${unit.en}` })}</h3>`,
      table({ head, rows: body, numeric: head.map((_, j) => j >= 1) }),
    ].join("\n");
  });
  const note = { zh: "按开工年度计（plan.csv 的 units_started）；惠及户数为规划期内开工的户数。", en: "By the year work starts (plan.csv's units_started); households are those whose units start in the horizon." };
  return [...tables, `<p>${bi(note)}</p>`].join("\n");
}

const TOTAL: Label = { zh: "合计", en: "Total" };

/** plan.csv's horizon rows gathered per programme (in input.yaml's order, else the file's). */
function startsByProgramme(ctx: RunContext, rows: Record<string, Cell>[], years: number[]): ProgrammeStarts[] {
  const out = new Map<string, ProgrammeStarts>();
  for (const r of rows) {
    const year = num(r.year);
    const at = years.indexOf(year);
    if (at < 0) continue; // tail payment years start nothing
    const id = text(r.program);
    let p = out.get(id);
    if (!p) out.set(id, (p = { name: text(r.program_name) || id, unit: targetUnit(ctx, { metric: "started", program: id }), regions: new Map() }));
    const region = text(r.region);
    let entry = p.regions.get(region);
    if (!entry) p.regions.set(region, (entry = { name: text(r.region_name) || region, starts: years.map(() => 0), households: null }));
    entry.starts[at] += num(r.units_started);
    if (typeof r.households_started === "number") entry.households = (entry.households ?? 0) + r.households_started;
  }
  const listed = Array.isArray(ctx.input?.programs) ? (ctx.input!.programs as { id?: unknown }[]).map((p) => String(p?.id)) : [];
  const rank = (id: string) => (listed.includes(id) ? listed.indexOf(id) : listed.length);
  return [...out.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([, p]) => p);
}

function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
