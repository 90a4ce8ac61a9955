/**
 * A HiGHS session that lives in the solver thread (solverThread.ts). The main thread only posts
 * requests and awaits replies, so it is never blocked by a solve: Ctrl-C is handled at once and a
 * test runner's messages keep flowing. The thread starts on first use, is shared by every session
 * of the process, and does not keep the process alive when idle.
 */
import type { LinearModel, Row, Term } from "../model/types.js";
import { csrRows, denseCost, type ModelArrays, modelArrays, transferList } from "./modelData.js";
import { ThreadClient } from "../threadClient.js";
import type { SolverChoice, SolverMessage } from "./solverThread.js";
import type {
  BoundChange, CoefficientChange, InfeasibleSubsystem, RowRange, SessionSolveOptions, SolveResult, SolverSession,
} from "./types.js";

const thread = new ThreadClient<Omit<SolverMessage, "id">>("solve/solverThread", "solver thread");
let nextSession = 0;

/**
 * Starts the solver thread and has it compile HiGHS now, without waiting for the reply: the
 * compile then overlaps the caller's loading instead of delaying its first solve.
 */
export function warmUpSolverThread(): void {
  thread.send({ session: -1, request: { op: "warmUp" } });
}

/** Stops the shared solver thread (tests and interrupted runs). */
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
    return thread.call({ session: this.id, request }, transfer);
  }
}
