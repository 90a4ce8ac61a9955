/**
 * Files and printed text of `simulate min-budget --confidence α`:
 *   min_budget.csv             every selected budget today and at λ* (the columns of min-budget)
 *   min_budget_confidence.csv  per target: planned value and P(met) at λ* and at 1 % less
 *   min_budget_search.csv      every scale tried and whether it reached α (status infeasible: the
 *                              scale has no plan at all, so it does not)
 *   min_budget_funding.csv     per payment year and source, what the plan to α at λ* pays against
 *                              the plain plan with today's budgets (plain min-budget's columns)
 * plus diagnostics.csv when no scale reaches α (or the targets cannot be met at all), run.json,
 * input.yaml and the office files. Columns in output/columns.ts. When no scale reaches α,
 * min_budget_confidence.csv and min_budget_funding.csv hold the plan at the largest scale tried.
 */
import { DIAGNOSTIC_COLUMNS, MIN_BUDGET_COLUMNS, MIN_BUDGET_CONFIDENCE_COLUMNS, MIN_BUDGET_FUNDING_COLUMNS, MIN_BUDGET_SEARCH_COLUMNS } from "../output/columns.js";
import { toCsv } from "../output/csv.js";
import { withOfficeFiles } from "../output/officeFiles.js";
import { INPUT_FILE, renderInput } from "../output/planFiles.js";
import { MIN_BUDGET_FUNDING_FILE, moneyBySourceLines } from "../finance/minBudgetFunding.js";
import { paidTotals } from "../finance/paidTotals.js";
import { MIN_BUDGET_FILE } from "../finance/minBudgetReport.js";
import { renderJson } from "../finance/runInfo.js";
import { PRICE_OF_CONFIDENCE, READS_BELOW_MARK, readsBelow, readsBelowLegend } from "../format/confidenceLabels.js";
import { allTargetsMetLine, formatCount, formatMoney, formatMoneyApart, formatMoneyChange, formatPercent, formatProbability } from "../format/numbers.js";
import type { DiagnosticRow } from "../results/types.js";
import { conflictRow, solverErrorRow } from "../plan/diagnostics.js";
import { round } from "../results/numbers.js";
import type { InputLocator } from "../scenario/inputPlace.js";
import type { Scenario, YamlPath } from "../scenario/types.js";
import { confidenceDiagnostics } from "./confidenceTables.js";
import type { MinBudgetConfidenceResult, ScalePlan } from "./minBudgetConfidence.js";
import { describeLimits, roughly } from "./limits.js";
import { passes } from "./criterion.js";
import { type Conflict, mustGive } from "../plan/elastic.js";

/** How many of what must give at a scale with no plan the summary names. */
const PRINTED_CONFLICTS = 3;

export const CONFIDENCE_FILE = "min_budget_confidence.csv";
export const SEARCH_FILE = "min_budget_search.csv";

type TargetRow = Record<(typeof MIN_BUDGET_CONFIDENCE_COLUMNS)[number], string | number | boolean | null>;

function targetRows(scenario: Scenario, r: MinBudgetConfidenceResult): TargetRow[] {
  const at = (p: ScalePlan | null, i: number) => {
    const v = p?.validation?.get(scenario.targets[i].id);
    return {
      scale: p ? round(p.scale, 9) : null,
      planned: p ? round(p.calibration.planned[i], 4) : null,
      cal: p ? round(p.calibration.met[i] / p.calibration.draws, 6) : null,
      // The search's own verdict (frontier.csv's rule): the lower bound of P(met), not P̂, against the level.
      reached: p ? passes(p.calibration.met[i], p.calibration.draws, r.required[i]) : null,
      p: v?.p_met ?? null,
      se: v?.p_met_se ?? null,
    };
  };
  return scenario.targets.map((t, i) => {
    const a = at(r.at, i);
    // No plan 1 % lower: its scale, not reached, and nothing planned or met there.
    const b = r.belowNoPlan ? { ...at(null, i), scale: round(r.belowNoPlan.scale, 9), reached: false } : at(r.below, i);
    return {
      target: t.id, name: t.name, confidence_required: r.required[i], target_value: t.atLeast,
      scale: a.scale, planned_value: a.planned, p_met_calibration: a.cal, confidence_reached: a.reached, p_met: a.p, p_met_se: a.se,
      scale_below: b.scale, planned_value_below: b.planned, p_met_calibration_below: b.cal, confidence_reached_below: b.reached, p_met_below: b.p, p_met_se_below: b.se,
    };
  });
}

