import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellKey, hashKey, Stream, streamKey, threefry4x32, threefry4x32Pair, uniformAt, uniformFor, uniformsInto } from "../../src/montecarlo/streams.js";

describe("Threefry4x32-20", () => {
  // Random123 tests/kat_vectors: counter words, key words → output words.
  it.each([
    [[0, 0, 0, 0], [0, 0, 0, 0], [0x9c6ca96a, 0xe17eae66, 0xfc10ecd4, 0x5256a7d8]],
    [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0x2a881696, 0x57012287, 0xf6c7446e, 0xa16a6732]],
    [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0, 0x082efa98, 0xec4e6c89], [0x59cd1dbb, 0xb8879579, 0x86b5d00c, 0xac8b6d84]],
  ])("matches Random123's known answer %#", (ctr, key, want) => {
    const block = Uint32Array.from([...ctr, ...key]);
    threefry4x32(block);
    expect(Array.from(block.subarray(0, 4))).toEqual(want);
  });

  it("the interleaved pair equals two single blocks under the same key", () => {
    const word = fc.integer({ min: 0, max: 0xffffffff });
    fc.assert(
      fc.property(fc.array(word, { minLength: 12, maxLength: 12 }), (words) => {
        const pair = Uint32Array.from(words);
        threefry4x32Pair(pair);
        const a = Uint32Array.from(words.slice(0, 8));
        const b = Uint32Array.from([...words.slice(8, 12), ...words.slice(4, 8)]);
        threefry4x32(a);
        threefry4x32(b);
        expect(Array.from(pair.subarray(0, 4))).toEqual(Array.from(a.subarray(0, 4)));
        expect(Array.from(pair.subarray(8, 12))).toEqual(Array.from(b.subarray(0, 4)));
        expect(Array.from(pair.subarray(4, 8))).toEqual(words.slice(4, 8)); // the key is left as it was
      }),
    );
  });
});

describe("named streams", () => {
  it("are a pure function of (seed, draw, input, cell)", () => {
    const a = uniformFor(20240501, 7, "unit-cost", cellKey("gz", 2023));
    expect(uniformFor(20240501, 7, "unit-cost", "r:gz|y:2023")).toBe(a);
    expect(a).toBeGreaterThan(0);
    expect(a).toBeLessThan(1);
    const others = [
      uniformFor(20240502, 7, "unit-cost", "r:gz|y:2023"),
      uniformFor(20240501, 8, "unit-cost", "r:gz|y:2023"),
      uniformFor(20240501, 7, "unit-cost2", "r:gz|y:2023"),
      uniformFor(20240501, 7, "unit-cost", "r:gz|y:2024"),
      uniformFor(20240501, 7, "unit-cost", ""),
    ];
    for (const o of others) expect(o).not.toBe(a);
  });

  it("pin the derivation: these numbers must never change (results are reproducible across versions)", () => {
    expect(uniformFor(0, 0, "x", "")).toMatchInlineSnapshot(`0.7540379732931622`);
    expect(uniformFor(20240501, 12345, "unit-cost", "r:gz|y:2023")).toMatchInlineSnapshot(`0.11987223103260691`);
    expect(hashKey("unit-cost\u001fr:gz|y:2023")).toMatchInlineSnapshot(`
      {
        "h0": 386897052,
        "h1": 2453666423,
      }
    `);
  });

  it("use the full seed range (seeds 2³² apart differ)", () => {
    expect(uniformFor(2 ** 32 + 5, 0, "a", "")).not.toBe(uniformFor(5, 0, "a", ""));
    expect(uniformFor(Number.MAX_SAFE_INTEGER, 0, "a", "")).toBeGreaterThan(0);
  });

  it("reject seeds and draws outside their ranges", () => {
    expect(() => uniformFor(-1, 0, "a", "")).toThrow(RangeError);
    expect(() => uniformFor(1.5, 0, "a", "")).toThrow(RangeError);
    expect(() => uniformFor(2 ** 53, 0, "a", "")).toThrow(RangeError);
    expect(() => uniformFor(1, 2 ** 32, "a", "")).toThrow(RangeError);
    expect(() => new Stream(1, -1, "a")).toThrow(RangeError);
  });

  it("a Stream starts with uniformFor and continues with fresh numbers", () => {
    const s = new Stream(99, 3, "slip", "r:sz");
    const first = s.next();
    expect(first).toBe(uniformFor(99, 3, "slip", "r:sz"));
    const rest = s.fill(new Float64Array(9));
    expect(new Set([first, ...rest]).size).toBe(10);
    const k = streamKey("slip", "r:sz");
    expect(uniformAt(99, 3, k.h0, k.h1)).toBe(first);
  });

  it("uniformsInto gives each stream's first number, as uniformAt does, for the first n keys", () => {
    const keys = Uint32Array.from(["a", "b", "c", "d"].flatMap((id) => [streamKey(id, "").h0, streamKey(id, "").h1]));
    const seed = 2 ** 40 + 12345; // a seed with a high key word
    const out = new Float64Array(4).fill(-1);
    uniformsInto(seed, 77, keys, out, 3); // one interleaved pair and a single block
    expect(Array.from(out)).toEqual([0, 1, 2].map((c) => uniformAt(seed, 77, keys[2 * c], keys[2 * c + 1])).concat(-1));
    uniformsInto(seed, 78, keys, out, 4); // pairs only
    expect(Array.from(out)).toEqual([0, 1, 2, 3].map((c) => uniformAt(seed, 78, keys[2 * c], keys[2 * c + 1])));
  });

  it("cell keys name the granularity", () => {
    expect(cellKey(null, null)).toBe("");
    expect(cellKey("gz", null)).toBe("r:gz");
    expect(cellKey(null, 2023)).toBe("y:2023");
    expect(cellKey("gz", 2023)).toBe("r:gz|y:2023");
  });
});

