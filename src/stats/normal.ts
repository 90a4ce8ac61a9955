/**
 * Standard normal special functions, accurate to near double precision including the tails (the
 * truncated normal and lognormal samplers need Φ of far-out bounds, and the Gaussian copula
 * round-trips u → z → u). simple-statistics' table-based normal CDF is only good to ~1e-4.
 *
 * - `normalQuantile`: Wichura (1988), Algorithm AS 241 (PPND16), relative accuracy ~1e-16.
 * - `normalUpper`/`normalCdf`: W. J. Cody (1969), "Rational Chebyshev approximations for the error
 *   function" (the algorithm of R's pnorm), ~1e-16 relative in both tails; 0 beyond |z| = 37.5.
 */

const SQRT_2PI = 2.5066282746310002;

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

// Cody's coefficients (numerators c, p; denominators d, q) for the middle and far ranges.
const CODY_C = Float64Array.from([0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124]);
const CODY_D = Float64Array.from([22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091, 34900.952721145977266, 38912.003286093271411]);
const CODY_P = Float64Array.from([0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466]);
const CODY_Q = Float64Array.from([1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244]);

/** exp(−y²/2) without the rounding error of y² for large y (Cody: split y at a multiple of 1/16). */
function expHalfSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-0.5 * ysq * ysq) * Math.exp(-0.5 * del);
}

/** Tail area Φ(−|z|) by Cody's rational Chebyshev approximations, accurate in relative terms. */
function lowerTailOfAbs(z: number): number {
  const y = Math.abs(z);
  if (y <= 0.67448975) {
    const ysq = y * y;
    let num = 0.065682337918207449113 * ysq;
    let den = ysq;
    num = (num + 2.2352520354606839287) * ysq;
    den = (den + 47.20258190468824187) * ysq;
    num = (num + 161.02823106855587881) * ysq;
    den = (den + 976.09855173777669322) * ysq;
    num = (num + 1067.6894854603709582) * ysq;
    den = (den + 10260.932208618978205) * ysq;
    return 0.5 - (y * (num + 18154.981253343561249)) / (den + 45507.789335026729956);
  }
  if (y <= 5.656854249492380195) {
    let num = 1.0765576773720192317e-8 * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + CODY_C[i]) * y;
      den = (den + CODY_D[i]) * y;
    }
    return (expHalfSquare(y) * (num + 9842.7148383839780218)) / (den + 19685.429676859990727);
  }
  if (y > 37.5193) return 0;
  const ysq = 1 / (y * y);
  let num = 0.02307344176494017303 * ysq;
  let den = ysq;
  for (let i = 0; i < 4; i++) {
    num = (num + CODY_P[i]) * ysq;
    den = (den + CODY_Q[i]) * ysq;
  }
  const t = (ysq * (num + 2.9112874951168792e-5)) / (den + 7.29751555083966205e-5);
  return (expHalfSquare(y) * (0.398942280401432677939946059934 - t)) / y;
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
