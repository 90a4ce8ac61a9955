/**
 * A conflict on a province-wide target can involve hundreds of limits; a planner reads them as
 * groups — "budgets of 县级财政 in 171 region-years" — not as 171 lines. Groups limits by family and
 * funder (or programme), largest first, with a few examples; diagnostics.csv keeps every row.
 */
import type { LinearModel, Row } from "../model/types.js";
import type { InputLocator } from "../scenario/inputPlace.js";
import type { Scenario } from "../scenario/types.js";
import { Namer } from "./describe.js";
import { type Conflict, mustGive } from "./elastic.js";

export interface ConflictGroup {
  /** e.g. "budgets of 县（市、区）级财政资金 (county)". */
  what: string;
  count: number;
  /** A few "where, when" examples: "广州市 2021", with the file and line when known. */
  examples: string[];
}

/** With `locate`, each example names the file and line of its scenario entry. */
export function groupConflicts(conflicts: Conflict[], model: LinearModel, scenario: Scenario, examples = 3, locate?: InputLocator): ConflictGroup[] {
  const namer = new Namer(scenario);
  const groups = new Map<string, ConflictGroup>();
  for (const c of conflicts) {
    if (c.row === undefined || mustGive(c)) continue;
    const row = model.rows[c.row];
    const what = groupOf(row, namer);
    const g = groups.get(what) ?? { what, count: 0, examples: [] };
    g.count++;
    if (g.examples.length < examples) g.examples.push(placeOf(row, namer) + (c.input && locate ? ` at ${locate(c.input)}` : ""));
    groups.set(what, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.what.localeCompare(b.what));
}

function groupOf(row: Row, namer: Namer): string {
  const r = row.ref;
  switch (r.family) {
    case "budgets":
      return `budgets of ${namer.label("source", r.source)}`;
    case "shares":
      return `${r.bound === "min" ? "minimum" : "maximum"} shares of ${namer.label("source", r.source)}`;
    case "resident_cap":
      return `residents' caps (${namer.label("source", r.source)})`;
    case "links":
      return `link '${r.link}'`;
    case "capacity":
      // One group for all capacity limits, like budgets per source: a limit per city would each rank
      // below the ten groups printed, and capacity dropped out of the list.
      return "construction capacity";
    case "stock":
      return `stock of ${namer.label("program", r.program)}`;
    case "start_limits":
      return `start limits of ${namer.label("program", r.program)}`;
    case "targets":
      return "targets";
    default:
      return r.family;
  }
}

function placeOf(row: Row, namer: Namer): string {
  const r = row.ref;
  if (r.family === "targets") return namer.label("target", r.target);
  if (r.family === "capacity") return `'${r.capacity}' of ${namer.name("region", r.region)} ${r.year}`;
  const region = "region" in r ? namer.name("region", r.region) : "";
  const year = "year" in r ? ` ${r.year}` : "";
  return `${region}${year}`.trim();
}
