/**
 * Ctrl-C during a Monte Carlo run: instead of the process dying with its worker threads mid-draw,
 * SIGINT aborts the run's signal; the engine terminates the threads and throws `Interrupted`,
 * which errors.ts maps to exit code 130. Nothing is written. Installed only around runs that can
 * be stopped this way, so elsewhere Ctrl-C keeps its default (immediate) effect.
 */
export async function interruptible<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  try {
    return await run(controller.signal);
  } finally {
    process.off("SIGINT", onSigint);
  }
}
