/**
 * targets: the cumulative metric (started, completed, households …) over the target's region by
 * its year reaches at_least; a soft target may fall short by shortfall[t], which stage 1 minimises.
 */
import type { ModelContext } from "../context.js";
import { targetMetric } from "../expressions.js";

export function addTargetConstraints(ctx: ModelContext): void {
  ctx.scenario.targets.forEach((t, ti) => {
    const metric = targetMetric(ctx, t);
    const terms = [...metric.terms];
    const shortfall = ctx.index.shortfall[ti];
    if (shortfall >= 0) terms.push({ v: shortfall, c: 1 });
    ctx.index.targetRow[ti] = ctx.addRow({ family: "targets", target: t.id, kind: t.kind }, { terms, constant: metric.constant }, { lb: t.atLeast });
  });
}
