/**
 * `simulate` command line. Thin: each command lives in its own module under commands/, every
 * error goes through errors.ts, and only this file touches process.exitCode.
 */
import { Command, CommanderError } from "commander";
import { ENGINE_VERSION } from "../version.js";
import { registerCompare } from "./commands/compare.js";
import { registerExplain } from "./commands/explain.js";
import { registerExport } from "./commands/export.js";
import { registerFrontier } from "./commands/frontier.js";
import { registerMerge } from "./commands/merge.js";
import { registerMinBudget } from "./commands/minBudget.js";
import { registerPlan } from "./commands/plan.js";
import { registerSchema } from "./commands/schema.js";
import { registerStress } from "./commands/stress.js";
import { registerValidate } from "./commands/validate.js";
import { EXIT, reportError } from "./errors.js";

export function buildProgram(): Command {
  const program = new Command("simulate")
    .description("renewsim: plan renewal programmes' funds and construction slots (LP/MILP) and test them under risk")
    .version(ENGINE_VERSION)
    .option("--debug", "print stack traces on errors")
    .showHelpAfterError()
    .exitOverride();
  registerPlan(program);
  registerValidate(program);
  registerSchema(program);
  registerExport(program);
  registerMerge(program);
  registerStress(program);
  registerMinBudget(program);
  registerFrontier(program);
  registerExplain(program);
  registerCompare(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
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

const isEntry = process.argv[1] && /(main\.ts|simulate(\.js)?)$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
