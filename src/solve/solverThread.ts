/**
 * The solver thread: hosts HiGHS sessions for the main thread (remoteSession.ts), so a long
 * synchronous solve never blocks the main event loop — the CLI stays responsive to Ctrl-C and the
 * test runner's messages keep flowing. One message in, one reply out, in order.
 */
import { parentPort } from "node:worker_threads";
import type { ThreadReply } from "../threadClient.js";
import { threadRuntime } from "./highsRuntime.js";
import { HighsSession } from "./highsSession.js";
import type { CsrRows, ModelArrays } from "./modelData.js";
import type { BoundChange, CoefficientChange, SessionSolveOptions, SolveResult } from "./types.js";

export type SolverChoice =
  | { op: "load"; arrays: ModelArrays }
  | { op: "addRows"; rows: CsrRows; count: number }
  | { op: "setCost"; cost: Float64Array }
  | { op: "setRowBounds" | "setColBounds"; changes: BoundChange[] }
  | { op: "setCoefficients"; changes: CoefficientChange[] }
  | { op: "setIntegrality"; integer: boolean }
  | { op: "solve"; options: SessionSolveOptions }
  | { op: "rhsSensitivity"; columns: number[] }
  | { op: "saveBasis" | "restoreBasis"; slot: number }
  | { op: "rowRanges" | "infeasibleSubsystem" | "dispose" }
  | { op: "warmUp" };

export interface SolverMessage {
  id: number;
  session: number;
  request: SolverChoice;
}

const sessions = new Map<number, HighsSession>();

async function handle(session: number, r: SolverChoice): Promise<unknown> {
  if (r.op === "warmUp") return threadRuntime.release(await threadRuntime.acquire());
  let s = sessions.get(session);
  if (!s) sessions.set(session, (s = new HighsSession()));
  switch (r.op) {
    case "load":
      return s.loadArrays(r.arrays);
    case "addRows":
      return s.addCsrRows(r.rows, r.count);
    case "setCost":
      return s.setCost(r.cost);
    case "setRowBounds":
      return s.setRowBounds(r.changes);
    case "setColBounds":
      return s.setColBounds(r.changes);
    case "setCoefficients":
      return s.setCoefficients(r.changes);
    case "setIntegrality":
      return s.setIntegrality(r.integer);
    case "solve":
      return s.solve(r.options);
    case "rowRanges":
      return s.rowRanges();
    case "rhsSensitivity":
      return s.rhsSensitivity(r.columns);
    case "saveBasis":
      return s.saveBasis(r.slot);
    case "restoreBasis":
      return s.restoreBasis(r.slot);
    case "infeasibleSubsystem":
      return s.infeasibleSubsystem();
    case "dispose":
      sessions.delete(session);
      return s.dispose();
  }
}

let chain: Promise<unknown> = Promise.resolve();

parentPort!.on("message", (m: SolverMessage) => {
  chain = chain.then(async () => {
    try {
      const value = await handle(m.session, m.request);
      const transfer = isResult(value) ? [value.primal.buffer, ...(value.duals ? [value.duals.buffer] : [])] : [];
      parentPort!.postMessage({ id: m.id, ok: true, value } satisfies ThreadReply, transfer as ArrayBuffer[]);
    } catch (e) {
      parentPort!.postMessage({ id: m.id, ok: false, error: (e as Error)?.message ?? String(e) } satisfies ThreadReply);
    }
  });
});

function isResult(v: unknown): v is SolveResult {
  return typeof v === "object" && v !== null && (v as SolveResult).primal instanceof Float64Array;
}
