/**
 * Command-line values of the finance tools, parsed before any scenario is loaded so a typo costs
 * nothing: `--cut government=10%,20%,30%`, `--source government` / `--source central,provincial`,
 * `--sources a,b`. Every problem is a UsageError (exit code 2).
 */
import { allOrUsageError, UsageError } from "../errors.js";
import { formatMoney } from "../format/numbers.js";
import { parseAmount, parseShare } from "../scenario/units.js";
import type { SourceKind } from "../scenario/types.js";

export const SOURCE_KINDS: readonly SourceKind[] = ["government", "enterprise", "property_unit", "resident"];

/**
 * What a cut or a budget scale applies to: all sources of a kind, named source ids, or named ids
 * that must all be of the kind (`--cut government=… --sources central,provincial`).
 */
export interface SourceSelector {
  kind: SourceKind | null;
  ids: string[] | null;
}

export interface CutSpec {
  selector: SourceSelector;
  /** Cut fractions, ascending, unique, always starting with 0 (the baseline). */
  levels: number[];
  /**
   * Cuts given as money (`government=1亿`), yuan: each becomes the fraction of the selected budgets
   * it removes once the scenario is loaded (cutFractions).
   */
  amounts: number[];
}

const SELECTOR_HELP = `a source kind (${SOURCE_KINDS.join(", ")}) or "sources" together with --sources <ids>`;

/**
 * `government=10%,20%` → kind government, levels [0, 0.1, 0.2]. With the selector `sources`, the
 * ids come from `--sources`; with a kind, `--sources` narrows the kind to those ids.
 */
export function parseCutSpec(text: string, sourcesOption?: string): CutSpec {
  const eq = text.indexOf("=");
  if (eq < 0) throw new UsageError(`--cut "${text}" needs the form <selector>=<levels>, e.g. government=10%,20%,30%`);
  const name = text.slice(0, eq).trim();
  const levelsText = text.slice(eq + 1).trim();
  if (name === "") throw new UsageError(`--cut "${text}": the selector before "=" is missing; use ${SELECTOR_HELP}`);
  if (levelsText === "") throw new UsageError(`--cut "${text}": no cut levels after "="; e.g. ${name}=10%,20%,30%`);
  // Every bad level is named with a bad selector in one error: "15" and "-5%" are fixed in one go.
  const written = levelsText.split(",").map((s) => s.trim());
  const [selector, values] = allOrUsageError(
    () => parseSelector(name, text, sourcesOption),
    () => allOrUsageError(...written.map((s) => () => (isMoney(s) ? parseCutAmount(s, text) : parseCutLevel(s, text)))),
  );
  const amounts = values.filter((_, i) => isMoney(written[i]));
  const levels = values.filter((_, i) => !isMoney(written[i]));
  return { selector, levels: [...new Set([0, ...levels])].sort((a, b) => a - b), amounts };
}

/** The part before "=": a kind (narrowed by `--sources`), or `sources` with the ids of `--sources`. */
function parseSelector(name: string, text: string, sourcesOption: string | undefined): SourceSelector {
  const ids = sourcesOption === undefined ? undefined : parseIdList(sourcesOption, "--sources");
  if (name === "sources") {
    if (!ids) throw new UsageError(`--cut sources=…: name the sources with --sources <id,id,…>`);
    return { kind: null, ids };
  }
  if (isKind(name)) return { kind: name, ids: ids ?? null };
  throw new UsageError(`--cut "${text}": unknown selector "${name}"; use ${SELECTOR_HELP}`);
}

/** A level written with a money unit or sign (1亿, 5000万, 3000000元, ¥50000000) is an amount, not a share. */
function isMoney(level: string): boolean {
  return /[万亿元¥￥]/.test(level);
}

/** `1亿` → 100,000,000 yuan: positive. */
function parseCutAmount(level: string, whole: string): number {
  const yuan = parseAmount(level);
  if (yuan === null || !(yuan > 0)) throw new UsageError(`--cut "${whole}": "${level}" is not an amount to cut; write one such as 1亿 or 5000万`);
  return yuan;
}

/** "; 5亿元 is 33.33% of the 15亿元 selected": how each amount level was turned into a share. */
export function amountsNote(spec: CutSpec, total: number): string {
  return spec.amounts.map((yuan) => `; ${formatMoney(yuan)} is ${cutLabel(yuan / total)} of the ${formatMoney(total)} selected`).join("");
}

/**
 * The cut fractions of a spec whose amounts are now known against the selected budgets' total
 * (`total`, yuan): 1亿 of 34.4亿 is 2.91 %. An amount above the total is a UsageError.
 */
export function cutFractions(spec: CutSpec, total: number): number[] {
  const over = spec.amounts.filter((yuan) => yuan > total);
  if (over.length > 0) {
    throw new UsageError(`--cut ${over.map(formatMoney).join(", ")} ${over.length === 1 ? "is" : "are"} more than the selected budgets hold (${formatMoney(total)})`);
  }
  return [...new Set([...spec.levels, ...spec.amounts.map((yuan) => yuan / total)])].sort((a, b) => a - b);
}

/** One cut level: "20%" or a fraction "0.2", between 0 % and 100 % (an amount: parseCutAmount). */
export function parseCutLevel(level: string, whole: string): number {
  const value = level === "" ? null : parseShare(level);
  if (value === null) throw new UsageError(`--cut "${whole}": "${level}" is not a cut level; write a percentage such as 20% (or a fraction such as 0.2)`);
  if (value < 0 || value > 1) {
    // "10" was likely meant as 10%; suggest that only when the percentage is itself a valid level
    // (150% is outside the range too).
    const asPercent = level.includes("%") ? null : parseShare(`${level}%`);
    const hint = asPercent !== null && asPercent >= 0 && asPercent <= 1 && value > 1 ? ` (write ${level}% for a percentage)` : "";
    throw new UsageError(`--cut "${whole}": cut level ${level} is outside 0%–100%${hint}`);
  }
  return value;
}

/** `--source government` (a kind) or `--source central,provincial` (source ids). */
export function parseSourceOption(text: string | undefined): SourceSelector {
  if (text === undefined || text.trim() === "") {
    throw new UsageError(`--source is required: ${SOURCE_KINDS.join(", ")} or source ids such as central,provincial`);
  }
  const trimmed = text.trim();
  return isKind(trimmed) ? { kind: trimmed, ids: null } : { kind: null, ids: parseIdList(trimmed, "--source") };
}

export function parseIdList(text: string, option: string): string[] {
  const ids = text.split(",").map((s) => s.trim());
  if (ids.length === 0 || ids.some((s) => s === "")) {
    throw new UsageError(`${option} "${text}": give source ids separated by commas, e.g. central,provincial`);
  }
  return [...new Set(ids)];
}

export function isKind(name: string): name is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(name);
}

/**
 * Names each level: "20%", and a level the user gave as money by that money with the share it is
 * of the selected budgets, "5亿元 (1.45%)" — the office asked about 5亿, not 1.45 %.
 */
export function levelNamer(spec: CutSpec, total: number): (cut: number) => string {
  const amounts = new Map(spec.amounts.map((yuan) => [yuan / total, yuan]));
  return (cut) => {
    const yuan = amounts.get(cut);
    return yuan === undefined ? cutLabel(cut) : `${formatMoney(yuan)} (${cutLabel(cut)})`;
  };
}

/** "20%" for 0.2, keeping up to two decimals of a percent. */
export function cutLabel(cut: number): string {
  return `${Number((cut * 100).toFixed(2))}%`;
}
