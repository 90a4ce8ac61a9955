/**
 * Formula-injection guard for text that came from scenario files (names, descriptions, ids):
 * OWASP's rule — a cell starting with = + - @ tab or CR is prefixed with a single quote so Excel
 * and WPS show it as text instead of evaluating it when a reader edits the cell.
 *
 * TODO(harden): the `harden` branch adds the shared module for this rule (used for CSVs); when both
 * branches are on main, replace this function with that one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
