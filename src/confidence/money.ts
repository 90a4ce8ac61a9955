/** Money a plan pays (yuan), read off its funds columns: government sources and all sources. */
import type { PlanningModel } from "../model/build.js";
import { MONEY_UNIT } from "../model/context.js";
import { round } from "../results/numbers.js";

export interface PlanMoney {
  governmentYuan: number;
  totalYuan: number;
}

export function planMoney(pm: PlanningModel, primal: Float64Array): PlanMoney {
  const { index, scenario } = pm.ctx;
  const government = scenario.sources.map((s) => s.kind === "government");
  let gov = 0;
  let total = 0;
  for (let k = 0; k < index.funds.length; k++) {
    const v = index.funds[k];
    if (v < 0) continue;
    total += primal[v];
    if (government[k % index.S]) gov += primal[v];
  }
  return { governmentYuan: round(gov * MONEY_UNIT, 2), totalYuan: round(total * MONEY_UNIT, 2) };
}
