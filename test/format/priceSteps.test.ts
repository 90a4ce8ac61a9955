/** Price steps and rooms: the amount a shadow price is quoted for, and how far it is certain. */
import { describe, expect, it } from "vitest";
import { formatMoneyRoom, formatRoom, moneyPriceStep, priceStep, priceStepYuan, shownMoneyRoom, shownRoom } from "../../src/format/priceSteps.js";

describe("price steps", () => {
  it("quotes a money price for 1亿元, or the largest power of ten within the room it holds for", () => {
    expect(priceStepYuan(null)).toBe(1e8);
    expect(priceStepYuan(Infinity)).toBe(1e8);
    expect(priceStepYuan(3.2e8)).toBe(1e8);
    expect(priceStepYuan(222_571)).toBe(1e5);
    expect(priceStepYuan(99_999_999)).toBe(1e7);
    expect(priceStepYuan(0.4)).toBe(1);
  });

  it("quotes a count price (slots, units of a target) by the same rule: 1, or a power of ten within its room", () => {
    expect(priceStep(null, 1)).toBe(1);
    expect(priceStep(2.47, 1)).toBe(1);
    expect(priceStep(0.33, 1)).toBe(0.1);
    expect(priceStep(0.014, 1)).toBe(0.01);
  });

  it("prints how far a count price is certain rounded down, with the digits a room under 1 needs", () => {
    expect(formatRoom(0.0076)).toBe("0.0076"); // two decimals read 0.01, past the room, beside a step of 0.001
    expect(formatRoom(0.0333)).toBe("0.033");
    expect(formatRoom(0.146)).toBe("0.14");
    expect(formatRoom(0.1999998)).toBe("0.2");
    expect(formatRoom(24.3349)).toBe("24.33");
    expect(formatRoom(1234.567)).toBe("1,234.56");
  });

  it("prints a count's room as the room explain counts: 0 under a thousandth, what it keeps above", () => {
    expect(formatRoom(0.004)).toBe("0.004");
    expect(shownRoom(0.004)).toBe(0.004);
    expect(formatRoom(0.00099)).toBe("0");
    expect(shownRoom(0.00099)).toBe(0);
    expect(shownRoom(0.0009999998)).toBe(0.001); // solver noise short of a thousandth
    expect(shownRoom(0.0000027)).toBe(0); // a basis that changes a hair above a met target
    for (const x of [0.00042, 0.00099, 0.001, 0.0013, 0.0027, 0.0049, 0.0076, 0.033, 0.5, 3.2]) {
      expect(formatRoom(x) === "0", String(x)).toBe(shownRoom(x) === 0);
    }
  });

  it("prints a money room rounded down, never past it, and one that prints as 0 is none", () => {
    expect(formatMoneyRoom(0.5)).toBe("0元"); // formatMoney: "0.5元", and a step of 1元 past it
    expect(formatMoneyRoom(0.8)).toBe("0元");
    expect(formatMoneyRoom(5.9)).toBe("5元");
    expect(formatMoneyRoom(544_499)).toBe("54.44万元"); // formatMoney: 54.45万元
    expect(formatMoneyRoom(123_900_000)).toBe("1.23亿元"); // formatMoney: 1.24亿元
    expect(formatMoneyRoom(99_999_999.9999)).toBe("1亿元"); // solver noise short of 1亿
    expect(shownMoneyRoom(0.9999999)).toBe(1);
    for (const x of [0.3, 0.5, 0.99, 1, 1.4, 7.5, 9_999.99, 12_345.678, 2.5e8]) {
      expect(formatMoneyRoom(x) === "0元", String(x)).toBe(shownMoneyRoom(x) === 0);
      expect(shownMoneyRoom(x), String(x)).toBeLessThanOrEqual(x);
    }
  });

  it("quotes a money price up or down by one rule, its step never past the room it is certain for", () => {
    // 0.5–1 yuan above a budget: no step fits above (the least is 1 yuan), so the price is quoted below.
    expect(moneyPriceStep(0.8, 5e6)).toEqual({ sign: -1, yuan: 1e6 });
    expect(moneyPriceStep(0.8, 5e6, -1)).toEqual({ sign: -1, yuan: 1e6 });
    expect(moneyPriceStep(222_571, 5e6)).toEqual({ sign: 1, yuan: 1e5 });
    expect(moneyPriceStep(222_571, 5e6, -1)).toEqual({ sign: -1, yuan: 1e6 });
    expect(moneyPriceStep(null, null)).toEqual({ sign: 1, yuan: 1e8 });
    expect(moneyPriceStep(Infinity, 0)).toEqual({ sign: 1, yuan: 1e8 });
    expect(moneyPriceStep(9.9999999, 0)).toEqual({ sign: 1, yuan: 10 }); // noise short of 10 yuan
    expect(moneyPriceStep(0.8, 0.6)).toBeNull(); // a point: no step has a certain price
    for (const [up, down] of [[0.6, 3], [1, 0], [1.5, 0], [37.2, 0.2], [0, 4.2e7], [3e9, 0]]) {
      const s = moneyPriceStep(up, down)!;
      expect(s.yuan, `${up} ${down}`).toBeLessThanOrEqual(shownMoneyRoom(s.sign > 0 ? up : down));
    }
  });
});
