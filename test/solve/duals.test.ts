/**
 * Row duals are d(objective)/d(rhs) for our minimisation. Checked against hand computations and
 * against the optimal-value function v(b): v is convex in b, so the dual λ of a row must be a
 * subgradient, v(b + h) >= v(b) + λh for every h of either sign; where v is smooth, the central
 * difference equals λ.
 */
import { describe, expect, it } from "vitest";
import { rowName } from "../../src/model/names.js";
import { solverFor } from "../../src/solve/auto.js";
import type { LinearModel } from "../../src/model/types.js";
import { allocationLp } from "../../bench/allocationLp.js";
import { equalityFreeFixed, rangedHi, rangedLo, shiftRow, build } from "./fixtures.js";

const highs = solverFor("highs");

async function value(model: LinearModel): Promise<number> {
  const r = await highs.solve(model);
  if (r.status === "infeasible") return Infinity;
  expect(r.status).toBe("optimal");
  return r.objective;
}

async function duals(model: LinearModel): Promise<number[]> {
  const r = await highs.solve(model);
  expect(r.status).toBe("optimal");
  expect(r.duals).not.toBeNull();
  return [...r.duals!];
}

describe("HiGHS duals against hand computation", () => {
  it("ranged row split in two: upper side binding gives a negative dual", async () => {
    expect(await duals(rangedHi)).toEqual([expect.closeTo(1.5, 9), expect.closeTo(-0.5, 9)]);
  });

  it("ranged row split in two: lower side binding gives a positive dual", async () => {
    expect(await duals(rangedLo)).toEqual([expect.closeTo(1.5, 9), expect.closeTo(0.5, 9)]);
  });

  it("equality row, slack row, free and fixed columns", async () => {
    expect(await duals(equalityFreeFixed)).toEqual([1, 1, 0].map((d) => expect.closeTo(d, 9)));
  });

  it("a row with no bounds at all has dual 0 and is not exported", async () => {
    const m = build({
      vars: { x: [0, 5] },
      rows: [
        ["free", { x: 1 }, -Infinity, Infinity],
        ["need", { x: 1 }, 2, Infinity],
      ],
      obj: { x: 3 },
    });
    expect(await duals(m)).toEqual([0, expect.closeTo(3, 9)]);
  });

  it("a MILP gets no duals (the planning layer fixes integers and re-solves)", async () => {
    const m = build({ vars: { n: [0, 10, true] }, rows: [["need", { n: 2 }, 3, Infinity]], obj: { n: 1 } });
    const r = await highs.solve(m);
    expect(r.status).toBe("optimal");
    expect(r.duals).toBeNull();
  });
});

describe("HiGHS duals against finite differences of the rhs", () => {
  it.each([
    ["rangedHi", rangedHi],
    ["rangedLo", rangedLo],
    ["equalityFreeFixed", equalityFreeFixed],
  ])("%s: central difference equals the dual on every row", async (_, model) => {
    const d = await duals(model);
    const h = 1e-3;
    for (let i = 0; i < model.rows.length; i++) {
      const slope = ((await value(shiftRow(model, i, h))) - (await value(shiftRow(model, i, -h)))) / (2 * h);
      expect(slope, rowName(model.rows[i])).toBeCloseTo(d[i], 6);
    }
  });

  it("allocation LP (2 regions): every row's dual is a subgradient of v(b)", async () => {
    const model = allocationLp({ regions: 2, seed: 7 });
    const r = await highs.solve(model);
    expect(r.status).toBe("optimal");
    const v0 = r.objective;
    const d = r.duals!;
    const tol = 1e-6 * Math.max(1, Math.abs(v0));
    let binding = 0;
    for (let i = 0; i < model.rows.length; i++) {
      if (Math.abs(d[i]) <= 1e-9 && i % 5 !== 0) continue; // all binding rows, a sample of the rest
      const row = model.rows[i];
      const bound = Number.isFinite(row.lb) ? row.lb : row.ub;
      const h = 0.01 * Math.max(1, Math.abs(bound));
      const up = await value(shiftRow(model, i, h));
      const down = await value(shiftRow(model, i, -h));
      expect(up - v0, `${rowName(row)} (+h)`).toBeGreaterThanOrEqual(d[i] * h - tol);
      expect(down - v0, `${rowName(row)} (-h)`).toBeGreaterThanOrEqual(-d[i] * h - tol);
      if (Math.abs(d[i]) > 1e-9) binding++;
    }
    expect(binding).toBeGreaterThan(10); // the check is not vacuous
  });
});
