/**
 * Numbers that a comma splits inside a YAML flow mapping `{…}`, where a comma ends an entry:
 * thousands groups (`{per_year: 3,000}` reads as 3 and a stray key `000`), groups that repeat a key
 * (a syntax error, given a hint), and decimal commas (`{max: 0,5}`). Each is named with the number
 * as written, so a budget of 3 yuan or a share of 0 is never planned silently (yamlFile.ts).
 */
import { isScalar, type Pair, type Scalar } from "yaml";
import type { PathKey } from "./positions.js";
import type { ProblemLog } from "./problems.js";
import { MONEY_UNIT } from "./units.js";

/** The layer being read: its text, file and lines, and where its problems go. */
export interface FlowMapText {
  text: string;
  file: string;
  lineOf: (offset: number | undefined) => number | null;
  problems: ProblemLog;
}

/**
 * A number with thousands commas in a flow mapping (`{region: x, per_year: 22,000,000}`): inside
 * `{…}` a comma separates entries, so YAML reads `per_year: 22` and then keys `000` — twice, here,
 * which is the error. (One group, `per_year: 3,000`, is no YAML error: it reads as 3 and a key 0
 * without a value, which splitNumbersInFlowMap refuses. In block style,
 * `per_year: 22,000,000` is one text value, an amount.) The
 * hint is given for a line with a number in thousands groups (1,000 … 22,000,000.5) outside quotes
 * and comments, and a brace.
 */
export function thousandsCommaHint(line: string): string | null {
  const bare = line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""').replace(/(^|\s)#.*$/, "");
  if (!/[{}]/.test(bare)) return null;
  // A money unit after the number belongs to it: "3,000万" quoted without its unit would be 3,000 yuan.
  const number = new RegExp(`(?<![\\w.])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?!\\d)(?:\\s*(?:${MONEY_UNIT}))?`).exec(bare);
  if (number) return `numbers with thousands commas inside {…} must be quoted: "${number[0]}" (or written without commas: ${number[0].replace(/,/g, "")}); unquoted, YAML reads each comma there as the end of an entry`;
  // Digits grouped by 万 (2,0000,0000), as Chinese amounts are sometimes written, or otherwise.
  const grouped = /(?<![\w.])\d+(?:,\d+)+(?![\w.])/.exec(bare);
  if (!grouped) return null;
  const digits = grouped[0].replace(/,/g, "");
  // 0,5 is a decimal comma (as Excel writes numbers in some locales), not digits to run together.
  if (/^0,\d+$/.test(grouped[0])) return `${grouped[0]} inside {…} is read as separate entries (YAML ends an entry at each comma there): write decimals with a point (${grouped[0].replace(",", ".")}), or quote the value`;
  return `${grouped[0]} inside {…} is read as separate entries (YAML ends an entry at each comma there): write ${digits} or an amount with a unit (e.g. "2亿"), or quote it ("${grouped[0]}")`;
}

/** A plain whole number 1–999 (a sign allowed): what stands before the first thousands comma. */
const LEADING_GROUP = /^[-+]?[1-9]\d{0,2}$/;
/**
 * A thousands group after a comma: three digits, the last group with decimals or a money unit if
 * any (`000`, `500.5`, `000万`: `3,000万` is 3000万, never 3.000万).
 */
const FOLLOWING_GROUP = new RegExp(`^\\d{3}(?:\\.\\d+)?(?:\\s*(?:${MONEY_UNIT}))?$`);
/** A group that ends the number: one with decimals or a unit. */
const LAST_GROUP = /\.|\D$/;

/** The text of a plain (unquoted) scalar as written, or "" for anything else. */
function plainSource(node: unknown): string {
  return isScalar(node) && node.type === "PLAIN" && typeof node.source === "string" ? node.source : "";
}

/**
 * `{region: gz, per_year: 3,000}` is valid YAML: the comma ends the entry, so it reads as
 * per_year: 3 and a key 000 with no value, which the merge then drops (null removes a key) — a
 * budget of 3 yuan and no error. (Two equal groups, 22,000,000, repeat the key 000: a syntax
 * error, see thousandsCommaHint.) Flagged: an entry whose value is a plain 1–999 followed, after
 * a comma, by keys of three digits (the last may have decimals) written without `:` or a value.
 * `{2027: 0, 2028: 0}` and `{a: 1, 100: 5}` have values and are not touched. A decimal comma
 * (`{max: 0,5}`) is told apart in decimalComma.
 */
