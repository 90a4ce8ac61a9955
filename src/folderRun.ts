/**
 * The frame of every command that writes a results folder (plan, stress, min-budget, frontier), so
 * that no command keeps its own copy of it:
 *
 *   file (+ --with overlays)
 *     │ FolderRun.open  loadCheckedScenario (the one loader, every problem gathered) → the command's
 *     ▼                 options checked against the scenario (`check`) → the folder (--out, or
 *   FolderRun           results/<name><suffix>) checked writable before any solve → the report
 *                       thread started, so it loads ECharts while the command solves
 *     │ the command's own stages (a plan, stress levels, a min-budget search, frontier levels)
 *     ▼
 *   files ── FolderRun.write ──▶ the folder, all or nothing (output/writeFolder.ts)
 */
import { performance } from "node:perf_hooks";
import { type CheckedScenario, loadCheckedScenario, refuseNotes } from "./loadChecked.js";
import { safeFolderName } from "./output/folderName.js";
import { preloadReportRenderer } from "./output/officeFiles.js";
import { assertWritable, writeFolderAtomically } from "./output/writeFolder.js";

export interface FolderRequest {
  /** `--with` overlays, applied in order. */
  overlays?: string[];
  /** `--allow-outside` folders that references may point into. */
  allowOutside?: string[];
  /** `--out`; by default `results/<scenario name><defaultSuffix>`. */
  out?: string;
  /** Replace an existing results folder. */
  force?: boolean;
  /** CSV with the UTF-8 byte-order mark (default true; `--no-bom`). */
  bom?: boolean;
  /** Also results.xlsx (default true; `--no-xlsx`); report.html is always written. */
  xlsx?: boolean;
  /** Write nothing (explain, tests): no folder is chosen, checked or written. */
  dryRun?: boolean;
  /** Called once the scenario is loaded, before any solve (the CLI prints the loader's notes). */
  onLoaded?: (loaded: CheckedScenario) => void;
  /** `--strict`: refuse a scenario that loads with notes (exit 2), before any solve or folder. */
  strict?: boolean;
}

/** `results/<name>`, the name made one safe folder name (see folderName.ts). */
export function defaultOutDir(scenarioName: string): string {
  return `results/${safeFolderName(scenarioName)}`;
}

export class FolderRun<T = unknown> {
  private constructor(
    readonly file: string,
    readonly overlays: string[],
    readonly loaded: CheckedScenario,
    /** What `check` returned (a budget selection, seeds …). */
    readonly checked: T,
    /** Null for a dry run. */
    readonly outDir: string | null,
    private readonly force: boolean,
    private readonly startedAt: number,
    private readonly loadedAt: number,
  ) {}

  /**
   * Loads the scenario and prepares its folder; `defaultSuffix` names the command's default folder
   * ("-stress"). `check` checks the options only the scenario can judge (source ids, years, seeds)
   * before the folder is: a mistake on the command line is exit 2 whether or not the folder exists,
   * not exit 4 first and exit 2 after `--force`.
   */
  static open<T = undefined>(file: string, request: FolderRequest, defaultSuffix = "", check?: (loaded: CheckedScenario) => T): FolderRun<T> {
    const startedAt = performance.now();
    const overlays = request.overlays ?? [];
    const loaded = loadCheckedScenario(file, { overlays, allowOutside: request.allowOutside });
    request.onLoaded?.(loaded);
    if (request.strict) refuseNotes(loaded, request.onLoaded !== undefined);
    const checked = check?.(loaded) as T;
    const outDir = request.dryRun ? null : (request.out ?? `${defaultOutDir(loaded.scenario.name)}${defaultSuffix}`);
    if (outDir) {
      assertWritable(outDir, request.force ?? false, loaded.inputs); // fail before solving, not after
      preloadReportRenderer();
    }
    return new FolderRun(file, overlays, loaded, checked, outDir, request.force ?? false, startedAt, performance.now());
  }

  /** Seconds spent loading, and since then (the command's own stages): run.json's timings. */
  seconds(): { load: number; solve: number } {
    return { load: (this.loadedAt - this.startedAt) / 1000, solve: (performance.now() - this.loadedAt) / 1000 };
  }

  /** Writes the folder (atomically); returns its absolute path. */
  write(files: Record<string, string | Uint8Array>): string {
    if (!this.outDir) throw new Error("a dry run writes no folder");
    return writeFolderAtomically(this.outDir, files, this.force, this.loaded.inputs);
  }
}
