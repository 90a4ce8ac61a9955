import { describe, expect, it } from "vitest";
import { exportCplexLp, sanitiseLpName, toCplexLp } from "../../src/model/exportLp.js";
import { build, equalityFreeFixed, rangedHi, smallMilp } from "../solve/fixtures.js";
import { allocationLp } from "../../bench/allocationLp.js";
import { modelArrays } from "../../src/solve/modelData.js";

describe("sanitiseLpName", () => {
  it("keeps planning names readable", () => {
    expect(sanitiseLpName("funds[guangzhou-urban,retrofit,2023,central]")).toBe("funds(guangzhou_urban,retrofit,2023,central)");
    expect(sanitiseLpName("budget[central,guangzhou,2023]")).toBe("budget(central,guangzhou,2023)");
  });

  it("replaces every character some reader rejects", () => {
    expect(sanitiseLpName("a+b*c:d<e>f=g h/i^j")).toBe("a_b_c_d_e_f_g_h_i_j");
    expect(sanitiseLpName("x[广州]")).toBe("x(u5e7fu5dde)");
  });

  it("never starts with a digit or period and never is a keyword", () => {
    expect(sanitiseLpName("2023-target")).toBe("_2023_target");
    expect(sanitiseLpName(".x")).toBe("_.x");
    expect(sanitiseLpName("")).toBe("_");
    for (const k of ["free", "Inf", "infinity", "end", "st", "bounds", "General", "binary", "obj_ok"]) {
      const s = sanitiseLpName(k);
      expect(["free", "inf", "infinity", "end", "st", "bounds", "general", "binary"]).not.toContain(s.toLowerCase());
    }
  });

  it("stays within 255 characters", () => {
    expect(sanitiseLpName("x".repeat(400))).toHaveLength(255);
  });
});

