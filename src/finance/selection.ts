/**
 * Which budget entries a cut or a budget scale touches, resolved against a normalised scenario:
 * the selected sources' budgets from a year on (`--from`; by default the first year the scenario's
 * `as_of` leaves open) up to a year (`--to`: "cut 2024 only" is `--from 2024 --to 2024`), at a
 * region node and every node below it (`--region`), or everywhere.
 * Unknown ids and selections that match no budget are UsageErrors, raised before anything is
 * solved or written.
 */
import { allOrUsageError, UsageError } from "../errors.js";
import { tailLabel, yearsLabel } from "../format/labels.js";
import { idsByName, idsListed, unknownIdHint } from "../scenario/suggest.js";
import type { Namer } from "../plan/describe.js";
import { lastPaymentYear } from "../scenario/paymentYears.js";
import type { Budget, Scenario, Source } from "../scenario/types.js";
import { isKind, type SourceSelector } from "./cutSpec.js";

export interface BudgetSelection {
  sourceIds: string[];
  /** First year whose budgets are touched; null = every year. */
  from: number | null;
  /** Whether `from` was asked for (`--from`), not the first year the scenario's `as_of` leaves open. */
  fromGiven: boolean;
  /** Last year whose budgets are touched; null = every year from `from` on (the tail years included). */
  to: number | null;
  /** The `--region` node; null = every node. */
  region: string | null;
  /** Region nodes whose budgets are touched (the node, its descendants, groups inside it); null = all. */
  regionNodes: ReadonlySet<string> | null;
  /**
   * First and last year after the horizon with a selected budget (the tail years in which late
   * starts are still paid for), or null: a cut "from 2023" reaches them too, and is said to.
   */
  tailYears: [number, number] | null;
}

export interface SelectionRequest {
  selector: SourceSelector;
  from?: number | null;
  to?: number | null;
  region?: string | null;
}

/** Every problem with the sources, `--from` and `--region` is listed in one UsageError. */
export function resolveSelection(scenario: Scenario, req: SelectionRequest): BudgetSelection {
  // Money an as_of has closed was paid: without --from the selection starts at the first open year.
  const from = req.from ?? firstOpenYear(scenario);
  const region = req.region ?? null;
  const to = req.to ?? null;
  const [sourceIds, , , regionNodes] = allOrUsageError(
    () => resolveSources(scenario, req.selector),
    () => checkFrom(scenario, from),
    () => checkTo(scenario, from, to),
    () => (region === null ? null : nodesWithin(scenario, region)),
  );
  const selection: BudgetSelection = { sourceIds, from, fromGiven: req.from !== undefined && req.from !== null, to, region, regionNodes, tailYears: null };
  // Only the sources with a budget the selection touches are named (in the printed heading,
  // run.json and the report): with --region guangzhou, central and provincial money is not cut.
  const touched = sourceIds.filter((id) => scenario.sources.find((s) => s.id === id)!.budgets.some((b) => selectsBudget(selection, id, b)));
  if (touched.length === 0) throw new UsageError(`no budget matches ${describeSelection(selection)}: nothing to scale`);
  // A source named by id that the selection does not touch is a mistake to say, not to drop.
  const untouched = (req.selector.ids ?? []).filter((id) => !touched.includes(id));
  if (untouched.length > 0) {
    const where = describeSelection({ ...selection, sourceIds: untouched }).replace(/^the budgets of /, "");
    const held = region === null ? "" : outsideRegion(scenario, untouched, regionNodes!, region);
    throw new UsageError(`no budget of ${where}: leave ${untouched.length === 1 ? "it" : "them"} out of the sources named${held}`);
  }
  const tail = scenario.sources.flatMap((s) => s.budgets.filter((b) => b.year > scenario.horizon.end && selectsBudget(selection, s, b)).map((b) => b.year));
  return { ...selection, sourceIds: touched, tailYears: tail.length > 0 ? [Math.min(...tail), Math.max(...tail)] : null };
}

