/**
 * Words of confidence planning (docs/confidence.md) that the printed summary, diagnostics.csv, the
 * report and the workbook share: why a target falls short of its level, and that "reached" is
 * judged by a lower bound of P(met), so a P(met) just above the level can still fall short.
 */
import { type Label, l } from "./labels.js";
import { formatCount, formatMoney, formatMoneyChange, formatPercent, formatPercentBelow } from "./numbers.js";

/**
 * What holds a target short of its level where no limit has a price at the margin — which says
 * nothing of a larger step: a city's villages reached 97 % with more developer money where this
 * once read "no margin can cover it".
 */
export const NO_PRICED_LIMIT: Label = l(
  "没有哪一项限制在边际上显示出价格（整数单位或更大幅度的资金仍可能有帮助：`simulate min-budget --confidence` 可求出达到该把握度所需的资金）",
  "no single limit with a price at the margin (a whole unit or a larger step of money can still help: `simulate min-budget --confidence` finds the money that reaches the level)",
);

/**
 * Why a target is not at its level (targets.csv `confidence_status`). Not "no plan can": a
 * frontier plan of the same money held more of a target called limited here, and when its units
 * start matters too (docs/confidence.md, "Limits").
 */
export const SHORT_OF_LEVEL: Record<string, Label> = {
  limited: l(
    "本方案中该目标的余量无法再增加（预算、施工能力、存量或其他目标的余量占用了所需资源）",
    "its margin cannot grow in this plan (budgets, capacity, stock or other targets' margins take what it would need)",
  ),
  sample_too_small: l(
    "校准样本太小，体现不出这一把握度（请增大 --calibration-draws）",
    "the calibration sample is too small to show this level (raise --calibration-draws)",
  ),
  not_converged: l("余量搜索在达到该把握度之前已停止", "the margin search stopped before reaching it"),
};

/**
 * One amount in every command (analyst s38: it read 10.57亿 in one report, 56.01亿 in another): the
 * government money a plan reaching every level asked pays above the plan without margins with
 * today's budgets — simulate --confidence's plan at the same budgets, min-budget --confidence's plan
 * at λ. Not the budgets to add, nor the budgets above the planned world's minimum λ₀.
 */
export const PRICE_OF_CONFIDENCE = l("把握度的代价", "the price of confidence");

/**
 * How "reached" is judged, where a reader sees a P(met) at or above the level beside "not
 * reached": `alsoIn` names where else the same verdict stands ("、frontier.csv 的 confidence_reached").
 */
export function lowerBoundRule(alsoIn: Label): Label {
  const judged = judgedByBound(l(`；与命令行输出${alsoIn.zh}相同`, `; as printed${alsoIn.en}`));
  return l(`${judged.zh}，因此完成概率略高于要求仍可能未达到。`, `${judged.en}, so a P(met) just above the level can still be not reached.`);
}

/** The rule itself, `more` added inside its brackets. */
function judgedByBound(more: Label): Label {
  return l(
    `按校准样本上完成概率的下界判断（下界须达到要求，见 docs/confidence.md${more.zh}）`,
    `judged by the lower bound of P(met) on the calibration sample, which must reach the level (docs/confidence.md${more.en})`,
  );
}

/** Follows a validation P(met) below the level of a target reached: see readsBelowLegend. */
export const READS_BELOW_MARK = "†";

/**
 * True where a target is reached (on the calibration sample) while the validation P(met) shown
 * beside the verdict reads below its level: a frontier printed 圩镇客厅 "89.8% ± 1.0%" at 90 %
 * without ✗ and counted it sure (calibration 90.975 %), and an officer read the table as wrong.
 */
export function readsBelow(reached: boolean | null, validation: number | null, required: number): boolean {
  return reached === true && validation !== null && validation < required;
}

/**
 * The legend of READS_BELOW_MARK: the calibration P(met) each marked verdict rests on (`cases`, e.g.
 * "qgy-living-room 91.0% at the 90.0% level"), the rule, and why the two samples can fall either side of the
 * level: the validation P(met) is an estimate too, and the bound holds the level on fresh draws
 * with about 97.7 % probability (docs/confidence.md §3).
 */
export function readsBelowLegend(cases: Label): Label {
  const judged = judgedByBound(l("", ""));
  return l(
    `${READS_BELOW_MARK} 达到——${judged.zh}；校准样本上的完成概率：${cases.zh}——而验证抽样上的完成概率低于要求，是抽样误差：验证抽样的完成概率本身也是估计值，按下界达到要求的目标在新抽样上保持该把握度的概率约为97.7%`,
    `${READS_BELOW_MARK} reached — ${judged.en}; P(met) there: ${cases.en} — while the validation draws read below the level: sampling error, as their P(met) is an estimate too, and a target reached by the bound holds its level on fresh draws with about 97.7 % probability`,
  );
}

/**
 * After a calibration P(met) at or above the level of a target that falls short of it: its lower
 * bound (criterion.ts), shown so that it does not read as the level itself.
 */
