import { afterAll, describe, expect, it } from "vitest";
import { HighsRuntime } from "../../src/solve/highsRuntime.js";
import { HighsSession } from "../../src/solve/highsSession.js";
import { settleInfeasibleOrUnbounded } from "../../src/solve/highsStatus.js";
import { RemoteSession, stopSolverThread, warmUpSolverThread } from "../../src/solve/remoteSession.js";
import { autoSolverName, JSLP_MAX_COLUMNS, solverFor } from "../../src/solve/auto.js";
import { sessionFor } from "../../src/solve/sessions.js";
import type { LinearModel } from "../../src/model/types.js";
import { JslpAdapter } from "../../src/solve/jslp.js";
import { modelArrays } from "../../src/solve/modelData.js";
import { allocationLp } from "../../bench/allocationLp.js";
import { infeasible, rangedHi, smallMilp, unbounded } from "./fixtures.js";

describe("HighsRuntime", () => {
  it("loads a fresh instance after `recycle` (a native failure)", async () => {
    const runtime = new HighsRuntime();
    const first = await runtime.acquire();
    runtime.recycle();
    const second = await runtime.acquire();
    expect(runtime.loads).toBe(2);
    expect(second).not.toBe(first);
  });

  it("keeps the instance while models live on it, drops it past the memory cap once none does", async () => {
    const runtime = new HighsRuntime({ maxMemoryBytes: 1 }); // any instance is "too big"
    const a = await runtime.acquire();
    const b = await runtime.acquire();
    runtime.release(a);
    expect(await runtime.acquire()).toBe(a); // b still lives: same instance
    runtime.release(b);
    runtime.release(a);
    await runtime.acquire();
    expect(runtime.loads).toBe(2);
  });

  it("many load–solve–dispose cycles on one session stay correct", async () => {
    const session = new HighsSession(new HighsRuntime());
    for (let k = 0; k < 150; k++) {
      await session.load(k % 3 === 0 ? smallMilp : k % 3 === 1 ? rangedHi : infeasible);
      const r = await session.solve();
      expect(r.status).toBe(k % 3 === 2 ? "infeasible" : "optimal");
    }
    await session.dispose();
  });
});

describe("warm re-solves that end unbounded", () => {
  it("are solved again from scratch: a really unbounded model still says so, a bounded one is optimal", async () => {
    // min −x − y, x − y ≤ 1, y ≤ 3: optimal at (4, 3); freeing y makes it unbounded, bounding y again
    // makes it optimal once more, each from the previous solve's basis.
    const model = { ...unbounded, variables: unbounded.variables.map((v, j) => (j === 1 ? { ...v, ub: 3 } : v)) };
    const session = new HighsSession(new HighsRuntime());
    await session.load(model);
    expect((await session.solve()).objective).toBeCloseTo(-7, 9);
    await session.setColBounds([{ index: 1, lb: 0, ub: Infinity }]);
    expect((await session.solve()).status).toBe("unbounded");
    await session.setColBounds([{ index: 1, lb: 0, ub: 2 }]);
    const again = await session.solve();
    expect(again.status).toBe("optimal");
    expect(again.objective).toBeCloseTo(-5, 9);
    await session.dispose();
  });
});

describe("interior point with crossover (algorithm: ipm)", () => {
  it("reaches the simplex optimum, duals, ranges and basis responses, and leaves a basis to re-solve from", async () => {
    const model = allocationLp({ regions: 3, seed: 5 });
    const simplex = new HighsSession(new HighsRuntime());
    const ipm = new HighsSession(new HighsRuntime());
    await simplex.load(model);
    await ipm.load(model);
    const a = await simplex.solve();
    const b = await ipm.solve({ algorithm: "ipm" });
    expect(b.status).toBe("optimal");
    expect(Math.abs(b.objective - a.objective)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a.objective)));
    expect(b.duals).not.toBeNull();
    const [ra, rb] = [await simplex.rowRanges(), await ipm.rowRanges()];
    expect(rb).not.toBeNull();
    expect(rb!.length).toBe(ra!.length);
    expect(await ipm.rhsSensitivity([0])).not.toBeNull();
    // A warm re-solve after a bound change starts from the crossover basis.
    await ipm.setRowBounds([{ index: 0, lb: model.rows[0].lb, ub: model.rows[0].ub }]);
    const again = await ipm.solve();
    expect(again.status).toBe("optimal");
    expect(Math.abs(again.objective - a.objective)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a.objective)));
    await simplex.dispose();
    await ipm.dispose();
  });
});

