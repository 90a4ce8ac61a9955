/**
 * How a YAML layer is read: merge keys (`<<: *base`), with which planners share settings between
 * programmes, and the lines that problems inside merged content are reported at.
 */
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { PositionTable } from "../../src/scenario/positions.js";
import { ProblemLog } from "../../src/scenario/problems.js";
import { parseYamlLayer } from "../../src/scenario/yamlFile.js";
import { errorFor, expectProblem, lineOf, patch, writeFiles } from "./helpers.js";

/** BASE with a second programme that merges the first (`&base` … `<<: *base`) and overrides `extra`. */
function withMergedProgram(extra: string, shared = "    unit_cost: 3000000\n"): string {
  return patch(
    ["  - id: retrofit\n    unit_cost: 3000000\n", `  - &base\n    id: retrofit\n${shared}`],
    ["\nsources:", `\n  - <<: *base\n    id: retrofit2\n${extra}sources:`],
  );
}

function parse(text: string): { value: Record<string, unknown> | undefined; problems: ProblemLog; positions: PositionTable } {
  const positions = new PositionTable();
  const problems = new ProblemLog();
  return { value: parseYamlLayer("/x/s.yaml", text, positions, problems), problems, positions };
}

describe("YAML merge keys", () => {
  it("merge a mapping's keys into a record, its own keys outranking them wherever they stand", () => {
    const { value, problems, positions } = parse("a: &x {p: 1, q: 2}\nb:\n  q: 3\n  <<: *x\n  r: 4\nc:\n  <<: [{p: 5}, *x]\n");
    expect(problems.count).toBe(0);
    expect(value).toEqual({ a: { p: 1, q: 2 }, b: { q: 3, p: 1, r: 4 }, c: { p: 5, q: 2 } });
    const b = value!.b as object;
    expect(positions.get(b, "p")?.line).toBe(1); // where the merged value is written
    expect(positions.get(b, "q")?.line).toBe(3);
  });

  it("plan a programme that shares another's settings through `<<: *base`", () => {
    const text = withMergedProgram("    integer: true\n");
    const dir = writeFiles({ "s.yaml": text });
    const loaded = loadScenario(join(dir, "s.yaml"));
    const [first, second] = loaded.scenario.programs;
    expect(second.id).toBe("retrofit2");
    expect(second.integer).toBe(true);
    expect(second.leaves.map((l) => [l.region, l.stock])).toEqual(first.leaves.map((l) => [l.region, l.stock]));
    expect(second.spendProfile).toEqual([0.6, 0.4]);
  });

  it("report a problem inside merged content at the line where the value is written, under the merging record's path", () => {
    const text = withMergedProgram("", '    unit_cost: "3百万"\n');
    const { error } = errorFor(text);
    const line = lineOf(text, "3百万");
    expectProblem(error, "programs[0].unit_cost", line, "s.yaml", "is not an amount");
    expectProblem(error, "programs[1].unit_cost", line, "s.yaml", "is not an amount");
    expect(error.message).not.toContain("<<");
  });

  it("report a value of the merging record itself at its own line", () => {
    const text = withMergedProgram('    unit_cost: "2亿x"\n');
    const { error } = errorFor(text);
    expectProblem(error, "programs[1].unit_cost", lineOf(text, "2亿x"), "s.yaml", "is not an amount");
    expect(error.problems.filter((p) => p.path === "programs[0].unit_cost")).toEqual([]);
  });

  it("refuse a merge key whose value is not a mapping, at its line", () => {
    for (const [text, line] of [["a:\n  p: 1\n  <<: 3\n", 3], ["x: &x 3\na:\n  p: 1\n  <<: [*x]\n", 4]] as const) {
      const { value, problems } = parse(text);
      expect(value).toBeUndefined();
      expect(problems.problems).toMatchObject([{ path: "a", line, message: expect.stringMatching(/merge key `<<` takes an alias of a mapping/) }]);
    }
  });

  it("count what merge keys repeat against the expansion limit (a merge-key bomb stops)", () => {
    const levels = Array.from({ length: 40 }, (_, i) => `l${i + 1}: &l${i + 1} {<<: [*l${i}], k${i}: {<<: *l${i}}}`);
    const { value, problems } = parse(["l0: &l0 {a: 1, b: 2}", ...levels].join("\n"));
    expect(value).toBeUndefined();
    expect(problems.problems[0].message).toMatch(/expands to more than|more than 10,000 aliases/);
  });

  it("refuse a merge of a list of non-mappings once, counting its items against the expansion limit", () => {
    // An aliased list of scalars merged many times was one refusal per item per merge: hours of work.
    const once = parse("a: &a [1, 2, 3]\nb: {<<: *a}\n");
    expect(once.problems.problems.filter((p) => /merge key/.test(p.message))).toHaveLength(1);
    const items = Array.from({ length: 2_000 }, () => "0").join(",");
    const merges = Array.from({ length: 200 }, (_, i) => `b${i}: {<<: *a}`);
    const added = vi.spyOn(ProblemLog.prototype, "add");
    const bomb = parse([`a: &a [${items}]`, ...merges].join("\n"));
    expect(bomb.value).toBeUndefined();
    expect(added.mock.calls.length).toBeLessThanOrEqual(201); // one per merge, not 400,000
    added.mockRestore();
  });

  it("keep a quoted '<<' an ordinary (unknown) key", () => {
    const { error } = errorFor(patch(["    unit_cost: 3000000\n", "    unit_cost: 3000000\n    '<<': {unit: x}\n"]));
    expect(error.message).toMatch(/unknown key "<<"/);
  });
});
