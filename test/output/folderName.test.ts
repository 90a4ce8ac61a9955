/** folderName.ts: any scenario name becomes one safe folder name under results/. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultOutDir } from "../../src/folderRun.js";
import { safeFolderName } from "../../src/output/folderName.js";

describe("safeFolderName", () => {
  it("turns names that would climb out of results/ or name a device into one plain segment", () => {
    const cases: [string, string][] = [
      ["..", "scenario"], [".", "scenario"], ["../../etc", "etc"], ["/", "scenario"], ["a/b", "a-b"], ["C:\\x", "C-x"],
      ["CON", "CON_"], ["nul.txt", "nul.txt_"], ["", "scenario"], ["  广东 老旧小区 ", "广东-老旧小区"], ["...hidden", "hidden"],
      ["guangdong-retrofit-2021-2025", "guangdong-retrofit-2021-2025"],
    ];
    for (const [name, folder] of cases) expect(safeFolderName(name), name).toBe(folder);
    expect(defaultOutDir("..")).toBe("results/scenario");
  });

  it("always gives a non-empty name without separators, dots-only or leading dots, at most 80 characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(".", "/", "\\", "-", " ", ":", "a", "广", "\u0000", "\n", "C", "O", "N") }), (name) => {
        const out = safeFolderName(name);
        expect(out.length).toBeGreaterThan(0);
        expect([...out].length).toBeLessThanOrEqual(80);
        expect(out).not.toMatch(/[/\\\u0000\n:]/);
        expect(out).not.toMatch(/^\./);
        expect(out).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      }),
    );
  });
});
