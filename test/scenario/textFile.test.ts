/**
 * textFile.ts: which bytes are read as what. Every shipped scenario and data file, re-encoded as
 * GBK, must decode to exactly its UTF-8 text; Western, Japanese and Traditional-Chinese legacy
 * encodings, UTF-16 without a mark and binary files are refused by name; non-files are refused by
 * kind without reading.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeInputBytes, readInputText } from "../../src/scenario/textFile.js";

const shippedTexts = (): [string, string][] => {
  const files: string[] = [];
  for (const dir of ["scenarios", "scenarios/data", "scenarios/overlays"]) {
    for (const f of readdirSync(dir)) if (/\.(ya?ml|csv)$/.test(f)) files.push(join(dir, f));
  }
  return files.map((f) => [f, readFileSync(f, "utf8")]);
};

describe("decodeInputBytes", () => {
  it("reads every shipped file re-encoded as GBK or GB18030 exactly as its UTF-8 original", () => {
    const texts = shippedTexts();
    expect(texts.length).toBeGreaterThan(20);
    for (const [file, original] of texts) {
      for (const encoding of ["gbk", "gb18030"]) {
        const bytes = iconv.encode(original, encoding);
        // GBK cannot hold every character (− U+2212 becomes "?"): expect what the GBK file holds.
        const text = iconv.decode(bytes, encoding);
        if (encoding === "gb18030") expect(text).toBe(original);
        const decoded = decodeInputBytes(bytes, "table");
        expect(decoded, `${file} as ${encoding}`).toEqual({ ok: true, text, encoding: /[^\x00-\x7f]/.test(text) ? "GB18030" : "UTF-8" });
      }
    }
  });

  it("reads short Chinese CSVs as GBK, where statistical detectors guess ISO-8859-1", () => {
    for (const text of ["区域,年份,金额\ngz,2021,100万\n", "id,name\ngd,广东省\n", "name: 测试（一）“引号”、逗号，①\n", "name: 𠀀 €\n"]) {
      expect(decodeInputBytes(iconv.encode(text, "gb18030"), "table")).toEqual({ ok: true, text, encoding: "GB18030" });
    }
  });

  it("decodes UTF-16 with a byte-order mark, either byte order, and UTF-8 with a mark", () => {
    const text = "name: 广东省\nregions: [{id: gd}]\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf16le")]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf16be")]);
    expect(decodeInputBytes(le, "table")).toEqual({ ok: true, text, encoding: "UTF-16LE" });
    expect(decodeInputBytes(be, "table")).toEqual({ ok: true, text, encoding: "UTF-16BE" });
    expect(decodeInputBytes(Buffer.from(`\ufeff${text}`), "table")).toEqual({ ok: true, text, encoding: "UTF-8" });
  });

  it("refuses Latin-1 and Windows-1252 text by name", () => {
    const western = [
      "id,name,parent\nmuc,München Café,\nzrh,Zürich Straße,muc\n",
      "name: Café Résumé élan\n",
      "name: São Paulo, Kraków, Ærøskøbing\n",
      "description: “smart” quotes — and an ellipsis…\n",
      "region,year,amount\nsé,2021,100\n",
    ];
    for (const text of western) {
      const decoded = decodeInputBytes(iconv.encode(text, "cp1252"), "table");
      expect(decoded.ok, text).toBe(false);
      expect(decoded.ok ? "" : decoded.reason, text).toMatch(/Latin-1|Big5, Shift-JIS or Latin-1/);
    }
  });

  it("refuses Big5 and Shift-JIS rather than decoding them as GBK into wrong characters", () => {
    const samples: [string, string][] = [
      ["id,name,parent\nhk,香港特別行政區,\ntw,臺灣省,hk\n", "big5"],
      ["name: 廣東省老舊小區改造計劃\n", "big5"],
      ["id,name\na,東京都\nb,大阪府\n", "shift_jis"],
    ];
    for (const [text, encoding] of samples) {
      const decoded = decodeInputBytes(iconv.encode(text, encoding), "table");
      expect(decoded.ok, `${encoding}: ${text}`).toBe(false);
    }
  });

  it("refuses NUL bytes, UTF-16 without a mark and UTF-32, naming what they are", () => {
    const reason = (b: Buffer) => {
      const d = decodeInputBytes(b, "table");
      return d.ok ? "decoded" : d.reason;
    };
    expect(reason(Buffer.from("name: a\u0000b\n"))).toContain("NUL bytes");
    expect(reason(iconv.encode("name: 广东 abc\nhorizon: x\n", "utf16le"))).toContain("UTF-16 without a byte-order mark");
    expect(reason(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode("name: x\n", "utf32le")]))).toContain("UTF-32");
    expect(reason(Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toContain("not valid UTF-8");
  });
});

describe("bytes that are valid UTF-8 and GBK alike (the 联通 problem)", () => {
  const decode = (b: Buffer) => decodeInputBytes(b, "table");

  it("reads GBK names whose bytes also spell UTF-8 letters (全省 → ȫʡ) as GBK, keeping both readings for the notice", () => {
    for (const [name, utf8] of [["全省", "ȫʡ"], ["台山", "\u0328ɽ"], ["平远", "ƽԶ"]]) {
      const text = `id,name,program,region\nt1,${name},retrofit,gd\n`;
      const bytes = iconv.encode(text, "gbk");
      expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toContain(utf8); // valid UTF-8 too
      expect(decode(bytes)).toEqual({ ok: true, text, encoding: "GB18030", alsoUtf8: { line: 2, utf8, gbk: name } });
    }
  });

  it("leaves UTF-8 alone: Chinese, and accented Latin or signs beside numbers without any Chinese", () => {
    const texts = [
      "id,name\nqs,全省\nts,台山\n",
      "id,name\nzs,Zhōngshān\n",
      "id,name\nc,Café résumé\n",
      "id,name\nc,Cafe\u0301\n", // decomposed, as macOS saves names
      'region,year,amount\ngz,2021,"¥1,234.50"\n', // Excel's currency format
      "a,b\nx,25°C ±2\n",
      // Latin-1's signs standing alone, as English text writes them (a code review saw them refused).
      "# range ± 5 %\n", "a,¥ 1234\n", "# © 2024 city\n", "# see § 3\n", "a, ½ done\n",
    ];
    for (const text of texts) expect(decode(Buffer.from(text)), text).toEqual({ ok: true, text, encoding: "UTF-8" });
    for (const [file, text] of shippedTexts()) expect(decode(Buffer.from(text)), file).toMatchObject({ ok: true, encoding: "UTF-8" });
  });

  it("refuses bytes it cannot tell, showing both readings, and reads them as UTF-8 once they carry a byte-order mark", () => {
    const lone = iconv.encode("id,kind\nx,省\n", "gbk"); // one character: ʡ as UTF-8
    const both = Buffer.from("id,name\nx,Café\ny,··\n"); // UTF-8 in a word, and a pair standing alone
    const reason = (b: Buffer) => {
      const d = decode(b);
      return d.ok ? "read" : d.reason;
    };
    expect(reason(lone)).toBe(
      'is valid UTF-8 and also GBK/GB18030 Chinese text, and which was meant cannot be told (line 2 reads "ʡ" as UTF-8, "省" as GBK); save it as UTF-8 with a byte-order mark (in Excel/WPS: 另存为 → CSV UTF-8; in an editor: UTF-8 with BOM), which is read as UTF-8 without guessing',
    );
    expect(reason(both)).toContain('(line 3 reads "··" as UTF-8, "路路" as GBK)');
    expect(decodeInputBytes(both, "text")).toMatchObject({ ok: false, reason: expect.stringMatching(/in your editor: UTF-8 with BOM/) });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), both]))).toEqual({ ok: true, text: both.toString("utf8"), encoding: "UTF-8" });
  });
});

describe("a GBK file with lines in UTF-8", () => {
  const gbk = iconv.encode("id,name,parent\ngd,广东省,\ngz,广州市,gd\n", "gbk");
  const reason = (b: Buffer) => {
    const d = decodeInputBytes(b, "table");
    return d.ok ? `read: ${d.text}` : d.reason;
  };

  it("is refused, naming the UTF-8 line, rather than read with that line's Chinese garbled (珠海特区 → 鐝犳捣鐗瑰尯)", () => {
    // An even number of UTF-8 bytes stays valid GBK (and was read garbled); an odd number was refused as no known encoding.
    for (const name of ["珠海特区", "珠海市"]) {
      expect(reason(Buffer.concat([gbk, Buffer.from(`zhuhai,${name},gd\n`)]))).toBe(
        "mixes two encodings: line 4 is UTF-8 while the rest of the file is GBK: save the file again in one encoding — best UTF-8 (in Excel/WPS: 另存为 → CSV UTF-8; in an editor: encoding UTF-8); a program that opens the file as GBK shows that line garbled, so correct it before saving",
      );
    }
  });

  it("names every UTF-8 line, in a GB18030 file with its byte-order mark too", () => {
    const lines = Buffer.concat([Buffer.from("zh,珠海,gd\r\n"), gbk, Buffer.from("st,汕头,gd\nsg,Sháoguān,gd\n")]);
    expect(reason(lines)).toMatch(/^mixes two encodings: lines 1, 5 and 6 are UTF-8 while the rest of the file is GBK: .* shows those lines garbled, so correct them before saving$/);
    const marked = Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), gbk, Buffer.from("zh,珠海,gd\n")]);
    expect(reason(marked)).toMatch(/^mixes two encodings: line 4 is UTF-8 while the rest of the file is GB18030: /);
  });

  it("still reads GBK lines that happen to be valid UTF-8, and Latin-1 with a UTF-8 line is refused as Latin-1", () => {
    const alsoUtf8 = iconv.encode("ts,台山,gd\n", "gbk"); // ̨ɽ as UTF-8: no Chinese there
    expect(reason(Buffer.concat([gbk, alsoUtf8]))).toBe("read: id,name,parent\ngd,广东省,\ngz,广州市,gd\nts,台山,gd\n");
    expect(reason(Buffer.concat([iconv.encode("id,name\nm,München Café\n", "latin1"), Buffer.from("zh,珠海\n")]))).toMatch(/Latin-1/);
  });

  it("reads a GBK line whose extension characters are also two-byte UTF-8 (聙聛) as GBK, not as a UTF-8 line", () => {
    const more = iconv.encode("zj,湛江市,gd\nmm,茂名市,gd\n", "gbk"); // enough GB2312 text to read as GBK at all
    const extension = iconv.encode("x,聙聛,gd\n", "gbk");
    expect(new TextDecoder("utf-8", { fatal: true }).decode(extension)).not.toContain("聙"); // valid UTF-8, other letters
    expect(reason(Buffer.concat([gbk, more, extension]))).toBe("read: id,name,parent\ngd,广东省,\ngz,广州市,gd\nzj,湛江市,gd\nmm,茂名市,gd\nx,聙聛,gd\n");
  });
});

describe("readInputText", () => {
  const dir = mkdtempSync(join(tmpdir(), "renewsim-textfile-"));

  it("refuses folders, FIFOs, devices and sockets by kind, without blocking or reading", async () => {
    mkdirSync(join(dir, "folder.yaml"));
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const socket = join(dir, "sock.yaml");
    const server = createServer().listen(socket);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      expect(readInputText(join(dir, "folder.yaml"), 1024, "text")).toEqual({ ok: false, reason: "is a folder, not a file" });
      expect(readInputText(join(dir, "pipe.yaml"), 1024, "text")).toEqual({ ok: false, reason: "is a named pipe (FIFO), not a file" });
      expect(readInputText("/dev/zero", 1024, "text")).toEqual({ ok: false, reason: "is a device (such as /dev/zero), not a file" });
      expect(readInputText(socket, 1024, "text")).toEqual({ ok: false, reason: "is a socket, not a file" });
      expect(readInputText(join(dir, "missing.yaml"), 1024, "text")).toEqual({ ok: false, reason: "does not exist" });
    } finally {
      server.close();
    }
  });

  it("reads at most the limit, also when the file's size says 0 (/proc) or it is reached through a link", () => {
    const big = join(dir, "big.csv");
    writeFileSync(big, "x".repeat(5000));
    const r = readInputText(big, 4096, "table");
    expect(r.ok ? "" : r.reason).toBe("is 4.9 KB; the limit for this kind of file is 4 KB (see docs/limits.md)");
    const proc = readInputText("/proc/self/status", 16, "text");
    expect(proc.ok ? "" : proc.reason).toContain("is larger than that; the limit for this kind of file is 0 KB");
    symlinkSync(big, join(dir, "link.csv"));
    expect(readInputText(join(dir, "link.csv"), 8192, "table")).toEqual({ ok: true, text: "x".repeat(5000), encoding: "UTF-8" });
  });

  it("tells how to save a CSV as UTF-8 from Excel/WPS, and a YAML file from an editor", () => {
    const latin1 = iconv.encode("name: münchen\n", "latin1");
    writeFileSync(join(dir, "latin1.csv"), latin1);
    writeFileSync(join(dir, "latin1.yaml"), latin1);
    const csv = readInputText(join(dir, "latin1.csv"), 1024, "table");
    const yaml = readInputText(join(dir, "latin1.yaml"), 1024, "text");
    expect(csv.ok ? "" : csv.reason).toMatch(/Latin-1.*in Excel\/WPS: 另存为 → CSV UTF-8/);
    expect(yaml.ok ? "" : yaml.reason).toMatch(/Latin-1.*save it as UTF-8 \(in your editor: encoding UTF-8\)$/);
  });
});