export function splitNumbersInFlowMap(at: FlowMapText, pairs: readonly Pair<unknown, unknown>[], path: PathKey[]): void {
  for (let i = 0; i < pairs.length; i++) {
    const first = pairs[i].value;
    const key = pairs[i].key;
    if (!isScalar(first) || !isScalar(key)) continue;
    const groups: Scalar[] = [];
    let end = first.range![1];
    const leading = LEADING_GROUP.test(plainSource(first)); // 1–999: may start thousands groups
    for (let j = i + 1; leading && j < pairs.length; j++) {
      const next = pairs[j].key;
      if (pairs[j].value !== null || !isScalar(next) || !FOLLOWING_GROUP.test(plainSource(next))) break;
      if (!/^\s*,\s*$/.test(at.text.slice(end, next.range![0]))) break;
      groups.push(next);
      end = next.range![1];
      if (LAST_GROUP.test(plainSource(next))) break;
    }
    if (groups.length === 0) {
      i += decimalComma(at, pairs, i, path);
      continue;
    }
    const stray = groups.map((g) => `"${plainSource(g)}"`);
    const strayText = stray.length === 1 ? `a stray key ${stray[0]}` : `stray keys ${stray.slice(0, -1).join(", ")} and ${stray[stray.length - 1]}`;
    splitNumber(at, first, groups, [...path, String(key.value)], strayText, "{…}");
    i += groups.length;
  }
}

/**
 * `{max: 0,5}` — a decimal comma, as Excel writes numbers in some locales — reads as max: 0 and a
 * key 5 with no value, which the merge drops: a maximum share of 0 and no error. Flagged: a whole
 * number followed by a comma with no space after it and value-less keys that start with a digit
 * (3,000 is caught as thousands first; with a space after the comma it is taken as two entries).
 * Returns how many stray keys it named.
 */
function decimalComma(at: FlowMapText, pairs: readonly Pair<unknown, unknown>[], i: number, path: PathKey[]): number {
  const first = pairs[i].value;
  const key = pairs[i].key;
  if (!isScalar(first) || !isScalar(key) || !/^[-+]?\d+$/.test(plainSource(first))) return 0;
  // Value-less digit keys right after it, each after a comma with no space behind it ("0 ,5" too).
  const stray: Scalar[] = [];
  let end = first.range![1];
  for (let j = i + 1; j < pairs.length; j++) {
    const next = pairs[j].key;
    if (!isScalar(next) || pairs[j].value !== null || !/^\d/.test(plainSource(next))) break;
    if (!/^\s*,$/.test(at.text.slice(end, next.range![0]))) break;
    stray.push(next);
    end = next.range![1];
  }
  if (stray.length === 0) return 0;
  const written = [first, ...stray].map(plainSource).join(",");
  const keys = stray.map((k) => `"${plainSource(k)}"`).join(", ");
  const meant = stray.length === 1 ? ` (${written.replace(",", ".")})` : "";
  at.problems.addRow(
    [...path, String(key.value)],
    { file: at.file, line: at.lineOf(first.range![0]) },
    `${String(key.value)}: ${written} inside {…} is read as ${plainSource(first)} and ${stray.length === 1 ? "a stray key" : "stray keys"} ${keys} (inside {…} a comma ends an entry): write decimals with a point${meant}, or quote the value`,
  );
  return stray.length;
}

/** Logs a number split by thousands commas; loading goes on, so the file's other problems are listed too. */
function splitNumber(at: FlowMapText, first: Scalar, groups: readonly Scalar[], path: PathKey[], strayText: string, brackets: string): void {
  const written = at.text.slice(first.range![0], groups[groups.length - 1].range![1]).replace(/\s+/g, " ");
  const grouped = [first, ...groups].map(plainSource).join(",");
  at.problems.addRow(
    path,
    { file: at.file, line: at.lineOf(first.range![0]) },
    `${written} inside ${brackets} is read as ${plainSource(first)} and ${strayText} (inside ${brackets} a comma ends an entry): quote it ("${grouped}") or write ${grouped.replace(/,/g, "")}`,
  );
}