export function belowBoundLabel(bound: number, level: number, draws: number): Label {
  const shown = formatPercentBelow(bound, level);
  return l(
    `（其下界${shown}须达到要求：${formatCount(draws, true)}次抽样尚不能排除低于要求）`,
    ` (its lower bound ${shown}, which must reach the level: a sample of ${formatCount(draws, true)} draws cannot tell it from below)`,
  );
}

/**
 * "2 of 4 targets with a required level reach it": only the targets that ask for a level count —
 * "1 / 4 个目标达到要求把握度" read as three failures where three targets asked for none.
 */
export function levelsReachedLabel(reached: number, asked: number): Label {
  const en = asked === 1 ? `${reached} of 1 target with a required level reaches it` : `${reached} of ${asked} targets with a required level reach it`;
  return l(`要求把握度的${asked}个目标中${reached}个达到`, en);
}

/**
 * A part of the price split in government money: its change, or where it is negative what it saves
 * ("cost −779.4万元 more" read as a cost; "再多用政府资金−779.4万元" as well).
 */
export interface SplitPart {
  /** Government money against the plan before it (yuan). */
  gov: number;
  /** That of all sources, or null where only government pays. */
  all: number | null;
}

const allText = (p: SplitPart) => (p.all === null ? l("", "") : l(`（全部资金${formatMoneyChange(p.all)}）`, ` (all sources ${formatMoneyChange(p.all)})`));

/**
 * The price split where some targets stay below their level (marginSplit.ts): the plan with only
 * the reached targets' margins against the plan without margins, and the margins of the targets
 * below their level on top of it, with what they buy. `ids` name the targets.
 */
export const MARGIN_SPLIT = {
  reached: (ids: string, part: SplitPart, pMet: string): Label => {
    const [all, saves] = [allText(part), part.gov < 0];
    const money = saves
      ? l(`反而少用政府资金${formatMoney(-part.gov)}`, `save ${formatMoney(-part.gov)} of government money`)
      : l(`只需多用政府资金${formatMoneyChange(part.gov)}`, `cost ${formatMoneyChange(part.gov)} of government money`);
    return l(
      `其中达到要求把握度的目标（${ids}）${money.zh}${all.zh}：只含其余量的计划比不加余量的计划；该计划在校准样本上的完成概率：${pMet}`,
      `of which the levels reached (${ids}) ${money.en}${all.en}: the plan with only their margins against the plan without margins; its P(met) on the calibration sample: ${pMet}`,
    );
  },
  limited: (ids: string, part: SplitPart, changes: string, level: string, moved: string | null): Label => {
    const [all, saves] = [allText(part), part.gov < 0];
    const money = saves
      ? l(`反而少用政府资金${formatMoney(-part.gov)}`, `save ${formatMoney(-part.gov)} of government money`)
      : l(`再多用政府资金${formatMoneyChange(part.gov)}`, `cost ${formatMoneyChange(part.gov)} more`);
    return l(
      `未达到要求把握度的目标（${ids}）的余量${money.zh}${all.zh}；校准样本上的完成概率（不含 → 含这些余量）：${changes}（仍低于要求的${level}）${moved ? `；${moved}` : ""}`,
      `the margins of the targets below their level (${ids}) ${money.en}${all.en}; P(met) on the calibration sample without → with them: ${changes} (still below the required ${level})${moved ? `; ${moved}` : ""}`,
    );
  },
  /**
   * After a part that saves government money, so that the other part is more than the whole: why.
   * The plan is the least weighted cost, not the least government money: holding more it costs
   * more weighted (`weighted`, yuan) and can still pay less of it; or, where even the weighted cost
   * fell, both plans are integer programmes solved to `mipGap` (a fraction), within which a plan
   * holding more can come out cheaper.
   */
  saving: (weighted: number, mipGap: number | null): Label => (weighted >= 0 || mipGap === null
    ? l(
      `；原因：方案求的是加权成本（各来源资金×其成本权重）最小，而非政府资金最少——这部分使加权成本${formatMoneyChange(weighted)}，资金在各来源之间转移，政府资金反而减少，故另一部分多于总额`,
      `; why: the plan is the least weighted cost (each source's money × its cost weight), not the least government money — this part changes the weighted cost by ${formatMoneyChange(weighted)} while money moves between sources, so the other part is more than the whole`,
    )
    : l(
      `；原因：两个方案都是整数规划，按${formatPercent(mipGap)}的MIP间隙求解，在此间隙以内余量更多的方案也可能更便宜（加权成本${formatMoneyChange(weighted)}），故另一部分多于总额`,
      `; why: both plans are integer programmes solved to the ${formatPercent(mipGap)} MIP gap, within which the plan holding more margins can come out cheaper (weighted cost ${formatMoneyChange(weighted)}), so the other part is more than the whole`,
    )),
  /** A target reached in the final plan that the plan with only the reached margins leaves short. */
  notHeld: (ids: string): Label => l(
    `只含达到要求的余量的计划中，${ids}在校准样本上未达到要求把握度`,
    `in the plan with only the reached margins, ${ids} fall short of their level on the calibration sample`,
  ),
};

/** The line of a limited target: its P(met) is the calibration sample's, not the validation run's below it. */
export const ON_CALIBRATION = l("校准样本上的完成概率", "P(met) on the calibration sample");
