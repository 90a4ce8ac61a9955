/**
 * "What is one more 亿元 worth?" — the binding constraints of a plan in planning words with their
 * shadow prices in human units, largest first:
 *   stage 1 (shortfall): what relaxing the row gains in units of the reference target (the first
 *     missed soft target, as in budgets.csv): +1亿元 for money rows, +1 slot for capacity, one unit
 *     less of a hard target, +1 unit of stock or start limit;
 *   stage 2 (cost): weighted government yuan saved by relaxing the row (money rows per 1亿元,
 *     capacity per slot), or what one more unit of a met target costs.
 * Soft targets have no stage-1 price of their own (their dual is just their weight), and a missed
 * soft target no stage-2 price (it would price re-balancing between targets, not the target).
 */
import { MONEY_UNIT } from "../model/context.js";
import { rowName } from "../model/names.js";
import type { ConstraintFamily, Row } from "../model/types.js";
import { describeRow, isMoneyRow, Namer } from "../plan/describe.js";
import type { PlanSolution } from "../plan/solvePlan.js";
import { round } from "../results/numbers.js";
import { referenceTarget } from "../results/shadow.js";
import type { PlanTables } from "../results/types.js";
import { formatMoney } from "../format/numbers.js";

export interface ExplainedRow {
  stage: "shortfall" | "cost";
  family: string;
  where: string;
  what: string;
  /** How full the row is (from the result tables), e.g. "uses 9.6亿元 of 9.6亿元". */
  state: string;
  /** Value of relaxing the row by one `step`, in `unit`. */
  value: number;
  unit: string;
  step: string;
}

const PRICED = new Set<ConstraintFamily>(["budgets", "capacity", "targets", "shares", "resident_cap", "links", "stock", "start_limits"]);
const EPS = 1e-9;

export function explainPlan(sol: PlanSolution, tables: PlanTables): ExplainedRow[] {
  if (sol.status !== "optimal") return [];
  const { scenario, model } = sol.pm.ctx;
  const namer = new Namer(scenario);
  const ref = referenceTarget(sol);
  const out: ExplainedRow[] = [];
  model.rows.forEach((row, i) => {
    const family = row.ref.family;
    if (!PRICED.has(family)) return;
    const money = isMoneyRow(row);
    const perStep = money ? 1e8 / MONEY_UNIT : 1; // row units (万元 or units) in one step
    const step = money ? "1亿元" : family === "capacity" ? "1 slot" : "1 unit";
    const what = describeRow(row, scenario, namer);
    const where = rowName(row);
    const state = stateOf(row, tables);
    const target = row.ref.family === "targets" ? row.ref : null;
    const softTarget = target?.kind === "soft";
    const g1 = sol.shortfallDuals ? -sol.shortfallDuals[i] : 0;
    if (ref && !softTarget && Math.abs(g1) > EPS) {
      // Gain in the reference target's units; for ≥ rows (hard targets) relaxing means one unit less.
      const gain = Math.abs(g1) * perStep * (ref.atLeast / ref.weight);
      out.push({ stage: "shortfall", family, where, what, state, value: round(gain, 6), unit: `${ref.metric} of ${ref.id}`, step: relaxWord(g1, step) });
    }
    const g2 = sol.costDuals ? -sol.costDuals[i] : 0;
    // A missed soft target's stage-2 dual prices re-balancing under the stage-1 fix, not its cost.
    const missed = softTarget && tables.targets.some((t) => t.target === target!.target && !t.met);
    if (Math.abs(g2) > EPS && !missed) {
      const yuan = Math.abs(g2) * perStep * MONEY_UNIT;
      const targetCost = family === "targets";
      out.push({
        stage: "cost", family, where, what, state, value: round(yuan, 2),
        unit: targetCost ? "weighted government yuan it costs" : "weighted government yuan saved",
        step: targetCost ? `${step} more of the target` : relaxWord(g2, step),
      });
    }
  });
  const stageOrder = (r: ExplainedRow) => (r.stage === "shortfall" ? 0 : 1);
  return out.sort((a, b) => stageOrder(a) - stageOrder(b) || b.value - a.value || a.where.localeCompare(b.where));
}

/** "+1亿元" when raising the row's limit helps, "−1 unit" when lowering it does (≥ rows). */
function relaxWord(gain: number, step: string): string {
  return gain > 0 ? `+${step}` : `−${step}`;
}

function stateOf(row: Row, tables: PlanTables): string {
  const r = row.ref;
  switch (r.family) {
    case "budgets": {
      const b = tables.budgets.find((x) => x.source === r.source && x.region === r.region && x.year === r.year);
      return b ? `uses ${formatMoney(b.used_yuan)} of ${formatMoney(b.budget_yuan + b.carried_in_yuan)}` : "";
    }
    case "capacity": {
      const c = tables.capacity.find((x) => x.capacity === r.capacity && x.year === r.year);
      return c ? `uses ${c.slots_used} of ${c.slots} slots` : "";
    }
    case "targets": {
      const t = tables.targets.find((x) => x.target === r.target);
      return t ? `plans ${t.planned} of ${t.target_value}${t.met ? " (met)" : " (missed)"}` : "";
    }
    default:
      return "at its limit";
  }
}

/** Groups of the printed list: the rows finance offices ask about first, then the other limits. */
const GROUPS: { title: string; families: string[] }[] = [
  { title: "budgets", families: ["budgets"] },
  { title: "construction capacity", families: ["capacity"] },
  { title: "targets", families: ["targets"] },
  { title: "shares, residents' caps, links, stock, start limits", families: ["shares", "resident_cap", "links", "stock", "start_limits"] },
];

/** The text `simulate explain` prints: per stage and group, the `top` largest values. */
export function explainText(rows: ExplainedRow[], top: number, title: string, refNote: string): string {
  const lines = [title];
  const section = (stage: ExplainedRow["stage"], heading: string) => {
    lines.push("", heading);
    const inStage = rows.filter((r) => r.stage === stage);
    if (inStage.length === 0) lines.push("  (none)");
    for (const group of GROUPS) {
      const all = inStage.filter((r) => group.families.includes(r.family));
      if (all.length === 0) continue;
      lines.push(`  ${group.title}:`);
      all.slice(0, top).forEach((r, i) => {
        const value = r.stage === "shortfall" ? `≈ +${fmt(r.value)} ${r.unit}` : `≈ ${formatMoney(r.value)} ${r.unit}`;
        lines.push(`    ${i + 1}. ${r.what} — ${r.state}`, `       ${r.step}: ${value}`);
      });
      if (all.length > top) lines.push(`    … and ${all.length - top} more (use --top)`);
    }
  };
  section("shortfall", `What limits attainment (stage 1; ${refNote}):`);
  section("cost", "What limits the cost of the plan (stage 2: weighted government money):");
  return lines.join("\n") + "\n";
}

function fmt(x: number): string {
  return Number(x.toPrecision(6)).toLocaleString("en-US", { maximumFractionDigits: 4 });
}
