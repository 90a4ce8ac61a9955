/**
 * Money the plan takes where its source has no budget: a source with budgets, paying in a year or a
 * place none of them covers. By the scenario's rule such money is unlimited (a missing budget year
 * is no limit: docs/scenario-reference.md), and the loader's note says so before planning; an
 * office reads an empty budget cell as no money, so after planning the run says how much of it the
 * plan used (a programme officer's towns plan, the city budget's 2028–2030 left out, spent 3.27亿元
 * of city money in 2028–2029 with no budget behind it, noted only among routine notes). Sources without any budget are limited by their
 * shares alone, by design, and recorded payments (actuals) were what was paid: neither counts.
 */
import type { Label } from "../format/labels.js";
import { formatMoney } from "../format/numbers.js";
import { Namer } from "../plan/describe.js";
import { listYears } from "../scenario/moneyNotices.js";
import type { Scenario } from "../scenario/types.js";
import { REPORT_TOLERANCE } from "./tolerance.js";
import type { FundingRow } from "./types.js";

export interface UnbudgetedUse {
  source: string;
  /** Payment years in which it paid without a budget, ascending. */
  years: number[];
  yuan: number;
}

export function unbudgetedMoney(scenario: Scenario, funding: readonly FundingRow[]): UnbudgetedUse[] {
  const leavesOf = new Map(scenario.regions.map((r) => [r.id, r.leaves]));
  const out: UnbudgetedUse[] = [];
  for (const source of scenario.sources) {
    if (source.budgets.length === 0) continue;
    const covered = new Set<string>();
    for (const b of source.budgets) for (const leaf of leavesOf.get(b.region) ?? []) covered.add(`${leaf}|${b.year}`);
    const byYear = new Map<number, number>();
    for (const f of funding) {
      if (f.source !== source.id || covered.has(`${f.region}|${f.year}`)) continue;
      const planned = f.amount_yuan - f.actual_amount_yuan;
      if (planned > 0) byYear.set(f.year, (byYear.get(f.year) ?? 0) + planned);
    }
    const yuan = [...byYear.values()].reduce((a, b) => a + b, 0);
    if (yuan > REPORT_TOLERANCE.yuan) out.push({ source: source.id, years: [...byYear.keys()].sort((a, b) => a - b), yuan });
  }
  return out;
}

/** The run's note on money used without a budget; none where the plan used none. */
export function unbudgetedMoneyNotes(scenario: Scenario, funding: readonly FundingRow[]): Label[] {
  const namer = new Namer(scenario);
  return unbudgetedMoney(scenario, funding).map((u): Label => ({
    en: `the plan uses ${formatMoney(u.yuan)} of ${namer.label("source", u.source)} in ${listYears(u.years, ", ")} where none of its budgets covers the year or place ` +
      "(unlimited by the scenario's rule, see the note on its budget); add those budgets if the money is limited",
    zh: `方案在${listYears(u.years, "、")}年使用了${namer.name("source", u.source)}${formatMoney(u.yuan)}，这些年份或地区没有该来源的预算` +
      "（按情景规则不受限制，见其预算的提示）；如资金有限，请补上这些预算",
  }));
}
