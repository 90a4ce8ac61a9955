/**
 * Money a scenario makes available without meaning to, said before anything is planned:
 *  - a payment year without a budget entry is unlimited (docs/scenario-reference.md), so budgets
 *    that stop at the horizon's end leave the tail years — when units started in the last years
 *    are still paid for — with unlimited money from that source, which a plan readily uses; only
 *    the payment years of the programmes the source pays for in the budget's region count;
 *  - likewise a leaf no budget of a source covers (a city left out of a budgets CSV): that
 *    source's money there is unlimited in every year;
 *  - a source no programme names in its `shares` pays for nothing: its budgets are never used;
 *  - a budget record's `per_year` that its `by_year` overrides in every horizon year changes
 *    nothing — typically an overlay's `per_year` merged into a record whose years a budgets CSV
 *    already gives.
 * Notices, not errors: both can be meant. Each names the file and line of the entries concerned.
 */
import type { Label } from "../format/labels.js";
import { type PlaceLabel, shownPathOf } from "./inputPlace.js";
import { lastPaymentYearOf } from "./paymentYears.js";
import type { Budget, YamlPath, Scenario } from "./types.js";

export function moneyNotices(scenario: Scenario, place: PlaceLabel): Label[] {
  return [...unbudgetedYears(scenario, place), ...uncoveredLeaves(scenario, place), ...unusedSources(scenario)];
}

function unbudgetedYears(scenario: Scenario, place: PlaceLabel): Label[] {
  const { start, end } = scenario.horizon;
  // Years an as_of has closed are history: their money was what it was.
  const open = Math.max(start, scenario.asOf?.firstOpenYear ?? start);
  const out: Label[] = [];
  const label = regionLabel(scenario);
  const leavesOf = new Map(scenario.regions.map((r) => [r.id, r.leaves]));
  const programLeaves = new Map(scenario.programs.map((p) => [p, new Set(p.leaves.map((l) => l.region))]));
  for (const source of scenario.sources) {
    // Only the programmes this source pays for, where the budget's region has them, decide how long
    // its money falls due: another programme's longer profile leaves nothing of this source's unpaid.
    const funded = scenario.programs.filter((p) => p.shares[source.id]?.max > 0);
    const lastIn = (region: string) => {
      const leaves = leavesOf.get(region) ?? [];
      return lastPaymentYearOf(end, funded.filter((p) => leaves.some((l) => programLeaves.get(p)!.has(l))));
    };
    // Regions missing the same years are said once: a budgets CSV usually stops at one year for all.
    const gaps = new Map<string, { regions: string[]; path: YamlPath | undefined; missing: number[]; last: number }>();
    // One pass over the budgets (a filter per region was quadratic in a large scenario's budgets).
    const byRegion = new Map<string, Budget[]>();
    for (const b of source.budgets) {
      const list = byRegion.get(b.region);
      if (list) list.push(b);
      else byRegion.set(b.region, [b]);
    }
    for (const [region, budgets] of byRegion) {
      const years = new Set(budgets.map((b) => b.year));
      const last = lastIn(region);
      const missing: number[] = [];
      for (let y = open; y <= last; y++) if (!years.has(y)) missing.push(y);
      if (missing.length === 0) continue;
      const key = `${missing.join()}/${last}`;
      const gap = gaps.get(key) ?? { regions: [], path: budgets.find((b) => b.path)?.path, missing, last };
      gap.regions.push(region);
      gaps.set(key, gap);
    }
    for (const { regions: at, path, missing, last } of gaps.values()) {
      const after = last - end;
      const tail = missing.some((y) => y > end);
      const why = tail ? ` (after the horizon, units started in its last ${after === 1 ? "year are" : `${after} years are`} still paid for)` : "";
      const whyZh = tail ? `（规划期结束后，仍要为规划期最后${after === 1 ? "一年" : `${after}年`}开工的项目付款）` : "";
      const where = path ? place(path) : null;
      const one = missing.length === 1;
      out.push({
        en: `budget of ${source.id} (${source.name}) for ${firstFew(at.map((id) => label(id).en))}${where ? ` (${where.en})` : ""}: no entry for ${listYears(missing, ", ")}${why}, ` +
          `so ${one ? "that year's" : "those years'"} money from it is unlimited; add ${one ? "the year" : "the years"} if the money is limited`,
        zh: `${source.name}（${source.id}）在${firstFewZh(at.map((id) => label(id).zh))}的预算${where ? `（${where.zh}）` : ""}：没有${listYears(missing, "、")}年的数额${whyZh}，` +
          `${one ? "该年" : "这些年份"}来自该来源的资金不受限制；如资金有限，请补上${one ? "该年" : "这些年份"}的预算`,
      });
    }
  }
  return out;
}

