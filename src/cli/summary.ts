/** The short human summary printed after a plan: targets, money by source, binding limits. */
import type { Label } from "../format/labels.js";
import type { SimulationOutcome } from "../pipeline.js";
import type { BudgetRow, ShadowPriceRow } from "../results/types.js";
import { formatChange, formatCount, formatMoney, formatPercent, formatShortOf } from "../format/numbers.js";
import { formatMoneyRoom } from "../format/priceSteps.js";
import { budgetPriceStep } from "../results/shadowPrices.js";
import { type ConflictGroup, groupConflicts } from "../plan/conflictGroups.js";
import { mustGive } from "../plan/elastic.js";
import { confidenceLines } from "../confidence/confidenceTables.js";
import { missedInPlan, type UnitStep, unitSteps } from "../results/wholeUnitTargets.js";
import { metByRelaxationText, rateCaveatText } from "../results/wholeUnitText.js";

export function planSummary(outcome: SimulationOutcome): string {
  const { tables, solution, loaded } = outcome;
  const lines: string[] = [];
  lines.push(`renewsim: ${loaded.scenario.name} (${loaded.scenario.horizon.start}–${loaded.scenario.horizon.end})`);
  // run.json lists the loader's notices (e.g. a CSV read as GBK) with the run's warnings; each is printed once.
  // So does the note on money without a cost weight (results/freeMoney.ts), a note, not a warning.
  const notes = [...loaded.notices, ...outcome.planNotes];
  const notices = new Set(notes.map((n) => n.en));
  // A budget table in the wrong unit is said next to the figures it spoils (unitSlipLines), not among the notes.
  const slips = new Set(loaded.unitSlips.map((n) => n.en));
  for (const n of notes) if (!slips.has(n.en)) lines.push(`note: ${n.en}`);
  const warnings = outcome.runJson.warnings.filter((w) => !notices.has(w)).map((w) => `warning: ${w}`);
  if (solution.status !== "optimal") {
    lines.push(...warnings, ...unitSlipLines(loaded.unitSlips));
    lines.push(`plan is ${solution.status}:`);
    if (solution.status === "error") for (const d of tables.diagnostics) lines.push(`  - ${d.message}`);
    else lines.push(...infeasibleLines(outcome));
    if (outcome.outDir) lines.push(`diagnosis written to ${outcome.outDir}/diagnostics.csv`);
    return lines.join("\n") + "\n";
  }
  if (outcome.confidence && outcome.confidence.targets.length > 0) {
    const c = outcome.confidence;
    lines.push(...confidenceLines(loaded.scenario, c.targets, tables, c.plain.tables, c.split));
  }
  lines.push(...warnings);
  lines.push(...unitSlipLines(loaded.unitSlips));
  const met = tables.targets.filter((t) => t.met).length;
  // In the planned world: P(met) under uncertainty is the confidence lines' and Monte Carlo's.
  // (the report's MET_IN_PLAN, "Targets met in the plan")
  lines.push(`targets: ${met} of ${tables.targets.length} met in the plan`);
  const integer = new Set(loaded.scenario.programs.filter((p) => p.integer).map((p) => p.id));
  for (const t of tables.targets) {
    const mark = t.met ? "met   " : "MISSED";
    const whole = t.metric.startsWith("households") || integer.has(t.program);
    const planned = t.met ? formatCount(t.planned, whole) : formatShortOf(t.planned, t.target_value, whole);
    // The name the scenario gives the target (2024年选树典型镇19个) beside its id, when it has one of its own.
    const named = t.name && t.name !== t.target ? ` (${t.name})` : "";
    lines.push(`  ${mark} ${t.target}${named}: ${t.metric} ${planned} / ${formatCount(t.target_value, whole)} by ${t.by} in ${t.region_name} (${formatPercent(t.attainment)})`);
  }
  // In the scenario's order of sources (funding.csv's first appearance put enterprise before bonds).
  const order = new Map(loaded.scenario.sources.map((s, i) => [s.id, i]));
  const funding = [...tables.funding].sort((a, b) => order.get(a.source)! - order.get(b.source)!);
  const bySource = new Map<string, number>();
  for (const f of funding) bySource.set(`${f.source_name} (${f.source_kind})`, (bySource.get(`${f.source_name} (${f.source_kind})`) ?? 0) + f.amount_yuan);
  const total = [...bySource.values()].reduce((a, b) => a + b, 0);
  lines.push(`money by source (total ${formatMoney(total)}):`);
  for (const [name, amount] of bySource) {
    lines.push(`  ${name}: ${formatMoney(amount)} (${formatPercent(total > 0 ? amount / total : 0)})`);
  }
  const binding = tables.budgets.filter((b) => b.binding);
  lines.push(`binding budgets: ${binding.length} of ${tables.budgets.length}`);
  const byPrice = (b: BudgetRow) => b.shadow_price_units_per_100m_yuan || b.cost_saved_per_yuan;
  const steps = unitSteps(solution);
  for (const b of [...binding].sort((a, z) => byPrice(z) - byPrice(a)).slice(0, SHOWN_BUDGETS)) {
    const carried = b.carried_in_yuan > 0 ? ` (${formatMoney(b.budget_yuan)} budget + ${formatMoney(b.carried_in_yuan)} carried in)` : "";
    lines.push(`  ${b.source_name} / ${b.region_name} / ${b.year}: ${formatMoney(b.used_yuan)} of ${formatMoney(b.budget_yuan + b.carried_in_yuan)}${carried}${priceText(b, tables.shadowPrices, steps) || unpriced(b)}`);
  }
  if (binding.length > SHOWN_BUDGETS) lines.push(`  … and ${binding.length - SHOWN_BUDGETS} more (budgets.csv)`);
  // A target the whole-unit plan misses but its LP relaxation meets has no price above: say why.
  if (binding.length > 0) {
    for (const m of missedInPlan(solution, tables.targets).filter((x) => x.relaxationMeets)) lines.push(`  note: ${metByRelaxationText(m, steps.get(m.row.target)).en}`);
  }
  const fullCap = tables.capacity.filter((c) => c.binding).length;
  if (tables.capacity.length) lines.push(`capacity fully used in ${fullCap} of ${tables.capacity.length} region-years`);
  if (outcome.outDir) lines.push(`results written to ${outcome.outDir}`);
  return lines.join("\n") + "\n";
}

