/**
 * Messages for values the schema refuses: a number too large to hold (`1e400`, which YAML and CSV
 * read as infinite) is named as the file writes it, in YAML, in a CSV cell and in the
 * `uncertainty:` section; `.inf` written as such is named as infinite.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { ScenarioError } from "../../src/scenario/problems.js";
import { errorFor, expectProblem, lineOf, patch, writeFiles } from "./helpers.js";

const TOO_LARGE = "is too large to hold as a number";

describe("a number too large to hold", () => {
  it("is named as written in the YAML and called too large, in a count, an amount and a rate", () => {
    const yaml = patch(
      ["at_least: 150}", "at_least: 1e400}"],
      ['per_year: "3亿"}', "per_year: 2.5E+999}"],
      ["    spend_profile: [0.6, 0.4]\n", "    spend_profile: [0.6, 0.4]\n    escalation: -1e400\n"],
    );
    const { error } = errorFor(yaml);
    expect(expectProblem(error, "targets[0].at_least", lineOf(yaml, "1e400}"))).toContain(`targets[0].at_least: 1e400 ${TOO_LARGE}`);
    expect(expectProblem(error, "sources[0].budgets[0].per_year", lineOf(yaml, "2.5E+999"))).toContain(`2.5E+999 ${TOO_LARGE}`);
    expect(expectProblem(error, "programs[0].escalation", lineOf(yaml, "-1e400"))).toContain(`-1e400 ${TOO_LARGE}`);
    expect(error.message).not.toContain(".inf");
  });

  it("is named as written in a CSV cell, at its row", () => {
    const yaml = patch(["      - {region: gz, stock: 100}\n      - {region: sz, stock: 80}\n", "      - {file: leaves.csv}\n"]);
    const { error } = errorFor(yaml, { "leaves.csv": "region,stock\ngz,100\nsz,1e400\n" });
    expect(expectProblem(error, "programs[0].by_region[1].stock", 3, "leaves.csv")).toContain(`1e400 ${TOO_LARGE}`);
  });

  it("is named as written in the uncertainty section", () => {
    const yaml = `${patch()}uncertainty:\n  inputs:\n    - {id: cost, applies_to: unit_cost, dist: {type: uniform, min: 0.8, max: 1e400}}\n`;
    const file = join(writeFiles({ "s.yaml": yaml }), "s.yaml");
    let error: unknown;
    try {
      loadCheckedScenario(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect(expectProblem(error as ScenarioError, "uncertainty.inputs[0].dist.max", lineOf(yaml, "1e400"))).toContain(`1e400 ${TOO_LARGE}`);
  });

  it("is not claimed for .inf, which is written infinite", () => {
    const yaml = patch(["at_least: 150}", "at_least: .inf}"]);
    const { error } = errorFor(yaml);
    expect(expectProblem(error, "targets[0].at_least", lineOf(yaml, ".inf}"))).toContain("at_least: .inf is infinite");
  });
});
