/**
 * Standard normal special functions, accurate to near double precision including the tails (the
 * truncated normal and lognormal samplers need Φ of far-out bounds, and the Gaussian copula
 * round-trips u → z → u). simple-statistics' table-based normal CDF is only good to ~1e-4.
 *
 * - `normalQuantile`: Wichura (1988), Algorithm AS 241 (PPND16), relative accuracy ~1e-16.
 * - `normalUpper`/`normalCdf`: Hart et al. (1968) algorithm 5666 as given by West (2005), "Better
 *   approximations to cumulative normal functions"; ~1e-15 relative, continued fraction beyond
 *   |z| = 10/√2. Returns 0 beyond |z| = 37 (below the smallest double).
 */

const SQRT_2PI = 2.5066282746310002;

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

/** Tail area Φ(−|z|), accurate in relative terms. */
function lowerTailOfAbs(z: number): number {
  const x = Math.abs(z);
  if (x > 37) return 0;
  const e = Math.exp(-0.5 * x * x);
  if (x < 7.0710678118654755) {
    const num =
      ((((((0.03526249659989109 * x + 0.7003830644436881) * x + 6.37396220353165) * x +
        33.912866078383) * x + 112.0792914978709) * x + 221.2135961699311) * x + 220.2068679123761);
    const den =
      (((((((0.08838834764831844 * x + 1.755667163182642) * x + 16.06417757920695) * x +
        86.78073220294608) * x + 296.5642487796737) * x + 637.3336333788311) * x +
        793.8265125199484) * x + 440.4137358247522);
    return (e * num) / den;
  }
  return e / SQRT_2PI / (x + 1 / (x + 2 / (x + 3 / (x + 4 / (x + 0.65)))));
}

/** Φ(z) = P(Z ≤ z); Φ(−∞) = 0, Φ(∞) = 1. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const t = lowerTailOfAbs(z);
  return z < 0 ? t : 1 - t;
}

/** Q(z) = P(Z > z) = Φ(−z), accurate for large z where 1 − Φ(z) would cancel. */
export function normalUpper(z: number): number {
  return normalCdf(-z);
}

/** P(a < Z ≤ b) for a ≤ b, computed from whichever tail keeps precision. */
export function normalMass(a: number, b: number): number {
  if (b <= 0) return normalCdf(b) - normalCdf(a);
  if (a >= 0) return normalUpper(a) - normalUpper(b);
  return 1 - normalCdf(a) - normalUpper(b);
}

/** Φ⁻¹(p) for p in (0, 1) (AS 241); ±∞ at 0 and 1, NaN outside. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    z =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -z : z;
}

/** The z with Q(z) = q, for small upper-tail areas q (avoids forming 1 − q). */
export function normalUpperQuantile(q: number): number {
  return -normalQuantile(q);
}