/**
 * Budget tables that look typed in the wrong unit (scenario/unitSlips.ts), right above the targets:
 * a plan that meets them on 10,000 times the money must not read as a normal one.
 */
export function unitSlipLines(slips: readonly Label[]): string[] {
  if (slips.length === 0) return [];
  return [
    `WARNING: ${slips.length === 1 ? "a budget table looks" : `${slips.length} budget tables look`} typed in the wrong unit; a plan built on ${slips.length === 1 ? "it" : "them"} means nothing (fix and run again; --strict refuses such a scenario):`,
    ...slips.map((n) => `  ${n.en}`),
  ];
}

/**
 * A budget used in full whose money has no price: more of it would buy nothing and save nothing,
 * since other money stands in (a county budget listed as binding read as "county money is the
 * limit" beside central money mostly idle).
 */
function unpriced(b: BudgetRow): string {
  return b.shadow_price_units_per_100m_yuan === 0 && b.shadow_price_score_per_100m_yuan === 0 && b.cost_saved_per_yuan === 0
    ? "; used in full, but priced 0: more of it would change nothing (other money can stand in)"
    : "";
}

/** Binding budgets printed, highest price first; budgets.csv has them all. */
const SHOWN_BUDGETS = 8;

/**
 * How input files were read (e.g. a CSV read as GBK), on stderr for commands without a summary (in
 * English); a budget table in the wrong unit (`slips`, among `notices`) as a WARNING block after them.
 */
export function printNotices(notices: readonly Label[], slips: readonly Label[] = []): void {
  const apart = new Set(slips.map((n) => n.en));
  for (const n of notices) if (!apart.has(n.en)) process.stderr.write(`note: ${n.en}\n`);
  for (const line of unitSlipLines(slips)) process.stderr.write(`${line}\n`);
}

