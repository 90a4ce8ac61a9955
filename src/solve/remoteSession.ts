/**
 * A HiGHS session that lives in the solver thread (solverThread.ts). The main thread only posts
 * requests and awaits replies, so it is never blocked by a solve: Ctrl-C is handled at once and a
 * test runner's messages keep flowing. The thread starts on first use, is shared by every session
 * of the process, and does not keep the process alive when idle.
 */
import { Worker } from "node:worker_threads";
import type { LinearModel, Row, Term } from "../model/types.js";
import { csrRows, denseCost, type ModelArrays, modelArrays, transferList } from "./modelData.js";
import type { SolverMessage, SolverReply, SolverChoice } from "./solverThread.js";
import type {
  BoundChange, CoefficientChange, InfeasibleSubsystem, RowRange, SessionSolveOptions, SolveResult, SolverSession,
} from "./types.js";

class SolverThread {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  call(session: number, request: SolverChoice, transfer: ArrayBuffer[] = []): Promise<unknown> {
    const w = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, session, request } satisfies SolverMessage, transfer);
    });
  }

  /**
   * Starts the thread and has it compile HiGHS now, without waiting for the reply or keeping the
   * process alive for it: the compile then overlaps the caller's loading instead of delaying its
   * first solve.
   */
  warmUp(): void {
    this.start().postMessage({ id: -1, session: -1, request: { op: "warmUp" } } satisfies SolverMessage);
  }

  /** Stops the thread (pending calls fail); the next call starts a new one. */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL("../threadEntry.mjs", import.meta.url), { workerData: { module: "solve/solverThread" } });
    w.on("message", (reply: SolverReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) w.unref();
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.error));
    });
    const failAll = (e: Error) => {
      if (this.worker === w) this.worker = null;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    w.on("error", failAll);
    w.on("exit", (code) => failAll(new Error(`the solver thread stopped (exit code ${code})`)));
    w.unref();
    this.worker = w;
    return w;
  }
}

const thread = new SolverThread();
let nextSession = 0;

/** Stops the shared solver thread (tests and interrupted runs). */
/** See SolverThread.warmUp. */
export function warmUpSolverThread(): void {
  thread.warmUp();
}

export function stopSolverThread(): Promise<void> {
  return thread.stop();
}

export class RemoteSession implements SolverSession {
  readonly solver = "highs";
  readonly persistent = true;
  private readonly id = nextSession++;
  private model: LinearModel | null = null;

  async load(model: LinearModel): Promise<void> {
    const arrays: ModelArrays = modelArrays(model);
    this.model = model;
    await this.call({ op: "load", arrays }, transferList(arrays));
  }

  async addRows(rows: Row[]): Promise<void> {
    if (rows.length === 0) return;
    const r = csrRows(this.requireModel(), rows);
    await this.call({ op: "addRows", rows: r, count: rows.length }, [r.lower, r.upper, r.starts, r.indices, r.values].map((x) => x.buffer as ArrayBuffer));
  }

  async setObjective(terms: Term[]): Promise<void> {
    const cost = denseCost(terms, this.requireModel().variables.length);
    await this.call({ op: "setCost", cost }, [cost.buffer as ArrayBuffer]);
  }

  async setRowBounds(changes: BoundChange[]): Promise<void> {
    await this.call({ op: "setRowBounds", changes });
  }

  async setColBounds(changes: BoundChange[]): Promise<void> {
    await this.call({ op: "setColBounds", changes });
  }

  async setCoefficients(changes: CoefficientChange[]): Promise<void> {
    await this.call({ op: "setCoefficients", changes });
  }

  async setIntegrality(integer: boolean): Promise<void> {
    await this.call({ op: "setIntegrality", integer });
  }

  async solve(options: SessionSolveOptions = {}): Promise<SolveResult> {
    return (await this.call({ op: "solve", options })) as SolveResult;
  }

  async saveBasis(slot: number): Promise<void> {
    await this.call({ op: "saveBasis", slot });
  }

  async restoreBasis(slot: number): Promise<void> {
    await this.call({ op: "restoreBasis", slot });
  }

  async rowRanges(): Promise<RowRange[] | null> {
    return (await this.call({ op: "rowRanges" })) as RowRange[] | null;
  }

  async rhsSensitivity(columns: number[]): Promise<Float64Array[] | null> {
    return (await this.call({ op: "rhsSensitivity", columns })) as Float64Array[] | null;
  }

  async infeasibleSubsystem(): Promise<InfeasibleSubsystem | null> {
    return (await this.call({ op: "infeasibleSubsystem" })) as InfeasibleSubsystem | null;
  }

  async dispose(): Promise<void> {
    this.model = null;
    await this.call({ op: "dispose" });
  }

  private requireModel(): LinearModel {
    if (!this.model) throw new Error("internal: solver session has no model loaded");
    return this.model;
  }

  private call(request: SolverChoice, transfer: ArrayBuffer[] = []): Promise<unknown> {
    return thread.call(this.id, request, transfer);
  }
}
