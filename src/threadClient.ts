/**
 * The main thread's side of a renewsim worker thread (solver and report threads): one
 * request out, one reply in, matched by id (a thread answers with `replyTo`). The thread starts on
 * first use (through threadEntry.mjs), is shared by every caller of the process, and keeps the
 * process alive only while a call is pending.
 */
import { type MessagePort, Worker } from "node:worker_threads";
import { threadEntry } from "./ownFiles.js";

/** What a thread posts back for the message `{ id, ...request }`. */
export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * Thread side: runs `work` for the request `id` and posts its value, or its error with the stack
 * (the caller's rejection then says where the thread failed).
 */
export async function replyTo(port: MessagePort, id: number, work: () => unknown): Promise<void> {
  let reply: ThreadReply;
  try {
    reply = { id, ok: true, value: await work() };
  } catch (e) {
    reply = { id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
}

/** The id of messages whose reply nobody awaits. */
const UNANSWERED = -1;

export class ThreadClient<Request extends object> {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** `module`: the thread's module, relative to src/ and without extension; `name` for errors. */
  constructor(private readonly module: string, private readonly name: string) {}

  call(request: Request, transfer: ArrayBuffer[] = []): Promise<unknown> {
    const w = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, ...request }, transfer);
    });
  }

  /**
   * Starts the thread if needed and posts a request without awaiting its reply or keeping the
   * process alive for it (warm-ups that should overlap the caller's own work).
   */
  send(request: Request): void {
    this.start().postMessage({ id: UNANSWERED, ...request });
  }

  /** Stops the thread (pending calls fail); the next call starts a new one. */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  /** Starts the thread now, so it loads its modules while the caller works. */
  start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(threadEntry(), { workerData: { module: this.module } });
    w.on("message", (reply: ThreadReply) => {
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
    w.on("exit", (code) => failAll(new Error(`the ${this.name} stopped (exit code ${code})`)));
    w.unref();
    this.worker = w;
    return w;
  }
}
