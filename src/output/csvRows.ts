/**
 * Rows of a CSV text (RFC 4180: `,` between cells, `"` quotes with `""` inside, line ends `\n`, `\r\n`
 * or `\r`, newlines inside quotes kept), as strings. Reads back what csv.ts wrote for the report and
 * the workbook: fast-csv's stream parser took a fifth of a second per office file on a province's
 * folder, this loop a tenth of that. It parses every text csv.ts writes as fast-csv did (tested
 * against it), except that a cell of blanks keeps its blanks (fast-csv read it as empty). It is not a
 * loader for hand-made files (scenario/csvFile.ts is).
 */
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const first = text.charCodeAt(i);
    if (row.length === 0 && (first === LF || first === CR)) {
      rows.push([]); // an empty line is a row without cells
      i += first === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      continue;
    }
    let cell: string;
    if (first === QUOTE) {
      let parts = "";
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error(`CSV: a quoted cell does not close (from offset ${from - 1})`);
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts += text.slice(from, q + 1);
          i = from = q + 2;
          continue;
        }
        cell = parts + text.slice(from, q);
        i = q + 1;
        break;
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        j++;
      }
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i === n) row.push(""); // a last line ending in a comma has an empty last cell
      else continue;
    }
    else if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (c === LF) i++;
    else if (i < n) throw new Error(`CSV: a character after a quoted cell's closing quote (offset ${i})`);
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
