import { readFileSync } from "node:fs";
import { ownFile } from "./ownFiles.js";

const pkg = JSON.parse(readFileSync(ownFile("package.json"), "utf8")) as { version: string };

export const ENGINE_VERSION: string = pkg.version;
/**
 * Bumped whenever a result table's columns or meaning change; `compare` refuses mixed versions.
 * 2: min_budget.csv gained carried_in_yuan; `binding` (budgets.csv, capacity.csv, min_budget.csv)
 * is false where there is nothing to spend (a budget of 0, 0 slots), and min_budget.csv's follows
 * budgets.csv's rule (the year's money spent, carried money not).
 * 3: with --from, P(met) of stress.csv and min-budget --confidence draws the frozen years' budgets
 * (they were taken as certain); stress_summary.csv's regions_losing_most leaves out losses under
 * half a household; run.json's `selection` gains `to`.
 * 4: Monte Carlo draws budgets and enterprise shortfall in the tail payment years too (they were
 * certain): mc_summary's paid and gap in those years, sensitivity and reoptimize results change;
 * min-budget with whole units reports the first λ `simulate` plans to every target.
 * 5: stress_summary.csv gains regions_gaining_most; diagnostics.csv gains message_zh (before
 * input_line); stress writes stress_funding.csv; run.json gains as_of; reoptimize P(met) of
 * whole-unit programmes (consent failures drawn whole, never on recorded starts); a confidence
 * limit's rate and a min_budget_binding.csv budget's price are quoted per the budget's own money
 * step, not always per 1亿元.
 * 6: stress plans every cut level above 0 % with a `near` stage after cost (the equally cheap plan
 * that moves fewest households from the 0 % plan): its regions losing and gaining most, and its
 * plans, change; compare writes run.json rows (run settings that differ); shadow_prices.csv quotes a
 * budget per its own money step (`step`, new `step_amount`), not always per 1亿元;
 * stress_summary.csv leaves households_lost_per_100m_yuan empty where a level gains households;
 * run.json gains warnings_zh.
 * 7: min_budget_binding.csv gains what_zh; compare.csv leaves rel_delta empty for shares and
 * probabilities (their delta is the change in points); min-budget --confidence's λ steps down while
 * the plan 1 % lower still reaches every level; a tiny plan under `auto` prices its cost stage from
 * HiGHS's duals and ranges; run.json of stress and frontier carries the levels' solver notes, and
 * frontier's `plain_plan`; frontier and stress write (and exit 3 on) a scenario with no plan.
 * 8: stress's household figures (households_started_lost, regions losing and gaining most) count
 * only programmes whose units hold households (a town was one 户); a stress level after a 0 % level
 * with no plan is `not_planned`; payments are rounded to the fen together and budgets.csv's used and
 * carried money taken of them, whole units snapped within HiGHS's integrality tolerance, budgets
 * planned to the fen, min-budget's scaled budgets rounded once (last-fen changes); a confidence
 * run.json gains used_by_source_yuan.
 * 9: plan.csv's households columns are empty, and mc_summary.csv has no households rows, for a
 * programme whose units hold no households (a town was one household); the Monte Carlo funding gap
 * (mc_summary.csv funding_gap_yuan, draws.csv gap_total, sensitivity.csv funding_gap_total) is money
 * owed for work that started and not paid (it counted deferred starts, again each year they
 * retried); run.json gains monte_carlo.all_targets_met and a confidence plan's margin_split;
 * compare.csv's input rows read 是/否 as true/false; min-budget writes min_budget_funding.csv,
 * lists a whole-unit plan's carried budget in min_budget_binding.csv by explain's rule, and freezes
 * --from's years at simulate's plan; payments rounded to the fen from each row's nearest fen (last-fen
 * changes in funding.csv and budgets.csv used) and diagnostics.csv can carry kind `rounding`;
 * stress --draws's stress_summary.csv gains p_all_targets_met and p_all_targets_met_se; --precision
 * also waits for P(all targets met)'s standard error (more draws where it was the least precise);
 * min_budget_confidence.csv gains confidence_reached and confidence_reached_below (the search's
 * verdict); stress's diagnostics.csv carries a planned level's `rounding` rows; min-budget
 * --confidence --draws's run.json gains validation.all_targets_met and all_targets_met_below (P(all
 * targets met) at λ and 1 % less, two or more targets), printed, in report.html and 概要; min-budget
 * --confidence writes min_budget_funding.csv too (the plan to the level at λ against the plain plan
 * with today's budgets, plain min-budget's columns); min_budget_search.csv gains status (infeasible:
 * a scale with no plan at all, which does not reach the level) and run.json's search its status and
 * below_no_plan (what must give at 1 % less when it has no plan); stress_summary.csv gains
 * regions_held_near (false where no near stage held the level's regions: whole units, --confidence);
 * a confidence run.json's margin_split gains weighted_price_yuan per part and mip_gap; stress writes
 * stress_starts.csv (per level, leaf region and programme, the starts over the horizon against 0 %);
 * compare.csv's input rows compare each value as the schema reads its key — an amount by its yuan,
 * not its notation (4.624亿 against 46240万 is no row), a share or rate to 12 significant digits
 * ("0.7%" against 0.007 is no row), ids and names as text ("01" against "1" is one); report.html's
 * title and key figures and results.xlsx's 概要 (its title and a row 叠加层) name the overlays a run
 * was planned with; run.json gains unit_slips and unit_slips_zh where a budget table looks typed in
 * the wrong unit (also its first key figure), and its warnings carry that as one note per table
 * instead of a note per cell (a cell whose unit came from its header says so, not "did you mean");
 * notes' YAML paths are numbered as the file they name (sources[0] of an overlay, not the merged
 * sources[2]), and files outside the scenario's folder are named in full; with --precision, run.json's
 * monte_carlo gains precision_reached and, where the --draws cap stopped the run first,
 * precision_short (and a warning); a plan's warnings say how much money it used where its source
 * has no budget (a year or place none of its budgets covers); stress --draws's stress.csv gains
 * surer_after_cut (the ↑ mark's judgement, 是/否 in the workbook's stress sheet); stress_summary.csv
 * gains starts_held_near (false where no near stage held a level's starts by region, households or
 * not: the note under report.html's starts tables, its key figure 说明：各地区开工的变化 also in 概要,
 * and money by source's note follow it); frontier.csv gains p_all_targets_met and
 * p_all_targets_met_se (each level's P(all targets met) on the validation draws, on each of its rows)
 * and frontier's run.json levels[].all_targets_met; frontier's notes say "every level gets the same
 * plan" where every target is planned the same at every level (not "re-divides it"), with one naming
 * min-budget --confidence per level for the cost–confidence curve; min-budget --confidence's
 * run.json gains price_of_confidence_yuan and price_of_confidence_all_sources_yuan (what the plan at
 * λ pays above the plain plan with today's budgets, government and all sources:
 * min_budget_funding.csv summed), which its printout and key figures headline beside the budgets to
 * add, λ₀'s difference now context (比确定性最低预算（λ₀）多需的预算); report.html's key figures and 概要
 * of every run with Monte Carlo draws or a calibration sample end with a methods block (方法：…),
 * which also says how a level is judged (the note 说明：是否达到要求把握度 goes). In printouts and the
 * report only: stress's money-by-source lines at every cut level (every source's change, or that
 * none changed; they were printed only where another source paid more), a printed note on
 * stress_starts.csv where its levels were not held, the starts tables' note on a level whose total is
 * unchanged (a move between regions, not a loss), stress's ↑ mark (its legend also in 概要 and
 * report.html's key figures), the workbook's stress_starts headers (规划期开工数合计 …) and rate
 * formats, the plan summary's target names, compare's notes (the whole-unit one also in
 * compare.html's key figures and 概要, beside the overlay note), exit 4 for a product cut off by
 * a closed pipe, and the † after a validation P(met) below the level of a target reached on the
 * calibration sample (frontier's grid and report table, min-budget --confidence's per-target lines and
 * report table) with its legend; compare lists a record only one folder holds as one input difference.
 * Additive: folders written before these compare, their missing columns said.
 */
export const OUTPUT_VERSION = 9;
/**
 * The generator tag in the head of every report page: `compare --force` replaces an HTML file only
 * when its first lines say renewsim made it (the footer says so too, but after the charts).
 */
export const REPORT_GENERATOR_PREFIX = `<meta name="generator" content="renewsim`;
export const REPORT_GENERATOR = `${REPORT_GENERATOR_PREFIX} ${ENGINE_VERSION}">`;
