/**
 * A GBK file with lines in UTF-8: a row pasted or appended by a program that writes UTF-8 into a
 * table Excel saved as GBK. The file as a whole is not UTF-8, so it is read as GBK, and the UTF-8
 * row's Chinese turns into other Chinese characters (珠海特区 → 鐝犳捣鐗瑰尯) that look like a
 * name and plan as one. Such lines are found so the file can be refused, naming them.
 *
 * A valid UTF-8 line without Chinese as UTF-8 (only two-byte sequences: "Sháoguān", or 台山 in
 * GBK) is told by the rule for whole files (utf8OrGbk.ts). One with three-byte sequences counts as
 * UTF-8 when, read so, at least as large a share of its non-ASCII characters is GB2312 Chinese (the
 * 6,763 characters of everyday text) as read as GBK. GBK Chinese that happens to be valid UTF-8
 * reads there as rare characters, and loses; UTF-8 Chinese read as GBK falls apart into GBK's
 * extensions, symbols and private-use codes, and loses too, though a short name can read as GB2312
 * characters both ways (液绰 as UTF-8 is 娑茬话 as GBK). That tie goes to UTF-8: refusing a GBK
 * file costs a save as UTF-8, reading a UTF-8 line as GBK plans with a wrong name.
 */
import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { looksLikeGb18030 } from "./gbkText.js";
import { utf8OrGbk } from "./utf8OrGbk.js";
import { countWide } from "./wideChars.js";

/**
 * The 1-based lines of `bytes` that are UTF-8 while the rest is GBK. Unless the file declares
 * GB18030 by its byte-order mark (`declared`), the other lines must look like GBK Chinese text,
 * else the file is something else (Latin-1 with a UTF-8 line) and none are returned.
 */
export function utf8LinesAmongGbk(bytes: Buffer, declared: boolean): number[] {
  const lines: number[] = [];
  const rest: Buffer[] = [];
  let start = 0;
  for (let n = 1; start < bytes.length; n++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline + 1;
    const line = bytes.subarray(start, end);
    if (isUtf8Line(line)) lines.push(n);
    else rest.push(line);
    start = end;
  }
  if (lines.length === 0 || declared) return lines;
  return looksLikeGb18030(Buffer.concat(rest)) ? lines : [];
}

function isUtf8Line(line: Buffer): boolean {
  if (!line.some((b) => b >= 0x80) || !isUtf8(line)) return false;
  // Two-byte sequences only (Sháoguān, or 台山 in GBK): no Chinese as UTF-8, so decide as for a whole file.
  if (!line.some((b) => b >= 0xe0)) return utf8OrGbk(line, true).reading === "UTF-8";
  return gb2312Share(line.toString("utf8")) >= gb2312Share(iconv.decode(line, "gb18030"));
}

/** The share of `text`'s non-ASCII characters that are GB2312 Chinese characters (bytes B0A1–F7FE). */
function gb2312Share(text: string): number {
  const { wide, counted: gb2312 } = countWide(text, (c, ch) => {
    if (c < 0x4e00) return false;
    const gbk = iconv.encode(ch, "gbk");
    return gbk.length === 2 && gbk[0] >= 0xb0 && gbk[0] <= 0xf7 && gbk[1] >= 0xa1;
  });
  return wide === 0 ? 0 : gb2312 / wide;
}
