/** The packed recorder writes exactly what the metric definitions say, into the shard's columns. */
import { describe, expect, it } from "vitest";
import { loadCheckedScenario } from "../../src/loadChecked.js";
import { buildPlanningModel } from "../../src/model/build.js";
import { DrawRecorder } from "../../src/montecarlo/drawRecorder.js";
import { buildMetricLayout, cumulativeStarts, evaluateMetric } from "../../src/montecarlo/metrics.js";
import { Stream } from "../../src/montecarlo/streams.js";
import { createShard } from "../../src/stats/outcomes.js";

describe.each(["replan", "toy"])("DrawRecorder on test/fixtures/mc/%s.yaml", (file) => {
  const { scenario } = loadCheckedScenario(`test/fixtures/mc/${file}.yaml`);
  const { ctx } = buildPlanningModel(scenario);
  const fixture = buildMetricLayout(ctx, ["a", "b"]);
  // Metrics of every kind the recorder sums apart: starts only, starts × a factor, and with
  // constants; parts before any start (upto 0) with and without a constant.
  const variants = fixture.progress.flatMap((d) => [
    { name: `${d.name}|count`, parts: d.parts.map((p) => ({ ...p, perUnit: 1, constant: 0 })) },
    { name: `${d.name}|scaled`, parts: d.parts.map((p, i) => ({ ...p, perUnit: 2.5 + i, constant: 0, upto: i === 1 ? 0 : p.upto })) },
    { name: `${d.name}|general`, parts: d.parts.map((p, i) => ({ ...p, perUnit: 3, constant: 0.1 * (1 - i), upto: 0 })) },
  ]);
  const layout = { ...fixture, progress: [...fixture.progress, ...variants] };
  const names = [...layout.targets.map((t) => t.def.name), ...layout.progress.map((d) => d.name), ...fixture.names.slice(fixture.targets.length + fixture.progress.length)];

  it("records every metric as evaluateMetric, money and inputs as given, in layout order", () => {
    const H = ctx.years.length;
    const N = ctx.leafPrograms.length;
    const Y = ctx.paymentYears.length;
    const S = layout.sources.length;
    const rng = new Stream(3, 0, "recorder");
    const result = {
      starts: rng.fill(new Float64Array(N * H)).map((u) => 100 * u),
      paid: rng.fill(new Float64Array(S * Y)),
      gap: rng.fill(new Float64Array(S * Y)),
    };
    const inputs = [0.25, 1.5];
    const shard = createShard(names, [0, 1, 2]);
    new DrawRecorder(layout, H, N).record(result, inputs, shard.values, 1);

    const cum = cumulativeStarts(result.starts, H, new Float64Array(N * (H + 1)));
    const defs = [...layout.targets.map((t) => t.def), ...layout.progress];
    const gapTotal = result.gap.reduce((a, b) => a + b, 0);
    const expected = [...defs.map((d) => evaluateMetric(d, cum, H)), ...result.paid, ...result.gap, gapTotal, ...inputs];
    expect(defs.some((d) => d.parts.length > 1)).toBe(true); // the variants have parts of every kind
    expect(shard.values.map((column) => column[1])).toEqual(expected);
    expect(shard.values.every((column) => Number.isNaN(column[0]) && Number.isNaN(column[2]))).toBe(true);
  });
});
