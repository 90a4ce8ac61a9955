/**
 * Reproducible random numbers addressed by name, not by sequence: the numbers for
 * (seed, draw, input id, cell) are a pure function of those four values. Results therefore do not
 * depend on worker count, shard layout, input order, or what else the scenario contains, and two
 * scenarios run with the same seed share the numbers of the inputs they share (paired comparison).
 *
 * Derivation (see docs/monte-carlo.md, "Random streams"):
 *   key     = (seed mod 2³², ⌊seed / 2³²⌋, 0, 0)                  — seed an integer in [0, 2⁵³)
 *   (h0,h1) = cyrb53 lanes of the UTF-16 string `${inputId}\u001f${cell}`
 *   block n = Threefry4x32-20(counter = (draw, h0, h1, n), key)  — four 32-bit words
 *   numbers = words (w0, w1) then (w2, w3) of block 0, 1, 2, …; each pair → u = (x + ½) / 2⁵²
 *             with x = (w_hi >>> 12) · 2³² + w_lo, so u ∈ [2⁻⁵³, 1 − 2⁻⁵³], never 0 or 1.
 * Threefry4x32-20 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11; the
 * Random123 library) is a counter-based generator that passes BigCrush. It is used instead of
 * seeding a seedrandom generator per cell because a fresh alea or ARC4 state costs 3–7 µs and a
 * draw touches hundreds of cells; a Threefry block costs ~50 ns (Philox4x32-10, the other
 * Random123 family, needs 32×32→64-bit multiplies that cost ~4× more in JavaScript).
 */

export const MAX_SEED = Number.MAX_SAFE_INTEGER;
export const MAX_DRAW = 0xffffffff;

/**
 * One Threefry4x32-20 block: counter in block[0..3], key in block[4..7], output over the counter.
 * It runs through `threefry4x32Pair` and drops the pair's second block: single blocks are off the
 * hot path (sampling takes its cells two at a time), and one implementation is one to verify.
 */
export function threefry4x32(block: Uint32Array): void {
  single.set(block.subarray(0, 8));
  threefry4x32Pair(single);
  block.set(single.subarray(0, 4));
}

/** Counter A, key, counter B of a single block's pair (B stays whatever it was). */
const single = new Uint32Array(12);

/**
 * Threefry4x32-20 (Random123), two blocks under one key: counter A in block[0..3], the key in
 * block[4..7], counter B in block[8..11]; outputs over the counters. 20 add-rotate-xor rounds on
 * four 32-bit words with a key injection every four rounds, unrolled with the rotation constants
 * R_32x4 = (10,26) (11,21) (13,27) (23,5) (6,20) (17,11) (25,10) (18,20); words stay int32 bit
 * patterns (fast in V8). Verified against Random123's known-answer vectors, and lane B against
 * lane A, in test/montecarlo/streams.test.ts.
 *
 * The two blocks share no data, so the CPU runs their chains side by side (one chain alone waits
 * on each step). Words pass through a typed array, not as arguments: a word of 2³⁰ or more is no
 * small integer to V8, so passing it to this (too large to inline) function would allocate a
 * number for it — about one per sampled cell.
 */
