/**
 * Confidence planning in the results folder: the targets.csv columns it adds, its diagnostics rows
 * (a target that cannot reach its level, with the limits that stop it, in planning words) and the
 * lines the summary leads with ("to be 90 % sure of …: plan …, government money +… (the price of
 * confidence)").
 */
import { lowerBound } from "./criterion.js";
import { governmentUsed } from "../finance/stressTables.js";
import { formatCount, formatMoneyApart, formatMoneyChange, formatPercent, formatPercentBelow } from "../format/numbers.js";
import { Namer } from "../plan/describe.js";
import { round } from "../results/numbers.js";
import type { DiagnosticRow, PlanTables, TargetRow } from "../results/types.js";
import { usedBySource } from "../results/usedBySource.js";
import type { InputLocator } from "../scenario/inputPlace.js";
import { mostCountable } from "../scenario/targetNotices.js";
import type { Scenario } from "../scenario/types.js";
import { describeLimits, describeLimitsZh, perZh, roughly } from "./limits.js";
import { type Label, metricLabel } from "../format/labels.js";
import { belowBoundLabel, levelsReachedLabel, PRICE_OF_CONFIDENCE, SHORT_OF_LEVEL } from "../format/confidenceLabels.js";
import type { TargetConfidence } from "./types.js";
import type { MarginSplit } from "./marginSplit.js";
import { type MarginSplitRecord, marginSplitLines, marginSplitRecord } from "./marginSplitRecord.js";

export interface ConfidenceColumns {
  confidence_required: number;
  /** Planned value minus the target value (target units): the planned margin. */
  planned_margin: number;
  p_met_calibration: number;
  /** reached | limited | sample_too_small | not_converged | none (no level asked). */
  confidence_status: string;
}

export function withConfidence(rows: TargetRow[], targets: TargetConfidence[]): (TargetRow & ConfidenceColumns)[] {
  const byId = new Map(targets.map((t) => [t.target, t]));
  return rows.map((r) => {
    const c = byId.get(r.target)!;
    return {
      ...r,
      confidence_required: c.required,
      planned_margin: round(r.planned - r.target_value, 4),
      p_met_calibration: round(c.met / c.draws, 6),
      confidence_status: c.status,
    };
  });
}

const NO_NOTE: Label = { en: "", zh: "" };

/**
 * For a limited target whose plan already holds every unit of its region's stock (all 4 villages of
 * a district): a margin cannot help, and the planner should hear what could — starting them earlier.
 */
function wholeStockNote(scenario: Scenario, t: Scenario["targets"][number], c: TargetConfidence): Label {
  if (c.status !== "limited" || !wholeStock(scenario, t, c)) return NO_NOTE;
  return {
    en: ". Every unit of its stock is planned: only earlier starts, leaving years for a unit that slips or fails its vote to try again, could make it surer, and margins do not plan start years (docs/confidence.md, \"Limits\")",
    zh: "。其存量已全部列入计划：只有更早开工，为推迟开工或居民表决未通过的项目留出重试的年份，才能提高把握度，而余量不安排开工年份（见 docs/confidence.md“Limits”）",
  };
}

/**
 * Where the sample's P(met) is at or above the level and the target still falls short of it: the
 * criterion is the estimate's lower bound (criterion.ts), and "P(met) 90.8 % … cannot be 90 % sure"
 * read as a contradiction to a finance officer.
 */
function belowBound(c: TargetConfidence): Label {
  if (c.draws <= 0 || c.met / c.draws < c.required) return { en: "", zh: "" };
  return belowBoundLabel(lowerBound(c.met, c.draws), c.required, c.draws);
}

/** A target planned above its value with its margin at the value itself: the calibration never had to raise it. */
function ownMarginNone(t: Scenario["targets"][number], c: TargetConfidence): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(t.atLeast));
  return c.level <= t.atLeast + tolerance && c.planned > t.atLeast + 1e-6 * Math.max(1, Math.abs(t.atLeast));
}

/** Whether the plan starts every unit of the target's stock (a margin can ask for more than there is). */
function wholeStock(scenario: Scenario, t: Scenario["targets"][number], c: TargetConfidence): boolean {
  const stock = mostCountable(scenario, t);
  return stock !== null && stock > 0 && c.planned >= stock - 1e-6 * Math.max(1, stock);
}