export async function renderMinBudgetConfidenceFiles(
  scenario: Scenario,
  r: MinBudgetConfidenceResult,
  runJson: object,
  merged: unknown,
  options: { bom: boolean; xlsx?: boolean; locate?: InputLocator },
): Promise<Record<string, string | Uint8Array>> {
  const files: Record<string, string> = { [INPUT_FILE]: renderInput(merged), "run.json": renderJson(runJson) };
  if (r.status === "optimal") files[MIN_BUDGET_FILE] = toCsv(r.rows, MIN_BUDGET_COLUMNS, options);
  if (r.at) files[CONFIDENCE_FILE] = toCsv(targetRows(scenario, r), [...MIN_BUDGET_CONFIDENCE_COLUMNS], options);
  if (r.funding.length > 0) files[MIN_BUDGET_FUNDING_FILE] = toCsv(r.funding, MIN_BUDGET_FUNDING_COLUMNS, options);
  if (r.trials.length > 0) {
    const trials = r.trials.map((t) => ({
      scale: round(t.scale, 9),
      whole_units: t.wholeUnits,
      reached: t.reached,
      // A scale with no plan has no targets reached to count: empty, and its status says why.
      targets_reached: t.calibration ? t.calibration.status.filter((s) => s === "reached" || s === "none").length : null,
      targets: scenario.targets.length,
      status: t.noPlan ? "infeasible" : "optimal",
    }));
    files[SEARCH_FILE] = toCsv(trials, [...MIN_BUDGET_SEARCH_COLUMNS], options);
  }
  const diagnostics = diagnosticRows(scenario, r, options.locate);
  if (diagnostics.length > 0) files["diagnostics.csv"] = toCsv(diagnostics, DIAGNOSTIC_COLUMNS, options);
  return withOfficeFiles(files, { kind: "min-budget", xlsx: options.xlsx });
}

function diagnosticRows(scenario: Scenario, r: MinBudgetConfidenceResult, locate?: InputLocator): DiagnosticRow[] {
  const input = (path: YamlPath | null | undefined) => (path && locate ? locate(path) : "");
  if (r.status === "infeasible" || r.status === "error") {
    const rows: DiagnosticRow[] = r.deterministic.conflicts.map((c) => conflictRow(c, input(c.input)));
    if (r.deterministic.message) rows.push(solverErrorRow(r.deterministic.message));
    return rows;
  }
  if (r.status !== "unreachable" || !r.at) return [];
  const c = r.at.calibration;
  return confidenceDiagnostics(scenario, scenario.targets.map((t, i) => ({
    target: t.id, required: r.required[i], level: c.levels[i], planned: c.planned[i], met: c.met[i], draws: c.draws, status: c.status[i], limits: r.limits[i] ?? [],
  })), locate);
}

