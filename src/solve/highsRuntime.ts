/**
 * One recyclable HiGHS-WASM instance. highs-js has a history of degrading after many solves (file
 * descriptor leaks after ~4k solves, lovasoa/highs-js#10; `Aborted(OOM)` / "memory access out of
 * bounds" on big models, #9 and #45) and WASM linear memory never shrinks, so the instance is dropped
 * and re-created after `recycleAfter` solves, when its memory passes `maxMemoryBytes`, or after any
 * exception. The compiled WebAssembly.Module is kept, so a re-instantiation costs ~20 ms, not a compile.
 */
import highsPackage, { type Highs } from "highs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

export interface HighsRuntimeOptions {
  /** Re-create the instance after this many solves (default 1000). */
  recycleAfter?: number;
  /** Re-create it once its linear memory exceeds this (default 512 MiB). */
  maxMemoryBytes?: number;
}

// The package's types are CommonJS-flavoured (default = whole module) while Node's ESM entry exports
// the loader as default; accept both shapes.
type Loader = (typeof import("highs"))["default"];
const loadHighs: Loader =
  (highsPackage as unknown as { default?: Loader }).default ?? (highsPackage as unknown as Loader);

let compiled: Promise<WebAssembly.Module> | null = null;

function compiledModule(): Promise<WebAssembly.Module> {
  if (!compiled) {
    const path = createRequire(import.meta.url).resolve("highs/runtime");
    compiled = readFile(path).then((bytes) => WebAssembly.compile(bytes));
    compiled.catch(() => (compiled = null)); // let a later call retry a failed read
  }
  return compiled;
}

export class HighsRuntime {
  private instance: Promise<Highs> | null = null;
  private solvesOnInstance = 0;
  private readonly recycleAfter: number;
  private readonly maxMemoryBytes: number;
  /** Instances created so far (observable in tests). */
  loads = 0;

  constructor(options: HighsRuntimeOptions = {}) {
    this.recycleAfter = options.recycleAfter ?? 1000;
    this.maxMemoryBytes = options.maxMemoryBytes ?? 512 * 1024 * 1024;
  }

  async get(): Promise<Highs> {
    if (!this.instance) {
      this.loads++;
      this.instance = compiledModule().then((wasmModule) => loadHighs({ wasmModule }));
      this.instance.catch(() => this.recycle());
    }
    return this.instance;
  }

  /** Runs `fn` on the instance; on an exception recycles it and tries once more on a fresh one. */
  async run<T>(fn: (highs: Highs) => T): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const highs = await this.get();
      try {
        const out = fn(highs);
        this.count(highs);
        return out;
      } catch (error) {
        this.recycle();
        if (attempt >= 2) throw error;
      }
    }
  }

  recycle(): void {
    this.instance = null;
    this.solvesOnInstance = 0;
  }

  private count(highs: Highs): void {
    this.solvesOnInstance++;
    if (this.solvesOnInstance >= this.recycleAfter || highs.memoryBytes > this.maxMemoryBytes) this.recycle();
  }
}
