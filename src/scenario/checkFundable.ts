/**
 * Checks that need normalised numbers: a residents' minimum share that their per-household cap can
 * never pay (e.g. a unit cost typed 1000× too high) makes every unit in the leaf unfundable, which
 * would otherwise surface only as targets silently missed.
 */
import type { Scenario } from "./types.js";
import { formatMoney } from "../format/numbers.js";

export interface FundabilityProblem {
  path: (string | number)[];
  message: string;
}

export function fundabilityProblems(scenario: Scenario): FundabilityProblem[] {
  const problems: FundabilityProblem[] = [];
  scenario.programs.forEach((program, p) => {
    for (const [sourceId, share] of Object.entries(program.shares)) {
      if (share.capPerHousehold === null || share.min <= 0) continue;
      const blocked = program.leaves.filter((leaf) => share.min * leaf.unitCost > share.capPerHousehold! * leaf.householdsPerUnit + 1e-6);
      if (blocked.length === 0) continue;
      const leaf = blocked[0];
      problems.push({
        path: ["programs", p, "shares", sourceId, "cap_per_household"],
        message:
          `the cap of ${formatMoney(share.capPerHousehold)} per household (${formatMoney(share.capPerHousehold * leaf.householdsPerUnit)} per unit of ` +
          `${leaf.householdsPerUnit} households) cannot pay the minimum share ${Number((share.min * 100).toFixed(4))}% of the unit cost ` +
          `${formatMoney(leaf.unitCost)} in ${leaf.region}${blocked.length > 1 ? ` and ${blocked.length - 1} other leaves` : ""}: no unit could be funded there ` +
          `(check the unit cost, the cap or the minimum share)`,
      });
    }
  });
  return problems;
}
