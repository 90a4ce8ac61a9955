/**
 * Whether a frontier's levels all got the same plan: every target planned the same at every level.
 * Then nothing moved between the levels' plans — the limits holding the short targets bind — and the
 * frontier is not the cost–confidence curve (Guangdong's 50–95 %: 8,560.2 / 1,498,899 / 2,464 /
 * 307,704 at every level). One rule, with the same-money one, for the printed and run.json notes
 * (frontierFiles.ts) and the report's money chart, which reads them off frontier.csv.
 */

/**
 * Planned values this close count as the same: frontier.csv's 4 decimals (a relative 1e-6 let a
 * households target 1.4 households apart read as the same plan).
 */
const SAME_PLANNED = 5e-5;

/** Levels whose government money differs by less than this share count as the same money. */
const SAME_MONEY = 1e-3;

/** `rows`: one per level and target; a target with no planned value at some level is not the same plan. */
export function samePlanAtEveryLevel(rows: readonly { target: string; planned: number | null }[]): boolean {
  const planned = new Map<string, number[]>();
  for (const r of rows) planned.set(r.target, [...(planned.get(r.target) ?? []), r.planned ?? Number.NaN]);
  return [...planned.values()].every((v) => Math.max(...v) - Math.min(...v) <= SAME_PLANNED);
}

/** Whether the levels plan the same government money (within SAME_MONEY of the most); a missing amount is not. */
export function sameMoneyAtEveryLevel(money: readonly (number | null)[]): boolean {
  const known = money.map((m) => m ?? Number.NaN);
  const [lo, hi] = [Math.min(...known), Math.max(...known)];
  return hi - lo <= SAME_MONEY * Math.abs(hi);
}
