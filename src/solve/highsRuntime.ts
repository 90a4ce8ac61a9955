/**
 * The HiGHS-WASM instance of this thread. The compiled WebAssembly.Module is kept, so an instance
 * costs ~20 ms, not a compile. highs-js has a history of degrading after native failures
 * (`Aborted(OOM)`, "memory access out of bounds": lovasoa/highs-js#9, #45), so after any exception
 * the instance is dropped and the next session gets a fresh one; and because WASM linear memory
 * never shrinks, an instance whose memory passed `maxMemoryBytes` is dropped once no model lives
 * on it.
 */
import highsPackage, { type Highs } from "highs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";

// The package's types are CommonJS-flavoured (default = whole module) while Node's ESM entry exports
// the loader as default; accept both shapes.
type Loader = (typeof import("highs"))["default"];
const loadHighs: Loader =
  (highsPackage as unknown as { default?: Loader }).default ?? (highsPackage as unknown as Loader);

let compiled: Promise<WebAssembly.Module> | null = null;

/**
 * V8 moves a WebAssembly function from its baseline code (Liftoff) to optimised code (TurboFan)
 * once it has run for this budget (≈ bytes executed; V8's default is 1.8 M). At the default,
 * hundreds of HiGHS functions are recompiled in the first second of a process, and on two cores
 * that compile competes with the solve: Guangdong's first stage took 0.55–0.9 s instead of
 * 0.3–0.4 s. A larger budget leaves short-lived functions in baseline code and still optimises the
 * simplex loops of long solves (measured in docs/solvers.md, "WebAssembly tiering"). The flag is
 * process-wide and must be set before the module is compiled; HiGHS is the only WebAssembly here.
 */
const WASM_TIERING_BUDGET = 400_000_000;

export function compiledHighs(): Promise<WebAssembly.Module> {
  if (!compiled) {
    setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
    const path = createRequire(import.meta.url).resolve("highs/runtime");
    compiled = readFile(path).then((bytes) => WebAssembly.compile(bytes));
    compiled.catch(() => (compiled = null)); // let a later call retry a failed read
  }
  return compiled;
}

export interface HighsRuntimeOptions {
  /** Drop the instance once its linear memory exceeds this and no model lives on it (default 1 GiB). */
  maxMemoryBytes?: number;
}

export class HighsRuntime {
  private instance: Promise<Highs> | null = null;
  private live = 0;
  private readonly maxMemoryBytes: number;
  /** Instances created so far (observable in tests). */
  loads = 0;

  constructor(options: HighsRuntimeOptions = {}) {
    this.maxMemoryBytes = options.maxMemoryBytes ?? 2 ** 30;
  }

  /** The instance for a new model; pair with `release` when the model is disposed. */
  async acquire(): Promise<Highs> {
    if (!this.instance) {
      this.loads++;
      this.instance = compiledHighs().then((wasmModule) => loadHighs({ wasmModule }));
      this.instance.catch(() => this.recycle());
    }
    const highs = await this.instance;
    this.live++;
    return highs;
  }

  release(highs: Highs): void {
    this.live = Math.max(0, this.live - 1);
    if (this.live === 0 && highs.memoryBytes > this.maxMemoryBytes) this.recycle();
  }

  /** Forget the instance (after a native failure): the next `acquire` loads a fresh one. */
  recycle(): void {
    this.instance = null;
    this.live = 0;
  }
}

/** One runtime per thread. */
export const threadRuntime = new HighsRuntime();
