/**
 * The column name for a probability: "p" and 100p to 12 significant digits, trailing zeros
 * dropped, which hides the rounding of 100p — 0.05 → "p5", 0.07 → "p7" (100 · 0.07 is
 * 7.000000000000001), 0.025 → "p2.5", 1/3 → "p33.3333333333". Probabilities closer than about
 * 1e−12 relative share a name (in `summarise` the later one's value is kept).
 */
export function quantileName(p: number): string {
  return `p${Number((p * 100).toPrecision(12))}`;
}
