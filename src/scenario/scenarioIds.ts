/**
 * The ids a later stage's section may name (an uncertainty input's `program`, `source`, `region`),
 * read from the validated scenario or, in a round whose scenario has problems, from the document
 * as the cross-checks index it — so such a reference is checked in the same round as the rest.
 */
import type { CheckContext } from "./checkContext.js";
import type { Scenario } from "./types.js";

export interface ScenarioIds {
  /** null where the list is not whole this round (a data table filling it was left out): references to it wait. */
  programs: readonly string[] | null;
  /** Each source's kind ("" where its own kind is wrong: a kind filter against it waits). */
  sources: ReadonlyMap<string, string> | null;
  /** Tree regions and region groups. */
  regions: readonly string[] | null;
}

export function idsOfScenario(scenario: Scenario): ScenarioIds {
  return {
    programs: scenario.programs.map((p) => p.id),
    sources: new Map(scenario.sources.map((s) => [s.id, s.kind])),
    regions: scenario.regions.map((r) => r.id),
  };
}

/** The ids the cross-checks found in the merged document (crossChecks.ts indexes them). */
export function idsOfDocument(ctx: CheckContext): ScenarioIds {
  return {
    programs: ctx.whole(["programs"]) ? [...ctx.programs.keys()] : null,
    sources: ctx.whole(["sources"]) ? ctx.sourceKinds : null,
    regions: ctx.whole(["regions"]) && ctx.whole(["region_groups"]) ? [...ctx.regions.parent.keys(), ...ctx.regions.groups.keys()] : null,
  };
}
