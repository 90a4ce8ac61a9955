/**
 * Records in the order the scenario lists them (the results folder's input.yaml), as planners wrote
 * them: regions the city first, then its districts, rather than in the order of their ids, which a
 * review's heatmap read as 赤岭区、海滨区、雷东县 …; sources as the scenario lists them, not in the
 * order funding.csv first meets them (a review's money legend began with the city's money);
 * programmes as listed (the report's starts tables).
 * Ids the scenario does not list keep their order after those it does.
 */
export function byScenarioOrder(input: Record<string, unknown> | null, list: "regions" | "sources" | "programs" = "regions"): (a: string, b: string) => number {
  const listed = Array.isArray(input?.[list]) ? (input![list] as { id?: unknown }[]) : [];
  const position = new Map(listed.map((r, i) => [String(r?.id), i]));
  const at = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => at(a) - at(b);
}
