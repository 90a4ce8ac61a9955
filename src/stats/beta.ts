/**
 * The beta distribution's CDF (regularised incomplete beta I_x(a, b)) and its inverse, for PERT.
 *
 * - I_x(a, b): continued fraction evaluated with the modified Lentz method (Press et al.,
 *   Numerical Recipes §6.4), using the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) so the fraction
 *   converges fast; relative accuracy ~1e-14 for the shape parameters PERT produces (1 ≤ a, b ≤ ~50).
 * - Inverse: safeguarded Newton (each step stays inside a bracket that shrinks on every
 *   evaluation, falling back to bisection), relative accuracy ~1e-12 in x (see NEWTON_DONE); for
 *   speed, a verified cubic table answers most quantiles without solving (`betaQuantileFunction`).
 */
import { gammaln } from "simple-statistics";

/** ln B(a, b). */
export function lnBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

const TINY = 1e-300;
const EPS = 1e-15;

/** Continued fraction for I_x(a, b) (valid and fast for x < (a+1)/(a+b+2)). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b). */
export function betaCdf(x: number, a: number, b: number, lnB = lnBeta(a, b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Beta(a, b) density. */
export function betaPdf(x: number, a: number, b: number, lnB = lnBeta(a, b)): number {
  if (x < 0 || x > 1) return 0;
  if (x === 0) return a < 1 ? Infinity : a === 1 ? Math.exp(-lnB) : 0;
  if (x === 1) return b < 1 ? Infinity : b === 1 ? Math.exp(-lnB) : 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
}

/**
 * Solves I_x(a, b) = p for x inside [lo, hi], starting at x0. A Newton step smaller than
 * NEWTON_DONE·min(x, 1 − x) ends the search: Newton's error after such a step is about
 * ½·|pdf′/pdf|·step² ≤ ½(a + b − 2)·NEWTON_DONE²·min(x, 1 − x), i.e. ~2e-12 relative for λ = 4.
 */
const NEWTON_DONE = 1e-6;
/** Tighter stop for the set-up table, which must be more accurate than what it is checked against. */
const TABLE_DONE = 1e-9;

function solveBeta(p: number, a: number, b: number, lnB: number, lo: number, hi: number, x0: number, done = NEWTON_DONE): number {
  let x = x0;
  for (let i = 0; i < 200; i++) {
    const f = betaCdf(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const slope = betaPdf(x, a, b, lnB);
    const next = slope > 0 && Number.isFinite(slope) ? x - f / slope : NaN;
    if (next > lo && next < hi) {
      if (Math.abs(next - x) <= done * Math.min(next, 1 - next)) return next;
      x = next;
    } else {
      x = 0.5 * (lo + hi);
    }
    if (hi - lo <= 4e-16 * Math.max(hi, 1e-300)) return x;
  }
  return x;
}

/** A cell is interpolated only if, at its midpoint, the cubic agrees with the solver this closely. */
const HERMITE_TOL = 1e-9;
/** Probability in each tail segment. */
const TAIL = 1 / 16;

/**
 * One piece of the quantile table: x = Q(U(v)) tabulated on v ∈ [0, 1] in `cells` equal steps,
 * with slopes dx/dv = U′(v)/pdf(x) for cubic Hermite interpolation.
 */
interface Segment {
  cells: number;
  x: Float64Array;
  slope: Float64Array;
  /** 1 where the cubic is not trusted and the quantile is solved for instead. */
  exact: Uint8Array;
}

function buildSegment(cells: number, U: (v: number) => number, dU: (v: number) => number, a: number, b: number, lnB: number): Segment {
  const x = new Float64Array(cells + 1);
  const slope = new Float64Array(cells + 1);
  for (let k = 0; k <= cells; k++) {
    const u = U(k / cells);
    x[k] = u <= 0 ? 0 : u >= 1 ? 1 : solveBeta(u, a, b, lnB, 0, 1, a / (a + b), TABLE_DONE);
    slope[k] = dU(k / cells) / (cells * betaPdf(x[k], a, b, lnB));
  }
  const seg: Segment = { cells, x, slope, exact: new Uint8Array(cells) };
  for (let k = 0; k < cells; k++) {
    const dx = x[k + 1] - x[k];
    const al = slope[k] / dx;
    const be = slope[k + 1] / dx;
    if (!(Number.isFinite(al) && Number.isFinite(be) && al >= 0 && be >= 0 && al * al + be * be <= 9)) {
      seg.exact[k] = 1;
      continue;
    }
    const [lo, hi] = dx > 0 ? [x[k], x[k + 1]] : [x[k + 1], x[k]];
    const truth = solveBeta(U((k + 0.5) / cells), a, b, lnB, lo, hi, 0.5 * (lo + hi), TABLE_DONE);
    if (!(Math.abs(hermite(seg, k, 0.5) - truth) <= HERMITE_TOL * Math.min(truth, 1 - truth))) seg.exact[k] = 1;
  }
  return seg;
}

function hermite(seg: Segment, k: number, t: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  const { x, slope } = seg;
  return (2 * t3 - 3 * t2 + 1) * x[k] + (t3 - 2 * t2 + t) * slope[k] + (-2 * t3 + 3 * t2) * x[k + 1] + (t3 - t2) * slope[k + 1];
}

/**
 * The quantile function of Beta(a, b) (a, b ≥ 1, as PERT gives). Set-up tabulates Q with its
 * slopes in three segments: the middle on a grid uniform in u, and each tail on a grid uniform in
 * v = (u/TAIL)^(1/a) (resp. ((1 − u)/TAIL)^(1/b)), where Q ≈ c·u^(1/a) becomes smooth. A quantile
 * is a cubic Hermite interpolation in its cell (~10 ns) wherever that cubic was verified at the
 * cell's midpoint to 1e-9 relative to min(x, 1 − x) and is monotone (Fritsch–Carlson); in the few
 * other cells it solves I_x = p by safeguarded Newton.
 *
 * A class, not closures per distribution: every table then shares one `at`, which V8 inlines into
 * `into`'s loop whatever the number of PERT inputs (a closure per table could not be inlined once
 * there were several, and each quantile came back as a newly allocated number).
 */
export class BetaInverse {
  private readonly lnB: number;
  private readonly mid: Segment;
  private readonly low: Segment;
  private readonly high: Segment;
  private readonly inA: number;
  private readonly inB: number;

  constructor(
    private readonly a: number,
    private readonly b: number,
  ) {
    const lnB = (this.lnB = lnBeta(a, b));
    this.mid = buildSegment(1024, (v) => TAIL + v * (1 - 2 * TAIL), () => 1 - 2 * TAIL, a, b, lnB);
    this.low = buildSegment(256, (v) => TAIL * v ** a, (v) => TAIL * a * v ** (a - 1), a, b, lnB);
    this.high = buildSegment(256, (v) => 1 - TAIL * v ** b, (v) => -TAIL * b * v ** (b - 1), a, b, lnB);
    this.inA = 1 / a;
    this.inB = 1 / b;
  }

  /** Q(p): the x with I_x(a, b) = p. */
  at(p: number): number {
    if (!(p > 0)) return p === 0 ? 0 : NaN;
    if (!(p < 1)) return p === 1 ? 1 : NaN;
    let seg = this.mid;
    let v = (p - TAIL) / (1 - 2 * TAIL);
    if (p < TAIL) {
      seg = this.low;
      v = Math.exp(Math.log(p / TAIL) * this.inA); // faster than Math.pow in V8
    } else if (p > 1 - TAIL) {
      seg = this.high;
      v = Math.exp(Math.log((1 - p) / TAIL) * this.inB);
    }
    const pos = v * seg.cells;
    const k = Math.min(Math.floor(pos), seg.cells - 1);
    const t = pos - k;
    if (seg.exact[k] === 0) return hermite(seg, k, t);
    const x0 = seg.x[k];
    const x1 = seg.x[k + 1];
    return solveBeta(p, this.a, this.b, this.lnB, Math.min(x0, x1), Math.max(x0, x1), x0 + t * (x1 - x0));
  }

  /** out[i] = at(p[i]) for i < n, in one call for many quantiles. */
  into(p: Float64Array, out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) out[i] = this.at(p[i]);
  }
}

/** The prepared quantile function of Beta(a, b) (see BetaInverse). */
export function betaQuantileFunction(a: number, b: number): BetaInverse {
  return new BetaInverse(a, b);
}
