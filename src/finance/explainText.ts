/**
 * The words of `simulate explain`: how full a limit is, the step a price is quoted for, the price
 * with where it is certain, a budget line's re-plan, and the printed list (finance/explain.ts
 * computes the figures).
 */
import type { ConstraintFamily, Row } from "../model/types.js";
import { formatChange, formatCount, formatMoney, formatPercent } from "../format/numbers.js";
import type { PlanTables } from "../results/types.js";
import { budgetEntry, runsOutIn } from "./carriedBudget.js";
import type { Certainty, ExplainedRow, Replanned } from "./explainTypes.js";
import { metByRelaxationText, missedInPlanText, rateCaveatText } from "../results/wholeUnitText.js";
import type { MissedTarget, UnitStep } from "../results/wholeUnitTargets.js";

/** " (certain up to +3.2亿元; it may hold further)", as a price line ends. */
export function certaintyText(c: Certainty): string {
  if (c === null) return "";
  return c === "any_change" ? " (holds for any change in that direction)" : ` (certain up to ${c.upTo}; it may hold further)`;
}

/**
 * The step a line prices. A share, residents' cap or link is a rule on a source's money whose row is
 * in money: the step moves what the rule allows (a maximum, a cap: "+1万元 to what the share allows",
 * the source may pay that much more than its share) or requires (a minimum — `atLeast`: "+1万元 to
 * what the share requires", it must pay that much more than its share; "−1万元 …", that much less).
 * "+1万元 above the share" read as paying more than a minimum share allows, which it does not limit.
 */
export function stepText(family: ConstraintFamily, sign: 1 | -1, label: string, atLeast: boolean): string {
  const rule = RULES[family];
  const step = `${sign > 0 ? "+" : "−"}${label}`;
  return rule ? `${step} to what ${rule} ${atLeast ? "requires" : "allows"}` : step;
}

/** The money rules a step moves, as explain's lines name them. */
const RULES: Partial<Record<ConstraintFamily, string>> = { shares: "the share", resident_cap: "the residents' cap", links: "the link" };

/**
 * The unit of a cost-stage line: what the step does to the weighted cost. A target's line says what
 * one unit more adds or less saves; a limit's, what the step saves — or, where the plan then spends
 * more, that it does, and why where the step relaxes a limit while a target is missed (`buysMissed`:
 * the room buys more of it). A step that tightens a rule — more required by a minimum share — costs
 * more by itself, and "it buys more of a missed target" read as the reason there.
 */
export function costUnit(targetCost: boolean, sign: 1 | -1, saved: number, buysMissed: boolean): string {
  if (targetCost) return `of weighted cost it ${sign > 0 ? "adds" : "saves"}`;
  if (saved > 0) return "of weighted cost saved";
  return buysMissed ? "of weighted cost spent more (it buys more of a missed target)" : "of weighted cost spent more";
}

/**
 * How full a limit is in the plan: "uses 9.6亿元 of 9.6亿元", "plans 6 of 6 (met)"; a budget not
 * used up whose money is carried on says where it runs out, which is why it has a price.
 */
export function stateOf(row: Row, tables: PlanTables): string {
  const r = row.ref;
  switch (r.family) {
    case "budgets": {
      const b = budgetEntry(row, tables);
      if (!b) return "";
      const uses = `uses ${formatMoney(b.used_yuan)} of ${formatMoney(b.budget_yuan + b.carried_in_yuan)}`;
      // Not used up (budgets.csv: not binding), yet priced: what it leaves is spent in a later year.
      const end = runsOutIn(b, tables.budgets);
      return end ? `${uses}; not used up, but the ${formatMoney(b.carried_out_yuan)} left is carried on and this source's money runs out in ${end.year}: more here would be spent then` : uses;
    }
    case "capacity": {
      const c = tables.capacity.find((x) => x.capacity === r.capacity && x.year === r.year);
      // Rounded as counts are elsewhere: "12 of 12 slots", not the solver's 11.999998.
      return c ? `uses ${formatCount(c.slots_used, false)} of ${formatCount(c.slots, false)} slots` : "";
    }
    case "targets": {
      const t = tables.targets.find((x) => x.target === r.target);
      // Households are whole; a met target reads as met, not as 1,419,999.858 of 1,420,000.
      const whole = t?.metric.startsWith("households") ?? false;
      return t ? `plans ${formatCount(t.planned, whole)} of ${formatCount(t.target_value, whole)}${t.met ? " (met)" : " (missed)"}` : "";
    }
    default:
      return "at its limit";
  }
}

