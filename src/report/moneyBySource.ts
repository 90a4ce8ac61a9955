/**
 * Who pays: what each source pays in the plans a finance tool compares, each after the first with
 * its change against it — stress per cut level against 0 % (stress_funding.csv). A budget cut that
 * other sources take up leaves a total unchanged; only a table by source says who paid instead.
 */
import type { Label } from "../format/labels.js";
import { formatMoney, formatMoneyChange } from "../format/numbers.js";
import { records, text } from "../output/resultTables.js";
import { REPORT_TOLERANCE } from "../results/tolerance.js";
import { bi, table } from "./html.js";
import type { RunContext } from "./runContext.js";

/** What a source pays in one plan and, in a plan after the first, its change against it. */
interface Paid {
  used: number;
  change: number | null;
}

interface MoneyBySource {
  title: Label;
  note: Label;
  /** One column per plan, the first the one the others are compared with. */
  plans: Label[];
  /** Per source, its name and per plan what it pays (null: that plan does not exist). */
  sources: { name: string | Label; paid: (Paid | null)[] }[];
}

function moneyBySourceTable(spec: MoneyBySource): string {
  const cell = (p: Paid | null): string => {
    if (!p) return "—";
    return p.change === null || Math.abs(p.change) < REPORT_TOLERANCE.yuan ? formatMoney(p.used) : `${formatMoney(p.used)}（${formatMoneyChange(p.change)}）`;
  };
  const head = [{ zh: "资金来源", en: "Source" }, ...spec.plans];
  return [
    `<h3>${bi(spec.title)}</h3>`,
    table({ head, rows: spec.sources.map((s) => [s.name, ...s.paid.map(cell)]), numeric: head.map((_, j) => j >= 1) }),
    `<p>${bi(spec.note)}</p>`,
  ].join("\n");
}

/**
 * stress: what each source pays at each cut level and its change against 0 % (stress_funding.csv),
 * so a cut taken up by other sources — the province's money paid by cities and counties, with the
 * government total unchanged — shows who paid instead.
 */
export function stressFundingTable(ctx: RunContext): string {
  const rows = records(ctx.tables.get("stress_funding.csv"));
  if (rows.length === 0) return "";
  const levels = [...new Set(rows.map((r) => text(r.cut_label)))];
  const sources = [...new Set(rows.map((r) => text(r.source)))];
  return moneyBySourceTable({
    title: { zh: "各资金来源的支出（括号内为较0%档位的变化）", en: "Money paid by each source (in brackets: change against the 0% level)" },
    note: {
      zh: "各档位方案中每个资金来源的支出合计（含规划期后的付款年份）。被削减来源少付的部分由其他来源补上时，政府资金合计可能不变。",
      en: "What each source pays in the level's plan (payment years after the horizon included). When other sources take up what a cut source no longer pays, the government total can stay the same.",
    },
    plans: levels.map((label) => ({ zh: `削减${label}`, en: `cut ${label}` })),
    sources: sources.map((id) => {
      const own = rows.filter((r) => r.source === id);
      const name = text(own[0].source_name);
      return {
        name: own[0].cut_source === true ? { zh: `${name}（被削减）`, en: `${name} (cut)` } : name,
        paid: levels.map((label, i) => {
          const r = own.find((x) => x.cut_label === label);
          return r && typeof r.used_yuan === "number" ? { used: r.used_yuan, change: i === 0 || typeof r.change_yuan !== "number" ? null : r.change_yuan } : null;
        }),
      };
    }),
  });
}
