/**
 * The price of one unit by its start year: `unit_cost` is the price of the horizon's first year,
 * and escalation applies from there — also backwards, to units started before the horizon
 * (docs/model.md). The model's commitments and the load-time notes on recorded payments price
 * units alike.
 */
import type { Program, ProgramLeaf } from "./types.js";

/** Yuan per unit of `program` started in `year` in `leaf`. */
export function unitCostOfStart(program: Pick<Program, "escalation">, leaf: Pick<ProgramLeaf, "unitCost">, year: number, horizonStart: number): number {
  return leaf.unitCost * Math.pow(1 + program.escalation, year - horizonStart);
}
