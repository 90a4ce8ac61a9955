/**
 * Reading an input text file (scenario YAML, CSV data): the one place that decides what a file's
 * bytes say. Every reader of user input goes through `readInputText`, so a limit or an encoding is
 * handled the same everywhere.
 *
 * - Only regular files are read. Folders, FIFOs, devices (/dev/zero) and sockets are refused by
 *   kind without reading a byte; the file is opened non-blocking so a FIFO cannot hang the open.
 * - At most `maxBytes` are read, whatever the file claims its size is (/proc files say 0).
 * - Encodings: UTF-8 (with or without byte-order mark); UTF-16 LE/BE and GB18030 with their
 *   byte-order marks; GBK/GB18030 without a mark when the bytes are valid GB18030 and read as
 *   Chinese text (what Excel and WPS save as "CSV" on Chinese Windows). Bytes valid as both UTF-8
 *   and GBK without a mark are decided by utf8OrGbk.ts, or refused. Anything else — Latin-1,
 *   UTF-16 without a mark, NUL bytes, Big5 — is refused by name: a file is never decoded into
 *   replacement characters ("������") or misread characters ("ȫʡ" for 全省) and planned anyway.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import iconv from "iconv-lite";
import { looksLikeGb18030 } from "./gbkText.js";
import { utf8LinesAmongGbk } from "./mixedEncodings.js";
import { utf8OrGbk, type TwoReadings } from "./utf8OrGbk.js";

export type Encoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030";

export type TextKind = "table" | "text";

/** `alsoUtf8`: the file was read as GBK although its bytes are valid UTF-8 too (utf8OrGbk.ts). */
export type Decoded = { ok: true; text: string; encoding: Encoding; alsoUtf8?: TwoReadings } | { ok: false; reason: string };

/**
 * Reads and decodes a text file; `reason` quotes the file's content only to show the two readings
 * of bytes that are valid UTF-8 and GBK alike. `kind`: a table (CSV, usually from Excel or WPS) or
 * other text (YAML, from an editor), for the advice a refusal gives.
 */
export function readInputText(file: string, maxBytes: number, kind: TextKind): Decoded {
  const bytes = readInputBytes(file, maxBytes);
  return typeof bytes === "string" ? { ok: false, reason: bytes } : decodeInputBytes(bytes, kind);
}

/** The bytes of a regular file of at most `maxBytes` (a workbook), or why it is not read. */
export function readInputBytes(file: string, maxBytes: number): Buffer | string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return openFailure((e as NodeJS.ErrnoException).code);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return notAFile(stat);
    if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
    // Read in chunks up to one byte past the limit: the size a file reports is not trusted.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(maxBytes + 1 - length, Math.max(stat.size + 1 - length, 64 * 1024)));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > maxBytes) return tooLarge(length, maxBytes);
    }
    return Buffer.concat(chunks, length);
  } catch (e) {
    return openFailure((e as NodeJS.ErrnoException).code);
  } finally {
    closeSync(fd);
  }
}

function openFailure(code: string | undefined): string {
  switch (code) {
    case "ENOENT":
      return "does not exist";
    case "EACCES":
    case "EPERM":
      return "cannot be read: permission denied";
    case "ENXIO":
      return "is a socket, not a file";
    case "EISDIR":
      return "is a folder, not a file";
    case "ELOOP":
      return "is a loop of symbolic links";
    default:
      return `cannot be read (${code ?? "unknown error"})`;
  }
}

function notAFile(stat: Stats): string {
  if (stat.isDirectory()) return "is a folder, not a file";
  if (stat.isFIFO()) return "is a named pipe (FIFO), not a file";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "is a device (such as /dev/zero), not a file";
  if (stat.isSocket()) return "is a socket, not a file";
  return "is not a regular file";
}

function tooLarge(size: number, maxBytes: number): string {
  const what = size > maxBytes + 1 ? `is ${byteSize(size)}` : "is larger than that";
  return `${what}; the limit for this kind of file is ${byteSize(maxBytes)} (see docs/limits.md)`;
}

function byteSize(n: number): string {
  return n >= 1024 * 1024 ? `${Number((n / (1024 * 1024)).toFixed(1))} MB` : `${Number((n / 1024).toFixed(1))} KB`;
}

const BOMS: { bytes: number[]; encoding: Encoding | "UTF-32" }[] = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: "UTF-32" },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: "UTF-32" },
  { bytes: [0xef, 0xbb, 0xbf], encoding: "UTF-8" },
  { bytes: [0xff, 0xfe], encoding: "UTF-16LE" },
  { bytes: [0xfe, 0xff], encoding: "UTF-16BE" },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: "GB18030" },
];

/** How to save a file as UTF-8: a CSV usually comes from Excel or WPS, a YAML file from an editor. */
const SAVE_AS_UTF8: Record<TextKind, string> = {
  table: "save it as UTF-8 (in Excel/WPS: 另存为 → CSV UTF-8; in an editor: encoding UTF-8)",
  text: "save it as UTF-8 (in your editor: encoding UTF-8)",
};

