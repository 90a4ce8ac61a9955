/**
 * Writes one draw's metrics (metrics.ts, `layout.names` order) straight into a shard's columns.
 * The parts of every metric read off starts are packed into flat arrays once per job, so a
 * Guangdong draw's ~1,000 parts are read with no object per part, and there is no row to copy
 * into the shard afterwards. Each metric is summed as `evaluateMetric` sums it, part by part in
 * the same order, so its value is the same bit for bit.
 */
import type { DrawResult } from "./execute.js";
import { cumulativeStarts, type MetricLayout } from "./metrics.js";

export class DrawRecorder {
  private readonly H: number;
  /** Metrics read off starts (targets, then progress): metric j's parts are [partStart[j], partStart[j+1]). */
  private readonly partStart: Int32Array;
  /** Per part: its index into the cumulative starts, units per start and constant. */
  private readonly cumAt: Int32Array;
  private readonly perUnit: Float64Array;
  private readonly constant: Float64Array;
  private readonly moneyCells: number;
  private readonly inputs: number;
  private readonly cum: Float64Array;

  constructor(layout: MetricLayout, horizonYears: number, leafPrograms: number) {
    const H = (this.H = horizonYears);
    const parts = [...layout.targets.map((t) => t.def), ...layout.progress].map((d) => d.parts);
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
    const { partStart, cumAt, perUnit, constant } = this;
    const cum = cumulativeStarts(result.starts, this.H, this.cum);
    let k = 0;
    for (let j = 0; j + 1 < partStart.length; j++) {
      let v = 0;
      for (let m = partStart[j]; m < partStart[j + 1]; m++) v += cum[cumAt[m]] * perUnit[m] + constant[m];
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
