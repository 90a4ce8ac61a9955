/**
 * exceljs zips with JSZip, which stamps every entry with the current time. JSZip takes a default
 * date for entries added without one (`JSZip.defaults.date`, public API); setting it while the
 * workbook is zipped makes the same workbook byte-identical run to run. JSZip writes DOS times in
 * UTC, so the time zone does not matter either.
 */
import JSZip from "jszip";

/** 2000-01-01T00:00:00Z: any fixed date in the DOS range (1980–2107) would do. */
export const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export async function withFixedZipDates<T>(write: () => Promise<T>): Promise<T> {
  const defaults = JSZip.defaults as { date: Date | null };
  const before = defaults.date;
  defaults.date = FIXED_DATE;
  try {
    return await write();
  } finally {
    defaults.date = before;
  }
}