export function confidenceDiagnostics(scenario: Scenario, targets: TargetConfidence[], locate?: InputLocator): DiagnosticRow[] {
  const namer = new Namer(scenario);
  const rows: DiagnosticRow[] = [];
  targets.forEach((c, i) => {
    if (c.status === "reached" || c.status === "none") return;
    const t = scenario.targets[i];
    const reached = formatPercentBelow(c.met / c.draws, c.required);
    const input_line = t.path && locate ? locate(t.path) : "";
    const [planned, of, note] = [formatCount(c.planned, true), formatCount(t.atLeast, true), wholeStockNote(scenario, t, c)];
    rows.push({
      kind: "confidence_not_reached",
      where: `target[${t.id}]`,
      message: `${namer.label("target", t.id)}: P(met) ${reached} on the calibration sample${belowBound(c).en}, required ${formatPercent(c.required)} — ` +
        `${SHORT_OF_LEVEL[c.status].en}: planned ${planned} for ${of}; held by ${describeLimits(c.limits, t.metric)}${note.en}`,
      message_zh: `${namer.labelZh("target", t.id)}：校准样本上的完成概率为${reached}${belowBound(c).zh}，要求${formatPercent(c.required)}——` +
        `${SHORT_OF_LEVEL[c.status].zh}：计划${planned}，目标值${of}；受制于${describeLimitsZh(c.limits, t.metric)}${note.zh}`,
      input_line,
    });
    for (const l of c.limits) {
      // A group of limits has no single entry to point at; a one-row group points at its own.
      const limitLine = l.input && locate ? locate(l.input) : "";
      rows.push({
        kind: "confidence_limit", where: `target[${t.id}] ${l.where}`,
        message: `${l.what}: up to +${roughly(l.gain)} ${t.metric} of ${namer.label("target", t.id)} per ${l.per} (${l.rows} ${l.rows === 1 ? "limit" : "limits"})`,
        message_zh: `${l.what_zh}：${perZh(l.per)}最多可使${namer.labelZh("target", t.id)}的${metricLabel(t.metric).zh}增加${roughly(l.gain)}（${l.rows}项限制）`,
        input_line: limitLine,
      });
    }
  });
  return rows;
}

/**
 * The lines the summary leads with; where some targets stay below their level and the plan with
 * only the reached margins was solved (`split`), what the levels reached cost and what the other
 * margins cost and buy.
 */
export function confidenceLines(scenario: Scenario, targets: TargetConfidence[], plan: PlanTables, plain: PlanTables, split?: MarginSplit | null): string[] {
  const lines: string[] = [];
  const namer = new Namer(scenario);
  targets.forEach((c, i) => {
    if (c.status === "none") return;
    const t = scenario.targets[i];
    const whole = t.metric.startsWith("households") || scenario.programs.find((p) => p.id === t.program)?.integer === true;
    // Against the target, beside what the plan without margins had: "+166.0%" alone read as the
    // margin bought, where the plain plan already held 98 of 50 and the target needed none.
    const before = plain.targets?.find((r) => r.target === t.id)?.planned;
    const plainText = before === undefined ? "" : `; the plan without margins ${formatCount(before, whole)}`;
    const margin = t.atLeast > 0 ? ` (${c.planned >= t.atLeast ? "+" : ""}${formatPercent(c.planned / t.atLeast - 1)} over the target${plainText})` : "";
    const what = `${formatCount(t.atLeast, whole)} ${namer.name("target", t.id)}`;
    if (c.status === "reached") {
      const own = ownMarginNone(t, c) ? " — no margin of its own: the plan for the other targets holds it above the target" : "";
      lines.push(`to be ${formatPercent(c.required)} sure of ${what}: plan ${formatCount(c.planned, whole)}${margin}${wholeStock(scenario, t, c) ? " — the whole stock" : own}; P(met) ${formatPercent(c.met / c.draws)} on the calibration sample`);
    } else {
      lines.push(`cannot be ${formatPercent(c.required)} sure of ${what}: P(met) on the calibration sample ${formatPercentBelow(c.met / c.draws, c.required)}${belowBound(c).en} with ${formatCount(c.planned, whole)} planned${margin} — ${SHORT_OF_LEVEL[c.status].en}; held by ${describeLimits(c.limits, t.metric)}${wholeStockNote(scenario, t, c).en}`);
    }
  });
  const gov = governmentUsed(plan);
  const gov0 = governmentUsed(plain);
  // An integer plan is solved to a MIP gap: the confidence plan can come out a little cheaper.
  const gap = gov < gov0 && scenario.programs.some((p) => p.integer) ? `; both plans are solved to the ${formatPercent(scenario.objective.mipGap)} MIP gap` : "";
  // Government money is what offices budget; enterprises, property owners and residents pay their
  // shares of the margin too (and the objective weighs them by their cost weights), so the whole
  // bill is shown beside it when other sources pay.
  const all = totalUsed(plan);
  const all0 = totalUsed(plain);
  const others = Math.abs(all - gov) > 0.5 || Math.abs(all0 - gov0) > 0.5;
  const whole = others ? `; all sources ${formatMoneyApart([all0, all]).join(" → ")} (${formatMoneyChange(all - all0)})` : "";
  // Money spent on margins that still leave a target below its level is not "the price of confidence".
  const asked = targets.filter((c) => c.status !== "none");
  const reached = asked.filter((c) => c.status === "reached").length;
  const price = reached === asked.length ? PRICE_OF_CONFIDENCE.en : `the price of the margins planned; ${levelsReachedLabel(reached, asked.length).en}`;
  lines.push(`government money ${formatMoneyApart([gov0, gov]).join(" → ")} (${formatMoneyChange(gov - gov0)}: ${price}${gap})${whole}`);
  const record = split ? marginSplitRecord(scenario, targets, split, plan, plain) : null;
  if (record) lines.push(...marginSplitLines(record, others, (id) => namer.name("target", id)).map((l) => `  ${l.en}`));
  return lines;
}

