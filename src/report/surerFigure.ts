/**
 * stress --draws: the P(met)s a cut makes surer though it does not plan their targets higher
 * (stress.csv's `surer_after_cut`, the ↑ of the printout and the report's table), named among the
 * key figures with the legend the printout gives. A reader of the workbook, whose stress sheet shows
 * the column's 是, otherwise saw the rise with nothing to say why.
 */
import type { Label } from "../format/labels.js";
import { type Cell, text } from "../output/resultTables.js";
import { surerAfterCut, surerLegend } from "../finance/surerAfterCut.js";
import { type KeyFigure, keyFigure as f } from "./keyFigure.js";
import type { RunContext } from "./runContext.js";

/** The legend of the run's ↑: its own words where every level was planned to a confidence level. */
export function stressSurerLegend(ctx: RunContext): Label {
  return surerLegend(ctx.tables.get("stress.csv")?.columns.includes("confidence_required") ?? false);
}

/** `rows`: stress.csv's. None where no P(met) is marked. */
export function surerFigures(ctx: RunContext, rows: Record<string, Cell>[]): KeyFigure[] {
  const surer = rows.filter((r) => surerAfterCut(r, rows));
  if (surer.length === 0) return [];
  const legend = stressSurerLegend(ctx);
  const zh = surer.map((r) => `削减${text(r.cut_label)}时的${text(r.name)}`).join("、");
  const en = surer.map((r) => `${text(r.name)} at a ${text(r.cut_label)} cut`).join(", ");
  return [f("说明：削减后完成概率上升", "Note: surer after the cut", { zh: `${zh}：${legend.zh}`, en: `${en}: ${legend.en}` }, "text")];
}
