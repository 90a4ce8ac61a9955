/** Axis labels: one unit per axis, chosen by its top. */
import { describe, expect, it } from "vitest";
import { countAxis, niceCeil } from "../../src/report/axis.js";

describe("countAxis", () => {
  it("labels an axis up to 10,000 in plain numbers throughout (it read 8,000 then 1万)", () => {
    const zh = countAxis("zh", 10_000);
    expect([0, 2_000, 8_000, 10_000].map(zh)).toEqual(["0", "2,000", "8,000", "10,000"]);
    const en = countAxis("en", 10_000);
    expect([8_000, 10_000].map(en)).toEqual(["8,000", "10,000"]);
  });

  it("labels an axis from 10万 in 万 (zh) and k or M (en) throughout", () => {
    const zh = countAxis("zh", 1_500_000);
    expect([0, 50_000, 300_000, 1_500_000].map(zh)).toEqual(["0", "5万", "30万", "150万"]);
    expect([50_000, 150_000].map(countAxis("en", 150_000))).toEqual(["50k", "150k"]);
    expect([500_000, 1_500_000].map(countAxis("en", 1_500_000))).toEqual(["0.5M", "1.5M"]);
  });

  it("without a top, each value takes its own unit (single figures such as a target's label)", () => {
    expect(countAxis("zh")(1_420_000)).toBe("142万");
    expect(countAxis("zh")(8_007)).toBe("8,007");
    expect(countAxis("en")(1_420_000)).toBe("1.42M");
  });

  it("niceCeil gives the axis tops these rules read", () => {
    expect(niceCeil(8_007)).toBe(10_000);
    expect(niceCeil(1_420_000)).toBe(1_500_000);
  });
});
