/**
 * Every command, with its summary for `simulate --help` and how to load it. main.ts loads only the
 * module of the command being run: `--help` loads none, `validate` no solver, reporting or
 * Monte Carlo code (test/cli/commandTable.test.ts checks the summaries match the modules).
 */
import type { Command } from "commander";

export interface CommandEntry {
  name: string;
  usage: string;
  summary: string;
  isDefault?: boolean;
  /** The command solves models: HiGHS is compiled in the background while it loads. */
  solves?: boolean;
  load(): Promise<(program: Command) => void>;
}

export const COMMANDS: CommandEntry[] = [
  { name: "plan", solves: true, usage: "plan <file>", isDefault: true, summary: "plan a scenario: starts, funds per source, budgets, capacity, targets → results folder", load: async () => (await import("./commands/plan.js")).registerPlan },
  { name: "validate", usage: "validate <file>", summary: "check a scenario (and overlays) and report every problem with its path and line", load: async () => (await import("./commands/validate.js")).registerValidate },
  { name: "schema", usage: "schema", summary: "print the JSON Schema of scenario files", load: async () => (await import("./commands/schema.js")).registerSchema },
  { name: "export", solves: true, usage: "export <file>", summary: "write the planning model of one stage as CPLEX-LP (solve it with cbc, glpsol, highs)", load: async () => (await import("./commands/export.js")).registerExport },
  { name: "merge", usage: "merge <dirs...>", summary: "merge Monte Carlo shard folders (--shard k/n) into one results folder", load: async () => (await import("./commands/merge.js")).registerMerge },
  { name: "stress", solves: true, usage: "stress <file>", summary: "re-plan under budget cuts (0% baseline always included) → stress.csv, stress_summary.csv, stress_funding.csv, stress_starts.csv", load: async () => (await import("./commands/stress.js")).registerStress },
  { name: "min-budget", solves: true, usage: "min-budget <file>", summary: "smallest budget (uniform scale, or per year) of the named sources that still meets every target", load: async () => (await import("./commands/minBudget.js")).registerMinBudget },
  { name: "frontier", solves: true, usage: "frontier <file>", summary: "money–confidence frontier: one confidence plan per level with today's budgets → frontier.csv (docs/confidence.md)", load: async () => (await import("./commands/frontier.js")).registerFrontier },
  { name: "explain", solves: true, usage: "explain <file>", summary: "what limits the plan: binding budgets, capacity and targets with their shadow prices", load: async () => (await import("./commands/explain.js")).registerExplain },
  { name: "compare", usage: "compare <dirs...>", summary: "compare results folders: values and deltas vs the first folder, changed inputs", load: async () => (await import("./commands/compare.js")).registerCompare },
];

/**
 * The command argv runs: the first argument that is not an option, when it names a command (or,
 * after `help`, the command named next); the default command when it is a file; none for `--help`.
 */
export function invokedCommand(args: readonly string[]): CommandEntry | null {
  const words = args.filter((a) => !a.startsWith("-"));
  if (words.length === 0) return null;
  const named = (w: string | undefined) => COMMANDS.find((c) => c.name === w) ?? null;
  if (words[0] === "help") return named(words[1]);
  return named(words[0]) ?? COMMANDS.find((c) => c.isDefault) ?? null;
}
