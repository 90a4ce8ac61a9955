import { describe, expect, it } from "vitest";
import { precisionReached } from "../../src/stats/precisionReached.js";

describe("precisionReached", () => {
  it("does not trust p = 0 or 1 from a handful of draws", () => {
    expect(precisionReached(10, 10, 0.01)).toBe(false);
    expect(precisionReached(0, 100, 0.01)).toBe(false);
    expect(precisionReached(0, 800, 0.01)).toBe(true);
    expect(precisionReached(5000, 10000, 0.01)).toBe(true); // 1.96·0.005 = 0.0098
    expect(precisionReached(4000, 8000, 0.01)).toBe(false);
  });
  it("is false with no draws", () => {
    expect(precisionReached(0, 0, 1)).toBe(false);
  });
});
