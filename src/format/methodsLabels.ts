/**
 * Words of the methods block (report/methodsBlock.ts): what a Monte Carlo run's P(met) and
 * confidence level rest on — what P(met) means in the run's mode, the uncertain inputs as the
 * scenario's assumptions, the samples and seeds, and that ± is sampling error only. Leadership reads
 * it beside "99.0% ± 0.2%", so it is short and in both languages.
 */
import { lowerBoundRule } from "./confidenceLabels.js";
import { type Label, l, UNCERTAIN_INPUT_LABELS, wordsFor } from "./labels.js";
import { formatCount } from "./numbers.js";

/** The rows' titles, in the order the block shows them. */
export const METHOD_TITLES = {
  pMet: l("方法：完成概率的含义", "Method: what P(met) means"),
  level: l("方法：要求把握度的含义", "Method: what the confidence required means"),
  inputs: l("方法：不确定的输入（假设）", "Method: uncertain inputs (assumptions)"),
  samples: l("方法：抽样次数与随机种子", "Method: draws and seeds"),
  error: l("方法：± 的含义", "Method: what ± means"),
};

/**
 * P(met) in each Monte Carlo mode (docs/monte-carlo.md): `plan` names the plan executed ("本计划",
 * "各削减档位的计划"). evaluate is the one most read wrongly: the shares stay fixed, and a source
 * short of money is not made up by another.
 */
export function pMetMeaning(mode: string, plan: Label): Label {
  switch (mode) {
    case "replan":
      return l(
        `在每个抽样情景中逐年执行${plan.zh}，每年按已发生的情况重新编制剩余年份的计划，达到目标的情景所占比例`,
        `the share of sampled worlds in which the target is reached when ${plan.en} is executed year by year, the remaining years re-planned each year from what happened`,
      );
    case "reoptimize":
      return l(
        "在每个抽样情景中预知该情景的成本、预算与居民同意情况后重新求解整个计划（不计开工推迟），达到目标的情景所占比例；这是事后最优的上限，不是按固定计划执行的把握",
        "the share of sampled worlds in which the target is reached by the whole plan re-solved knowing that world's costs, budgets and consent (slips not applied): a hindsight upper bound, not the odds of a fixed plan",
      );
    default:
      return l(
        `在每个抽样情景中按${plan.zh}固定执行（各资金来源的出资比例固定，一个来源的缺口不由其他来源补足），达到目标的情景所占比例`,
        `the share of sampled worlds in which the target is reached when ${plan.en} is executed as fixed (each source's share of the cost fixed; no source covers another's shortfall)`,
      );
  }
}

/** The plan a kind of run executes in its draws. */
export const PLAN_EXECUTED: Record<string, Label> = {
  plan: l("本计划", "this plan"),
  merge: l("本计划", "this plan"),
  stress: l("各削减档位的计划", "each cut level's plan"),
  frontier: l("各把握度档位的计划", "each level's plan"),
  "min-budget": l("最低预算比例 λ 下的计划", "the plan at the minimum scale λ"),
};

/**
 * A level asked of each target alone, judged by the lower bound on the calibration sample in the
 * frontier and min-budget reports' words (`alsoIn`: where else the verdict is written).
 */
export function levelMeaning(alsoIn: Label): Label {
  const rule = lowerBoundRule(alsoIn);
  return l(
    `每个目标分别要求达到该完成概率，不是全部目标同时完成的概率；是否达到：${rule.zh}`,
    `asked of each target alone, not of all targets together; reached or not: ${rule.en}`,
  );
}

const DIST_NAMES: Record<string, Label> = {
  pert: l("PERT", "PERT"),
  triangular: l("三角分布", "triangular"),
  uniform: l("均匀分布", "uniform"),
  normal: l("正态分布", "normal"),
  lognormal: l("对数正态分布", "lognormal"),
  discrete: l("离散分布", "discrete"),
};

const PER: Record<string, Label> = {
  draw: l("每次抽样一个值", "one value per draw"),
  region: l("按地区", "per region"),
  year: l("按年", "per year"),
  region_year: l("按地区、按年", "per region and year"),
};

/** A distribution's parameters in the order docs/monte-carlo.md lists them, as the scenario wrote them. */
const PARAMETERS: Record<string, string[]> = {
  pert: ["min", "mode", "max"],
  triangular: ["min", "mode", "max"],
  uniform: ["min", "max"],
  normal: ["mean", "sd"],
};

