/**
 * `simulate` command line. Thin: each command lives in its own module under commands/, and every
 * error goes through errors.ts; a command whose answer is a diagnosis rather than an error (an
 * infeasible plan: exit 3) sets process.exitCode from errors.ts's exitCodeForStatus.
 */
import { existsSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { UsageError } from "../errors.js";
import { closest } from "../scenario/suggest.js";
import { ENGINE_VERSION } from "../version.js";
import { dropWritesToClosedPipes, exitCodeAfterPipes } from "./closedPipes.js";
import { COMMANDS, invokedCommand } from "./commandTable.js";
import { EXIT, reportError } from "./errors.js";

/**
 * The program with every command listed, and the one `argv` runs fully registered (its module
 * loaded); the others are summaries only, so starting costs one command's imports at most.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command("simulate")
    .description("renewsim: plan renewal programmes' funds and construction slots (LP/MILP) and test them under risk")
    .version(ENGINE_VERSION)
    .option("--debug", "print stack traces on errors")
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(withScenarioHint(text)) })
    .exitOverride();
  const invoked = invokedCommand(argv.slice(2));
  if (invoked?.solves && !argv.some((a) => a === "--help" || a === "-h")) {
    void import("../solve/newHighsSession.js").then((m) => m.warmUpHighs());
  }
  for (const entry of COMMANDS) {
    if (entry === invoked) (await entry.load())(program);
    else program.command(entry.usage, { isDefault: entry.isDefault }).description(entry.summary);
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    if (argv.length <= 2) {
      // Nothing asked: the list of commands, not the default command's "missing argument".
      process.stderr.write(program.helpInformation());
      return EXIT.badInput;
    }
    checkCommandWord(argv[2]);
    await program.parseAsync(argv);
    return Number(process.exitCode ?? EXIT.ok);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    return reportError(e, argv.includes("--debug"), (s) => process.stderr.write(s));
  }
}

/** Options planners look for on the command line that are settings of the scenario instead. */
const SCENARIO_SETTINGS: Record<string, string> = {
  "--integer": "whole units are a programme's setting in the scenario: `integer: true` under the programme (docs/scenario-reference.md)",
  "--whole-units": "whole units are a programme's setting in the scenario: `integer: true` under the programme (docs/scenario-reference.md)",
  "--smoothing": "smoothing is the scenario's setting: `smoothing: true` under `objective` (docs/scenario-reference.md)",
};

/** Commander's "unknown option '--integer'" with where that setting lives. */
function withScenarioHint(text: string): string {
  const option = /unknown option '([^']+)'/.exec(text)?.[1];
  const hint = option ? SCENARIO_SETTINGS[option.split("=")[0]] : undefined;
  return hint ? text.replace(/\n?$/, ` — ${hint}\n`) : text;
}

/**
 * The first argument names a command or, for the default command (plan), a file. A word that is
 * neither — no such file, no dot or slash — is a mistyped command: "simulate stres f.yaml" would
 * otherwise read as `plan stres f.yaml` and fail with "too many arguments for 'plan'".
 */
function checkCommandWord(word: string): void {
  if (word.startsWith("-") || word === "help" || COMMANDS.some((c) => c.name === word)) return;
  if (/[./\\]/.test(word) || existsSync(word)) return;
  const names = COMMANDS.map((c) => c.name);
  const hint = closest(word, names);
  throw new UsageError(hint
    ? `unknown command "${word}" (did you mean "${hint}"?)`
    : `"${word}" is neither a command (${names.join(", ")}) nor a scenario file`);
}

const isEntry = process.argv[1] && /(main\.ts|simulate(\.js)?)$/.test(process.argv[1]);
if (isEntry) {
  dropWritesToClosedPipes();
  main(process.argv).then((code) => {
    process.exitCode = exitCodeAfterPipes(code);
  });
}
