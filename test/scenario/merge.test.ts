import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyLayer, listKeying } from "../../src/scenario/merge.js";
import { PositionTable } from "../../src/scenario/positions.js";
import { ProblemLog } from "../../src/scenario/problems.js";

type Doc = Record<string, unknown>;
const ctx = () => ({ positions: new PositionTable(), problems: new ProblemLog() });
const mergeAll = (...layers: Doc[]): Doc => layers.reduce((acc, l) => applyLayer(acc, l, ctx()), {} as Doc);

describe("merge semantics", () => {
  it("deep-merges mappings, later layers winning on scalars", () => {
    const out = mergeAll({ horizon: { start: 2021, end: 2025 }, name: "a" }, { horizon: { end: 2027 } });
    expect(out).toEqual({ horizon: { start: 2021, end: 2027 }, name: "a" });
  });

  it("merges record lists by id: same id deep-merges in place, new ids append in order", () => {
    const out = mergeAll(
      { programs: [{ id: "a", name: "A", shares: { gov: { max: 0.5 } } }, { id: "b" }] },
      { programs: [{ id: "c" }, { id: "a", shares: { gov: { min: 0.1 }, res: { max: 0.1 } } }] },
    );
    expect(out.programs).toEqual([
      { id: "a", name: "A", shares: { gov: { max: 0.5, min: 0.1 }, res: { max: 0.1 } } },
      { id: "b" },
      { id: "c" },
    ]);
  });

  it("merges records without ids by region (with program and year when present)", () => {
    const out = mergeAll(
      {
        budgets: [{ region: "gz", per_year: 1 }, { region: "sz", per_year: 2 }],
        actuals: [{ region: "gz", program: "p", year: 2021, started: 1 }, { region: "gz", program: "p", year: 2022, started: 2 }],
      },
      {
        budgets: [{ region: "sz", by_year: { "2023": 5 } }],
        actuals: [{ region: "gz", program: "p", year: 2022, started: 9 }, { region: "gz", program: "q", year: 2022, started: 3 }],
      },
    );
    expect(out.budgets).toEqual([{ region: "gz", per_year: 1 }, { region: "sz", per_year: 2, by_year: { "2023": 5 } }]);
    expect(out.actuals).toEqual([
      { region: "gz", program: "p", year: 2021, started: 1 },
      { region: "gz", program: "p", year: 2022, started: 9 },
      { region: "gz", program: "q", year: 2022, started: 3 },
    ]);
  });

  it("null removes a key, at any depth", () => {
    const out = mergeAll({ objective: { smoothing: true }, a: { b: 1, c: 2 } }, { objective: null, a: { c: null } });
    expect(out).toEqual({ a: { b: 1 } });
  });

  it("null in the first layer just leaves the key out", () => {
    expect(mergeAll({ regions: [{ id: "gd", parent: null }] })).toEqual({ regions: [{ id: "gd" }] });
  });

  it("_delete removes a record; deleting a missing one is a problem", () => {
    const problems = new ProblemLog();
    const base = { regions: [{ id: "a" }, { id: "b" }, { id: "c" }] };
    const out = applyLayer(base, { regions: [{ id: "b", _delete: true }, { id: "zz", _delete: true }] }, {
      positions: new PositionTable(),
      problems,
    });
    expect(out.regions).toEqual([{ id: "a" }, { id: "c" }]);
    expect(problems.problems.map((p) => p.message)).toEqual(['nothing to delete: no earlier layer has a record with id "zz"']);
  });

  it("replaces scalar lists and lists that are not all records", () => {
    const out = mergeAll({ spend_profile: [0.5, 0.5], capacity: [{ id: "c", programs: ["a", "b"] }] }, {
      spend_profile: [1],
      capacity: [{ id: "c", programs: ["b"] }],
    });
    expect(out).toEqual({ spend_profile: [1], capacity: [{ id: "c", programs: ["b"] }] });
  });

  it("does not modify its inputs", () => {
    const base = { programs: [{ id: "a", shares: { g: { max: 1 } } }] };
    const copy = structuredClone(base);
    applyLayer(base, { programs: [{ id: "a", shares: { g: { max: 0.5 } } }] }, ctx());
    expect(base).toEqual(copy);
  });

  it("replaces a mapping whose type a layer changes; one keeping its type, or naming none, merges", () => {
    const dist = { type: "triangular", min: 0.9, mode: 1, max: 1.3 };
    const base = { uncertainty: { inputs: [{ id: "cost", applies_to: "unit_cost", dist }] } };
    const out = mergeAll(base, { uncertainty: { inputs: [{ id: "cost", dist: { type: "normal", mean: 1, sd: 0.1, min: 0 } }] } });
    expect(out.uncertainty).toEqual({ inputs: [{ id: "cost", applies_to: "unit_cost", dist: { type: "normal", mean: 1, sd: 0.1, min: 0 } }] });
    expect(mergeAll({ dist }, { dist: { max: 1.5 } })).toEqual({ dist: { ...dist, max: 1.5 } });
    expect(mergeAll({ dist }, { dist: { type: "triangular", max: 1.5 } })).toEqual({ dist: { ...dist, max: 1.5 } });
    expect(mergeAll({ dist }, { dist: { type: null, mode: null } })).toEqual({ dist: { min: 0.9, max: 1.3 } });
  });

  it("a replaced mapping's values point at the layer that replaced it", () => {
    const positions = new PositionTable();
    const base = { dist: { type: "triangular", min: 0.9, mode: 1, max: 1.3 } };
    const over = { dist: { type: "normal", mean: 1, sd: -1 } };
    positions.set(base.dist, "min", { file: "base.yaml", line: 3 });
    positions.set(over, "dist", { file: "over.yaml", line: 1 });
    positions.set(over.dist, "sd", { file: "over.yaml", line: 2 });
    const out = applyLayer(base, over, { positions });
    const fallback = { file: "?", line: null };
    expect(positions.locate(out, ["dist", "sd"], fallback)).toEqual({ file: "over.yaml", line: 2 });
    expect(positions.locate(out, ["dist", "min"], fallback)).toEqual({ file: "over.yaml", line: 1 }); // gone: its record
  });

  it("keys lists by id, else by region, else not at all", () => {
    expect(listKeying([{ id: "a" }, { id: 3 }])?.({ id: 3 })).toBe("id:3");
    expect(listKeying([{ region: "a" }, { region: "b", year: 2021 }])).not.toBeNull();
    expect(listKeying([{ id: "a" }, { region: "b" }])).toBeNull();
    expect(listKeying([1, 2])).toBeNull();
  });
});