describe("HiGHS 'infeasible or unbounded' is settled by a feasibility solve", () => {
  it.each([
    [10, unbounded],
    [8, infeasible],
  ] as const)("status %s", async (expected, model) => {
    const runtime = new HighsRuntime();
    const highs = await runtime.acquire();
    const a = modelArrays(model);
    const m = highs.createModel({
      numCols: a.numCols, numRows: a.numRows, colCost: a.colCost, colLower: a.colLower, colUpper: a.colUpper,
      rowLower: a.rows.lower, rowUpper: a.rows.upper,
      matrix: { format: "csr", numRows: a.numRows, numCols: a.numCols, starts: a.rows.starts, indices: a.rows.indices, values: a.rows.values },
    });
    m.options.set({ output_flag: false });
    expect(settleInfeasibleOrUnbounded(m, a.colCost)).toBe(expected);
    expect(Array.from(m.getLp().colCost)).toEqual(Array.from(a.colCost)); // objective restored
    m.dispose();
  });
});

describe("the solver thread", () => {
  it("solves like the in-thread session and keeps the model between solves", async () => {
    const remote = new RemoteSession();
    const local = new HighsSession(new HighsRuntime());
    for (const s of [remote, local]) await s.load(rangedHi);
    const [r, l] = await Promise.all([remote.solve(), local.solve()]);
    expect(r.status).toBe("optimal");
    expect(r.objective).toBe(l.objective);
    expect([...r.primal]).toEqual([...l.primal]);
    expect([...r.duals!]).toEqual([...l.duals!]);
    // A bound change on the kept model: the lower side of the ranged row now binds.
    await remote.setRowBounds([{ index: 0, lb: 4.5, ub: 4.5 }]);
    const moved = await remote.solve();
    expect(moved.status).toBe("optimal");
    expect(moved.primal[0] + moved.primal[1]).toBeCloseTo(4.5, 9);
    await Promise.all([remote.dispose(), local.dispose()]);
  });

  it("a warm-up started before the first session answers nobody: sessions opened during it get their own replies", async () => {
    await stopSolverThread();
    warmUpSolverThread(); // a fresh thread compiles HiGHS while the sessions below queue behind it
    const sessions = [new RemoteSession(), new RemoteSession()];
    await Promise.all(sessions.map((s, i) => s.load(i === 0 ? rangedHi : smallMilp)));
    const [a, b] = await Promise.all(sessions.map((s) => s.solve()));
    expect(a.objective).toBe((await solveAlone(rangedHi)).objective);
    expect(b.objective).toBe((await solveAlone(smallMilp)).objective);
    await Promise.all(sessions.map((s) => s.dispose()));
  });
});

async function solveAlone(model: typeof rangedHi) {
  const s = new HighsSession(new HighsRuntime());
  await s.load(model);
  try {
    return await s.solve();
  } finally {
    await s.dispose();
  }
}

describe("solver choice", () => {
  /** One solve of `model` in the session `--solver requested` opens for it. */
  async function solveIn(model: LinearModel, requested: "auto" | "highs" | "jslp") {
    const session = sessionFor(model, requested);
    try {
      await session.load(model);
      return { session: session.solver, result: await session.solve() };
    } finally {
      await session.dispose();
    }
  }

  it("explicit requests are honoured and adapters are shared", async () => {
    expect((await solveIn(rangedHi, "highs")).result.solver).toBe("highs");
    expect((await solveIn(rangedHi, "jslp")).result.solver).toBe("jslp");
    expect(solverFor("highs")).toBe(solverFor("highs"));
  });

  it("auto: integer models and large models go to HiGHS", () => {
    expect(autoSolverName(smallMilp)).toBe("highs");
    expect(autoSolverName(allocationLp({ regions: 40 }))).toBe("highs");
    expect(sessionFor(allocationLp({ regions: 40 }), "auto").solver).toBe("highs");
  });

  it("auto: small continuous models try jslp first", async () => {
    expect(rangedHi.variables.length).toBeLessThanOrEqual(JSLP_MAX_COLUMNS);
    expect(autoSolverName(rangedHi)).toBe("jslp");
    const { result: r } = await solveIn(rangedHi, "auto");
    expect(r.status).toBe("optimal");
    expect(r.solver).toBe("jslp");
    expect(r.objective).toBeCloseTo(8.5, 9);
  });

  it("auto: whatever jslp does not prove optimal is settled by HiGHS", async () => {
    const { result: r } = await solveIn(infeasible, "auto");
    expect(r.status).toBe("infeasible");
    expect(r.solver).toBe("highs");
    expect(r.message).toMatch(/jslp infeasible.*re-solved with HiGHS/);
  });

  afterAll(() => (solverFor("jslp") as JslpAdapter).close());
});
