/**
 * Writes one draw's metrics (metrics.ts, `layout.names` order) straight into a shard's columns.
 * The parts of every metric read off starts are packed into flat arrays once per job, so a
 * Guangdong draw's ~1,000 parts are read with no object per part, and there is no row to copy
 * into the shard afterwards. Each metric is summed as `evaluateMetric` sums it, part by part in
 * the same order, so its value is the same bit for bit — except that what cannot change a sum is
 * left out: a part with no constant and no starts yet (it adds +0), a constant of 0 and a factor
 * of 1 (x · 1 + 0 is x). Such metrics (all of Guangdong's) are summed in loops without them.
 */
import type { DrawResult } from "./execute.js";
import { cumulativeStarts, type MetricLayout } from "./metrics.js";

/** How a metric's parts are summed: cum only, cum × perUnit, or cum × perUnit + constant. */
const COUNT = 0;
const SCALED = 1;
const GENERAL = 2;

export class DrawRecorder {
  private readonly H: number;
  /** Metrics read off starts (targets, then progress): metric j's parts are [partStart[j], partStart[j+1]). */
  private readonly partStart: Int32Array;
  /** Per metric: COUNT, SCALED or GENERAL. */
  private readonly sum: Uint8Array;
  /** Per part: its index into the cumulative starts, units per start and constant. */
  private readonly cumAt: Int32Array;
  private readonly perUnit: Float64Array;
  private readonly constant: Float64Array;
  private readonly moneyCells: number;
  private readonly inputs: number;
  private readonly cum: Float64Array;

  constructor(layout: MetricLayout, horizonYears: number, leafPrograms: number) {
    const H = (this.H = horizonYears);
    const all = [...layout.targets.map((t) => t.def), ...layout.progress].map((d) => d.parts);
    const parts = all.map((list) => list.filter((p) => p.upto > 0 || p.constant !== 0));
    this.sum = Uint8Array.from(parts, (list) =>
      list.some((p) => p.constant !== 0) ? GENERAL : list.some((p) => p.perUnit !== 1) ? SCALED : COUNT,
    );
    this.partStart = new Int32Array(parts.length + 1);
    parts.forEach((p, j) => (this.partStart[j + 1] = this.partStart[j] + p.length));
    const flat = parts.flat();
    this.cumAt = Int32Array.from(flat, (p) => p.lp * (H + 1) + p.upto);
    this.perUnit = Float64Array.from(flat, (p) => p.perUnit);
    this.constant = Float64Array.from(flat, (p) => p.constant);
    this.moneyCells = layout.sources.length * layout.paymentYears.length;
    this.inputs = layout.inputs.length;
    this.cum = new Float64Array(leafPrograms * (H + 1));
  }

  /** Writes the draw's metrics into column `column` of `values` (values[m] is metric m's column). */
  record(result: DrawResult, inputValues: ArrayLike<number>, values: Float64Array[], column: number): void {
    const { partStart, cumAt, perUnit, constant, sum } = this;
    const cum = cumulativeStarts(result.starts, this.H, this.cum);
    let k = 0;
    for (let j = 0; j + 1 < partStart.length; j++) {
      let v = 0;
      const first = partStart[j];
      const end = partStart[j + 1];
      if (sum[j] === COUNT) for (let m = first; m < end; m++) v += cum[cumAt[m]];
      else if (sum[j] === SCALED) for (let m = first; m < end; m++) v += cum[cumAt[m]] * perUnit[m];
      else for (let m = first; m < end; m++) v += cum[cumAt[m]] * perUnit[m] + constant[m];
      values[k++][column] = v;
    }
    for (let i = 0; i < this.moneyCells; i++) values[k++][column] = result.paid[i];
    let gapTotal = 0;
    for (let i = 0; i < this.moneyCells; i++) {
      values[k++][column] = result.gap[i];
      gapTotal += result.gap[i];
    }
    values[k++][column] = gapTotal;
    for (let i = 0; i < this.inputs; i++) values[k++][column] = inputValues[i];
  }
}
