/**
 * The one place that maps error kinds and plan statuses to exit codes. Commands throw errors, which
 * main.ts reports with `reportError`; for a plan that ends infeasible (a result with its diagnosis)
 * a command sets `process.exitCode = exitCodeForStatus(status)`. Stack traces only with --debug.
 *
 * Exit codes: 0 success · 1 internal error · 2 bad input (scenario or command line) ·
 *             3 infeasible plan (diagnosis written) · 4 results folder exists / may not or cannot
 *             be written · 5 solver failure · 130 interrupted (Ctrl-C, as shells report SIGINT)
 * A closed stdout or stderr pipe (`| head`) changes none of these, except that a product printed to
 * stdout (export's LP model, validate --print's YAML, schema, explain) cut off by it exits 4: the
 * output could not be written, as for a results folder — not 141 (SIGPIPE in shells), which
 * scripts with pipefail often let pass as harmless (closedPipes.ts).
 */
export const EXIT = { ok: 0, internal: 1, badInput: 2, infeasible: 3, output: 4, solver: 5, interrupted: 130 } as const;

export { allOrUsageError, InfeasiblePlan, SolverFailure, UsageError } from "../errors.js";

interface Kinded {
  kind?: string;
  message: string;
  stack?: string;
}

export function exitCodeFor(error: unknown): number {
  switch ((error as Kinded)?.kind) {
    case "scenario":
    case "usage":
      return EXIT.badInput;
    case "output_exists":
    case "output":
      return EXIT.output;
    case "infeasible":
      return EXIT.infeasible;
    case "interrupted":
      return EXIT.interrupted;
    case "solver":
      return EXIT.solver;
    default:
      return (error as NodeJS.ErrnoException)?.code?.startsWith?.("E") ? EXIT.output : EXIT.internal;
  }
}

/**
 * The exit code of a command whose answer ends without a plan, which is a result, not an error:
 * infeasible (the diagnosis is written) and unreachable (no budget scale reaches the confidence
 * level) exit 3, a solver failure 5.
 */
export function exitCodeForStatus(status: "optimal" | "infeasible" | "unreachable" | "error"): number {
  return status === "optimal" ? EXIT.ok : status === "error" ? EXIT.solver : EXIT.infeasible;
}

export function reportError(error: unknown, debug: boolean, write: (s: string) => void): number {
  const code = exitCodeFor(error);
  const e = error as Kinded;
  const prefix = code === EXIT.badInput ? "error" : code === EXIT.internal ? "internal error" : "error";
  write(`${prefix}: ${printable(e?.message ?? String(error))}\n`);
  if (debug && e?.stack) write(`${e.stack}\n`);
  else if (code === EXIT.internal) write("(run with --debug for the stack trace)\n");
  return code;
}

/**
 * Messages can carry text from input files (a key, a path); control characters other than line
 * breaks are shown escaped so such text cannot restyle or rewrite the terminal.
 */
function printable(message: string): string {
  return message.replace(/[^\P{Cc}\n]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
