/**
 * The 开工计划 sheet after 概要: per programme, each region's units started per horizon year, the
 * total and households started (startsByRegion.ts) — the plan as an office hands it round, which
 * plan.csv holds only as one row per year, region and programme. Numbers are numbers (whole where
 * the plan is whole), a bold total row under each programme, printed fitted to an A4 page's width.
 */
import type { Row, Worksheet } from "exceljs";
import { spreadsheetText } from "../output/formulaGuard.js";
import type { StartsByRegion, StartsLine } from "../report/startsByRegion.js";
import { STARTS_TOTAL, startsTitle } from "../report/startsTable.js";
import { displayWidth, fitWidth, ONE_DECIMAL, WHOLE } from "./cellFormats.js";

export const STARTS_SHEET = "开工计划";

export function fillStartsSheet(sheet: Worksheet, starts: StartsByRegion): void {
  const { years } = starts;
  let nameWidth = displayWidth("地区");
  for (const p of starts.programmes) {
    sheet.addRow([spreadsheetText(startsTitle(p).zh)]).font = { bold: true };
    sheet.addRow(["地区", ...years.map((y) => `${y}年`), STARTS_TOTAL.zh, ...(p.hasHouseholds ? ["惠及户数合计"] : [])]).font = { bold: true };
    const add = (name: string, line: StartsLine): Row => {
      nameWidth = Math.max(nameWidth, displayWidth(name));
      const row = sheet.addRow([spreadsheetText(name), ...line.starts, line.total, ...(p.hasHouseholds ? [line.households] : [])]);
      row.eachCell((cell, column) => {
        if (column > 1 && typeof cell.value === "number") cell.numFmt = Number.isInteger(cell.value) ? WHOLE : ONE_DECIMAL;
      });
      return row;
    };
    for (const r of p.regions) add(r.name, r);
    add(STARTS_TOTAL.zh, p.total).font = { bold: true };
    sheet.addRow([]);
  }
  sheet.getColumn(1).width = fitWidth(nameWidth);
  for (let c = 2; c <= years.length + 3; c++) sheet.getColumn(c).width = 14;
  sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}
