/**
 * A whole table of budgets typed in the wrong unit: a sheet of 万元 figures under the header
 * `金额（亿元）` makes every budget 10,000 times too large, and 亿 figures under `金额（万元）`
 * 10,000 times too small. One note per file and direction says so, counting every row that is off
 * and naming the header to fix, instead of a note per cell that the planner would fix cell by cell
 * (and that a per-cell threshold catches only some of). The file is judged against the scenario's
 * other budgets (those from other files): a file whose median is a thousand times off theirs is a
 * slip, and its rows a hundred times off are counted. Warnings, not errors (docs/limits.md says why).
 */
import type { Label } from "../format/labels.js";
import { formatMoney } from "../format/numbers.js";
import { type BudgetAmount, medianOf } from "./budgetAmounts.js";
import { headerUnit, headerWithUnit } from "./csvColumns.js";
import { formatPath, type PathKey, type SourcePos } from "./positions.js";
import { UNIT_MULTIPLIER } from "./units.js";

export interface UnitSlipNotes {
  /** One note per file and direction. */
  notes: Label[];
  /** The amounts those notes count (formatted paths): no note of their own. */
  counted: Set<string>;
}

/** A file's median this many times off the other budgets' is a unit slip, not a bigger or smaller fund. */
const FILE_OFF = 1000;
/** In such a file, a row this many times off the other budgets' median counts as one of the slips. */
const ROW_OFF = 100;
/** Budgets of at least this are the yardstick (as in plausibility.ts): slips typed in yuan are not. */
const YARDSTICK_FROM = 1e4;

const UNIT_OF_FACTOR = new Map<number, string>([[1, "元"], [1e4, "万元"], [1e8, "亿元"]]);

export function unitSlips(
  amounts: readonly BudgetAmount[],
  locate: (path: readonly PathKey[]) => SourcePos,
  fileLabel: (pos: SourcePos) => Label,
): UnitSlipNotes {
  const byFile = new Map<string, FileGroup>();
  for (const a of amounts) {
    if (a.yuan <= 0) continue;
    const pos = locate(a.path);
    const key = `${pos.file}\u0000${pos.sheet ?? ""}`;
    const group = byFile.get(key) ?? { at: pos, amounts: [] };
    group.amounts.push({ a, pos });
    byFile.set(key, group);
  }
  const notes: Label[] = [];
  const counted = new Set<string>();
  // The file furthest off first, and once found a slip, out of the yardstick of the others.
  const judged = new Set<string>();
  for (;;) {
    const slip = furthestOff(byFile, judged);
    if (!slip) break;
    judged.add(slip.key);
    const { group, typical, above } = slip;
    const off = group.amounts.filter(({ a }) => (above ? a.yuan >= typical * ROW_OFF : a.yuan <= typical / ROW_OFF));
    if (off.length < 2) continue;
    const factor = nearestFactor(above ? slip.ratio : 1 / slip.ratio);
    for (const { a } of off) counted.add(formatPath(a.path));
    notes.push(slipNote({ file: fileLabel(group.at), off, total: group.amounts.length, above, factor, typical }));
  }
  return { notes, counted };
}

interface FileGroup {
  at: SourcePos;
  amounts: { a: BudgetAmount; pos: SourcePos }[];
}

/**
 * The file whose median is furthest (and at least FILE_OFF times) off the median of the budgets of
 * the other files not yet judged off; null if none. The others must outnumber the file's budgets:
 * of two tables of a size a thousand times apart, either could be the wrong one.
 */
function furthestOff(byFile: ReadonlyMap<string, FileGroup>, judged: ReadonlySet<string>): { key: string; group: FileGroup; typical: number; ratio: number; above: boolean } | null {
  let best: { key: string; group: FileGroup; typical: number; ratio: number; above: boolean } | null = null;
  for (const [key, group] of byFile) {
    if (judged.has(key)) continue;
    const others = [...byFile].filter(([k]) => k !== key && !judged.has(k)).flatMap(([, g]) => g.amounts.map(({ a }) => a.yuan)).filter((y) => y >= YARDSTICK_FROM);
    if (others.length <= group.amounts.length) continue;
    const typical = medianOf(others);
    const ratio = medianOf(group.amounts.map(({ a }) => a.yuan)) / typical;
    if (ratio < FILE_OFF && ratio > 1 / FILE_OFF) continue;
    if (!best || Math.abs(Math.log(ratio)) > Math.abs(Math.log(best.ratio))) best = { key, group, typical, ratio, above: ratio >= FILE_OFF };
  }
  return best;
}