/**
 * "; central's budgets are at guangdong, which --region guangzhou does not reach" for the sources
 * that hold no budget inside the region in any year (where the years left them out, nothing is
 * added: the message has said which years were asked for). At most three nodes are named.
 */
function outsideRegion(scenario: Scenario, ids: string[], within: ReadonlySet<string>, region: string): string {
  const parts = ids.flatMap((id) => {
    const budgets = scenario.sources.find((s) => s.id === id)!.budgets;
    if (budgets.length === 0 || budgets.some((b) => within.has(b.region))) return [];
    const held = new Set(budgets.map((b) => b.region));
    const nodes = scenario.regions.filter((r) => held.has(r.id)).map((r) => r.id);
    return [`${id}'s budgets are at ${nodes.slice(0, 3).join(", ")}${nodes.length > 3 ? ` and ${nodes.length - 3} more` : ""}`];
  });
  return parts.length === 0 ? "" : `; ${parts.join("; ")}, which --region ${region} does not reach`;
}

/** The first year as_of leaves open, when it closes any year of the horizon; else null (every year). */
function firstOpenYear(scenario: Scenario): number | null {
  const open = scenario.asOf?.firstOpenYear;
  return open !== undefined && open > scenario.horizon.start ? open : null;
}

function checkFrom(scenario: Scenario, from: number | null): void {
  if (from === null) return;
  const { start, end } = scenario.horizon;
  if (from < start || from > end) throw new UsageError(outsideHorizon(scenario, "--from", from, `--from ${end} cuts ${end} and the payment years after it`));
  const asOf = scenario.asOf;
  if (asOf && from < asOf.firstOpenYear) {
    throw new UsageError(`--from ${from}: the scenario's as_of ${asOf.text} closes every year before ${asOf.firstOpenYear}; what was paid then cannot be cut`);
  }
}

/**
 * "--from 2026 is outside the scenario's horizon 2021–2025", and where the year is one of the
 * payment years after it — a budget year of the scenario, so the question looks fair — how to
 * reach it: the payment years go with the horizon's last year, as the data-file check says.
 */
function outsideHorizon(scenario: Scenario, option: string, year: number, reach: string): string {
  const { start, end } = scenario.horizon;
  const outside = `${option} ${year} is outside the scenario's horizon ${start}–${end}`;
  if (year <= end || year > lastPaymentYear(scenario)) return outside;
  return `${outside}: ${year} is only a payment year for units started by ${end}; ${reach}, or extend horizon.end to plan starts in ${year}`;
}

/** `--to` lies in the horizon, not before `--from` (or the first year as_of leaves open). */
function checkTo(scenario: Scenario, from: number | null, to: number | null): void {
  if (to === null) return;
  const { start, end } = scenario.horizon;
  if (to < start || to > end) throw new UsageError(outsideHorizon(scenario, "--to", to, "leaving --to out cuts every payment year after the horizon"));
  if (from !== null && to < from) throw new UsageError(`--to ${to} is before ${from}, the first year cut (--from, or the first year the scenario's as_of leaves open)`);
}

export function selectsBudget(sel: BudgetSelection, source: Source | string, budget: Budget): boolean {
  const id = typeof source === "string" ? source : source.id;
  if (!sel.sourceIds.includes(id)) return false;
  if (sel.from !== null && budget.year < sel.from) return false;
  if (sel.to !== null && budget.year > sel.to) return false;
  return sel.regionNodes === null || sel.regionNodes.has(budget.region);
}

/**
 * "the budgets of central, provincial from 2024 at guangzhou and the nodes below it". With
 * `horizonStart` (a command's printed title), a selection of every year says so — "in every year
 * from 2021 (--from YEAR keeps the years before it as planned)": a cut read as this year's budget
 * question also cut the years already spent, and the title did not say it. With a `namer` (a
 * printed title), sources and the region go by name: "the budgets of 区级财政资金 (district)".
 */
