import { describe, expect, it } from "vitest";
import { Defaulted, withFlagDefaults } from "../../src/finance/compare/flagDefaults.js";
import { diffInputs } from "../../src/finance/compare/inputDiff.js";
import { scenarioJsonSchema } from "../../src/scenario/jsonSchema.js";

/** A small input.yaml with one record of each kind that holds a flag, none of them written. */
const input = (extra: Record<string, unknown> = {}) => ({
  programs: [{ id: "retrofit" }],
  sources: [{ id: "c", links: [{ id: "l", of: "d" }] }],
  actuals: [{ region: "gz", program: "retrofit", year: 2023, started: 5 }, { region: "gz", program: "retrofit", year: 2024, started: 2 }],
  ...extra,
});

describe("flags left out of input.yaml compare as their defaults", () => {
  it("integer, carryover, each_child, partial and smoothing read false when left out", () => {
    const written = input({
      programs: [{ id: "retrofit", integer: false }],
      sources: [{ id: "c", carryover: "否", links: [{ id: "l", of: "d", each_child: false }] }],
      actuals: [{ region: "gz", program: "retrofit", year: 2023, started: 5, partial: false }, { region: "gz", program: "retrofit", year: 2024, started: 2 }],
      objective: { smoothing: false },
    });
    expect(diffInputs([input(), written])).toEqual([]);
    expect(diffInputs([written, input({ objective: {} })])).toEqual([]);
    expect(diffInputs([input(), input({ programs: [{ id: "retrofit", integer: true }], objective: { smoothing: true } })])).toEqual([
      { path: "programs[retrofit].integer", values: ["(absent: false)", "true"] },
      { path: "objective.smoothing", values: ["(absent: false)", "true"] },
    ]);
    // A record a folder does not hold gets no defaults: its own keys show the difference, in one row.
    expect(diffInputs([input(), input({ programs: [{ id: "retrofit" }, { id: "village", integer: false }] })])).toEqual([
      { path: "programs[village]", values: [null, "id: village, integer: false"] },
    ]);
  });

  it("with as_of, a left-out partial reads as the date says: the year the date falls in is partial", () => {
    const dated = (partial2024: boolean | undefined) => ({
      ...input(),
      as_of: "2024-09-30",
      actuals: [{ region: "gz", program: "retrofit", year: 2023, started: 5 }, { region: "gz", program: "retrofit", year: 2024, started: 2, ...(partial2024 === undefined ? {} : { partial: partial2024 }) }],
    });
    expect(diffInputs([dated(undefined), dated(true)])).toEqual([]);
    expect(diffInputs([dated(undefined), dated(false)])).toEqual([{ path: "actuals[gz/retrofit/2024].partial", values: ["(absent: true)", "false"] }]);
  });
});

describe("the flags compare fills in", () => {
  it("are every true/false key of the scenario schema (a flag added to the schema must get its default here)", () => {
    const inSchema = new Set<string>();
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach((n) => walk(n, path));
      const record = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(record)) {
        if (key !== "properties" || value === null || typeof value !== "object") {
          walk(value, path);
          continue;
        }
        for (const [name, schema] of Object.entries(value as Record<string, { description?: string }>)) {
          if (schema?.description?.startsWith("true or false")) inSchema.add(`${path}.${name}`);
          walk(schema, `${path}.${name}`);
        }
      }
    };
    walk(scenarioJsonSchema(), "");
    const filled = new Set<string>();
    const collect = (node: unknown, path: string): void => {
      if (node instanceof Defaulted) return void filled.add(path);
      if (Array.isArray(node)) return node.forEach((n) => collect(n, path));
      if (node !== null && typeof node === "object") for (const [k, v] of Object.entries(node)) collect(v, `${path}.${k}`);
    };
    collect(withFlagDefaults(input()), "");
    expect(inSchema.size).toBeGreaterThanOrEqual(5);
    expect([...filled].sort()).toEqual([...inSchema].sort());
  });
});
