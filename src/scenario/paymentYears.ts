/**
 * The last payment year of a scenario: units started in the horizon's last year are paid for over
 * their programme's spend profile, so money falls due until end + (longest profile − 1). The model
 * (its payment years), the size check and the budget notes all count these years.
 */
import type { Scenario } from "./types.js";

export function lastPaymentYear(scenario: Scenario): number {
  return scenario.horizon.end + Math.max(1, ...scenario.programs.map((p) => p.spendProfile.length)) - 1;
}

/** The years from `from` to `to`, both included (the horizon's, the payment years). */
export function yearsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