/** 1万 or 1亿: the unit step nearest the file's slip. */
function nearestFactor(ratio: number): number {
  return Math.abs(Math.log(ratio / 1e4)) <= Math.abs(Math.log(ratio / 1e8)) ? 1e4 : 1e8;
}

interface Slip {
  file: Label;
  off: { a: BudgetAmount; pos: SourcePos }[];
  total: number;
  above: boolean;
  factor: number;
  typical: number;
}

function slipNote(s: Slip): Label {
  const times = s.factor === 1e4 ? { en: "10,000", zh: "1万" } : { en: "100,000,000", zh: "1亿" };
  const examples = s.off.slice(0, 2).map(({ a, pos }) => ({ en: `${a.region}${a.year ? ` ${a.year}` : ""} ${formatMoney(a.yuan)}${rowOf(pos).en}`, zh: `${a.region}${a.year ? ` ${a.year}年` : ""} ${formatMoney(a.yuan)}${rowOf(pos).zh}` }));
  const fix = fixOf(s);
  return {
    en: `${s.file.en}: ${s.off.length} of its ${s.total} budgets are about ${times.en} times ${s.above ? "above" : "below"} the scenario's other budgets (median ${formatMoney(s.typical)}; e.g. ${examples.map((e) => e.en).join(", ")}): ${fix.en}`,
    zh: `${s.file.zh}：本文件${s.total}个预算中有${s.off.length}个约为本方案其他预算（中位数${formatMoney(s.typical)}）的${s.above ? times.zh : `${times.zh}分之一`}${s.above ? "倍" : ""}（如 ${examples.map((e) => e.zh).join("、")}）：${fix.zh}`,
  };
}

/** ` (line 5)` / `（第5行）`; a workbook's rows are rows. */
function rowOf(pos: SourcePos): Label {
  if (pos.line === null) return { en: "", zh: "" };
  return { en: ` (${pos.sheet === undefined ? "line" : "row"} ${pos.line})`, zh: `（第${pos.line}行）` };
}

/**
 * What to change: the header, where the figures took their unit from it (`金额（万元）` over 亿
 * figures → `金额（亿元）`); the unit of the bare figures, which are yuan; else the unit itself.
 */
function fixOf(s: Slip): Label {
  const headers = [...new Set(s.off.map(({ pos }) => pos.unitHeader))];
  const header = headers.length === 1 ? headers[0] : undefined;
  const unit = header === undefined ? undefined : headerUnit(header)?.unit;
  if (header !== undefined && unit !== undefined) {
    const meant = UNIT_OF_FACTOR.get(s.above ? UNIT_MULTIPLIER[unit] / s.factor : UNIT_MULTIPLIER[unit] * s.factor);
    const given = `${unit}元`;
    if (meant === undefined) return { en: `the header ${header} gives ${given}: is the unit right?`, zh: `表头“${header}”给出的单位是${given}：单位是否写对？` };
    const fixed = headerWithUnit(header, meant);
    return {
      en: `the header ${header} gives ${given}; these figures look like ${meant}: write the header ${fixed}`,
      zh: `表头“${header}”给出的单位是${given}，这些数字看来是${meant}：请把表头改为“${fixed}”`,
    };
  }
  const bare = s.off.every(({ a, pos }) => a.bare && pos.unitHeader === undefined) && !s.above;
  const meant = bare ? UNIT_OF_FACTOR.get(s.factor) : undefined;
  if (meant !== undefined) {
    const written = /\.ya?ml$/i.test(s.off[0].pos.file) ? "" : { en: ` (or give the unit once in the header: 金额（${meant}）)`, zh: `（或在表头写明单位：金额（${meant}））` };
    return {
      en: `amounts without a unit are yuan; these figures look like ${meant}: write ${meant.replace("元", "")} after them${written === "" ? "" : written.en}`,
      zh: `未写单位的金额按元计，这些数字看来是${meant}：请在数字后写上“${meant.replace("元", "")}”${written === "" ? "" : written.zh}`,
    };
  }
  return { en: "is the unit right?", zh: "单位是否写对？" };
}

