/**
 * The step a min_budget_binding.csv price is quoted per, in planning words, for the printed report:
 * "minimum share 20% of 区级财政资金 …: +2.1亿元 per 1亿元" left a planner asking 1亿元 of what — of
 * the selected budgets, or of that source? The price is the change in the selected budgets' minimum
 * per one more of the row's own limit, so the step names that limit: more money in a budget, more a
 * source must (a minimum share) or may (a maximum share) pay in that place, one more slot.
 */
import type { Row } from "../model/types.js";
import type { Namer } from "../plan/describe.js";
import type { Scenario } from "../scenario/types.js";

/** `per`: the money step as the CSV's `per` column gives it ("1亿元"), for money rows. */
export function stepWords(row: Row, per: string, scenario: Scenario, namer: Namer): string {
  const r = row.ref;
  switch (r.family) {
    case "budgets":
      return `${per} more in this budget`;
    case "shares":
      return r.bound === "min"
        ? `${per} more that ${namer.name("source", r.source)} must pay there beyond its minimum share`
        : `${per} more that ${namer.name("source", r.source)} may pay there beyond its maximum share`;
    case "resident_cap":
      return `${per} more that the cap per household lets ${namer.name("source", r.source)} pay there`;
    case "links":
      return `${per} more that ${namer.name("source", r.source)} ${r.bound === "min" ? "must" : "may"} pay beyond the link`;
    case "capacity":
      return "one more slot";
    case "targets": {
      const t = scenario.targets.find((x) => x.id === r.target);
      const unit = scenario.programs.find((p) => p.id === t?.program)?.unit;
      const what = t?.metric.startsWith("households") ? "household" : unit && unit !== "unit" ? unit : "unit";
      return `one more ${what} asked of the target`;
    }
    case "stock":
      return "one more unit of stock";
    case "start_limits":
      return "one more start in the limit";
    default:
      return per;
  }
}