/** A line's price for its step, and where the basis makes it certain. */
function priceText(r: ExplainedRow): string {
  const value = r.stage === "shortfall" ? `≈ ${formatChange(r.value)} ${r.unit}` : `≈ ${formatMoney(r.value)} ${r.unit}`;
  const also = r.also.map((g) => `, ${formatChange(g.value)} ${g.unit}`).join("");
  // A whole-unit plan's price is its relaxation's slope: the plan buys whole units or none.
  const rate = r.relaxedRate ? ` — ${rateCaveatText(r.relaxedRate).en}` : "";
  return `${r.step}: ${value}${also}${certaintyText(r.holds)}${rate}`;
}

/** A budget line checked by re-planning with 1亿元 more (or less): what the re-plan gave. */
function replannedText(r: ExplainedRow, p: Replanned): string {
  const step = `+${formatMoney(1e8)}`;
  const got = r.stage === "shortfall"
    ? p.gains.map((g) => `${formatChange(g.value)} ${g.unit}`).join(", ") || "no target moves"
    : `${formatMoney(Math.abs(p.saved))} of weighted cost ${p.saved >= 0 ? "saved" : "spent more"}`;
  if (p.linear) return `${step} (re-planned): ${got} — the price holds for the whole step`;
  // The rate with its unit, which says its direction ("… spent more"), as the price line would.
  const rate = r.stage === "shortfall" ? `${formatChange(r.rate)} ${r.unit}` : `${formatMoney(r.rate)} ${r.unit}`;
  const certain = r.holds !== null && r.holds !== "any_change" ? `, certain up to ${r.holds.upTo}` : "";
  const meets = p.met.length > 0 ? `meets ${p.met.join(", ")}; ` : "";
  // A re-plan that moves the other way than the rate ("saved" where the rate says "spent more") is
  // not "-38.8 % of" it: the price does not reach a step this size.
  if (p.share < 0) return `${step} (re-planned): ${got} — ${meets}the opposite way to the marginal rate (${rate} per ${formatMoney(1e8)}${certain}): that price does not hold for a step this size`;
  return `${step} (re-planned): ${got} — ${meets}${formatPercent(p.share)} of what the marginal rate (${rate} per ${formatMoney(1e8)}${certain}) gives for the whole step`;
}

/** Groups of the printed list: the rows finance offices ask about first, then the other limits. */
const GROUPS: { title: string; families: string[] }[] = [
  { title: "budgets", families: ["budgets"] },
  { title: "construction capacity", families: ["capacity"] },
  { title: "targets", families: ["targets"] },
  { title: "shares, residents' caps, links, stock, start limits", families: ["shares", "resident_cap", "links", "stock", "start_limits"] },
];

/**
 * The attainment section's note: which targets the plan misses (targets.csv, not the LP relaxation
 * a whole-unit plan is priced by), and under the heading, each missed target the relaxation meets.
 */
export function attainmentNote(missed: readonly MissedTarget[], steps: ReadonlyMap<string, UnitStep>): { note: string; lines: string[] } {
  const named = missedInPlanText(missed);
  const note = named
    ? `what one step more of a limit adds to each target, in the target's own units; ${named.en}`
    : "every soft target is met, so money does not limit attainment";
  return { note, lines: missed.filter((m) => m.relaxationMeets).map((m) => `  note: ${metByRelaxationText(m, steps.get(m.row.target)).en}`) };
}

/** The text `simulate explain` prints: per stage and group, the `top` largest values. */
export function explainText(rows: ExplainedRow[], top: number, title: string, refNote: string, notes: readonly string[] = []): string {
  const lines = [title];
  const section = (stage: ExplainedRow["stage"], heading: string) => {
    lines.push("", heading);
    if (stage === "shortfall") lines.push(...notes);
    const inStage = rows.filter((r) => r.stage === stage);
    if (inStage.length === 0) lines.push("  (none)");
    for (const group of GROUPS) {
      const all = inStage.filter((r) => group.families.includes(r.family));
      if (all.length === 0) continue;
      lines.push(`  ${group.title}:`);
      all.slice(0, top).forEach((r, i) => lines.push(`    ${i + 1}. ${r.what} — ${r.state}`, `       ${r.replanned ? replannedText(r, r.replanned) : priceText(r)}`));
      if (all.length > top) lines.push(`    … and ${all.length - top} more (use --top)`);
    }
  };
  section("shortfall", `What limits attainment (stage 1; ${refNote}):`);
  section("cost", "What limits the cost of the plan (stage 2: its weighted cost, every source's money × its cost_weight):");
  return lines.join("\n") + "\n";
}