export function threefry4x32Pair(block: Uint32Array): void {
  const k0 = block[4] | 0;
  const k1 = block[5] | 0;
  const k2 = block[6] | 0;
  const k3 = block[7] | 0;
  const k4 = 0x1bd11bda ^ k0 ^ k1 ^ k2 ^ k3;
  let x0 = (block[0] + k0) | 0;
  let x1 = (block[1] + k1) | 0;
  let x2 = (block[2] + k2) | 0;
  let x3 = (block[3] + k3) | 0;
  let y0 = (block[8] + k0) | 0;
  let y1 = (block[9] + k1) | 0;
  let y2 = (block[10] + k2) | 0;
  let y3 = (block[11] + k3) | 0;
  {
    x0 = (x0 + x1) | 0; x1 = ((x1 << 10) | (x1 >>> 22)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 26) | (x3 >>> 6)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 10) | (y1 >>> 22)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 26) | (y3 >>> 6)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 11) | (x3 >>> 21)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 21) | (x1 >>> 11)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 11) | (y3 >>> 21)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 21) | (y1 >>> 11)) ^ y2;
    x0 = (x0 + x1) | 0; x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 27) | (x3 >>> 5)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 13) | (y1 >>> 19)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 27) | (y3 >>> 5)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 23) | (x3 >>> 9)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 5) | (x1 >>> 27)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 23) | (y3 >>> 9)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 5) | (y1 >>> 27)) ^ y2;
    x0 = (x0 + k1) | 0; x1 = (x1 + k2) | 0; x2 = (x2 + k3) | 0; x3 = (x3 + k4 + 1) | 0; // key injection 1
    y0 = (y0 + k1) | 0; y1 = (y1 + k2) | 0; y2 = (y2 + k3) | 0; y3 = (y3 + k4 + 1) | 0;
    x0 = (x0 + x1) | 0; x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 20) | (x3 >>> 12)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 6) | (y1 >>> 26)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 20) | (y3 >>> 12)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 17) | (x3 >>> 15)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 11) | (x1 >>> 21)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 17) | (y3 >>> 15)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 11) | (y1 >>> 21)) ^ y2;
    x0 = (x0 + x1) | 0; x1 = ((x1 << 25) | (x1 >>> 7)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 10) | (x3 >>> 22)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 25) | (y1 >>> 7)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 10) | (y3 >>> 22)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 18) | (x3 >>> 14)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 20) | (x1 >>> 12)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 18) | (y3 >>> 14)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 20) | (y1 >>> 12)) ^ y2;
    x0 = (x0 + k2) | 0; x1 = (x1 + k3) | 0; x2 = (x2 + k4) | 0; x3 = (x3 + k0 + 2) | 0; // key injection 2
    y0 = (y0 + k2) | 0; y1 = (y1 + k3) | 0; y2 = (y2 + k4) | 0; y3 = (y3 + k0 + 2) | 0;
    x0 = (x0 + x1) | 0; x1 = ((x1 << 10) | (x1 >>> 22)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 26) | (x3 >>> 6)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 10) | (y1 >>> 22)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 26) | (y3 >>> 6)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 11) | (x3 >>> 21)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 21) | (x1 >>> 11)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 11) | (y3 >>> 21)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 21) | (y1 >>> 11)) ^ y2;
    x0 = (x0 + x1) | 0; x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 27) | (x3 >>> 5)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 13) | (y1 >>> 19)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 27) | (y3 >>> 5)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 23) | (x3 >>> 9)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 5) | (x1 >>> 27)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 23) | (y3 >>> 9)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 5) | (y1 >>> 27)) ^ y2;
    x0 = (x0 + k3) | 0; x1 = (x1 + k4) | 0; x2 = (x2 + k0) | 0; x3 = (x3 + k1 + 3) | 0; // key injection 3
    y0 = (y0 + k3) | 0; y1 = (y1 + k4) | 0; y2 = (y2 + k0) | 0; y3 = (y3 + k1 + 3) | 0;
    x0 = (x0 + x1) | 0; x1 = ((x1 << 6) | (x1 >>> 26)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 20) | (x3 >>> 12)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 6) | (y1 >>> 26)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 20) | (y3 >>> 12)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 17) | (x3 >>> 15)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 11) | (x1 >>> 21)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 17) | (y3 >>> 15)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 11) | (y1 >>> 21)) ^ y2;
    x0 = (x0 + x1) | 0; x1 = ((x1 << 25) | (x1 >>> 7)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 10) | (x3 >>> 22)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 25) | (y1 >>> 7)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 10) | (y3 >>> 22)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 18) | (x3 >>> 14)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 20) | (x1 >>> 12)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 18) | (y3 >>> 14)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 20) | (y1 >>> 12)) ^ y2;
    x0 = (x0 + k4) | 0; x1 = (x1 + k0) | 0; x2 = (x2 + k1) | 0; x3 = (x3 + k2 + 4) | 0; // key injection 4
    y0 = (y0 + k4) | 0; y1 = (y1 + k0) | 0; y2 = (y2 + k1) | 0; y3 = (y3 + k2 + 4) | 0;
    x0 = (x0 + x1) | 0; x1 = ((x1 << 10) | (x1 >>> 22)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 26) | (x3 >>> 6)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 10) | (y1 >>> 22)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 26) | (y3 >>> 6)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 11) | (x3 >>> 21)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 21) | (x1 >>> 11)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 11) | (y3 >>> 21)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 21) | (y1 >>> 11)) ^ y2;
    x0 = (x0 + x1) | 0; x1 = ((x1 << 13) | (x1 >>> 19)) ^ x0; x2 = (x2 + x3) | 0; x3 = ((x3 << 27) | (x3 >>> 5)) ^ x2;
    y0 = (y0 + y1) | 0; y1 = ((y1 << 13) | (y1 >>> 19)) ^ y0; y2 = (y2 + y3) | 0; y3 = ((y3 << 27) | (y3 >>> 5)) ^ y2;
    x0 = (x0 + x3) | 0; x3 = ((x3 << 23) | (x3 >>> 9)) ^ x0; x2 = (x2 + x1) | 0; x1 = ((x1 << 5) | (x1 >>> 27)) ^ x2;
    y0 = (y0 + y3) | 0; y3 = ((y3 << 23) | (y3 >>> 9)) ^ y0; y2 = (y2 + y1) | 0; y1 = ((y1 << 5) | (y1 >>> 27)) ^ y2;
    x0 = (x0 + k0) | 0; x1 = (x1 + k1) | 0; x2 = (x2 + k2) | 0; x3 = (x3 + k3 + 5) | 0; // key injection 5
    y0 = (y0 + k0) | 0; y1 = (y1 + k1) | 0; y2 = (y2 + k2) | 0; y3 = (y3 + k3 + 5) | 0;
  }
  block[0] = x0;
  block[1] = x1;
  block[2] = x2;
  block[3] = x3;
  block[8] = y0;
  block[9] = y1;
  block[10] = y2;
  block[11] = y3;
}

