/**
 * Bytes that are valid UTF-8 and also GBK Chinese text (the "联通" problem): 全省 saved as GBK is
 * C8 AB CA A1, which is also UTF-8 for "ȫʡ"; 台山 reads "̨ɽ", 平远 "ƽԶ". Read as UTF-8 such a
 * file plans with garbled names and no word of warning, so this decides which reading was meant.
 *
 * The question arises only when the UTF-8 reading has no character at or above U+0800: Chinese in
 * UTF-8 takes three bytes a character, so that reading has no Chinese at all, while the GBK reading
 * is Chinese text (gbkText.ts). Then each run of non-ASCII characters in the UTF-8 reading counts:
 *
 * - accented letters inside a Latin word and signs beside a number (Café, Zhōngshān, ¥1,234.50,
 *   25°) are what UTF-8 text holds: evidence for UTF-8;
 * - two or more characters outside any such word (",ȫʡ,") are letters of no language, but read as
 *   GBK they are a Chinese name: evidence for GBK;
 * - a lone character outside a word (省 as GBK: "ʡ") could be either — except Latin-1's signs
 *   (± © § ¥ ½ ×), which stand alone in English text ("± 5 %"): evidence for UTF-8, as such files
 *   were always read (a GBK file whose only Chinese is one such lone character reads as UTF-8).
 *
 * Evidence of one kind only decides; both kinds, or none, and the file is refused with both
 * readings shown. A UTF-8 byte-order mark is never second-guessed, so a refused UTF-8 file is read
 * once saved with one.
 */
import iconv from "iconv-lite";
import { looksLikeGb18030 } from "./gbkText.js";

/** One run of non-ASCII bytes, as UTF-8 and as GBK, with the ASCII letters and digits around it. */
export interface TwoReadings {
  line: number;
  utf8: string;
  gbk: string;
}

export type Verdict = { reading: "UTF-8" } | { reading: "GB18030"; sample: TwoReadings } | { reading: "unclear"; sample: TwoReadings };

/**
 * Characters of Latin text as UTF-8 writes them: Latin-1's signs (¥ ° ± ² µ ·, no-break space) and
 * accented letters, Latin Extended-A (ō ā), pinyin's ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ, Romanian ș ț, and combining
 * accents (text decomposed as macOS saves names).
 */
const LATIN_OR_SIGN = /^[\u00a0-\u017f\u01cd-\u01dc\u0218-\u021b\u0300-\u036f]+$/u;
const WORD_CHAR = /[A-Za-z0-9]/;
/** Latin-1's signs, which stand alone in text ("± 5 %", "© 2024", "§ 3", "¥ 1234"): UTF-8 as before. */
const LONE_SIGN = /^[\u00a0-\u00bf\u00d7\u00f7]$/u;

/**
 * Which reading of `bytes`, valid UTF-8, was meant, by the rule above. `withinGbk`: a line of a
 * file otherwise GBK, which is GBK unless its characters say UTF-8 — even where they are not
 * GB2312 Chinese (GBK's extension characters 聙聛 are two-byte UTF-8 too).
 */
export function utf8OrGbk(bytes: Buffer, withinGbk = false): Verdict {
  // Bytes E0 and up start UTF-8 sequences of U+0800 and up (Chinese among them); no 80–FF: ASCII.
  if (!bytes.some((b) => b >= 0x80) || bytes.some((b) => b >= 0xe0)) return { reading: "UTF-8" };
  if (!withinGbk && !looksLikeGb18030(bytes)) return { reading: "UTF-8" };
  let forUtf8: TwoReadings | undefined;
  let forGbk: TwoReadings | undefined;
  let lone: TwoReadings | undefined;
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] < 0x80) {
      if (bytes[i] === 0x0a) line++;
      i++;
      continue;
    }
    // A run of high bytes holds whole characters in both readings: every byte of a UTF-8
    // sequence is 80 or above, and GBK's pairs then fall on the same boundaries.
    let end = i;
    while (end < bytes.length && bytes[end] >= 0x80) end++;
    const run = bytes.subarray(i, end);
    const before = asciiWord(bytes, i, -1);
    const after = asciiWord(bytes, end, 1);
    const u = new TextDecoder("utf-8").decode(run);
    const sample = { line, utf8: shown(before + u + after), gbk: shown(before + iconv.decode(run, "gb18030") + after) };
    if (((before !== "" || after !== "") && LATIN_OR_SIGN.test(u)) || LONE_SIGN.test(u)) forUtf8 ??= sample;
    else if ([...u].length >= 2) forGbk ??= sample;
    else lone ??= sample;
    i = end;
  }
  if (forGbk && !forUtf8) return { reading: "GB18030", sample: forGbk };
  if (forUtf8 && !forGbk) return { reading: "UTF-8" };
  return { reading: "unclear", sample: forGbk ?? lone! };
}

/** The ASCII letters and digits next to `at`, going `step` (at most ten, for a sample). */
function asciiWord(bytes: Buffer, at: number, step: 1 | -1): string {
  let out = "";
  for (let i = step === 1 ? at : at - 1; i >= 0 && i < bytes.length && out.length < 10; i += step) {
    const c = String.fromCharCode(bytes[i]);
    if (!WORD_CHAR.test(c)) break;
    out = step === 1 ? out + c : c + out;
  }
  return out;
}

/** Control characters (C1 codes are valid two-byte UTF-8) are shown escaped, not sent to a terminal. */
function shown(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