/** Total money (all sources) of a plan, yuan. */
export function totalUsed(tables: PlanTables): number {
  return round(tables.funding.reduce((s, f) => s + f.amount_yuan, 0), 2);
}

/**
 * Money of a plan by source (id → yuan, in funding's order): the report shows who pays for the
 * margins — residents' 20万元 → 912万元 hid behind "+28万元" of government money.
 */
function usedBySourceRecord(tables: PlanTables): Record<string, number> {
  return Object.fromEntries(usedBySource(tables)); // own keys, "__proto__" too
}

/** The `confidence` record of run.json. */
export function confidenceRunInfo(
  outcome: {
    plain: { tables: PlanTables; scenario?: Scenario };
    planned: { tables: PlanTables; scenario?: Scenario };
    targets: TargetConfidence[];
    calibration: { seed: number; draws: number; rounds: number };
    split?: MarginSplit | null;
  },
  seeds: { calibrationFrom: string; validation: number | null },
  defaultLevel: number | null,
) {
  const scenario = outcome.planned.scenario;
  const split: MarginSplitRecord | null = outcome.split && scenario
    ? marginSplitRecord(scenario, outcome.targets, outcome.split, outcome.planned.tables, outcome.plain.tables)
    : null;
  const gov = governmentUsed(outcome.planned.tables);
  const gov0 = governmentUsed(outcome.plain.tables);
  return {
    default_level: defaultLevel,
    method: "calibrated planning margins on a fixed calibration sample, validated on fresh draws (docs/confidence.md)",
    criterion: "Agresti-Coull lower bound of P(met) on the calibration sample, z = 2, at least the required level",
    calibration: { seed: outcome.calibration.seed, seed_from: seeds.calibrationFrom, draws: outcome.calibration.draws, rounds: outcome.calibration.rounds },
    validation_seed: seeds.validation,
    targets: outcome.targets.map((t) => ({
      target: t.target,
      required: t.required,
      margin_level: round(t.level, 4),
      planned_value: round(t.planned, 4),
      p_met_calibration: round(t.met / t.draws, 6),
      status: t.status,
      limits: t.limits.slice(0, 10).map((l) => l.where),
    })),
    plain: { government_used_yuan: gov0, total_used_yuan: totalUsed(outcome.plain.tables), used_by_source_yuan: usedBySourceRecord(outcome.plain.tables) },
    government_used_yuan: gov,
    total_used_yuan: totalUsed(outcome.planned.tables),
    used_by_source_yuan: usedBySourceRecord(outcome.planned.tables),
    price_of_confidence_yuan: round(gov - gov0, 2),
    // Where some targets stay below their level: what the levels reached cost, and what the other
    // margins cost on top and buy (marginSplit.ts); absent when every level asked is reached.
    ...(split ? { margin_split: split } : {}),
  };
}
