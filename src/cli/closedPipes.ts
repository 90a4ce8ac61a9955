/**
 * A reader that stops early (`simulate validate … | head -1`) closes the pipe, and every later write
 * to it fails with EPIPE, which Node raises as an 'error' event nobody handles: exit 1, "internal
 * error", with a stack trace — a batch script read that as a crash. Writes to the closed stream are
 * dropped instead. What that costs decides the exit code (README, "Exit codes"):
 * - a printout beside the command's work (a summary, notes, progress; the work is a results folder
 *   or a validation's verdict) is no longer wanted: the command ends with its own exit code;
 * - a product printed to stdout (`export` without --out, `validate --print`, `schema`, `explain`:
 *   the printed text is all the command makes) arrives cut off, so a zero exit would pass a
 *   truncated LP model or scenario on as whole: the command ends with EXIT.output (4, the output
 *   cannot be written), unless it already failed with its own code.
 */
import { EXIT } from "./errors.js";

let stdoutClosed = false;
let productOnStdout = false;

export function dropWritesToClosedPipes(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e; // any other failure stays what it was: an uncaught error
      if (stream === process.stdout) {
        stdoutClosed = true;
        markCutOffProduct();
      }
    });
  }
}

/**
 * Writes the command's product to stdout, as opposed to a printout beside its work: a closed
 * stdout then fails the command. Every write of the product goes through here.
 */
export function writeProduct(text: string): void {
  productOnStdout = true;
  // Once stdout has failed it is destroyed, and later writes raise no second EPIPE to notice.
  if (stdoutClosed) markCutOffProduct();
  else process.stdout.write(text);
}

/**
 * The exit code of a command that would end with `code`: EXIT.output when its product went to a
 * closed stdout and it had not failed otherwise. main.ts sets it at the end; the EPIPE handler
 * sets it too, since the error event may come after main.ts has set its code.
 */
export function exitCodeAfterPipes(code: number): number {
  return code === EXIT.ok && stdoutClosed && productOnStdout ? EXIT.output : code;
}

function markCutOffProduct(): void {
  if (productOnStdout) process.exitCode = exitCodeAfterPipes(Number(process.exitCode ?? EXIT.ok));
}
