// exceljs's Workbook class on its own (src/workbook/workbook.ts says why), typed as the package's.
declare module "exceljs/lib/doc/workbook.js" {
  import type ExcelJS from "exceljs";
  const Workbook: typeof ExcelJS.Workbook;
  export default Workbook;
}
