/**
 * stress's households lost as a finance reader reads it. A cut plan can start more households than
 * the 0 % plan (every target met at both, the extra households a by-product of another cheapest
 * plan): that is no loss, and "−428 lost" or "−119 lost per 亿元 cut" read as one. It is printed as
 * a gain instead; a change under half a household is the LP re-balancing, none at all.
 */
import type { Label } from "./labels.js";
import { formatCount } from "./numbers.js";

/** Households below this are LP re-balancing, not households lost or gained. */
export const HALF_HOUSEHOLD = 0.5;

/** Whether `lost` (baseline minus level) is a gain: the level starts more households. */
export function isHouseholdGain(lost: number): boolean {
  return lost <= -HALF_HOUSEHOLD;
}

/** "6,200", "0", or a gain: "none (+428 hh)" / "无（多开工428户）". */
export function householdsLostText(lost: number, lang: "zh" | "en"): string {
  if (isHouseholdGain(lost)) {
    const more = formatCount(-lost, true);
    return lang === "zh" ? `无（多开工${more}户）` : `none (+${more} hh)`;
  }
  return formatCount(Math.max(0, lost), true);
}

/** A programme as the note below names it. */
export interface NamedProgram {
  id: string;
  name: string;
  /** The programme's unit as written; "unit" (the default) is not named. */
  unit: string;
}

/**
 * stress in a scenario whose programmes count households only in part (householdPrograms.ts):
 * which programmes its households figures count, and that the others' units (towns, streets) are
 * not added in as households.
 */
export function householdsLeftOutNote(counted: readonly NamedProgram[], left: readonly NamedProgram[]): Label {
  const en = (ps: readonly NamedProgram[]) => ps.map((p) => `${p.name} (${p.id}${p.unit === "unit" ? "" : `, in ${p.unit}`})`).join(", ");
  const zh = (ps: readonly NamedProgram[]) => ps.map((p) => `${p.name}（${p.id}${p.unit === "unit" ? "" : `，单位：${p.unit}`}）`).join("、");
  const many = left.length > 1;
  return {
    en: `households lost, households started lost and the regions losing and gaining most count the households of ${en(counted)} only: ` +
      `${en(left)} ${many ? "have" : "has"} no households_per_unit and no households target, so ${many ? "their" : "its"} units ` +
      `are not counted as households (what a cut does to ${many ? "them" : "it"} is in ${many ? "their" : "its"} targets' rows)`,
    zh: `减少惠及户数、减少开工惠及户数和户数变化最多的地区只计${zh(counted)}的户数：${zh(left)}未给出每单位户数（households_per_unit），` +
      "也没有户数目标，其单位不计为户（削减对其的影响见其目标各行）",
  };
}
