/**
 * What compare says under the folders when one was planned with overlays (`--with`) — the printout,
 * compare.html and the workbook's 概要 alike: the overlay re-plans the whole horizon knowing its
 * changes, and, where whole-unit programmes start differently in years no differing input names and
 * pay nothing in a year one names, those choices may be the solver's among equally good plans. A
 * 2026–27 cut of the Guangzhou towns' city money printed 2024's central-town pilots swapped with no
 * word of either; then the report and 概要 gave the first note without the second.
 */
import type { Label } from "../../format/labels.js";
import { OVERLAY_NOTE_HEADING, OVERLAY_REPLANS, WHOLE_UNIT_NOTE_HEADING, wholeUnitChoices } from "../../format/planChoiceNotes.js";
import { flagValue } from "../../scenario/flag.js";
import type { CompareRow } from "./alignTables.js";
import type { InputDifference } from "./inputDiff.js";
import type { ResultsFolder } from "./readFolder.js";

/** A note and the heading the report and 概要 give it. */
export interface OverlayCaveat {
  heading: Label;
  note: Label;
}

/** The printout's lines: each note after `note:`. */
export function overlayCaveatLines(folders: ResultsFolder[], inputs: InputDifference[], rows: CompareRow[]): string[] {
  return overlayCaveats(folders, inputs, rows).map((c) => `note: ${c.note.en}`);
}

export function overlayCaveats(folders: ResultsFolder[], inputs: InputDifference[], rows: CompareRow[]): OverlayCaveat[] {
  if (!folders.some((f) => (f.runJson.scenario?.overlays ?? []).length > 0)) return [];
  const caveats = [{ heading: OVERLAY_NOTE_HEADING, note: OVERLAY_REPLANS }];
  const whole = wholeUnitPrograms(folders);
  const touched = yearsNamed(inputs);
  const programs = new Set<string>();
  const years = new Set<number>();
  for (const r of rows) {
    if (r.file !== "plan.csv" || r.column !== "units_started" || !r.deltas.some((d) => d !== null && d !== 0)) continue;
    const key = Object.fromEntries(r.key.split(";").map((part) => part.split("=")));
    const year = Number(key.year);
    const paidOver = whole.get(key.program);
    // A start pays over its spend profile's years: 2024's central-town pilots pay 20 % in 2026 and
    // 2027, so a 2026–27 cut bears on them directly.
    if (paidOver === undefined || (touched && Array.from({ length: paidOver }, (_, k) => year + k).some((y) => touched.has(y)))) continue;
    programs.add(key.program);
    years.add(year);
  }
  if (programs.size > 0) {
    caveats.push({ heading: WHOLE_UNIT_NOTE_HEADING, note: wholeUnitChoices([...programs].sort(), touched && [...years].sort((a, b) => a - b)) });
  }
  return caveats;
}

/**
 * The programmes any folder plans in whole units (input.yaml `integer: true`, or 是), with the
 * years a start pays over (its spend_profile's length; the longest of the folders').
 */
function wholeUnitPrograms(folders: ResultsFolder[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of folders) {
    const programs = (f.input as { programs?: unknown } | null)?.programs;
    if (!Array.isArray(programs)) continue;
    for (const p of programs as { id?: unknown; integer?: unknown; spend_profile?: unknown }[]) {
      if (flagValue(p?.integer) !== true) continue;
      const years = Array.isArray(p.spend_profile) ? Math.max(1, p.spend_profile.length) : 1;
      out.set(String(p.id), Math.max(years, out.get(String(p.id)) ?? 1));
    }
  }
  return out;
}

/**
 * The years the differing inputs name (`…by_year.2026`, `actuals[gz/retrofit/2024]…`), or null
 * where one names none: a per_year budget or a target changes every year it reaches.
 */
function yearsNamed(inputs: InputDifference[]): Set<number> | null {
  const years = new Set<number>();
  for (const d of inputs) {
    const named = [...d.path.matchAll(/(?:^|[.[/])(\d{4})(?=$|[.\]/])/g)].map((m) => Number(m[1]));
    if (named.length === 0) return null;
    for (const y of named) years.add(y);
  }
  return years;
}
