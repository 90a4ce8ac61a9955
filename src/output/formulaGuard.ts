/**
 * CSV / formula injection (OWASP "CSV Injection"): a text cell that starts with = + - @, a tab or a
 * carriage return is read by Excel, WPS and LibreOffice as a formula, so a name such as
 * `=HYPERLINK("http://…","点击")` or `=WEBSERVICE(…)` in a scenario would run when a finance
 * office opens the results. Such text is written with a leading single quote, which spreadsheets
 * show as text; leading spaces do not protect it (some programs trim them), so the rule looks past
 * them. Numbers stay numbers: only text cells are changed, and text that is exactly a number
 * ("-0.5", "+3") cannot run and is kept as it is.
 *
 * Every writer of a table users open in a spreadsheet (CSV here; the workbook and report writers)
 * passes its text cells through `spreadsheetText`.
 */

/** A cell whose first non-blank character would start a formula. */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r]/u;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The text to write for a text cell: unchanged, or with a leading `'` when it could run. */
export function spreadsheetText(text: string): string {
  if (!FORMULA_START.test(text) || PLAIN_NUMBER.test(text)) return text;
  return `'${text}`;
}

/**
 * The text a cell held before `spreadsheetText` guarded it: for readers of the written CSVs that are
 * not spreadsheets (report.html, the workbook, which guards again as it writes). Exact except for
 * text that itself began with a quote before a formula character, which no name does.
 */
export function unguardedText(text: string): string {
  return text.startsWith("'") && spreadsheetText(text.slice(1)) !== text.slice(1) ? text.slice(1) : text;
}