describe("statistical quality", () => {
  const N = 200_000;
  const ks = (xs: Float64Array) => {
    const sorted = Float64Array.from(xs).sort();
    let D = 0;
    for (let i = 0; i < sorted.length; i++) D = Math.max(D, (i + 1) / sorted.length - sorted[i], sorted[i] - i / sorted.length);
    return D;
  };
  const critical = 1.9495 / Math.sqrt(N); // α = 0.001
  const corr = (x: Float64Array, y: Float64Array) => {
    let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (let i = 0; i < x.length; i++) {
      sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; syy += y[i] * y[i]; sxy += x[i] * y[i];
    }
    const n = x.length;
    return (sxy - (sx * sy) / n) / Math.sqrt((sxx - (sx * sx) / n) * (syy - (sy * sy) / n));
  };

  it("across draws of one stream name: uniform (KS) and serially uncorrelated", () => {
    const xs = Float64Array.from({ length: N }, (_, d) => uniformFor(1, d, "unit-cost", ""));
    expect(ks(xs)).toBeLessThan(critical);
    expect(Math.abs(corr(xs.subarray(1), xs.subarray(0, N - 1)))).toBeLessThan(5 / Math.sqrt(N));
  });

  it("across cells and inputs in one draw: uniform and mutually uncorrelated", () => {
    const a = Float64Array.from({ length: N }, (_, i) => uniformFor(1, 0, "consent", cellKey(`leaf${i}`, 2023)));
    const b = Float64Array.from({ length: N }, (_, i) => uniformFor(1, 0, "slip", cellKey(`leaf${i}`, 2023)));
    const c = Float64Array.from({ length: N }, (_, i) => uniformFor(2, 0, "consent", cellKey(`leaf${i}`, 2023)));
    expect(ks(a)).toBeLessThan(critical);
    expect(Math.abs(corr(a, b))).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(corr(a, c))).toBeLessThan(5 / Math.sqrt(N));
  });

  it("within one long stream: uniform, with pairs (u, next u) uncorrelated", () => {
    const xs = new Stream(7, 0, "long").fill(new Float64Array(N));
    expect(ks(xs)).toBeLessThan(critical);
    expect(Math.abs(corr(xs.subarray(1), xs.subarray(0, N - 1)))).toBeLessThan(5 / Math.sqrt(N));
  });
});