/**
 * "; +1亿元 ≈ +71 gd-communities, +11,200 gd-households (certain up to +1.2亿元)": what the
 * money buys, per target; the other direction when the price holds only below the budget. The step
 * is 1亿元 or less where the price holds for less (shadow_prices.csv's step, as `simulate explain` quotes it).
 * A whole-unit plan's line says its price is the LP relaxation's rate and how whole units move each target.
 */
function priceText(b: BudgetRow, prices: ShadowPriceRow[], steps: ReadonlyMap<string, UnitStep>): string {
  const mine = prices.filter((p) => p.limit === "budget" && p.of === b.source && p.region === b.region && p.year === b.year);
  if (mine.length === 0) return "";
  const { valid_from: from, valid_to: to } = mine[0];
  // shadow_prices.csv quotes the budget per the step its price holds for, up or else down: the same
  // rule (budgetPriceStep) on the same figures gives its direction.
  const quoted = budgetPriceStep(b.budget_yuan, from, to);
  if (!quoted) return "";
  const up = quoted.sign > 0;
  const step = mine[0].step_amount;
  const gains = mine.map((p) => `${formatChange(quoted.sign * p.units_per_step, 3)} ${p.target}`).join(", ");
  const range = up
    ? Number.isFinite(to) ? ` (certain up to +${formatMoneyRoom(to - b.budget_yuan)})` : ""
    : ` (certain down to −${formatMoneyRoom(b.budget_yuan - from)}; more would not be used)`;
  // A whole-unit plan's price is its LP relaxation's slope; the plan buys whole units or none.
  const rate = mine[0].method === "lp_relaxation" ? ` — ${rateCaveatText(mine.flatMap((p) => steps.get(p.target) ?? [])).en}` : "";
  return `; ${up ? "+" : "−"}${formatMoney(step)} ≈ ${gains}${range}${rate}`;
}

/**
 * What must give (each with its amount and file:line), then the limits holding against it, grouped;
 * also frontier's, whose plan without margins is planned as `simulate` plans.
 */
export function infeasibleLines(outcome: Pick<SimulationOutcome, "solution" | "loaded">): string[] {
  const { solution, loaded } = outcome;
  const lines: string[] = [];
  const giving = solution.conflicts.filter(mustGive);
  for (const c of giving.slice(0, MAX_LISTED)) lines.push(`  - ${c.message}${c.input ? ` (${loaded.place(c.input)})` : ""}`);
  if (giving.length > MAX_LISTED) lines.push(`  - … and ${giving.length - MAX_LISTED} more limits that must give (diagnostics.csv)`);
  return [...lines, ...limitGroupLines(groupConflicts(solution.conflicts, solution.pm.model, loaded.scenario, 3, loaded.place)), ...minBudgetHint(outcome)];
}

/** Budgets among the limits: min-budget answers by how much they would have to grow. */
function minBudgetHint({ solution }: Pick<SimulationOutcome, "solution">): string[] {
  const { rows } = solution.pm.model;
  const sources = [...new Set(solution.conflicts.flatMap((c) => {
    const ref = c.row === undefined ? null : rows[c.row].ref;
    return ref?.family === "budgets" ? [ref.source] : [];
  }))];
  if (sources.length === 0) return [];
  return [`  whether (and by how much) larger budgets give a plan: simulate min-budget … --source ${sources.join(",")}`];
}

/** The groups of limits holding against the plan, the first MAX_LISTED in full, the rest named. */
export function limitGroupLines(groups: ConflictGroup[]): string[] {
  if (groups.length === 0) return [];
  const lines = ["  against these limits:"];
  for (const g of groups.slice(0, MAX_LISTED)) {
    const more = g.count > g.examples.length ? ", …" : "";
    // "34 limits", not ": 34", which read as an amount (34 units of stock).
    lines.push(`    ${g.what}, ${g.count} ${g.count === 1 ? "limit" : "limits"}: ${g.examples.join(", ")}${more}`);
  }
  const rest = groups.slice(MAX_LISTED);
  if (rest.length > 0) {
    const limits = rest.reduce((n, g) => n + g.count, 0);
    lines.push(`    … and ${rest.length} more ${rest.length === 1 ? "group" : "groups"} (${limits} limits: ${rest.map((g) => g.what).join("; ")}; diagnostics.csv)`);
  }
  return lines;
}

const MAX_LISTED = 10;

