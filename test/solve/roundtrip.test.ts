/**
 * The exported CPLEX-LP file is read identically by CBC, GLPK and HiGHS: each native peer solves the
 * file and must match the HiGHS adapter's objective to 1e-6 relative (the objective constant rides
 * on `__const`, so the peers' own objective is directly comparable).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPeer, peerSkipReason, solveWithCbc, solveWithGlpk, type PeerResult } from "../../bench/peers.js";
import { toCplexLp } from "../../src/model/exportLp.js";
import { solverFor } from "../../src/solve/auto.js";
import type { LinearModel } from "../../src/model/types.js";
import { allocationLp } from "../../bench/allocationLp.js";
import { build, equalityFreeFixed, infeasible, rangedHi, rangedLo, smallMilp, unbounded } from "./fixtures.js";

const highs = solverFor("highs");
let dir = "";
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), "renewsim-roundtrip-"))));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function fileFor(model: LinearModel, name: string): Promise<string> {
  const path = join(dir, `${name}.lp`);
  await writeFile(path, toCplexLp(model, { title: name }));
  return path;
}

const awkward = build({
  // tiny and fractional coefficients, negative boxes, a fixed integer, a ranged equality-like row
  vars: { "a[x-1]": [-2.5, 3.25], "b:c": [0, Infinity, true], "2nd": [-Infinity, 10], fixedInt: [3, 3, true] },
  rows: [
    ["mix[a+b]", { "a[x-1]": 0.1, "b:c": 0.2, "2nd": 1e-6 }, -1, 0.7],
    ["link", { "2nd": 1, "b:c": -3 }, -Infinity, 4.125],
    ["eq", { "a[x-1]": 1, fixedInt: 1 }, 3.5, 3.5],
    ["empty", {}, -1, 1],
  ],
  obj: { "a[x-1]": 1 / 3, "b:c": -1, "2nd": -0.5, fixedInt: 2 },
  constant: 123.456,
});

/** Coefficients below 1e-6 print in exponent form (`2.5e-7`, `1e-12`); every reader must parse them. */
const exponents = build({
  vars: { x: [0, Infinity], y: [0, Infinity], w: [0, 1] },
  rows: [
    ["r", { x: 1, y: 2.5, w: -2.5e-7 }, 3, Infinity],
    ["s", { y: 1, x: -1e-8 }, -Infinity, 1e19],
  ],
  obj: { x: 1, y: 2, w: 3e-7 }, // w only hurts: w = 0, y = 1.2, objective 2.4
});

const models: Array<[string, LinearModel]> = [
  ["exponents", exponents],
  ["rangedHi", rangedHi],
  ["rangedLo", rangedLo],
  ["equalityFreeFixed", equalityFreeFixed],
  ["smallMilp", smallMilp],
  ["awkward", awkward],
  ["noRows", build({ vars: { x: [1, 3], y: [-2, 5, true] }, rows: [], obj: { x: 1, y: 2 }, constant: 1 })],
  ["allocationLp", allocationLp({ regions: 3, seed: 5 })],
  ["allocationMilp", allocationLp({ regions: 1, programs: 2, years: 3, integer: true, seed: 3 })],
];

const peers: Array<[string, (p: string) => Promise<PeerResult | null>, boolean]> = [
  ["cbc", solveWithCbc, findPeer("cbc") === null],
  ["glpsol", solveWithGlpk, findPeer("glpsol") === null],
];

describe.each(peers)("%s reads the export like HiGHS", (name, solve, absent) => {
  it.skipIf(absent).each(models)("%s: same objective", async (label, model) => {
    const ours = await highs.solve(model);
    expect(ours.status).toBe("optimal");
    const theirs = await solve(await fileFor(model, `${label}-${name}`));
    expect(theirs).not.toBeNull();
    expect(theirs!.status, theirs!.message).toBe("optimal");
    expect(Math.abs(theirs!.objective - ours.objective)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ours.objective)));
    expect(theirs!.seconds).toBeGreaterThan(0);
    expect(theirs!.solverSeconds).not.toBeNull();
  });

  it.skipIf(absent)("infeasible and unbounded files", async () => {
    expect((await solve(await fileFor(infeasible, `inf-${name}`)))!.status).toBe("infeasible");
    expect((await solve(await fileFor(unbounded, `unb-${name}`)))!.status).toBe("unbounded");
  });

  it.runIf(absent)("is skipped with a reason when not installed", () => {
    expect(peerSkipReason(name as "cbc" | "glpsol")).toMatch(/not found on PATH/);
  });
});

it("the exponent-form model is exported with exponents and solved to its hand optimum", async () => {
  const text = toCplexLp(exponents);
  expect(text).toContain(" r: + x + 2.5 y - 2.5e-7 w >= 3\n");
  expect(text).toContain(" s: + y - 1e-8 x <= 10000000000000000000\n");
  expect(text).toContain("obj: + x + 2 y + 3e-7 w\n");
  const r = await highs.solve(exponents);
  expect(r.objective).toBeCloseTo(2.4, 9);
});

it("awkward model is solved to the hand-checked optimum by HiGHS", async () => {
  // eq fixes a = 0.5; link: 2nd <= 4.125 + 3b; mix: 0.05 + 0.2b + 1e-6·2nd <= 0.7 → b <= 3 (integer),
  // 2nd <= 10 and <= 4.125 + 3b = 13.125 → 2nd = 10; objective 1/6 - 3 - 5 + 6 + 123.456.
  const r = await highs.solve(awkward);
  expect(r.status).toBe("optimal");
  expect([...r.primal]).toEqual([0.5, 3, 10, 3].map((v) => expect.closeTo(v, 7)));
  expect(r.objective).toBeCloseTo(1 / 6 - 3 - 5 + 6 + 123.456, 7);
});
