/**
 * Office threads (report, workbook) load their libraries while the command solves. On two cores
 * they would take turns with the solver thread, whose plan everything waits for; at a lower
 * priority they use the time the solver leaves (docs/design.md, "A bundled CLI"). Linux schedules
 * each thread as a task of its own, and setpriority takes that task's id.
 */
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** Nice value of a background thread: behind any normal-priority thread, still scheduled. */
export const BACKGROUND_NICE = 10;

/** This thread's task id on Linux (/proc/thread-self → "<pid>/task/<tid>"), else null. */
export function taskId(): number | null {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null; // not Linux: the thread keeps its priority
  }
}

/**
 * Lowers this thread's priority to BACKGROUND_NICE (never raises it: a process started with `nice`
 * keeps its own); elsewhere than Linux, or when the system refuses, nothing changes.
 */
export function runInBackground(): void {
  const tid = taskId();
  if (tid === null) return;
  try {
    setPriority(tid, Math.max(getPriority(tid), BACKGROUND_NICE));
  } catch {
    // e.g. a sandbox that forbids it: correct either way, only slower
  }
}
