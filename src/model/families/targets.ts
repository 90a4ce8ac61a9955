/**
 * targets: the cumulative metric (started, completed, households …) over the target's region by
 * its year reaches at_least; a soft target may fall short by shortfall[t], which stage 1 minimises.
 */
import type { ModelContext } from "../context.js";
import { targetMetric } from "../expressions.js";
import { nameOf, shortfallName } from "../names.js";

export function addTargetConstraints(ctx: ModelContext): void {
  for (const t of ctx.scenario.targets) {
    const metric = targetMetric(ctx, t);
    const terms = [...metric.terms];
    if (t.kind === "soft") terms.push({ v: ctx.lookup(shortfallName(t.id))!, c: 1 });
    ctx.addRow("targets", nameOf("target", t.id), { terms, constant: metric.constant }, { lb: t.atLeast }, {
      target: t.id,
      kind: t.kind,
    });
  }
}
