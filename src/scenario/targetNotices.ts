/**
 * A target above everything its region's stock can count can never be met: a hard one leaves no
 * plan, a soft one is missed by at least the excess. Said before planning because the plan's
 * diagnosis names the limits that bind first — usually budgets — and lists the stock last, so a
 * planner would raise budgets that cannot help.
 *
 * Exact for `started` (units started from the horizon start, in-horizon actuals included, are
 * bounded by each leaf's stock) and for `households_started` when no actual in the target's region
 * records its own households (then households = units × households per unit). `completed` metrics
 * also count units started before the horizon, which no stock bounds: their bound adds those
 * recorded starts to the stock (and is left to the plan when an actual records its completions).
 * Targets more than ten times the stock are errors (checkPlan.ts); this covers the rest.
 */
import type { Label } from "../format/labels.js";
import { fmt } from "./checkContext.js";
import type { PlaceLabel } from "./inputPlace.js";
import type { Scenario, Target } from "./types.js";

export function targetNotices(scenario: Scenario, place: PlaceLabel): Label[] {
  const out: Label[] = [];
  for (const t of scenario.targets) {
    const most = mostCountable(scenario, t);
    if (most === null || t.atLeast <= most) continue;
    const program = scenario.programs.find((p) => p.id === t.program)!;
    const region = scenario.regions.find((r) => r.id === t.region)!;
    const households = t.metric.startsWith("households");
    const what = households ? "households" : program.unit === "unit" ? "units" : program.unit;
    const whatZh = households ? "户" : program.unit === "unit" ? "个单位" : ` ${program.unit}`;
    const completed = t.metric === "completed" || t.metric === "households_completed";
    const before = completed ? " and the units started before the horizon" : "";
    const consequence = t.kind === "hard" ? "no plan can meet it" : `it is missed by at least ${fmt(t.atLeast - most)}`;
    const consequenceZh = t.kind === "hard" ? "任何方案都无法完成" : `都至少差${fmt(t.atLeast - most)}`;
    const at = t.path ? place(t.path) : null;
    // The programme by its name, its id beside it (the YAML's key); once where they are the same.
    const named = program.name !== program.id;
    const [programEn, programZh] = named ? [`${program.name} (${program.id})`, `${program.name}（${program.id}）`] : [program.id, program.id];
    out.push({
      en: `target ${t.id} (${t.name})${at ? ` (${at.en})` : ""}: at_least ${fmt(t.atLeast)} is more than the whole stock ` +
        `of ${programEn} under ${region.name} (${region.id})${before} can count (${fmt(most)} ${what}), so ${consequence} whatever the budgets; ` +
        "check the target or the stock",
      zh: `目标${t.name}（${t.id}）${at ? `（${at.zh}）` : ""}：目标值${fmt(t.atLeast)}（at_least）超过了${region.name}（${region.id}）${programZh}的全部存量` +
        `${completed ? "加上规划期前已开工的项目" : ""}所能计入的数量（${fmt(most)}${whatZh}），因此无论预算多少，${consequenceZh}；请核对目标或存量`,
    });
  }
  return out;
}

/** The most the target's metric can reach given the stock alone; null where the stock does not bound it exactly. */
export function mostCountable(scenario: Scenario, t: Target): number | null {
  const region = scenario.regions.find((r) => r.id === t.region);
  const program = scenario.programs.find((p) => p.id === t.program);
  if (!region || !program) return null;
  const leaves = new Set(region.leaves);
  const households = t.metric.startsWith("households");
  const completed = t.metric.endsWith("completed");
  const own = scenario.actuals.filter((a) => a.program === t.program && leaves.has(a.region));
  if (households && own.some((a) => a.householdsStarted !== undefined || a.householdsCompleted !== undefined)) return null;
  if (completed && own.some((a) => a.completed !== undefined)) return null;
  const perUnit = new Map(program.leaves.map((l) => [l.region, households ? l.householdsPerUnit : 1]));
  let most = 0;
  for (const leaf of program.leaves) if (leaves.has(leaf.region)) most += leaf.stock * perUnit.get(leaf.region)!;
  // Completions also count units started before the horizon (they use no stock).
  if (completed) for (const a of own) if (a.year < scenario.horizon.start) most += a.started * (perUnit.get(a.region) ?? 1);
  return most;
}