// Generated layers: an id-keyed record list with nested mappings, plus scalars, with the same
// type for a key in every layer (a key that changes type is replaced, which is order-sensitive).
const ids = fc.constantFrom("a", "b", "c", "d", "e");
const record = fc.record(
  { id: ids, v: fc.integer(), tags: fc.record({ x: fc.integer(), y: fc.string() }, { requiredKeys: [] }) },
  { requiredKeys: ["id"] },
);
const layer = fc.record(
  {
    name: fc.string(),
    list: fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 5 }),
    nested: fc.record({ p: fc.integer(), q: fc.array(fc.integer(), { maxLength: 3 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

describe("merge properties", () => {
  it("is associative: (a ⊕ b) ⊕ c equals a ⊕ (b ⊕ c)", () => {
    fc.assert(
      fc.property(layer, layer, layer, (a, b, c) => {
        const left = applyLayer(applyLayer(a, b, ctx()), c, ctx());
        const right = applyLayer(a, applyLayer(b, c, ctx()), ctx());
        expect(right).toEqual(left);
      }),
      { numRuns: 300 },
    );
  });

  it("applying the same layer twice changes nothing", () => {
    fc.assert(
      fc.property(layer, layer, (a, b) => {
        const once = applyLayer(a, b, ctx());
        expect(applyLayer(once, b, ctx())).toEqual(once);
      }),
    );
  });

  it("_delete removes exactly the named record and keeps the others in order", () => {
    fc.assert(
      fc.property(layer, ids, (a, id) => {
        const before = mergeAll(a);
        const after = applyLayer(before, { list: [{ id, _delete: true }] }, ctx());
        const kept = ((before.list as Doc[] | undefined) ?? []).filter((r) => r.id !== id);
        expect((after.list as Doc[] | undefined) ?? []).toEqual(kept);
      }),
    );
  });
});
