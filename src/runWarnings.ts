/**
 * run.json's warnings in both languages: `warnings` in English, as the terminal prints them (and
 * as users and `compare` have always read them), and `warnings_zh` beside it, the same notes in
 * the same order, which report.html and results.xlsx show to their Chinese readers. Also the
 * words of the warnings `simulate` itself adds to the scenario's notices and the solver's.
 */
import type { Label } from "./format/labels.js";

export interface RunWarnings {
  warnings: string[];
  warnings_zh: string[];
}

export function runWarningFields(notes: readonly Label[]): RunWarnings {
  return { warnings: notes.map((n) => n.en), warnings_zh: notes.map((n) => n.zh) };
}

/**
 * Notes of one of a command's plans (a stress level, the plan without margins, min-budget's plan at
 * λ), each said with the plan it is about: "cut 20%: stage cost stopped at …".
 */
export function notesOf(plan: Label, notes: readonly Label[]): Label[] {
  return notes.map((n) => ({ en: `${plan.en}: ${n.en}`, zh: `${plan.zh}：${n.zh}` }));
}

/**
 * The notes of a command's several plans (stress levels): a note every plan has (the scenario's
 * own, such as smoothing not applying to whole units) once as it is, the others with their plan.
 */
export function notesOfPlans(plans: readonly { plan: Label; notes: readonly Label[] }[]): Label[] {
  const inAll = (n: Label) => plans.every((p) => p.notes.some((m) => m.en === n.en));
  const shared = plans.length > 1 ? (plans[0]?.notes ?? []).filter(inAll) : [];
  const own = plans.flatMap((p) => notesOf(p.plan, p.notes.filter((n) => !shared.some((m) => m.en === n.en))));
  return [...shared, ...own];
}

/**
 * run.json's `unit_slips` and `unit_slips_zh`, only when there are any: the notes on whole budget
 * tables that look typed in the wrong unit (src/scenario/unitSlips.ts). They are among `warnings`
 * too; apart, the report's key figures and the workbook's 概要 can put them first.
 */
export function unitSlipFields(slips: readonly Label[]): { unit_slips?: string[]; unit_slips_zh?: string[] } {
  return slips.length === 0 ? {} : { unit_slips: slips.map((n) => n.en), unit_slips_zh: slips.map((n) => n.zh) };
}

export function addRunWarning(run: RunWarnings, note: Label): void {
  run.warnings.push(note.en);
  run.warnings_zh.push(note.zh);
}

/** Confidence planning without an `uncertainty:` section has nothing to plan a margin against. */
export const NO_UNCERTAINTY_FOR_CONFIDENCE: Label = {
  en: "the scenario has no uncertain inputs: every target is met with probability 1 or 0 as planned, so no margin is needed",
  zh: "方案没有不确定输入：每个目标按计划完成的概率非1即0，无需规划余量",
};

/** Monte Carlo without an `uncertainty:` section draws the planned world every time. */
export const NO_UNCERTAINTY_FOR_DRAWS: Label = {
  en: "the scenario has no uncertain inputs: every draw executes the plan in the planned world",
  zh: "方案没有不确定输入：每次抽样都是在计划情形下执行方案",
};

/**
 * The notes above for a command that plans to a confidence level or runs draws (stress, frontier,
 * min-budget), for a scenario without an `uncertainty:` section; none where it has one.
 */
export function noUncertaintyNotes(uncertainInputs: number, asked: { confidence: boolean; draws: boolean }): Label[] {
  if (uncertainInputs > 0) return [];
  return [...(asked.confidence ? [NO_UNCERTAINTY_FOR_CONFIDENCE] : []), ...(asked.draws ? [NO_UNCERTAINTY_FOR_DRAWS] : [])];
}

/** The first line of a printed table with the notes under it ("note: …"), as min-budget prints its own. */
export function withNotes(title: string, notes: readonly Label[]): string {
  return [title, ...notes.map((n) => `note: ${n.en}`)].join("\n");
}

