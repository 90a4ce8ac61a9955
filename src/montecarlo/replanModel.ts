/**
 * The annual re-planning model (`--mode replan`, docs/monte-carlo.md "Annual re-planning"): the
 * planning model as the office holds it at the start of horizon year h, once years 0 … h−1 have
 * happened. Built once per worker; each year is a set of bound and coefficient changes:
 *
 *   past payment years' rows (commitments, funding, shares, budgets, links, capacity, start
 *     limits) are freed — what was paid is paid;
 *   past starts are fixed at what was realised, and the commitments of their later payments carry
 *     their realised unit cost (the cost factor of their start year);
 *   money a source carried over into year h is fixed at what the year before left;
 *   future years keep the scenario's nominal costs and budgets: the planner does not know them yet.
 *
 * Hard targets get a shortfall column, minimised in a first stage ("hard"): once the past is
 * fixed a hard target may be out of reach, and the office then plans to come as close as it can
 * rather than stop. The model is the LP relaxation: its annual plans can be fractional, and
 * execution draws only the whole part of a candidate count unit by unit, so the realised past can
 * be fractional too. With confidence planning, the margins of the confidence plan are
 * kept in every annual plan.
 */
import type { PlanningModel } from "../model/build.js";
import type { Row, StagedProblem, Term, Variable } from "../model/types.js";
import { relaxIntegers } from "../plan/stageModels.js";
import type { BoundChange, CoefficientChange } from "../solve/types.js";
import { buildMarginProblem, marginBounds } from "../confidence/marginProblem.js";

/** Row families whose rows belong to one payment year and are freed once it is past. */
const YEARLY = new Set(["commitments", "funding_balance", "shares", "resident_cap", "budgets", "links", "capacity", "start_limits"]);

export interface YearChanges {
  rowBounds: BoundChange[];
  colBounds: BoundChange[];
  coefficients: CoefficientChange[];
}

export class ReplanModel {
  readonly problem: StagedProblem;
  /** Rows of each payment year (index y) that are freed once the year is past. */
  private readonly rowsOfYear: number[][];
  /** Coefficients of starts (lp, h) in the commitments rows of their payment years, with the nominal value. */
  private readonly commitments: { row: number; column: number; nominal: number; lp: number; h: number }[];
  private readonly nominal = new Map<string, number>();

  constructor(readonly pm: PlanningModel, margins: ArrayLike<number> | null) {
    const { ctx } = pm;
    let base: PlanningModel = pm;
    if (margins) {
      const mp = buildMarginProblem(pm);
      const rows = [...mp.pm.model.rows];
      for (const b of marginBounds(mp, margins)) rows[b.index] = { ...rows[b.index], lb: b.lb, ub: b.ub };
      base = { ...mp.pm, model: { ...mp.pm.model, rows } };
    }
    const variables: Variable[] = [...base.model.variables];
    const rows: Row[] = [...base.model.rows];
    const hard: Term[] = [];
    ctx.scenario.targets.forEach((t, ti) => {
      if (t.kind !== "hard") return;
      const v = variables.length;
      variables.push({ lb: 0, ub: Infinity, integer: false, ref: { role: "hard_shortfall", target: t.id } });
      const r = ctx.index.targetRow[ti];
      rows[r] = { ...rows[r], terms: [...rows[r].terms, { v, c: 1 }] };
      hard.push({ v, c: 1 / t.atLeast });
    });
    this.problem = relaxed({
      model: { ...base.model, variables, rows },
      stages: [{ name: "hard", objective: hard }, ...base.stages],
      settings: base.settings,
    });
    this.rowsOfYear = ctx.paymentYears.map(() => []);
    pm.model.rows.forEach((row, i) => {
      if (!YEARLY.has(row.ref.family) || !("year" in row.ref)) return;
      const y = ctx.paymentYearIndex(row.ref.year);
      if (y >= 0) this.rowsOfYear[y].push(i);
    });
    this.commitments = [];
    const { H, Y } = ctx.index;
    for (const lp of ctx.leafPrograms) {
      const profile = lp.program.spendProfile;
      for (let h = 0; h < H; h++) {
        const column = ctx.index.startsCol(lp.index, h);
        for (let k = 0; k < profile.length && h + k < Y; k++) {
          const row = ctx.index.commitRow[lp.index * Y + h + k];
          if (profile[k] === 0 || row < 0) continue; // no row: a recorded year's cost is what was paid
          // The model's own coefficient (−profile · unit cost), so a reset restores it bit for bit.
          const nominal = pm.model.rows[row].terms.find((t) => t.v === column)?.c;
          if (nominal === undefined) continue;
          this.commitments.push({ row, column, nominal, lp: lp.index, h });
          this.nominal.set(`${row},${column}`, nominal);
        }
      }
    }
  }

  /**
   * What changes when horizon year h − 1 has happened: its rows freed, its realised starts fixed
   * (`starts[lp · H + h − 1]`), their commitments at the realised cost (`costFactor(lp, h − 1)`),
   * and the money carried into year h fixed (`carried(budget row)`, 万元).
   */
  yearDone(h: number, starts: Float64Array, costFactor: (lp: number, h: number) => number, carried: (budgetRow: number) => number | null): YearChanges {
    const { ctx } = this.pm;
    const { H } = ctx.index;
    const past = h - 1;
    const rowBounds = this.rowsOfYear[past].map((index) => ({ index, lb: -Infinity, ub: Infinity }));
    const colBounds: BoundChange[] = ctx.leafPrograms.map((lp) => {
      const value = starts[lp.index * H + past];
      return { index: ctx.index.startsCol(lp.index, past), lb: value, ub: value };
    });
    for (const b of ctx.index.budgetRows) {
      if (b.carryIn < 0 || ctx.paymentYearIndex(b.year) !== h) continue;
      const amount = carried(b.row);
      if (amount !== null) colBounds.push({ index: b.carryIn, lb: amount, ub: amount });
    }
    const coefficients = this.commitments
      .filter((c) => c.h === past)
      .map((c) => ({ row: c.row, column: c.column, value: c.nominal * costFactor(c.lp, past) }));
    return { rowBounds, colBounds, coefficients };
  }

  /** Undoes a draw's changes: every touched bound and coefficient back to the model's own. */
  reset(changes: YearChanges[]): YearChanges {
    const { rows, variables } = this.problem.model;
    const rowBounds = new Map<number, BoundChange>();
    const colBounds = new Map<number, BoundChange>();
    const coefficients: CoefficientChange[] = [];
    for (const c of changes) {
      for (const b of c.rowBounds) rowBounds.set(b.index, { index: b.index, lb: rows[b.index].lb, ub: rows[b.index].ub });
      for (const b of c.colBounds) colBounds.set(b.index, { index: b.index, lb: variables[b.index].lb, ub: variables[b.index].ub });
      for (const x of c.coefficients) coefficients.push({ ...x, value: this.nominal.get(`${x.row},${x.column}`)! });
    }
    return { rowBounds: [...rowBounds.values()], colBounds: [...colBounds.values()], coefficients };
  }
}

function relaxed(problem: StagedProblem): StagedProblem {
  return { ...problem, model: relaxIntegers(problem.model) };
}