export function describeSelection(sel: BudgetSelection, horizonStart?: number, namer?: Namer): string {
  const parts = [`the budgets of ${selectedSources(sel, namer)}`];
  const years = horizonStart === undefined ? yearsOf(sel) : yearsSaid(sel, horizonStart);
  if (years) parts.push(years);
  if (sel.region !== null) parts.push(`at ${namer ? namer.label("region", sel.region) : sel.region} and the nodes below it`);
  return parts.join(" ") + tailOf(sel);
}

/** "区级财政资金 (district), 镇街财政配套 (street)"; bare ids without a namer. */
export function selectedSources(sel: Pick<BudgetSelection, "sourceIds">, namer?: Namer): string {
  return sel.sourceIds.map((id) => (namer ? namer.label("source", id) : id)).join(", ");
}

/** "from 2024", "in 2024", "in 2024–2025", "up to 2023"; null for every year. */
export function yearsOf(sel: Pick<BudgetSelection, "from" | "to">): string | null {
  return yearsLabel(sel.from, sel.to)?.en ?? null;
}

/** yearsOf, and for every year "in every year from 2021 (--from YEAR keeps the years before it as planned)". */
export function yearsSaid(sel: Pick<BudgetSelection, "from" | "to">, horizonStart: number): string {
  return yearsOf(sel) ?? `in every year from ${horizonStart} (--from YEAR keeps the years before it as planned)`;
}

/** " (with the payment years 2026–2027 after the horizon)", or "" when the selection reaches none. */
export function tailOf(sel: Pick<BudgetSelection, "tailYears">): string {
  const tail = tailLabel(sel.tailYears);
  return tail ? ` ${tail.en}` : "";
}

/** Every id of a list is checked, so `--source bogus,central2` names both at once. */
function resolveSources(scenario: Scenario, selector: SourceSelector): string[] {
  const known = scenario.sources.map((s) => s.id);
  if (selector.ids) {
    const byName = idsByName(scenario.sources);
    const problems = selector.ids.flatMap((id) => {
      const source = scenario.sources.find((s) => s.id === id);
      // A kind in a list would be read as "all of that kind, plus these": not a selection the tools
      // offer (docs/finance.md) — and "unknown source government" read as if the kind were wrong.
      if (!source && isKind(id)) {
        return [`"${id}" is a source kind, not a source id: a kind is given alone (--source ${id}, --cut ${id}=…) and a list names source ids (${known.slice(0, 2).join(",")})`];
      }
      if (!source) {
        // A hint names the one id meant; without one, the ids to choose from.
        const hint = unknownIdHint(id, "source", byName, known);
        // The id to write, with the name a finance officer knows the money by: city（地级市财政资金）.
        return [`unknown source "${id}"${hint || idsListed("source", scenario.sources)}`];
      }
      if (selector.kind && source.kind !== selector.kind) return [`source "${id}" is ${source.kind} money, not ${selector.kind}`];
      return [];
    });
    if (problems.length > 0) throw UsageError.of(problems);
    return [...selector.ids];
  }
  const ofKind = scenario.sources.filter((s) => s.kind === selector.kind).map((s) => s.id);
  if (ofKind.length === 0) throw new UsageError(`the scenario has no ${selector.kind} sources (its sources are ${known.join(", ")})`);
  return ofKind;
}

/** The node, every node below it, and region groups whose leaves all lie inside it. */
function nodesWithin(scenario: Scenario, regionId: string): Set<string> {
  const root = scenario.regions.find((r) => r.id === regionId);
  if (!root) {
    const known = scenario.regions.map((r) => r.id);
    throw new UsageError(`unknown region "${regionId}"${unknownIdHint(regionId, "region", idsByName(scenario.regions), known)}`);
  }
  const inside = new Set<string>();
  const visit = (id: string) => {
    inside.add(id);
    for (const c of scenario.regions.find((r) => r.id === id)?.children ?? []) visit(c);
  };
  visit(root.id);
  if (!root.isGroup) {
    const leaves = new Set(root.leaves);
    for (const g of scenario.regions) if (g.isGroup && g.leaves.every((l) => leaves.has(l))) inside.add(g.id);
  }
  return inside;
}