/** `draws`: the validation draws, when run (for P(met) bounds where no draw or every draw met a target). */
export function minBudgetConfidenceText(scenario: Scenario, r: MinBudgetConfidenceResult, title: string, draws?: number): string {
  const lines = [title, ...r.deterministic.notices.map((n) => `note: ${n.en}`)];
  if (r.status === "infeasible") {
    lines.push("no budget is large enough: the targets cannot all be met with any amount of the selected money, even in the planned world.");
    for (const c of r.deterministic.conflicts) lines.push(`  - ${c.message}`);
    return lines.join("\n") + "\n";
  }
  if (r.status === "error") return [...lines, `solver failed: ${r.deterministic.message ?? ""}`].join("\n") + "\n";
  const lambda0 = r.deterministic.scales[0].scale;
  const today = r.deterministic.scales[0].budget_yuan;
  const alpha = formatPercent(Math.max(...r.required));
  if (r.status === "unreachable" || !r.at) {
    lines.push(`no scale up to ${roughly(r.at?.scale ?? 0)}× today's budgets makes every target ${alpha} sure: other limits stop them, named below and in diagnostics.csv.`);
    // What the search got to, so the answer is not only "no": the floor it started from and, per
    // target, the P(met) at the largest scale tried.
    lines.push(`in the planned world λ₀ = ${lambda0.toFixed(4)} (${formatMoney(today * lambda0)}) meets every target${r.keptBefore !== null ? ` (the years before ${r.keptBefore} kept at today's ${alpha} plan, so λ₀ can differ from plain min-budget's λ)` : ""}.`);
    const at = r.at;
    if (at) {
      // An integer scenario's figures are its whole-unit plan's, as a plan to α would report them.
      lines.push(`P(met) on the calibration sample at ${roughly(at.scale)}× today's budgets${at.wholeUnits ? " (the plan in whole units)" : ""}, and what stops each target short of its level:`);
      scenario.targets.forEach((t, i) => {
        if (r.required[i] <= 0) return;
        const short = at.calibration.status[i] !== "reached";
        const why = short ? ` ✗ — planned ${formatCount(at.calibration.planned[i], at.wholeUnits || t.metric.startsWith("households"))} for ${formatCount(t.atLeast, true)}; held by ${describeLimits(r.limits[i] ?? [], t.metric)}` : "";
        lines.push(`  ${t.id} (required ${formatPercent(r.required[i])}): ${formatPercent(at.calibration.met[i] / at.calibration.draws)}${why}`);
      });
      lines.push(...fundingLines(r, `the plan at ${roughly(at.scale)}× today's budgets, the largest scale tried (to its best towards ${alpha})`));
    }
    return lines.join("\n") + "\n";
  }
  const lambda = r.at.scale;
  const verb = lambda <= 1 ? "can shrink to" : "must grow to";
  // The headline is against today: the budgets to add and the money the plan at λ pays above today's
  // plan (the price of confidence); λ₀, a smaller budget than today's, is context (analyst s38).
  lines.push(`breaking point at ${alpha} confidence: λ = ${lambda.toFixed(4)} — the selected budgets ${verb} ${formatPercent(lambda)} of today's ` +
    `(${formatMoney(today * lambda)} of ${formatMoney(today)}: ${formatMoneyChange(today * (lambda - 1))} against today's budgets) for every target to be met with probability ≥ ${alpha}.`);
  const paid = paidTotals(r.funding);
  if (paid) {
    lines.push(`${PRICE_OF_CONFIDENCE.en}: the ${alpha} plan at λ pays ${formatMoneyChange(paid.government.change)} of government money against the plan with today's budgets, without margins ` +
      `(${formatMoneyApart([paid.government.today, paid.government.atScale]).join(" → ")}; all sources ${formatMoneyChange(paid.all.change)}).`);
  }
  const side = lambda0 < 1 ? ", below today's budgets" : lambda0 > 1 ? ", above today's budgets" : "";
  lines.push(`in the planned world${r.keptBefore !== null ? ` (the years before ${r.keptBefore} kept at today's ${alpha} plan, where plain min-budget keeps today's plain plan)` : ""} ` +
    `λ₀ = ${lambda0.toFixed(4)} (${formatMoney(today * lambda0)}${side}) would do: the budgets at λ are ${formatMoney(today * (lambda - lambda0))} above that deterministic minimum.`);
  const validated = Boolean(r.at.validation);
  const belowScale = r.belowNoPlan?.scale ?? r.below?.scale ?? lambda;
  lines.push(`by target (P(met) ${validated ? "on validation draws" : "on the calibration sample"}), at λ and at ${formatPercent(1 - belowScale / lambda)} less ` +
    "(✗ = no longer at its level there, by the calibration's criterion; ↑ = surer there: the smaller budgets' plan leans towards it):");
  const readBelow: string[] = [];
  scenario.targets.forEach((t, i) => {
    const pMet = (p: ScalePlan) => p.validation?.get(t.id)?.p_met ?? p.calibration.met[i] / p.calibration.draws;
    const show = (p: ScalePlan | null) => {
      if (!p) return "—";
      const v = p.validation?.get(t.id);
      if (!v) return formatPercent(pMet(p));
      // Reached on the calibration sample while the validation P(met) shown reads below the level.
      const dagger = readsBelow(p.calibration.status[i] === "reached", v.p_met, r.required[i]);
      if (dagger) readBelow.push(`${t.id} ${formatPercent(p.calibration.met[i] / p.calibration.draws)} at ${p === r.at ? "λ" : "1 % less"}`);
      return `${formatProbability(v.p_met, v.p_met_se, draws)}${dagger ? ` ${READS_BELOW_MARK}` : ""}`;
    };
    const below = r.below;
    if (r.belowNoPlan) {
      lines.push(`  ${t.id} (required ${formatPercent(r.required[i])}): ${show(r.at)} → no plan${r.required[i] > 0 ? " ✗" : ""}`);
      return;
    }
    const mark = !below || r.required[i] <= 0 ? "" : below.calibration.status[i] !== "reached" ? " ✗" : r.at && pMet(below) > pMet(r.at) ? " ↑" : "";
    lines.push(`  ${t.id} (required ${formatPercent(r.required[i])}): ${show(r.at)} → ${show(below)}${mark}`);
  });
  if (readBelow.length > 0) lines.push(`  ${readsBelowLegend({ zh: readBelow.join("; "), en: readBelow.join("; ") }).en}`);
  if (r.belowNoPlan) lines.push(noPlanBelowLine(r.belowNoPlan, lambda0));
  // "Every target met with probability ≥ α" is read as all of them together: the share of validation
  // draws meeting every target, under any one target's P(met) (two or more targets, --draws).
  const all = r.at.allTargetsMet;
  if (all) lines.push(allTargetsMetLine(r.below?.allTargetsMet ? [all, r.below.allTargetsMet] : [all], draws));
  lines.push(...fundingLines(r, `the ${alpha} plan at λ`));
  return lines.join("\n") + "\n";
}

