/**
 * `x` rounded to `digits` decimals as Excel and WPS display it: its decimal form, to 15 significant
 * digits, rounded half away from zero. toFixed rounds the binary value instead — 0.9255 × 100 is
 * 92.5499999…, so the printout and report read 92.5 % where the workbook's `0.0%` format shows
 * 92.6 % for the same P(met) (an analyst compared them). Like Excel, it keeps 15 significant digits
 * of x·10^digits: exact for the engine's amounts (yuan with fen, ~13 digits), not beyond 2^53.
 * `down` rounds towards −∞ instead (a value below its target must not read as the target).
 */
export function roundAsDisplayed(x: number, digits: number, direction: "nearest" | "down" = "nearest"): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** digits;
  const decimal = Number((x * scale).toPrecision(15));
  if (direction === "down") return Math.floor(decimal) / scale;
  const rounded = Math.round(Math.abs(decimal)) / scale;
  return x < 0 ? -rounded : rounded;
}

/** `x` to `digits` decimals, rounded as roundAsDisplayed (a string like toFixed's). */
export function fixedAsDisplayed(x: number, digits: number): string {
  return roundAsDisplayed(x, digits).toFixed(digits);
}
