/**
 * plan: the report's 开工计划 tables (startsByRegion.ts), one per programme — what starts where and
 * when, as an office tabulates its plan (分地区分年度开工计划). Whole where the plan is whole, as the
 * targets table counts.
 */
import { formatCount } from "../format/numbers.js";
import type { Label } from "../format/labels.js";
import { bi, table } from "./html.js";
import type { RunContext } from "./runContext.js";
import { type ProgrammeStarts, startsByRegion, type StartsLine } from "./startsByRegion.js";
import { count } from "./tables.js";

export const STARTS_TOTAL: Label = { zh: "合计", en: "Total" };

export function startsTables(ctx: RunContext): string {
  const starts = startsByRegion(ctx);
  if (!starts) return "";
  const { years } = starts;
  const tables = starts.programmes.map((p) => {
    const line = (name: string | Label, l: StartsLine): (string | Label)[] => [
      name, ...l.starts.map((x) => count("started", x)), count("started", l.total),
      ...(p.hasHouseholds ? [l.households === null ? "" : formatCount(l.households, true)] : []),
    ];
    const head: Label[] = [
      { zh: "地区", en: "Region" }, ...years.map((y) => ({ zh: `${y}年`, en: String(y) })), STARTS_TOTAL,
      ...(p.hasHouseholds ? [{ zh: "惠及户数合计", en: "Households" }] : []),
    ];
    return [
      `<h3>${bi(startsTitle(p))}</h3>`,
      table({ head, rows: [...p.regions.map((r) => line(r.name, r)), line(STARTS_TOTAL, p.total)], numeric: head.map((_, j) => j >= 1) }),
    ].join("\n");
  });
  const note = { zh: "按开工年度计（plan.csv 的 units_started）；惠及户数为规划期内开工的户数。", en: "By the year work starts (plan.csv's units_started); households are those whose units start in the horizon." };
  return [...tables, `<p>${bi(note)}</p>`].join("\n");
}

/** "拆除新建：分地区分年度开工数（单位：村）". */
export function startsTitle(p: ProgrammeStarts): Label {
  const unit = p.unit ? { zh: `（单位：${p.unit.zh}）`, en: ` (${p.unit.en})` } : { zh: "", en: "" };
  return { zh: `${p.name}：分地区分年度开工数${unit.zh}`, en: `${p.name}: units started by region and year${unit.en}` };
}
