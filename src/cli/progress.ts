/**
 * A one-line progress bar for Monte Carlo draws on stderr, with rate and ETA:
 *
 *   draws [██████████░░░░░░░░░░]  52%  5,200/10,000  12,345 draws/s  ETA 0:04
 *
 * Only on a terminal and without --quiet; otherwise every call does nothing, so logs and pipes
 * stay clean. Redrawn at most every 100 ms; `finish` clears the line.
 */

export interface ProgressBar {
  update(done: number, total: number): void;
  finish(): void;
}

export interface ProgressOptions {
  stream?: { isTTY?: boolean; columns?: number; write(s: string): unknown };
  quiet?: boolean;
  label?: string;
  /** The run may stop before `total` (--precision): show "up to" and no ETA. */
  openEnded?: boolean;
  now?: () => number;
}

const SILENT: ProgressBar = { update() {}, finish() {} };
const WIDTH = 20;
const REDRAW_MS = 100;

export function progressBar(options: ProgressOptions = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || !stream.isTTY) return SILENT;
  const now = options.now ?? (() => performance.now());
  const label = options.label ?? "draws";
  // The rate is measured from the first report on, so thread start-up does not inflate the ETA.
  let first: { t: number; done: number } | null = null;
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      first ??= { t, done };
      if (t - last < REDRAW_MS && done < total) return;
      last = t;
      const seconds = (t - first.t) / 1000;
      const rate = seconds > 0 ? (done - first.done) / seconds : 0;
      const line = progressLine({ label, done, total, rate, openEnded: options.openEnded ?? false });
      const width = stream.columns && stream.columns > 20 ? stream.columns - 1 : 100; // 0: size unknown
      stream.write(`\r${line.slice(0, width)}\x1b[K`);
      shown = true;
    },
    finish() {
      if (shown) stream.write("\r\x1b[K");
    },
  };
}

/** The bar's text (without control characters). */
export function progressLine(p: { label: string; done: number; total: number; rate: number; openEnded: boolean }): string {
  const count = (n: number) => Math.round(n).toLocaleString("en-US");
  const rate = `${count(p.rate)} draws/s`;
  if (p.openEnded) return `${p.label} ${count(p.done)} (up to ${count(p.total)}, until precise)  ${rate}`;
  const f = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const filled = Math.round(f * WIDTH);
  const bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
  const eta = p.rate > 0 ? duration((p.total - p.done) / p.rate) : "–";
  return `${p.label} [${bar}] ${String(Math.floor(f * 100)).padStart(3)}%  ${count(p.done)}/${count(p.total)}  ${rate}  ETA ${eta}`;
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}
