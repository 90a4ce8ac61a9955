/**
 * One worksheet per result table: Chinese header row, the machine key (the CSV column name) in a
 * second row, values as numbers with 万元/亿元/% formats, frozen header, filters, widths.
 */
import type { Style, Worksheet } from "exceljs";
import { tableColumnLabel } from "../format/columnLabels.js";
import { spreadsheetText } from "../output/formulaGuard.js";
import type { Cell, ResultTable } from "../output/resultTables.js";
import { boundCells, type ColumnKind, columnKind, columnWidth, heldNumber, moneyFormat, moneyUnitOf, numFmt, PROBABILITY_COLUMNS } from "./cellFormats.js";

export const HEADER_ROWS = 2;

/** How a sheet reads its cells beyond their columns. */
export interface CellReading {
  /** A text cell's words (codes in Chinese, shownText.ts). */
  shown: (column: string, value: Cell) => Cell;
  /** Whether a targets.csv row counts whole units (runContext.ts targetCountsWholeUnits). */
  wholeUnits: (target: Record<string, Cell>) => boolean;
  /** The Monte Carlo draws of the run (a P(met) of 0 or 1 is shown by its 95 % bound), when known. */
  draws?: number;
}

/** Text cells as `reading.shown` gives them; numbers as their kind holds them (heldNumber). */
export function fillTableSheet(sheet: Worksheet, table: ResultTable, reading: CellReading): void {
  const { shown } = reading;
  const kinds = table.columns.map(columnKind);
  const zh = table.columns.map((c) => tableColumnLabel(table.file, c).zh);
  sheet.addRow(zh);
  sheet.addRow(table.columns);
  const style = sharedStyles();
  const rowKinds = wholeUnitKinds(table, metricKinds(table, kinds), reading.wholeUnits);
  const cellKinds = table.rows.map(rowKinds);
  // One money unit for the sheet (over every cell that is money), not 万元 and 亿元 by turns or column by column.
  const unit = moneyUnitOf(table.rows.flatMap((r, i) => r.filter((_, j) => cellKinds[i][j] === "money")));
  const shownRows = table.rows.map((row, i) => row.map((v, j) => (typeof v === "number" ? heldNumber(cellKinds[i][j], v) : shown(table.columns[j], v))));
  // A P(met) of 0 or 1 with no standard error: its 95 % bound, as the report and 概要 show it.
  const bounds = boundFormatsOf(table, reading.draws);
  const widthRows = shownRows.map((row) => row.slice());
  shownRows.forEach((row, i) => {
    const added = sheet.addRow(row.map(cellValue));
    const bounded = bounds(table.rows[i]);
    row.forEach((v, j) => {
      const own = bounded.get(j);
      if (own) widthRows[i][j] = own.shown;
      const format = own ? own.format : cellKinds[i][j] === "money" && typeof v === "number" ? moneyFormat(unit, v) : numFmt(cellKinds[i][j], v);
      added.getCell(j + 1).style = style(format, v);
    });
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  const keys = sheet.getRow(2);
  keys.font = { color: { argb: "FF808080" }, size: 9 };
  table.columns.forEach((column, j) => {
    sheet.getColumn(j + 1).width = columnWidth([zh[j], column], widthRows.map((r) => r[j]), kinds[j], unit);
  });
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROWS, topLeftCell: "A3", activeCell: "A3" }];
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: HEADER_ROWS, column: 1 }, to: { row: HEADER_ROWS + table.rows.length, column: table.columns.length } };
  }
}

/**
 * Per row, the cells of its P(met) pairs (PROBABILITY_COLUMNS) shown by their 95 % bound
 * (boundCells): column index → the cell's format and the text it shows.
 */
function boundFormatsOf(table: ResultTable, draws: number | undefined): (row: Cell[]) => Map<number, { format: string; shown: string }> {
  const pairs = PROBABILITY_COLUMNS.map(([p, se]) => [table.columns.indexOf(p), table.columns.indexOf(se)]).filter(([p, se]) => p >= 0 && se >= 0);
  return (row) => {
    const out = new Map<number, { format: string; shown: string }>();
    for (const [p, se] of pairs) {
      const cells = boundCells(row[p] ?? null, row[se] ?? null, draws);
      if (!cells) continue;
      out.set(p, { format: cells.p, shown: cells.shownP });
      out.set(se, { format: cells.se, shown: cells.shownSe });
    }
    return out;
  };
}

/**
 * Tables long over metrics (mc_summary.csv: one row per metric, its statistics in mean … p95) name
 * each row's unit in `metric`: a money metric (`paid_yuan`, `funding_gap_yuan`) shows its
 * statistics in 万元/亿元 like every other amount, a households metric whole. compare.csv's rows
 * and shadow_prices.csv's likewise name their unit (`column`, `limit`).
 */