/** cyrb53 (bryc, public domain): two well-mixed 32-bit lanes of a string. */
export function hashKey(text: string): StreamKey {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { h0: h1 >>> 0, h1: h2 >>> 0 };
}

/** The hashed name of one stream: an input id and a cell key. */
export interface StreamKey {
  h0: number;
  h1: number;
}

/**
 * Cell keys name the granularity an input is drawn at; they are part of the stream name, so they
 * must never change meaning: "" (once per draw), "r:<region>", "y:<year>", "r:<region>|y:<year>".
 */
export function cellKey(region: string | null, year: number | null): string {
  if (region !== null && year !== null) return `r:${region}|y:${year}`;
  if (region !== null) return `r:${region}`;
  if (year !== null) return `y:${year}`;
  return "";
}

export function streamKey(inputId: string, cell: string): StreamKey {
  return hashKey(`${inputId}\u001f${cell}`);
}

const TWO_32 = 4294967296;
// Scaling by a power of two is exact, so multiplying by its reciprocal equals dividing by it
// bit for bit (and costs a fraction of a division on the hot path).
const INV_TWO_32 = 1 / TWO_32;
const INV_TWO_52 = 1 / 4503599627370496;
/** Counter A, key, counter B (threefry4x32Pair); single blocks use the first eight words. */
const scratch = new Uint32Array(12);

function toUniform(hi: number, lo: number): number {
  return ((hi >>> 12) * TWO_32 + lo + 0.5) * INV_TWO_52;
}