/**
 * `--mode replan` on a scenario with whole-unit programmes: its annual re-plans are LP relaxations
 * (src/montecarlo/replanWholeUnits.ts), so the P(met) of their targets reads low. Programmes and
 * targets come named ("城中村改造 (village)", "2027年前启动城中村改造12个").
 */
export function replanRelaxesWholeUnits(programs: readonly Label[], targets: readonly string[]): Label {
  return {
    en: `--mode replan: the annual re-plans are LP relaxations, so they start fractions of whole units (${programs.map((p) => p.en).join(", ")}: integer: true) ` +
      `and the P(met) of ${targets.join(", ")} under replan is understated; --mode evaluate gives the P(met) of the fixed whole-unit plan`,
    zh: `--mode replan：逐年重新规划求解的是线性松弛，整数单位项目（${programs.map((p) => p.zh).join("、")}，integer: true）会按零头开工，` +
      `因此逐年重新规划下${targets.join("、")}的完成概率（P(met)）被低估；按固定的整数单位计划执行的完成概率请用 --mode evaluate`,
  };
}

/**
 * `--precision` not reached: the --draws cap stopped the run first (an analyst read "stopped at
 * standard error ≤ 0.005" where the largest was 0.0077 and quoted the precision asked for).
 */
export function precisionNotReached(draws: number, precision: number, short: { target: string | null; se: number }, capFromOption: boolean): Label {
  const se = short.se.toPrecision(2);
  const count = draws.toLocaleString("en-US");
  const of = { en: short.target === null ? "P(all targets met)" : `P(met) of ${short.target}`, zh: short.target === null ? "全部目标同时完成概率" : `${short.target} 的完成概率` };
  return capFromOption
    ? {
      en: `--precision ${precision} was not reached: the --draws cap of ${count} stopped the run first, with the standard error of ${of.en} at ${se}; raise --draws to reach it`,
      zh: `未达到 --precision ${precision}：抽样在 --draws 上限 ${count} 次处停止，${of.zh}的标准误为 ${se}；请提高 --draws 以达到该精度`,
    }
    : {
      en: `--precision ${precision} was not reached within the most draws a run makes (${count}): the standard error of ${of.en} is ${se}; ask for a coarser precision`,
      zh: `在单次运行的最多抽样次数（${count}）内未达到 --precision ${precision}：${of.zh}的标准误为 ${se}；请放宽精度要求`,
    };
}

/** `--workers` above the cores here: fewer threads ran, which the results do not depend on. */
export function fewerWorkers(asked: number, used: number | null): Label {
  return {
    en: `--workers ${asked} is more than the ${used} cores here; ${used} worker threads were used (results do not depend on the count)`,
    zh: `--workers ${asked} 超过本机的${used}个处理器核心，实际使用了${used}个工作线程（结果与线程数无关）`,
  };
}

/**
 * Sources with no cost weight that the plan takes at their maximum share wherever they pay
 * (results/freeMoney.ts), each said with its shares: "实施主体 (developer): 60% of 城中村改造".
 * The plan is right by its weights; the note says the weights made that money free.
 */
export function freeMoneyNote(sources: readonly Label[]): Label {
  return {
    en: "money from sources with no cost weight (cost_weight 0, the default for every kind but government) is treated as free, " +
      `so the plan takes it at the maximum share wherever it pays, before government money: ${sources.map((s) => s.en).join("; ")}; ` +
      "to weigh such money against government money, give its source a cost_weight (sources[*].cost_weight: 1 counts a yuan of it like a yuan of government money)",
    zh: "没有成本权重的资金来源（cost_weight 为0，除政府资金外各类来源的默认值）被视为免费，规划在其出资的每个地区和年份都按最高出资比例取用，先于政府资金：" +
      `${sources.map((s) => s.zh).join("；")}；如要将其与政府资金权衡，请为该来源设置成本权重（sources[*].cost_weight：设为1即每1元与政府资金1元同等计算）`,
  };
}