describe("exportCplexLp", () => {
  it("writes the sections in order, with ranged rows split, equalities, bounds and generals", () => {
    const m = build({
      vars: { "starts[gz,retrofit,2023]": [0, 40, true], "free[x]": [-Infinity, Infinity], fixed: [2, 2], neg: [-Infinity, -1], box: [-3, 4], lower: [1, Infinity] },
      rows: [
        ["budget[central,gz,2023]", { "starts[gz,retrofit,2023]": 2.5, "free[x]": -1 }, 1, 9],
        ["balance", { fixed: 1, box: 1 }, 0, 0],
        ["cap", { lower: 1 }, -Infinity, 7],
      ],
      obj: { "starts[gz,retrofit,2023]": 1 },
    });
    const text = toCplexLp(m, { title: "demo\nplan" });
    const sections = ["Minimize", "Subject To", "Bounds", "General", "End"].map((s) => text.indexOf(`\n${s}\n`));
    expect(sections.every((p, i) => p > 0 && (i === 0 || p > sections[i - 1]))).toBe(true);
    expect(text).toContain("\\ demo plan\n");
    // The model's 3 rows (run.json's count) are 4 constraints in the file: a reader counting needs both.
    expect(text).toContain("\\ 6 variables, 3 rows: 4 constraints below (1 ranged row split into _lo/_hi)\n");
    expect(text).toContain(" budget(central,gz,2023)_lo: + 2.5 starts(gz,retrofit,2023) - free(x) >= 1\n");
    expect(text).toContain(" budget(central,gz,2023)_hi: + 2.5 starts(gz,retrofit,2023) - free(x) <= 9\n");
    expect(text).toContain(" balance: + fixed + box = 0\n");
    expect(text).toContain(" cap: + lower <= 7\n");
    expect(text).toContain(" 0 <= starts(gz,retrofit,2023) <= 40\n");
    expect(text).toContain(" free(x) free\n");
    expect(text).toContain(" fixed = 2\n");
    expect(text).toContain(" -inf <= neg <= -1\n");
    expect(text).toContain(" -3 <= box <= 4\n");
    expect(text).toContain(" lower >= 1\n");
    expect(text).toMatch(/General\n starts\(gz,retrofit,2023\)\nEnd/);
    expect(text).not.toContain("__const"); // no constant, no empty rows
  });

  it("returns the name map, row parts in file order", () => {
    const { names } = exportCplexLp(rangedHi);
    expect(names.variables).toEqual(["x", "y"]);
    expect(names.rows).toEqual([["c1"], ["c2_lo", "c2_hi"]]);
    expect(names.rowParts.map((p) => [p.row, p.lpName, p.sense, p.rhs])).toEqual([
      [0, "c1", ">=", 4],
      [1, "c2_lo", ">=", -2],
      [1, "c2_hi", "<=", 1],
    ]);
    expect(names.constantColumn).toBe("__const");
  });

  it("carries the objective constant on a fixed __const column", () => {
    const text = toCplexLp(equalityFreeFixed);
    expect(text).toMatch(/obj: .* - 1 __const\n/);
    expect(text).toContain(" __const = 1\n");
  });

  it("writes an empty row against __const, and an empty objective as 0 __const", () => {
    const m = build({ vars: { x: [0, 1] }, rows: [["nothing", {}, -1, 2]], obj: {} });
    const text = toCplexLp(m);
    expect(text).toContain(" obj: + 0 __const\n");
    expect(text).toContain(" nothing_lo: 0 __const >= -1\n");
    expect(text).toContain(" nothing_hi: 0 __const <= 2\n");
  });

  it("writes a placeholder row when the model has none (GLPK rejects an empty Subject To)", () => {
    const { text, names } = exportCplexLp(build({ vars: { x: [0, 1] }, rows: [], obj: { x: 1 } }));
    expect(text).toContain("Subject To\n __no_rows: 0 __const >= 0\nBounds");
    expect(names.rowParts).toEqual([{ row: -1, lpName: "__no_rows", sense: ">=", rhs: 0 }]);
  });

  it("makes colliding names unique with ~2, ~3 and keeps reserved names free", () => {
    const m = build({
      vars: { "a-b": [0, 1], a_b: [0, 1], "a+b": [0, 1], __const: [0, 1] },
      rows: [["obj", { "a-b": 1 }, 0, Infinity], ["r", { a_b: 1 }, 0, 1], ["r_lo", { a_b: 1 }, 0, Infinity]],
      obj: { "a-b": 1 },
      constant: 5,
    });
    const { names } = exportCplexLp(m);
    expect(names.variables).toEqual(["a_b", "a_b~2", "a_b~3", "__const~2"]);
    expect(names.constantColumn).toBe("__const");
    expect(names.rows).toEqual([["obj~2"], ["r_lo", "r_hi"], ["r_lo~2"]]);
  });

  it("sums duplicate terms and drops zero coefficients", () => {
    const m = build({ vars: { x: [0, 1], y: [0, 1] }, rows: [], obj: {} });
    m.rows.push({ ref: { family: "other", name: "dup" }, terms: [{ v: 0, c: 1 }, { v: 1, c: 0 }, { v: 0, c: 2 }], lb: 1, ub: Infinity });
    expect(toCplexLp(m)).toContain(" dup: + 3 x >= 1\n");
  });

  it("drops numerically zero coefficients by the same rule as the arrays HiGHS gets", () => {
    // A term that cancels to float noise (a λ column, a margin row) must not reach CBC/GLPK when
    // HiGHS never saw it: the audit would solve a different model.
    const m = build({ vars: { x: [0, 1], y: [0, 1] }, rows: [], obj: {} });
    m.rows.push({ ref: { family: "other", name: "noise" }, terms: [{ v: 0, c: 1 }, { v: 1, c: 0.1 + 0.2 - 0.3 }], lb: 1, ub: Infinity });
    expect(toCplexLp(m)).toContain(" noise: + x >= 1\n");
    expect(modelArrays(m).rows.indices).toEqual(Int32Array.from([0]));
  });

  it("writes numbers at full precision in forms the readers accept", () => {
    const m = build({
      vars: { x: [0, 1e21], y: [0, 1] },
      rows: [["r", { x: 1e-12, y: 1e21 }, -Infinity, 1e19]],
      obj: { x: 1 / 3, y: 0.1 + 0.2 },
    });
    const text = toCplexLp(m);
    expect(text).toContain(" r: + 1e-12 x + 1e+21 y <= 10000000000000000000\n");
    expect(text).toContain("obj: + 0.3333333333333333 x + 0.30000000000000004 y\n");
    expect(text).toContain("Bounds\n 0 <= y <= 1\nEnd"); // x's ub 1e21 >= 1e20 is infinite: default bounds
  });

  it("treats bounds of magnitude >= 1e20 as infinite", () => {
    const m = build({ vars: { x: [-1e20, 1e30] }, rows: [["r", { x: 1 }, -1e25, 1e20]], obj: { x: 1 } });
    const text = toCplexLp(m);
    expect(text).toContain(" x free\n");
    expect(text).not.toContain(" r:"); // both row bounds infinite: a free row is not written
  });

  it("rejects non-finite coefficients with a message naming the place", () => {
    const m = build({ vars: { x: [0, 1] }, rows: [["r", { x: Infinity }, 0, 1]], obj: {} });
    expect(() => toCplexLp(m)).toThrow(/coefficient of x in r is Infinity/);
  });

  it("keeps every line under 500 characters on a real-sized model", () => {
    const text = toCplexLp(allocationLp({ regions: 21 }));
    const longest = Math.max(...text.split("\n").map((l) => l.length));
    expect(longest).toBeLessThan(500);
    expect(text.split("\n").length).toBeGreaterThan(3000);
  });

  it("writes integer columns of a MILP under General", () => {
    expect(toCplexLp(smallMilp)).toMatch(/General\n a b\nEnd\n$/);
  });
});
