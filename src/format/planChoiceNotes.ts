/**
 * Why two plans can differ where their inputs do not, in the words the reports, the workbooks and
 * the printouts share: a plan made with overlays (`--with`) re-plans the whole horizon knowing its
 * changes, and where plans are equally good the solver picks one of them (a whole-unit plan, or a
 * stress level no stage kept near the 0 % plan: regionMovesLegend.ts).
 */
import { type Label, l } from "./labels.js";

export const SOLVERS_CHOICE = l("可能只是求解器在同样好的计划之间的选择", "may be the solver's choice among equally good plans");

/** The headings compare.html and 概要 give the two notes below (the printout says `note:`). */
export const OVERLAY_NOTE_HEADING = l("说明：叠加层", "Note: overlays");
export const WHOLE_UNIT_NOTE_HEADING = l("说明：整数单位的开工选择", "Note: whole-unit starts");

/** compare.html's and 概要's note, and the printout's, when a compared folder was planned with overlays. */
export const OVERLAY_REPLANS = l(
  "以叠加层规划的方案从规划期第一年起就按改变后的输入重新规划（相当于期初即已知道这些变化），可提前调整前几年的安排；某年起才发生的预算削减，应看压力测试（自该年起削减、此前年份保持原计划）的结果",
  "a plan made with overlays is re-planned from the horizon's first year on the changed inputs (as if the changes were known from the start), so it can rearrange the early years too; a budget cut that only comes from some year on is stress's question (cut from that year, the years before kept at the plan)",
);

/**
 * Whole-unit programmes whose starts differ in years no differing input names, and whose starts
 * pay nothing in a year one names: a plan of whole units is one of many equally good ones, and
 * nothing keeps it near the other folder's (a swap of towns read as a district losing a pilot to a
 * cut years later). `years` null where some differing input names no year (a per_year budget, a target).
 */
export function wholeUnitChoices(programs: string[], years: number[] | null): Label {
  const zh = `按整数单位规划的项目（${programs.join("、")}）`;
  const en = `whole-unit programmes (${programs.join(", ")})`;
  if (years === null) {
    return l(
      `${zh}在叠加层未改变的年份中开工选择不同之处，${SOLVERS_CHOICE.zh}`,
      `where ${en} start differently in years the overlays do not change, that ${SOLVERS_CHOICE.en}`,
    );
  }
  return l(
    `${zh}在${years.join("、")}年开工选择不同，这些年份的输入未改变、其开工也不在输入改变的年份付款，${SOLVERS_CHOICE.zh}`,
    `${en} start differently in ${years.join(", ")}, years whose inputs do not differ and whose starts pay nothing in a year that does: that ${SOLVERS_CHOICE.en}`,
  );
}