/** "PERT(0.34, 1, 1.41)", "正态分布(1, 0.1; 0.5–1.5)": the scenario's own numbers ("30%" stays "30%"). */
export function distLabel(dist: Record<string, unknown>): Label {
  const type = String(dist.type ?? "");
  const shown = (v: unknown) => (Array.isArray(v) ? v.map(String).join(", ") : String(v));
  const keys = PARAMETERS[type] ?? Object.keys(dist).filter((k) => k !== "type" && k !== "min" && k !== "max" && k !== "lambda");
  const named = PARAMETERS[type] === undefined; // lognormal, discrete: say which parameter is which
  const args = keys.filter((k) => dist[k] !== undefined).map((k) => (named ? `${k} ${shown(dist[k])}` : shown(dist[k])));
  const extra = [
    ...(dist.lambda !== undefined ? [`λ ${shown(dist.lambda)}`] : []),
    ...(!PARAMETERS[type]?.includes("min") && (dist.min !== undefined || dist.max !== undefined) ? [`${shown(dist.min ?? "")}–${shown(dist.max ?? "")}`] : []),
  ];
  const body = `(${[args.join(", "), ...extra].join("; ")})`;
  const name = wordsFor(DIST_NAMES, type);
  return l(`${name.zh}${body}`, `${name.en}${body}`);
}

/** One uncertain input: "单位造价：系数 PERT(0.34, 1, 1.41)，按地区". `of` names its source, kind, programme or region. */
export function inputLabel(appliesTo: string, of: Label | null, factor: boolean, dist: Label, per: string): Label {
  const what = wordsFor(UNCERTAIN_INPUT_LABELS, appliesTo);
  const perLabel = wordsFor(PER, per);
  return l(
    `${what.zh}${of ? `（${of.zh}）` : ""}：${factor ? "系数 " : ""}${dist.zh}，${perLabel.zh}`,
    `${what.en}${of ? ` (${of.en})` : ""}: ${factor ? "factor " : ""}${dist.en}, ${perLabel.en}`,
  );
}

/** The inputs row: marked as assumptions, then what else is held as the scenario gives it. */
export function inputsMeaning(inputs: Label[], correlated: number): Label {
  const pairs = correlated > 0 ? l(`；其中${correlated}组输入相关`, `; ${correlated} pairs of them correlated`) : l("", "");
  return l(
    `场景 uncertainty 部分设定的假设，不是官方公布的分布：${inputs.map((i) => i.zh).join("；")}${pairs.zh}。其余输入均按场景取值，不随机。`,
    `assumed in the scenario's uncertainty section, not official distributions: ${inputs.map((i) => i.en).join("; ")}${pairs.en}. Every other input is taken as the scenario gives it.`,
  );
}

/** The samples: the ordinary Monte Carlo run, or a confidence run's calibration and validation. */
export const SAMPLES = {
  monteCarlo: (draws: number, seed: unknown): Label => l(
    `蒙特卡洛抽样${formatCount(draws, true)}次，随机种子${String(seed)}`,
    `${formatCount(draws, true)} Monte Carlo draws, seed ${String(seed)}`,
  ),
  calibration: (draws: number, seed: unknown): Label => l(
    `校准样本${formatCount(draws, true)}次（随机种子${String(seed)}；据此编制余量、判断是否达到要求把握度）`,
    `calibration sample of ${formatCount(draws, true)} draws (seed ${String(seed)}; the margins are set and the levels judged on it)`,
  ),
  validation: (draws: number, seed: unknown): Label => l(
    `验证抽样${formatCount(draws, true)}次（随机种子${String(seed)}，另行抽取；带 ± 的完成概率取自验证抽样）`,
    `validation draws: ${formatCount(draws, true)} fresh draws (seed ${String(seed)}; the P(met) shown with ± is theirs)`,
  ),
  noValidation: l("未做验证抽样（完成概率为校准样本上的值；加 --draws 可另行验证）", "no validation draws (P(met) is the calibration sample's; --draws validates on fresh draws)"),
};

/** ± is sampling error of the draws, not the uncertainty of the assumed distributions. */
export const ERROR_MEANING = l(
  "± 为1个标准误，只反映抽样次数有限带来的蒙特卡洛误差，不反映上述假设分布本身的不确定性；换用其他合理的假设，完成概率的变化可能远大于 ±。",
  "± is one standard error: Monte Carlo sampling error only, not the uncertainty of the assumed distributions above; other reasonable assumptions can move P(met) by far more than ±.",
);
