/**
 * Whether a frontier's levels all got the same plan: every target planned the same at every level.
 * Then nothing moved between the levels' plans — the limits holding the short targets bind — and the
 * frontier is not the cost–confidence curve (Guangdong's 50–95 %: 8,560.2 / 1,498,899 / 2,464 /
 * 307,704 at every level). One rule for the printed and run.json notes (frontierFiles.ts) and the
 * report's money chart, which reads it off frontier.csv.
 */

/** Planned values within this share of each other count as the same (frontier.csv carries 4 decimals). */
const SAME_PLANNED = 1e-6;

/** `rows`: one per level and target; a target with no planned value at some level is not the same plan. */
export function samePlanAtEveryLevel(rows: readonly { target: string; planned: number | null }[]): boolean {
  const planned = new Map<string, number[]>();
  for (const r of rows) planned.set(r.target, [...(planned.get(r.target) ?? []), r.planned ?? Number.NaN]);
  return [...planned.values()].every((v) => Math.max(...v) - Math.min(...v) <= SAME_PLANNED * Math.max(1, Math.abs(Math.max(...v))));
}
