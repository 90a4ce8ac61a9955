/** `simulate --help` lists every command from the table; each summary is the command module's own. */
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS, invokedCommand } from "../../src/cli/commandTable.js";
import { runCli } from "./run.js";

describe("command table", () => {
  it("summaries and usages match what each command module registers", async () => {
    for (const entry of COMMANDS) {
      const program = new Command("simulate");
      (await entry.load())(program);
      const command = program.commands.find((c) => c.name() === entry.name)!;
      expect(command, entry.name).toBeDefined();
      expect(command.description()).toBe(entry.summary);
      expect(`${command.name()} ${command.usage()}`.replace(/ \[options\]/, "").trim()).toBe(entry.usage);
    }
  });

  it("finds the command argv runs: named, the default for a file, none for --help", () => {
    expect(invokedCommand(["--help"])).toBeNull();
    expect(invokedCommand(["validate", "s.yaml"])?.name).toBe("validate");
    expect(invokedCommand(["--debug", "stress", "s.yaml", "--cut", "government=10%"])?.name).toBe("stress");
    expect(invokedCommand(["scenarios/gd.yaml", "--draws", "100"])?.name).toBe("plan");
    expect(invokedCommand(["help", "min-budget"])?.name).toBe("min-budget");
  });

  it("lists the commands when nothing is asked, and names a mistyped command as one", async () => {
    const none = await runCli();
    expect(none.code).toBe(2);
    for (const c of COMMANDS) expect(none.stderr).toContain(c.name);
    const typo = await runCli("stres", "scenarios/guangdong-retrofit-2021-2025.yaml");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown command "stres" (did you mean "stress"?)');
    const word = await runCli("budgets");
    expect(word.code).toBe(2);
    expect(word.stderr).toMatch(/"budgets" is neither a command \(plan, validate, .*\) nor a scenario file/);
    // An option first, or a path, is still the default command's business.
    const missing = await runCli("--solver", "highs", "no-such-file.yaml");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.yaml: it does not exist|does not exist/);
    // An option that is a scenario setting says where it lives (a county planner tried --integer).
    const integer = await runCli("scenarios/guangdong-retrofit-2021-2025.yaml", "--integer");
    expect(integer.code).toBe(2);
    expect(integer.stderr).toContain("unknown option '--integer' — whole units are a programme's setting in the scenario: `integer: true` under the programme");
    expect((await runCli("scenarios/guangdong-retrofit-2021-2025.yaml", "--bogus")).stderr).toMatch(/unknown option '--bogus'\n/);
  });
});
