/** Small hand-solvable models for the solver tests, written with a compact builder. */
import type { LinearModel, Row } from "../../src/model/types.js";

type VarSpec = [lb: number, ub: number, integer?: boolean];
type RowSpec = [name: string, terms: Record<string, number>, lb: number, ub: number];

export interface ModelSpec {
  vars: Record<string, VarSpec>;
  rows: RowSpec[];
  obj: Record<string, number>;
  constant?: number;
}

export function build(spec: ModelSpec): LinearModel {
  const names = Object.keys(spec.vars);
  const index = (n: string) => {
    const i = names.indexOf(n);
    if (i < 0) throw new Error(`unknown variable ${n}`);
    return i;
  };
  const terms = (t: Record<string, number>) => Object.entries(t).map(([n, c]) => ({ v: index(n), c }));
  return {
    variables: names.map((name) => {
      const [lb, ub, integer] = spec.vars[name];
      return { lb, ub, integer: integer ?? false, ref: { role: "other", name } };
    }),
    rows: spec.rows.map(([name, t, lb, ub]): Row => ({ ref: { family: "other", name }, terms: terms(t), lb, ub })),
    objective: terms(spec.obj),
    objectiveConstant: spec.constant ?? 0,
  };
}

const INF = Infinity;

/**
 * min x + 2y + 3  s.t.  c1: x + y >= 4,  c2: -2 <= x - y <= 1,  0 <= x <= 10, y >= 0.
 * Both c1 and the upper side of c2 bind: x = 2.5, y = 1.5, objective 8.5.
 * Duals from (1, 2) = l1 (1, 1) + l2 (1, -1): l1 = 1.5, l2 = -0.5.
 */
export const rangedHi = build({
  vars: { x: [0, 10], y: [0, INF] },
  rows: [
    ["c1", { x: 1, y: 1 }, 4, INF],
    ["c2", { x: 1, y: -1 }, -2, 1],
  ],
  obj: { x: 1, y: 2 },
  constant: 3,
});

/**
 * min 2x + y  with the same rows: the lower side of c2 binds: x = 1, y = 3, objective 5.
 * (2, 1) = l1 (1, 1) + l2 (1, -1): l1 = 1.5, l2 = 0.5.
 */
export const rangedLo = build({
  vars: { x: [0, 10], y: [0, INF] },
  rows: [
    ["c1", { x: 1, y: 1 }, 4, INF],
    ["c2", { x: 1, y: -1 }, -2, 1],
  ],
  obj: { x: 2, y: 1 },
});

/**
 * Equality row, free, fixed and negative-bounded columns, constant -1:
 * min x + 2f + 0.5w - 1  s.t.  e1: x + f = 10,  r2: f - z >= -2,  r3: w + x <= 30,
 * x >= 0, f free, w = 3, -5 <= z <= 5.
 * Objective = 10 + f + 1.5 - 1 on x = 10 - f, so f is pushed down to z - 2 = -7:
 * f = -7, z = -5, x = 17, objective 3.5. Duals: e1 = 1 (x basic), r2 = 2 - 1 = 1, r3 = 0.
 */
export const equalityFreeFixed = build({
  vars: { x: [0, INF], f: [-INF, INF], w: [3, 3], z: [-5, 5] },
  rows: [
    ["e1", { x: 1, f: 1 }, 10, 10],
    ["r2", { f: 1, z: -1 }, -2, INF],
    ["r3", { w: 1, x: 1 }, -INF, 30],
  ],
  obj: { x: 1, f: 2, w: 0.5 },
  constant: -1,
});

/**
 * MILP: min -(5a + 4b) - c  s.t.  6a + 4b <= 24,  a + 2b + c <= 6,  a, b integer >= 0, 0 <= c <= 0.5.
 * LP relaxation a = 3, b = 1.5; integer optimum a = 4, b = 0, c = 0.5, objective -20.5
 * (a = 3, b = 1 gives -19.5; a = 2, b = 2 gives -18.5).
 */
export const smallMilp = build({
  vars: { a: [0, INF, true], b: [0, INF, true], c: [0, 0.5] },
  rows: [
    ["wood", { a: 6, b: 4 }, -INF, 24],
    ["labour", { a: 1, b: 2, c: 1 }, -INF, 6],
  ],
  obj: { a: -5, b: -4, c: -1 },
});

/** x >= 5 and x <= 3 as rows. */
export const infeasible = build({
  vars: { x: [0, INF], y: [0, INF] },
  rows: [
    ["lo", { x: 1, y: 1 }, 5, INF],
    ["hi", { x: 1 }, -INF, 3],
    ["hi2", { y: 1 }, -INF, 1],
  ],
  obj: { x: 1 },
});

/** min -x - y with x - y <= 1 and nothing stopping x = y growing. */
export const unbounded = build({
  vars: { x: [0, INF], y: [0, INF] },
  rows: [["r", { x: 1, y: -1 }, -INF, 1]],
  obj: { x: -1, y: -1 },
});

/** Shift both finite bounds of row `i` by `h` (a ranged row moves as a whole). */
export function shiftRow(model: LinearModel, i: number, h: number): LinearModel {
  const rows = model.rows.map((r, k) => (k === i ? { ...r, lb: r.lb + h, ub: r.ub + h } : r));
  return { ...model, rows };
}
