/**
 * What GBK/GB18030 Chinese text looks like by its bytes: the structural test textFile.ts uses to
 * read a file without a byte-order mark as GBK, and the character classes it rests on.
 */
import iconv from "iconv-lite";
import { countWide } from "./wideChars.js";

/**
 * GB18030 (a superset of GBK and GB2312) without a mark. A byte-statistical detector (ICU's, as
 * in `chardet`) needs hundreds of characters and calls a three-row Chinese CSV ISO-8859-1, so this
 * decides by structure: every byte sequence must be valid GB18030; at least 80 % of the two-byte
 * characters must lie in the GB2312 area (lead and trail bytes A1–FE) or be GBK punctuation (the
 * en dash – is A8 43), where Chinese text lives and
 * where Latin-1 text (an accented letter before an ASCII letter, space or comma) does not fall; and
 * the decoded characters must be Chinese ideographs or Chinese punctuation (Big5 or Shift-JIS
 * bytes decode as kana, Greek or box drawing here).
 */
export function looksLikeGb18030(bytes: Buffer): boolean {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    if (b === 0x80 || b === 0xff) return false;
    const b2 = bytes[i + 1];
    if (b2 === undefined) return false;
    if (b2 >= 0x30 && b2 <= 0x39) {
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 === undefined || b3 < 0x81 || b3 > 0xfe || b4 === undefined || b4 < 0x30 || b4 > 0x39) return false;
      i += 4;
      continue;
    }
    if (b2 < 0x40 || b2 === 0x7f || b2 === 0xff) return false;
    pairs++;
    // GBK punctuation outside GB2312 (the en dash – is A8 43) counts with it; hanzi there do not.
    if ((b >= 0xa1 && b2 >= 0xa1) || isPunctuation(iconv.decode(bytes.subarray(i, i + 2), "gbk").codePointAt(0)!)) gb2312++;
    i += 2;
  }
  if (pairs === 0 || gb2312 < 0.8 * pairs) return false;
  const text = iconv.decode(bytes, "gb18030");
  const { wide, counted: chinese } = countWide(text, isChineseTextChar);
  return !text.includes("\ufffd") && chinese >= 0.9 * wide;
}

export function isChineseTextChar(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0x20000 && c <= 0x2ffff) || // extensions B… (four-byte GB18030)
    isPunctuation(c)
  );
}

function isPunctuation(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || // CJK punctuation: 、。「」【】
    (c >= 0xff00 && c <= 0xffef) || // full-width forms: ，：（）％
    (c >= 0x2000 && c <= 0x206f) || // general punctuation: “”‘’—…‰
    (c >= 0x2190 && c <= 0x22ff) || // arrows and mathematical operators: → ≤ ≥ ∑
    (c >= 0x25a0 && c <= 0x26ff) || // shapes and symbols used as bullets: ■ □ ▲ ○ ● ★ ☆
    (c >= 0x2160 && c <= 0x216f) || // Roman numerals
    (c >= 0x2460 && c <= 0x24ff) || // circled numbers ①
    [0x00b7, 0x00d7, 0x00f7, 0x00b0, 0x2103, 0x2116, 0x20ac, 0x00a5].includes(c) // ·×÷°℃№€¥
  );
}
