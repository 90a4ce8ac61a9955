/**
 * A reader that stops early (`simulate validate … | head -1`) closes the pipe, and every later write
 * to it fails with EPIPE, which Node raises as an 'error' event nobody handles: exit 1, "internal
 * error", with a stack trace — a batch script read that as a crash. The printed text is no longer
 * wanted, but the command's work (a results folder, a validation's verdict) still is: writes to the
 * closed stream are dropped and the command ends with its own exit code (README, "Exit codes").
 */
export function dropWritesToClosedPipes(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code !== "EPIPE") throw e; // any other failure stays what it was: an uncaught error
    });
  }
}
