/**
 * Which scenario entry a model row enforces, as its YAML path (`Scenario` entries keep the path
 * they were normalised from): a diagnosis can then send the planner to the file and line of each
 * limit it names. Rows that no single entry states (balances, commitments, stage fixes) have none.
 */
import type { Row } from "../model/types.js";
import type { Scenario, YamlPath } from "../scenario/types.js";

export function inputPathOf(row: Row, scenario: Scenario): YamlPath | null {
  const r = row.ref;
  const program = "program" in r ? scenario.programs.find((p) => p.id === r.program) : undefined;
  switch (r.family) {
    case "budgets":
      return scenario.sources.find((s) => s.id === r.source)?.budgets.find((b) => b.region === r.region && b.year === r.year)?.path ?? null;
    case "capacity":
      return scenario.capacity.find((c) => c.id === r.capacity)?.slotPaths?.[r.year] ?? null;
    case "shares":
      return extend(program?.shares[r.source]?.path, r.bound);
    case "resident_cap":
      return extend(program?.shares[r.source]?.path, "cap_per_household");
    case "links": {
      const link = scenario.sources.find((s) => s.id === r.source)?.links.find((l) => l.id === r.link);
      return extend(link?.path, r.bound === "min" ? "min_ratio" : "max_ratio");
    }
    case "stock":
      return program?.leaves.find((l) => l.region === r.region)?.path ?? null;
    case "start_limits":
      // The first limit of that node and year (a per-year limit and an every-year one may both apply).
      return program?.startLimits.find((l) => l.region === r.region && (l.year === null || l.year === r.year))?.path ?? null;
    case "targets":
      return scenario.targets.find((t) => t.id === r.target)?.path ?? null;
    default:
      return null;
  }
}

function extend(path: YamlPath | undefined, key: string): YamlPath | null {
  return path ? [...path, key] : null;
}
