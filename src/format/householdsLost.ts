/**
 * stress's households lost as a finance reader reads it. A cut plan can start more households than
 * the 0 % plan (every target met at both, the extra households a by-product of another cheapest
 * plan): that is no loss, and "−428 lost" or "−119 lost per 亿元 cut" read as one. It is printed as
 * a gain instead; a change under half a household is the LP re-balancing, none at all.
 */
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
