/** Money falls due until the horizon's end plus the longest spend profile less one year. */
import { describe, expect, it } from "vitest";
import { lastPaymentYear, lastPaymentYearOf } from "../../src/scenario/paymentYears.js";
import { handSolvedTown } from "../helpers/scenario.js";

describe("last payment year", () => {
  it("is the horizon's end when every unit is paid in its start year, later with longer profiles", () => {
    const s = handSolvedTown(); // 2021–2022, spend profile [1]
    expect(lastPaymentYear(s)).toBe(2022);
    s.programs[0].spendProfile = [0.5, 0.3, 0.2];
    expect(lastPaymentYear(s)).toBe(2024);
    // Of some programmes only (a source's): none leaves the horizon's end.
    expect(lastPaymentYearOf(2022, s.programs)).toBe(2024);
    expect(lastPaymentYearOf(2022, [])).toBe(2022);
  });
});