/** How to save a file so that it is read as UTF-8 whatever its bytes could also be. */
const SAVE_WITH_BOM: Record<TextKind, string> = {
  table: "save it as UTF-8 with a byte-order mark (in Excel/WPS: 另存为 → CSV UTF-8; in an editor: UTF-8 with BOM), which is read as UTF-8 without guessing",
  text: "save it as UTF-8 with a byte-order mark (in your editor: UTF-8 with BOM), which is read as UTF-8 without guessing",
};

/** Decodes a file's bytes by the rules above; `kind` picks the advice a refusal gives. */
export function decodeInputBytes(bytes: Buffer, kind: TextKind): Decoded {
  const advice = SAVE_AS_UTF8[kind];
  const bom = BOMS.find((b) => b.bytes.every((x, i) => bytes[i] === x));
  if (bom?.encoding === "UTF-32") return { ok: false, reason: `is UTF-32, which renewsim does not read; ${advice}` };
  if (bom?.encoding === "GB18030") {
    const lines = utf8LinesAmongGbk(bytes.subarray(bom.bytes.length), true);
    if (lines.length > 0) return { ok: false, reason: mixedEncodings(lines, "GB18030", advice) };
  }
  if (bom) return decodeWith(bytes.subarray(bom.bytes.length), bom.encoding, advice);
  if (bytes.includes(0)) {
    return { ok: false, reason: looksLikeUtf16(bytes)
      ? `looks like UTF-16 without a byte-order mark, which cannot be told apart reliably; ${advice}`
      : "contains NUL bytes: it is a binary file, not text" };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) {
    const verdict = utf8OrGbk(bytes);
    if (verdict.reading === "UTF-8") return { ok: true, text: utf8, encoding: "UTF-8" };
    const { line, utf8: u, gbk } = verdict.sample;
    if (verdict.reading === "unclear") {
      return { ok: false, reason: `is valid UTF-8 and also GBK/GB18030 Chinese text, and which was meant cannot be told (line ${line} reads "${u}" as UTF-8, "${gbk}" as GBK); ${SAVE_WITH_BOM[kind]}` };
    }
    const decoded = decodeWith(bytes, "GB18030", advice);
    return decoded.ok ? { ...decoded, alsoUtf8: verdict.sample } : decoded;
  }
  // Before the GBK test: a UTF-8 line can leave the whole failing it, and should be named.
  const lines = utf8LinesAmongGbk(bytes, false);
  if (lines.length > 0) return { ok: false, reason: mixedEncodings(lines, "GBK", advice) };
  if (looksLikeGb18030(bytes)) return decodeWith(bytes, "GB18030", advice);
  return { ok: false, reason: isLatin1Like(bytes)
    ? `is not UTF-8: its bytes look like Latin-1 / Windows-1252 (a Western European encoding), which renewsim does not read; ${advice}`
    : `is not UTF-8, UTF-16 (with byte-order mark) or GBK/GB18030 Chinese text (perhaps Big5, Shift-JIS or Latin-1), which renewsim does not read; ${advice}` };
}

/** "line 14 is UTF-8 while the rest of the file is GBK: …" (mixedEncodings.ts). */
function mixedEncodings(lines: number[], rest: string, advice: string): string {
  const listed = lines.length > 5 ? `${lines.slice(0, 5).join(", ")} and ${lines.length - 5} more` : lines.length > 1 ? `${lines.slice(0, -1).join(", ")} and ${lines.at(-1)}` : String(lines[0]);
  return `mixes two encodings: line${lines.length > 1 ? `s ${listed} are` : ` ${listed} is`} UTF-8 while the rest of the file is ${rest}: save the file again in one encoding — ${advice.replace(/^save it as /, "best ")}; a program that opens the file as ${rest} shows ${lines.length > 1 ? "those lines" : "that line"} garbled, so correct ${lines.length > 1 ? "them" : "it"} before saving`;
}

function decodeWith(bytes: Buffer, encoding: Encoding, advice: string): Decoded {
  if (encoding === "UTF-8") {
    const text = strictUtf8(bytes);
    return text === null ? { ok: false, reason: `starts with a UTF-8 byte-order mark but is not valid UTF-8; ${advice}` } : { ok: true, text, encoding };
  }
  const text = iconv.decode(bytes, encoding.toLowerCase(), { stripBOM: false });
  if (text.includes("\ufffd") || /[\ud800-\udfff]/u.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) {
    return { ok: false, reason: `is marked as ${encoding} but is not valid ${encoding}; ${advice}` };
  }
  if (text.includes("\u0000")) return { ok: false, reason: "contains NUL characters: it is a binary file, not text" };
  return { ok: true, text, encoding };
}

function strictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Every other byte zero in the first kilobyte: text saved as UTF-16 without a mark. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 1024) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  // ASCII text as UTF-16 has zeros in one byte of each pair and hardly ever in the other.
  const [many, few] = evenZeros > oddZeros ? [evenZeros, oddZeros] : [oddZeros, evenZeros];
  return many >= 0.4 * (n / 2) && few <= 0.1 * (n / 2);
}

/** High bytes that stand alone between ASCII (é in "Café,"), as Latin-1 text has them. */
function isLatin1Like(bytes: Buffer): boolean {
  let high = 0;
  let isolated = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    high++;
    if ((bytes[i - 1] ?? 0) < 0x80 && (bytes[i + 1] ?? 0) < 0x80) isolated++;
  }
  return high > 0 && isolated >= 0.3 * high;
}
