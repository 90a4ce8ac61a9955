/**
 * Property: on random small feasible bounded LPs (boxed columns, rows built around a known interior
 * point, so feasible by construction) HiGHS and jslp agree on the optimum to 1e-6 relative, and the
 * HiGHS primal satisfies every row and bound within 1e-6.
 */
import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { solverFor } from "../../src/solve/auto.js";
import { JslpAdapter } from "../../src/solve/jslp.js";
import { maxViolation } from "../../src/solve/check.js";
import type { LinearModel, Row } from "../../src/model/types.js";

const highs = solverFor("highs");
const jslp = new JslpAdapter({ defaultTimeLimitSeconds: 20 });
afterAll(() => jslp.close());

const small = fc.integer({ min: -5, max: 5 });

const randomLp = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    m: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ n, m }) =>
    fc.record({
      boxes: fc.array(fc.tuple(fc.integer({ min: -5, max: 3 }), fc.integer({ min: 0, max: 8 }), fc.boolean()), { minLength: n, maxLength: n }),
      point: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      rows: fc.array(
        fc.record({
          coefs: fc.array(small, { minLength: n, maxLength: n }),
          kind: fc.constantFrom("le", "ge", "eq", "range"),
          slack: fc.integer({ min: 0, max: 4 }),
        }),
        { minLength: m, maxLength: m },
      ),
      objective: fc.array(small, { minLength: n, maxLength: n }),
      constant: fc.integer({ min: -10, max: 10 }),
    }),
  )
  .map(({ boxes, point, rows, objective, constant }): LinearModel => {
    // Column j is boxed [lb, lb + width]; `fixed` makes the box a single point.
    const variables = boxes.map(([lb, width, fixed], j) => ({
      lb,
      ub: fixed && width % 3 === 0 ? lb : lb + width,
      integer: false,
      ref: { role: "other" as const, name: `x[${j}]` },
    }));
    const x0 = variables.map((v, j) => v.lb + point[j] * (v.ub - v.lb));
    const lpRows: Row[] = rows.map((r, i) => {
      const terms = r.coefs.flatMap((c, j) => (c === 0 ? [] : [{ v: j, c }]));
      const a = terms.reduce((s, t) => s + t.c * x0[t.v], 0);
      const bounds = {
        le: [-Infinity, a + r.slack],
        ge: [a - r.slack, Infinity],
        eq: [a, a],
        range: [a - r.slack, a + r.slack + 1],
      }[r.kind];
      return { ref: { family: "other", name: `r[${i}]` }, terms, lb: bounds[0], ub: bounds[1] };
    });
    return {
      variables,
      rows: lpRows,
      objective: objective.flatMap((c, j) => (c === 0 ? [] : [{ v: j, c }])),
      objectiveConstant: constant,
    };
  });

describe("HiGHS and jslp agree on random small LPs", () => {
  it("same optimum; HiGHS primal feasible within 1e-6", async () => {
    await fc.assert(
      fc.asyncProperty(randomLp, async (model) => {
        const h = await highs.solve(model);
        expect(h.status).toBe("optimal");
        expect(maxViolation(model, h.primal).violation).toBeLessThanOrEqual(1e-6);
        const j = await jslp.solve(model);
        expect(j.status, j.message).toBe("optimal");
        expect(Math.abs(j.objective - h.objective)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(h.objective)));
        expect(maxViolation(model, j.primal).violation).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 150, seed: 20231123 },
    );
  });
});
