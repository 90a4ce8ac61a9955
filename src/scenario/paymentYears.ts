/**
 * The last payment year of a scenario: units started in the horizon's last year are paid for over
 * their programme's spend profile, so money falls due until end + (longest profile − 1). The model
 * (its payment years), the size check and the budget notes all count these years.
 */
import type { Program, Scenario } from "./types.js";

export function lastPaymentYear(scenario: Scenario): number {
  return lastPaymentYearOf(scenario.horizon.end, scenario.programs);
}

/**
 * The last year money of these programmes falls due (the horizon's end when there are none): a
 * source's budgets matter only until the last payment of the programmes it pays for.
 */
export function lastPaymentYearOf(end: number, programs: readonly Program[]): number {
  return end + Math.max(1, ...programs.map((p) => p.spendProfile.length)) - 1;
}

/** The years from `from` to `to`, both included (the horizon's, the payment years). */
export function yearsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
