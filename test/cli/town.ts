/**
 * The one-town scenario the CLI tests plan, export and edit: 10 communities of 100万, the
 * government paying 90 % within 300万 a year, residents 10 %, and a hard target of 6 started by
 * 2022 (at most 6.67 are affordable: `TOWN.replace("at_least: 6", "at_least: 9")` has no plan).
 * Tests name its lines (s.yaml:21 is the budget, s.yaml:24 the target): edit it with care.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export const TOWN = `
name: town
horizon: {start: 2021, end: 2022}
regions:
  - {id: town, name: 小镇}
programs:
  - id: retrofit
    name: 老旧小区改造
    unit_cost: "100万"
    households_per_unit: 100
    by_region:
      - {region: town, stock: 10}
    shares:
      gov: {max: "90%"}
      residents: {min: "10%", max: "10%"}
sources:
  - id: gov
    name: 政府
    kind: government
    budgets:
      - {region: town, per_year: "300万"}
  - {id: residents, name: 居民, kind: resident}
targets:
  - {id: started-6, program: retrofit, region: town, metric: started, by: 2022, at_least: 6, kind: hard}
`;

/** Writes `text` as `name` in `dir`; returns its path. */
export function scenarioFile(dir: string, text: string, name = "s.yaml"): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}
