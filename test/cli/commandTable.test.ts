/** `simulate --help` lists every command from the table; each summary is the command module's own. */
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMANDS, invokedCommand } from "../../src/cli/commandTable.js";

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
});