function metricKinds(table: ResultTable, kinds: ColumnKind[]): (row: Cell[]) => ColumnKind[] {
  const compared = table.columns.indexOf("column");
  if (compared >= 0) return comparedKinds(table, kinds, compared);
  const limit = table.columns.indexOf("limit");
  if (limit >= 0) return limitKinds(table, kinds, limit);
  const metric = table.columns.indexOf("metric");
  if (metric < 0) return () => kinds;
  // A metric's unit follows the same rule as a column's name (cellFormats.ts: `_yuan`, households).
  const as = { money: kinds.map((k) => (k === "count" ? "money" : k)), households: kinds.map((k) => (k === "count" ? "households" : k)) };
  return (row) => {
    const unit = columnKind(String(row[metric] ?? ""));
    return unit === "money" || unit === "households" ? as[unit] : kinds;
  };
}

/**
 * targets.csv: a target counting whole units (its programme planned whole) shows its P10 and P90 as
 * the whole units reached, rounded down, as the report's targets table and the printed summary do
 * (`P10–P90 9–11`), not as targets.csv's quantiles interpolated between two draws (11.1).
 */
function wholeUnitKinds(table: ResultTable, rowKinds: (row: Cell[]) => ColumnKind[], wholeUnits: CellReading["wholeUnits"]): (row: Cell[]) => ColumnKind[] {
  const ends = table.columns.flatMap((c, j) => (c === "p10" || c === "p90" ? [j] : []));
  if (table.file !== "targets.csv" || ends.length === 0) return rowKinds;
  const [metric, program] = ["metric", "program"].map((c) => table.columns.indexOf(c));
  return (row) => {
    const kinds = rowKinds(row);
    if (!wholeUnits({ metric: row[metric] ?? null, program: row[program] ?? null })) return kinds;
    const own = kinds.slice();
    for (const j of ends) own[j] = "reached";
    return own;
  };
}

/**
 * shadow_prices.csv: `valid_from` / `valid_to` are the limit's own amounts — yuan of a budget (shown
 * as money, like budgets.csv's ranges) or slots of a capacity (a count).
 */
function limitKinds(table: ResultTable, kinds: ColumnKind[], limit: number): (row: Cell[]) => ColumnKind[] {
  const ranges = table.columns.flatMap((c, j) => (c === "valid_from" || c === "valid_to" ? [j] : []));
  const as = (kind: ColumnKind) => kinds.map((k, j) => (ranges.includes(j) ? kind : k));
  const budget = as("money");
  const capacity = as("count");
  return (row) => (row[limit] === "budget" ? budget : row[limit] === "capacity" ? capacity : kinds);
}

/**
 * compare.csv: one row per compared value, its `column` naming what the values are — the folders'
 * values and their deltas show as that column would (amount_yuan in 万元/亿元, a share as %), but
 * a share's delta, its change in percentage points (docs/finance.md), in points: +91.9个百分点.
 */
function comparedKinds(table: ResultTable, kinds: ColumnKind[], compared: number): (row: Cell[]) => ColumnKind[] {
  const columns = (pattern: RegExp) => table.columns.flatMap((c, j) => (pattern.test(c) ? [j] : []));
  const values = columns(/^value_\d+$/);
  const deltas = columns(/^delta_\d+$/);
  return (row) => {
    const unit = columnKind(String(row[compared] ?? ""));
    if (unit === "text" || unit === "flag" || unit === "number") return kinds;
    const own = kinds.slice();
    for (const j of values) own[j] = unit;
    for (const j of deltas) own[j] = unit === "share" ? "points" : unit;
    return own;
  };
}

/**
 * One style object per number format, shared by the data cells that show it (and one each for
 * unformatted numbers and other cells): exceljs works out a style's id once per object, which per
 * cell was a fifth of the workbook's time. Unformatted numbers and text are kept apart because
 * exceljs gives a number without a format the General format. Nothing changes these objects after.
 */
function sharedStyles(): (fmt: string | undefined, value: Cell) => Partial<Style> {
  const styles = new Map<string, Partial<Style>>();
  return (fmt, value) => {
    const key = fmt ?? (typeof value === "number" ? "number" : "other");
    let style = styles.get(key);
    if (!style) styles.set(key, (style = fmt ? { numFmt: fmt } : {}));
    return style;
  };
}

function cellValue(v: Cell): Cell {
  return typeof v === "string" ? spreadsheetText(v) : v;
}
