import { describe, expect, it } from "vitest";
import { cutFractions, cutLabel, parseCutSpec, parseSourceOption } from "../../src/finance/cutSpec.js";

describe("--cut parsing", () => {
  it("reads a kind and percentage levels, adding the 0% baseline in order", () => {
    expect(parseCutSpec("government=30%,10%,20%")).toEqual({ selector: { kind: "government", ids: null }, levels: [0, 0.1, 0.2, 0.3], amounts: [] });
  });

  it("accepts fractions, de-duplicates and keeps an explicit 0", () => {
    expect(parseCutSpec("enterprise=0.1,10%,0%").levels).toEqual([0, 0.1]);
  });

  it("narrows a kind with --sources and needs --sources for the 'sources' selector", () => {
    expect(parseCutSpec("government=10%", "central, provincial").selector).toEqual({ kind: "government", ids: ["central", "provincial"] });
    expect(parseCutSpec("sources=10%", "central").selector).toEqual({ kind: null, ids: ["central"] });
    expect(() => parseCutSpec("sources=10%")).toThrow(/--sources/);
  });

  it.each([
    ["government=abc", /"abc" is not a cut level/],
    ["unknown=10%", /unknown selector "unknown"/],
    ["government=120%", /outside 0%–100%/],
    ["government=10", /outside 0%–100% \(write 10% for a percentage\)$/],
    ["government=100", /outside 0%–100% \(write 100% for a percentage\)$/],
    // 150% is outside the range too: no suggestion to write it.
    ["government=150", /cut level 150 is outside 0%–100%$/],
    ["government=1.5", /cut level 1.5 is outside 0%–100% \(write 1.5% for a percentage\)$/],
    ["government=-5%", /outside 0%–100%/],
    ["government10%", /needs the form <selector>=<levels>/],
    ["=10%", /selector before "=" is missing/],
    ["government=", /no cut levels/],
    ["government=10%,,20%", /"" is not a cut level/],
  ])("rejects %s with one clear usage error", (text, message) => {
    let error: unknown;
    try {
      parseCutSpec(text);
    } catch (e) {
      error = e;
    }
    expect((error as { kind: string }).kind).toBe("usage");
    expect((error as Error).message).toMatch(message);
  });

  it("labels cuts as percentages", () => {
    expect(cutLabel(0.2)).toBe("20%");
    expect(cutLabel(0.125)).toBe("12.5%");
  });
});

describe("--source parsing", () => {
  it("tells a kind from a list of ids", () => {
    expect(parseSourceOption("government")).toEqual({ kind: "government", ids: null });
    expect(parseSourceOption("central,city")).toEqual({ kind: null, ids: ["central", "city"] });
  });

  it("rejects empty values", () => {
    expect(() => parseSourceOption(undefined)).toThrow(/--source is required/);
    expect(() => parseSourceOption("central,,city")).toThrow(/separated by commas/);
  });

  it("reads levels written as money as amounts, each turned into the share of the selected budgets it cuts", () => {
    const spec = parseCutSpec("government=1亿,5000万,10%");
    expect(spec.levels).toEqual([0, 0.1]);
    expect(spec.amounts).toEqual([1e8, 5e7]);
    expect(parseCutSpec("government=¥50000000,￥1亿").amounts).toEqual([5e7, 1e8]); // a yuan sign makes it money too
    expect(cutFractions(spec, 4e8)).toEqual([0, 0.1, 0.125, 0.25]);
    expect(() => cutFractions(spec, 6e7)).toThrow(/--cut 1亿元 is more than the selected budgets hold \(6,000万元\)/);
    expect(() => parseCutSpec("government=-1亿")).toThrow(/"-1亿" is not an amount to cut/);
  });
});
