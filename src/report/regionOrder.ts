/**
 * Regions in the order the scenario lists them (the results folder's input.yaml), as planners wrote
 * them — the city first, then its districts — rather than in the order of their ids, which a
 * review's heatmap read as 赤岭区、海滨区、雷东县 ….
 */
export function byScenarioOrder(input: Record<string, unknown> | null): (a: string, b: string) => number {
  const listed = Array.isArray(input?.regions) ? (input!.regions as { id?: unknown }[]) : [];
  const position = new Map(listed.map((r, i) => [String(r?.id), i]));
  const at = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => at(a) - at(b);
}
