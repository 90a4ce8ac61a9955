/**
 * A sum of payments the rounding to the fen could not hold within a fen of its exact total
 * (fenRounding.ts's last resort), as a diagnostics.csv row: which cost or budget, what it reads and
 * what the plan pays. No budget reads more used than its exact money allows even then (amounts of a
 * budget above its bound are rounded down), so the row says which sum moved instead.
 */
import type { Label } from "../format/labels.js";
import type { ModelContext } from "../model/context.js";
import { Namer } from "../plan/describe.js";
import type { UnheldSum } from "./fenRounding.js";
import type { DiagnosticRow } from "./types.js";

export interface RoundingNote {
  /** As diagnostics.csv names it: `cost[leaf,programme,year]` or `budget[source,region,year]` (from its first year for money carried). */
  where: string;
  message: Label;
}

/** A leaf and programme's payments in a year (`lp`), or a budget's (ctx.index.budgetRows[budget]) since `firstYear`. */
export type SumOf = { lp: number; year: number } | { budget: number; firstYear: number };

export function roundingNote(ctx: ModelContext, of: SumOf, sum: UnheldSum): RoundingNote {
  const written = (sum.written / 100).toFixed(2);
  const exact = (sum.exact / 100).toFixed(4);
  const namer = new Namer(ctx.scenario);
  if ("lp" in of) {
    const { leaf, program } = ctx.leafPrograms[of.lp];
    const [programEn, programZh] = [namer.label("program", program.id), namer.labelZh("program", program.id)];
    return {
      where: `cost[${leaf.region},${program.id},${of.year}]`,
      message: {
        en: `the payments of ${programEn} in ${namer.label("region", leaf.region)} in ${of.year} read ${written} yuan where the plan pays ${exact}, not its fen below or above: no rounding of the payments to the fen held it together with the budgets`,
        zh: `${namer.labelZh("region", leaf.region)}${of.year}年${programZh}的付款合计${written}元，方案为${exact}元，不在其上下一分之内：付款按分取整时无法与各预算同时保持`,
      },
    };
  }
  const b = ctx.index.budgetRows[of.budget];
  const source = ctx.scenario.sources[b.source].id;
  const years = of.firstYear === b.year ? `${b.year}` : `${of.firstYear}-${b.year}`;
  return {
    where: `budget[${source},${b.region},${years}]`,
    message: {
      en: `the payments out of the budget of ${namer.label("source", source)} for ${namer.label("region", b.region)} in ${years} read ${written} yuan where the plan pays ${exact}, not its fen below or above: no rounding of the payments to the fen held it together with the other sums (a budget never reads more used than the plan pays)`,
      zh: `${namer.labelZh("source", source)}在${namer.labelZh("region", b.region)}${years}年预算的付款合计${written}元，方案为${exact}元，不在其上下一分之内：付款按分取整时无法与其他合计同时保持（预算的已用额不超过方案的支出）`,
    },
  };
}

/** The note as a diagnostics.csv row (kind `rounding`). */
export function roundingRow(note: RoundingNote): DiagnosticRow {
  return { kind: "rounding", where: note.where, message: note.message.en, message_zh: note.message.zh, input_line: "" };
}

/** A rounding row of diagnostics.csv as a note where a command has no diagnostics.csv (min-budget's plan at λ). */
export function roundingNotice(row: DiagnosticRow): Label {
  return { en: `${row.where}: ${row.message}`, zh: `${row.where}：${row.message_zh}` };
}
