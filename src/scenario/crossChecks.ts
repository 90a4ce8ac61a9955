/**
 * Cross-field checks: what a schema cannot say (references between sections, the region tree,
 * share sums, years against the horizon, actuals against stock). All problems are collected.
 */
import { CheckContext, id, records, type Doc, type Report } from "./checkContext.js";
import { checkActuals } from "./checkActuals.js";
import { checkCapacity, checkTargets } from "./checkPlan.js";
import { checkPrograms } from "./checkPrograms.js";
import { checkHorizon, checkRegions } from "./checkRegions.js";
import { checkSources } from "./checkSources.js";
import { idsOfDocument, type ScenarioIds } from "./scenarioIds.js";
import { PROGRAM_KEYS } from "./schema.js";
import { closest } from "./suggest.js";

const KINDS = ["government", "enterprise", "property_unit", "resident"];

/**
 * `leftOut`: lists a data table left out partly fills (CheckContext); checks needing them wait.
 * Returns the ids the document declares, against which a later stage's section is checked.
 */
export function crossCheck(doc: Doc, report: Report, leftOut: ReadonlySet<string> = new Set()): ScenarioIds {
  const ctx = new CheckContext(doc, report, leftOut);
  checkHorizon(ctx);
  checkRegions(ctx);
  indexPrograms(ctx);
  indexSources(ctx);
  checkPrograms(ctx);
  checkSources(ctx);
  checkCapacity(ctx);
  checkTargets(ctx);
  checkActuals(ctx);
  return idsOfDocument(ctx);
}

function indexPrograms(ctx: CheckContext): void {
  for (const [p, i] of records(ctx.doc.programs)) {
    const pid = id(p.id);
    if (pid !== undefined && !ctx.programs.has(pid)) {
      ctx.programs.set(pid, p);
      ctx.programIndex.set(pid, i);
    }
    if (Array.isArray(p.spend_profile)) ctx.longestProfile = Math.max(ctx.longestProfile, p.spend_profile.length);
    if (!("spend_profile" in p) && Object.keys(p).some((k) => mayBeSpendProfile(k))) ctx.profileUnknown = true;
  }
}

/** An unknown programme key that may be a misspelt spend_profile: none closer to another key. */
function mayBeSpendProfile(key: string): boolean {
  if (PROGRAM_KEYS.includes(key)) return false;
  const hint = closest(key, PROGRAM_KEYS);
  return hint === null || hint === "spend_profile";
}

function indexSources(ctx: CheckContext): void {
  for (const [s] of records(ctx.doc.sources)) {
    const sid = id(s.id);
    // An unknown kind is the schema's problem; kind-dependent checks then skip the source.
    if (sid !== undefined && !ctx.sourceKinds.has(sid)) ctx.sourceKinds.set(sid, KINDS.includes(String(s.kind)) ? String(s.kind) : "");
  }
}