/** Throws a RangeError unless seed ∈ [0, 2⁵³) and draw ∈ [0, 2³²) are integers. */
export function checkSeedDraw(seed: number, draw: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed ${seed} is not an integer in [0, 2^53)`);
  if (!Number.isInteger(draw) || draw < 0 || draw > MAX_DRAW) throw new RangeError(`draw ${draw} is not an integer in [0, 2^32)`);
}

/**
 * The first number of the stream (seed, draw, key = (h0, h1)): the hot path of sampling, taking
 * the key's words so callers can keep them in typed arrays. It does not validate seed and draw:
 * callers check them once per draw with `checkSeedDraw`.
 */
export function uniformAt(seed: number, draw: number, h0: number, h1: number): number {
  setBlock(scratch, draw, h0, h1, 0, seed >>> 0, Math.floor(seed * INV_TWO_32) >>> 0);
  threefry4x32(scratch);
  return toUniform(scratch[0], scratch[1]);
}

/**
 * out[c] = uniformAt(seed, draw, keys[2c], keys[2c + 1]) for c < n: the first numbers of many
 * streams of one draw, two cells per Threefry pair, with the key written once (Threefry
 * overwrites only the counter words). An odd last cell runs in both lanes; its copy is dropped.
 */
export function uniformsInto(seed: number, draw: number, keys: Uint32Array, out: Float64Array, n: number): void {
  setBlock(scratch, draw, 0, 0, 0, seed >>> 0, Math.floor(seed * INV_TWO_32) >>> 0);
  for (let c = 0; c < n; c += 2) {
    const d = c + 1 < n ? c + 1 : c;
    scratch[0] = draw;
    scratch[1] = keys[2 * c];
    scratch[2] = keys[2 * c + 1];
    scratch[3] = 0;
    scratch[8] = draw;
    scratch[9] = keys[2 * d];
    scratch[10] = keys[2 * d + 1];
    scratch[11] = 0;
    threefry4x32Pair(scratch);
    out[c] = toUniform(scratch[0], scratch[1]);
    if (d !== c) out[d] = toUniform(scratch[8], scratch[9]);
  }
}

/** Counter (c0, c1, c2, c3) and key (k0, k1, 0, 0) into a Threefry block. */
function setBlock(block: Uint32Array, c0: number, c1: number, c2: number, c3: number, k0: number, k1: number): void {
  block[0] = c0;
  block[1] = c1;
  block[2] = c2;
  block[3] = c3;
  block[4] = k0;
  block[5] = k1;
  block[6] = 0;
  block[7] = 0;
}

/** The first uniform of stream (seed, draw, inputId, cell). */
export function uniformFor(seed: number, draw: number, inputId: string, cell: string): number {
  checkSeedDraw(seed, draw);
  const key = streamKey(inputId, cell);
  return uniformAt(seed, draw, key.h0, key.h1);
}

/** Many uniforms from one named stream; the first equals `uniformFor` with the same name. */
export class Stream {
  private readonly k0: number;
  private readonly k1: number;
  private readonly key: StreamKey;
  private readonly words = new Uint32Array(8);
  private block = 0;
  private half = 2;

  constructor(
    seed: number,
    private readonly draw: number,
    inputId: string,
    cell = "",
  ) {
    checkSeedDraw(seed, draw);
    this.k0 = seed >>> 0;
    this.k1 = Math.floor(seed / TWO_32) >>> 0;
    this.key = streamKey(inputId, cell);
  }

  /** Next uniform in (0, 1). A stream holds 2³³ numbers; exhausting one is a programming error. */
  next(): number {
    if (this.half === 2) {
      if (this.block > MAX_DRAW) throw new RangeError("random stream exhausted");
      setBlock(this.words, this.draw, this.key.h0, this.key.h1, this.block++, this.k0, this.k1);
      threefry4x32(this.words);
      this.half = 0;
    }
    const i = this.half++ * 2;
    return toUniform(this.words[i], this.words[i + 1]);
  }

  /** Fills `out` with the next `out.length` uniforms. */
  fill(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i++) out[i] = this.next();
    return out;
  }
}