/**
 * At 1 % less there is no plan at all, so no target reaches its level there. Every scale from λ₀ up
 * has a plan, so λ lies within 1 % of λ₀ (λ₀ itself where its plan reaches every level), and below
 * λ₀ the selected budgets cannot pay what every plan must (with --from, what the kept years' units
 * still owe). A whole-unit check can find no plan above λ₀ too: the line then says so.
 */
function noPlanBelowLine(noPlan: { scale: number; conflicts: Conflict[] }, lambda0: number): string {
  const giving = noPlan.conflicts.filter(mustGive);
  const named = (giving.length > 0 ? giving : noPlan.conflicts).slice(0, PRINTED_CONFLICTS).map((c) => c.message);
  const more = (giving.length > 0 ? giving : noPlan.conflicts).length - named.length;
  const why = named.length > 0 ? `: ${named.join("; ")}${more > 0 ? ` (and ${more} more in run.json's below_no_plan)` : ""}` : "";
  const where = noPlan.scale < lambda0 ? `below λ₀ = ${lambda0.toFixed(4)}` : `in whole units; λ₀ = ${lambda0.toFixed(4)}`;
  return `at 1 % less, λ = ${noPlan.scale.toFixed(4)} (${where}), the selected budgets give no plan at all, not even one that misses a target, ` +
    `so no target reaches its level there (min_budget_search.csv: status infeasible)${why}`;
}

/** Who pays in the confidence plan (`at` names it) against the plain plan with today's budgets, as plain min-budget prints it. */
function fundingLines(r: MinBudgetConfidenceResult, at: string): string[] {
  return r.funding.length > 0 ? moneyBySourceLines(r.funding, { at, today: "the plan with today's budgets, without margins" }) : [];
}
