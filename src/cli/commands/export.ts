/** `simulate export FILE --format lp [--stage N]`: the model of one stage as CPLEX-LP, for audit. */
import type { Command } from "commander";
import { exportStageLp } from "../../plan/exportStage.js";
import { loadCheckedScenario } from "../../loadChecked.js";
import { firstLineStartsWith } from "../../output/outputTarget.js";
import { writeFileAtomically } from "../../output/writeFile.js";
import { writeProduct } from "../closedPipes.js";
import { exitCodeForStatus, UsageError } from "../errors.js";
import { ALLOW_OUTSIDE_HELP, collect, parseSolverOption } from "../options.js";
import { infeasibleLines, printNotices } from "../summary.js";

/** The first line of every LP file renewsim writes (exportStage.ts titles it so). */
const LP_SIGNATURE = "\\ renewsim ";

export function registerExport(program: Command): void {
  program
    .command("export <file>")
    .description("write the planning model of one stage as CPLEX-LP (solve it with cbc, glpsol, highs)")
    .option("--with <overlay>", "overlay scenario file, applied in order (repeatable)", collect, [])
    .option("--allow-outside <folder>", ALLOW_OUTSIDE_HELP, collect, [])
    .option("--format <format>", "lp", "lp")
    .option("--stage <n>", "stage number: 1 shortfall, 2 cost, 3 smoothing (earlier stages are solved and fixed)", "1")
    .option("--solver <name>", "solver for the earlier stages: auto | highs | jslp", "auto")
    .option("-o, --out <file>", "write to a file instead of stdout")
    .option("--force", "replace an existing LP file that renewsim wrote")
    .action(async (file: string, opts) => {
      if (opts.format !== "lp") throw new UsageError(`--format must be lp (got "${opts.format}")`);
      const solver = parseSolverOption(opts.solver);
      const stage = Number(opts.stage);
      if (!Number.isInteger(stage) || stage < 1 || stage > 3) throw new UsageError(`--stage must be 1, 2 or 3 (got "${opts.stage}")`);
      const loaded = loadCheckedScenario(file, { overlays: opts.with, allowOutside: opts.allowOutside });
      printNotices(loaded.notices);
      const result = await exportStageLp(loaded.scenario, stage, solver);
      if (result.status === "infeasible") {
        // The plan's own diagnosis (summary.ts, as `simulate FILE` prints it): what must give, then the limits.
        process.stderr.write(`error: ${result.stage} is infeasible: the scenario has no plan, so later stages cannot be exported ` +
          `(\`export --stage 1\` writes the model as it is; \`simulate FILE\` writes diagnostics.csv):\n${infeasibleLines({ solution: result.solution, loaded }).join("\n")}\n`);
        process.exitCode = exitCodeForStatus("infeasible");
        return;
      }
      if (opts.out) {
        writeFileAtomically(opts.out, result.lp, { force: opts.force ?? false, inputs: loaded.inputs, isOurs: firstLineStartsWith(LP_SIGNATURE), what: "LP file" });
      } else writeProduct(result.lp);
    });
}
