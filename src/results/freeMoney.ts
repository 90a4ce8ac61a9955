/**
 * Money the plan treats as free: a source with no cost weight (cost_weight 0, the default for every
 * kind but government) costs the cost stage nothing, so the plan fills its maximum share wherever it
 * pays to spare weighted money — a planner read 实施主体 60 %, 村集体 20 % everywhere as a finding
 * when it was the default weight. Found from funding.csv's and budgets.csv's rows: a source pays
 * its maximum share in every place, programme and year it can pay with a cost, but where its budget
 * covering that place runs out that year (then it pays all it has: no more is there to take).
 * Places whose payments actuals record are left out (their money is what was paid). One finding per
 * source, never per region.
 */
import type { Label } from "../format/labels.js";
import { formatPercent } from "../format/numbers.js";
import { Namer } from "../plan/describe.js";
import { freeMoneyNote } from "../runWarnings.js";
import type { Scenario } from "../scenario/types.js";
import { REPORT_TOLERANCE } from "./tolerance.js";
import type { BudgetRow, FundingRow, PlanTables } from "./types.js";

export interface FreeSource {
  source: string;
  /** Programmes it funds, with the maximum share the plan takes everywhere in them. */
  shares: { program: string; max: number }[];
  /** Whether its budget runs out somewhere, so that it pays less than its maximum share there. */
  budgetLimited: boolean;
}

export function freeSourcesAtMaximum(scenario: Scenario, funding: readonly FundingRow[], budgets: readonly BudgetRow[]): FreeSource[] {
  const leavesOf = new Map(scenario.regions.map((r) => [r.id, new Set(r.leaves)]));
  const place = (f: FundingRow) => `${f.year}|${f.region}|${f.program}`;
  const cost = new Map<string, number>();
  const recorded = new Set<string>();
  for (const f of funding) {
    cost.set(place(f), (cost.get(place(f)) ?? 0) + f.amount_yuan);
    if (f.actual_amount_yuan > 0) recorded.add(place(f));
  }
  const out: FreeSource[] = [];
  for (const source of scenario.sources) {
    if (source.costWeight !== 0) continue;
    const rows = funding.filter((f) => f.source === source.id && !recorded.has(place(f)) && cost.get(place(f))! > REPORT_TOLERANCE.yuan);
    if (rows.length === 0) continue;
    const maxOf = (f: FundingRow) => scenario.programs.find((p) => p.id === f.program)!.shares[source.id].max;
    // Within a yuan of the maximum, or a millionth of the cost: payments are rounded to the fen.
    const atMaximum = (f: FundingRow) => {
      const most = maxOf(f) * cost.get(place(f))!;
      return f.amount_yuan >= most - Math.max(REPORT_TOLERANCE.yuan, 1e-6 * most);
    };
    const runsOut = (f: FundingRow) => budgets.some((b) => b.source === source.id && b.year === f.year && b.binding && leavesOf.get(b.region)?.has(f.region));
    const below = rows.filter((f) => !atMaximum(f));
    if (below.length === rows.length || !below.every(runsOut)) continue;
    const programs = [...new Set(rows.map((f) => f.program))];
    out.push({
      source: source.id,
      shares: programs.map((program) => ({ program, max: maxOf(rows.find((f) => f.program === program)!) })),
      budgetLimited: below.length > 0,
    });
  }
  return out;
}

/** The run's note on free money (runWarnings.ts's words); none where no source is taken so. */
export function freeMoneyNotes(scenario: Scenario, tables: Pick<PlanTables, "funding" | "budgets">): Label[] {
  const free = freeSourcesAtMaximum(scenario, tables.funding, tables.budgets);
  if (free.length === 0) return [];
  const namer = new Namer(scenario);
  const said = free.map((f): Label => ({
    en: `${namer.label("source", f.source)}: ${f.shares.map((s) => `${formatPercent(s.max)} of ${namer.name("program", s.program)}`).join(", ")}${f.budgetLimited ? " (less only where its budget runs out)" : ""}`,
    zh: `${namer.name("source", f.source)}：${f.shares.map((s) => `${namer.name("program", s.program)}${formatPercent(s.max)}`).join("，")}${f.budgetLimited ? "（仅在其预算用完处较少）" : ""}`,
  }));
  return [freeMoneyNote(said)];
}
