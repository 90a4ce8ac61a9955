/**
 * What stress's regions losing and gaining most mean, in the words the printed table, report.html
 * and the workbook's 概要 share (docs/finance.md, "Which regions lose"). Where the `near` stage ran,
 * a level's regions are those the cut makes lose with the least change to the 0 % plan. Where it
 * did not — whole-unit programmes (the stage would be a MIP) or `--confidence` levels — a level's
 * plan is just another optimal plan: households can move between regions only because the solver
 * picked another of many equally good plans. A planner's Foshan district, 680万元 cut and every
 * target still met, read "石湾镇街道 −5,735户 → 西南街道 +4,375户 … as money moved to them".
 */
import { type Label, l } from "./labels.js";
import { SOLVERS_CHOICE } from "./planChoiceNotes.js";

/** How the levels of a run were kept near the 0 % plan. */
export interface RegionsHold {
  /** The near stage ran at the cut levels. */
  near: boolean;
  /** It held every programme that counts households (none of them planned in whole units). */
  allHeld: boolean;
  /** Each level was planned to a confidence level (`--confidence`). */
  confidence: boolean;
  /** The levels' plans are integer programmes, solved to a MIP gap. */
  mip: boolean;
}

/**
 * What moved between regions, as the notes name it: households (the regions table) or starts
 * (stress_starts.csv and money by source, whole towns included); `started`: what the near stage holds, in Chinese.
 */
type Moved = Label & { started: string };
export const MOVED_HOUSEHOLDS: Moved = { ...l("户数", "households"), started: "开工户数" };
export const MOVED_STARTS: Moved = { ...l("开工", "starts"), started: "开工" };

/** How each level's plan was chosen among the plans as good on shortfall and cost, hence what its regions mean. */
export function regionsChosen(hold: RegionsHold, moved: Moved = MOVED_HOUSEHOLDS): Label {
  if (hold.near && hold.allHeld) {
    return l(`各档位取同样经济、${moved.started}偏离0%档位最少的计划`, `each level the plan as cheap that moves fewest ${moved.en} from it`);
  }
  const gap = hold.mip ? l("（在MIP间隙以内）", " (within the MIP gap)") : l("", "");
  const tie = l(`${SOLVERS_CHOICE.zh}，而非削减所致`, `${SOLVERS_CHOICE.en}, not a response to the cut`);
  if (hold.near) {
    return l(
      `各档位取同样经济、连续规划项目的${moved.started}偏离0%档位最少的计划；按整数单位规划的项目不受此约束${gap.zh}，其${moved.zh}在地区之间的变化${tie.zh}`,
      `each level the plan as cheap that moves fewest ${moved.en} of the continuous programmes from it; whole-unit programmes are not held near it${gap.en}, so their ${moved.en} moving between regions ${tie.en}`,
    );
  }
  const why = hold.confidence
    ? l("各档位按要求把握度规划", "each is planned to its confidence level")
    : l("按整数单位规划的项目不参与该阶段", "whole-unit programmes are left out of the near stage");
  return l(
    `各档位没有“贴近0%档位”的阶段（${why.zh}）：各档位的计划只是另一个同样最优的计划${gap.zh}，地区之间的${moved.zh}变化${tie.zh}`,
    `no stage keeps these levels near the 0% plan (${why.en}): each level's plan is another optimal plan${gap.en}, so ${moved.en} moving between regions ${tie.en}`,
  );
}

/** The printed table's legend of its regions column. */
export function printedRegionsLegend(hold: RegionsHold): string {
  const held = hold.near && hold.allHeld;
  return `(regions: households started over the horizon against the 0% plan${held ? "," : ";"} ${regionsChosen(hold).en}; → regions that gained households${held ? " under the cut, as money moved to them" : ""})`;
}

/** report.html's note under its regions table. */
export function reportRegionsNote(hold: RegionsHold): Label {
  const chosen = regionsChosen(hold);
  const held = hold.near && hold.allHeld;
  return l(
    `规划期内开工惠及户数与0%档位计划相比；${chosen.zh}${held ? "；增加的地区是削减后资金转向之处" : ""}。`,
    `Households started over the horizon against the 0% plan; ${chosen.en}${held ? "; the regions gaining are where the money moved under the cut" : ""}.`,
  );
}

/**
 * Beside money by source where the levels were not all held near the 0 % plan: a source's change
 * follows the starts, so it too may be the solver's pick (the Foshan district's cut 区级财政资金 paid
 * +2,192.1万元 more under a 680万元 cut, every target met).
 */
export const FUNDING_NOT_HELD = l(
  "各档位未全部贴近0%档位（按整数单位规划的项目与按要求把握度规划的档位没有“贴近0%档位”的阶段），各来源支出的变化也可能只是求解器在同样好的计划之间的选择，被削减的来源也可能多付。",
  "the levels were not all held near the 0% plan (whole-unit programmes and --confidence levels are not), so a source's change may also be the solver's choice among equally good plans — a cut source can pay more",
);
