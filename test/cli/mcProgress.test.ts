/** The Monte Carlo progress bar: drawn only on a terminal and without --quiet, with rate and ETA. */
import { describe, expect, it } from "vitest";
import { progressBar, progressLine } from "../../src/cli/progress.js";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 120, write: (s: string) => writes.push(s) } };
}

describe("progress bar", () => {
  it("shows count, rate and ETA on a terminal, throttled, and clears its line at the end", () => {
    const { writes, stream } = fakeStream(true);
    let t = 0;
    const bar = progressBar({ stream, now: () => t });
    t = 700; // first report after thread start-up: no rate yet
    bar.update(500, 10_000);
    t = 750; // within 100 ms: not redrawn
    bar.update(600, 10_000);
    t = 1700;
    bar.update(3000, 10_000);
    t = 2700;
    bar.update(5500, 10_000);
    bar.finish();
    expect(writes).toHaveLength(4);
    expect(writes[0]).toContain("ETA –");
    expect(writes[1]).toContain("30%");
    expect(writes[1]).toContain("3,000/10,000");
    expect(writes[1]).toContain("2,500 draws/s"); // (3000 − 500) draws in 1 s
    expect(writes[1]).toContain("ETA 0:03");
    expect(writes[2]).toContain("ETA 0:02");
    expect(writes[3]).toBe("\r\x1b[K");
  });

  it("writes nothing when stderr is not a terminal or with --quiet", () => {
    for (const [isTTY, quiet] of [[false, false], [true, true]] as const) {
      const { writes, stream } = fakeStream(isTTY);
      const bar = progressBar({ stream, quiet, now: () => 5000 });
      bar.update(10, 100);
      bar.finish();
      expect(writes).toEqual([]);
    }
  });

  it("has no ETA when --precision may stop early", () => {
    const line = progressLine({ label: "draws", done: 3000, total: 200_000, rate: 12_345.6, openEnded: true });
    expect(line).toBe("draws 3,000 (up to 200,000, until precise)  12,346 draws/s");
    expect(progressLine({ label: "draws", done: 0, total: 10, rate: 0, openEnded: false })).toContain("ETA –");
  });
});