/** Works on the merged document: the normalised scenario no longer knows which key gave a year's amount. */
export function overriddenPerYear(merged: unknown, place: PlaceLabel): Label[] {
  // Also run on a document that failed validation (its notes go with the errors): nothing is assumed.
  const doc = (merged ?? {}) as { horizon?: { start?: unknown; end?: unknown } | null; sources?: unknown };
  const { start, end } = doc.horizon ?? {};
  if (typeof start !== "number" || typeof end !== "number" || !Array.isArray(doc.sources)) return [];
  const out: Label[] = [];
  doc.sources.forEach((s, i) => {
    const source = (s ?? {}) as { id?: unknown; budgets?: unknown };
    if (!Array.isArray(source.budgets)) return;
    source.budgets.forEach((b, j) => {
      const record = (b ?? {}) as { region?: unknown; per_year?: unknown; by_year?: unknown };
      if (record.per_year === undefined || !record.by_year || typeof record.by_year !== "object") return;
      const given = new Set(Object.keys(record.by_year).map(Number));
      for (let y = start; y <= end; y++) if (!given.has(y)) return;
      const path = ["sources", i, "budgets", j, "per_year"];
      const at = place(path);
      const shown = shownPathOf(place, path);
      out.push({
        en: `${shown} (${at.en}): per_year of ${String(source.id)} for ${String(record.region)} changes nothing — ` +
          "the record's by_year gives every horizon year (an overlay's per_year does not replace a budgets CSV's rows); to change those years, give them in by_year",
        zh: `${shown}（${at.zh}）：${String(source.id)}在${String(record.region)}的 per_year 不起作用——该记录的 by_year 已给出规划期每一年` +
          "（叠加方案的 per_year 不会替换预算 CSV 中的各行）；如要改变这些年份，请在 by_year 中给出",
      });
    });
  });
  return out;
}

/**
 * Leaves a source pays in (a programme's share) that none of its budgets' regions contains — unless
 * a link caps it there at a ratio of a source whose budgets do cover the leaf (`max_ratio`: its
 * money is then bounded, not unlimited).
 */
function uncoveredLeaves(scenario: Scenario, place: PlaceLabel): Label[] {
  const regions = new Map(scenario.regions.map((r) => [r.id, r]));
  const coveredBy = new Map(scenario.sources.map((s) => [s.id, new Set(s.budgets.flatMap((b) => regions.get(b.region)?.leaves ?? []))]));
  const links = scenario.sources.flatMap((s) => s.links);
  const label = regionLabel(scenario);
  const out: Label[] = [];
  for (const source of scenario.sources) {
    if (source.budgets.length === 0) continue; // a source without budgets is unlimited by design
    const covered = coveredBy.get(source.id)!;
    // The link caps the sum over its region, so the matched source must be budgeted in all of it.
    const capped = (leaf: string) => links.some((l) => {
      const linked = regions.get(l.region)?.leaves ?? [];
      return l.source === source.id && l.maxRatio !== null && linked.includes(leaf) && linked.every((x) => coveredBy.get(l.of)?.has(x));
    });
    const open = new Set<string>();
    for (const p of scenario.programs) {
      if (!(p.shares[source.id]?.max > 0)) continue;
      for (const leaf of p.leaves) if (!covered.has(leaf.region) && !capped(leaf.region)) open.add(leaf.region);
    }
    if (open.size === 0) continue;
    const at = [...open];
    const path = source.budgets.find((b) => b.path)?.path;
    const where = path ? place(path) : null;
    const one = at.length === 1;
    out.push({
      en: `budget of ${source.id} (${source.name})${where ? ` (${where.en})` : ""}: no budget covers ${firstFew(at.map((id) => label(id).en))}, so ${one ? "its" : "their"} money from it is unlimited in every year; ` +
        `add a budget for ${one ? "it" : "them"} (or a region above) if the money is limited`,
      zh: `${source.name}（${source.id}）的预算${where ? `（${where.zh}）` : ""}：没有预算覆盖${firstFewZh(at.map((id) => label(id).zh))}，${one ? "该地区" : "这些地区"}来自该来源的资金每年都不受限制；` +
        `如资金有限，请为${one ? "该地区" : "这些地区"}（或其上级地区）补上预算`,
    });
  }
  return out;
}

function unusedSources(scenario: Scenario): Label[] {
  return scenario.sources
    .filter((s) => !scenario.programs.some((p) => p.shares[s.id] !== undefined))
    .map((s) => ({
      en: `source ${s.id} (${s.name}) is named in no programme's shares, so it pays for nothing${s.budgets.length > 0 ? ": its budgets are never used" : ""}; add it under programs[…].shares to let it pay`,
      zh: `资金来源${s.name}（${s.id}）未列入任何项目的出资比例（shares），不承担任何出资${s.budgets.length > 0 ? "，其预算不会被使用" : ""}；如要由它出资，请将它加入 programs[…].shares`,
    }));
}

/**
 * "梅州市市辖区 (meizhou-urban)" (in Chinese with full-width brackets): the name a reader knows, and
 * the id the scenario's files use. Names looked up in one map: a county-scale scenario can leave a
 * thousand leaves uncovered.
 */
export function regionLabel(scenario: Scenario): (id: string) => Label {
  const names = new Map(scenario.regions.map((r) => [r.id, r.name]));
  return (id) => {
    const name = names.get(id);
    return name && name !== id ? { en: `${name} (${id})`, zh: `${name}（${id}）` } : { en: id, zh: id };
  };
}

/** "a, b, c" — or the first five "and 3 more". */
function firstFew(ids: string[]): string {
  return ids.length <= 5 ? ids.join(", ") : `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more`;
}

/** "a、b、c" — or the first five "等8个地区". */
function firstFewZh(ids: string[]): string {
  return ids.length <= 5 ? ids.join("、") : `${ids.slice(0, 5).join("、")}等${ids.length}个地区`;
}

/** 2026, or 2026–2028, or 2024, 2026–2027 (`、` between them in Chinese). */
/** Years as runs: 2028–2030, 2032. */
export function listYears(years: number[], separator: string): string {
  const runs: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    runs.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return runs.join(separator);
}
