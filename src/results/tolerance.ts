/**
 * The reporting tolerance: below it a solved value is solver noise, written as an exact 0 (every
 * real amount in a plan is thousands of yuan; every real count at least a millionth of a unit).
 * Shares are taken of reported values, so a row whose cost reads 0 never shows a share. A module of
 * its own, without imports, so the report and workbook bundles can read it without model code.
 */
export const REPORT_TOLERANCE = { yuan: 1, units: 1e-6 } as const;

/**
 * A count of whole units within this of a whole number is that number: a MIP plan's 2.9999999996,
 * held whole by HiGHS only to its integrality tolerance (mip_feasibility_tolerance, 1e-6).
 */
export const WHOLE_TOLERANCE = 1e-6;
