import { describe, expect, it } from "vitest";
import { closest, didYouMean, idsByName } from "../../src/scenario/suggest.js";

const APPLIES_TO = ["unit_cost", "budget", "enterprise_shortfall", "consent_failure", "slip"];

describe("did-you-mean hints", () => {
  it("name the nearest candidate within a third of the word's length in edits, swaps counting once", () => {
    expect(closest("unti_cost", APPLIES_TO)).toBe("unit_cost");
    expect(closest("budgte", APPLIES_TO)).toBe("budget");
    expect(closest("househods_per_unit", ["households_per_unit", "unit_cost"])).toBe("households_per_unit");
    expect(closest("money", APPLIES_TO)).toBeNull();
  });

  it("name the one candidate a shortened word begins, from four letters on (a new user wrote applies_to: consent)", () => {
    expect(didYouMean("consent", APPLIES_TO)).toBe(' (did you mean "consent_failure"?)');
    expect(closest("enterprise", APPLIES_TO)).toBe("enterprise_shortfall");
    expect(closest("con", APPLIES_TO)).toBeNull(); // three letters: too short to guess from
    expect(closest("unit", ["unit_cost", "unit_name"])).toBeNull(); // two candidates: no guess
  });

  it("name the one candidate that shares the word's stem (a planner wrote program: demolition for demolish)", () => {
    const programs = ["demolish", "renovate", "mixed"];
    expect(closest("demolition", programs)).toBe("demolish");
    expect(closest("renovation", programs)).toBe("renovate");
    expect(closest("retrofitting", ["retrofit", "village"])).toBe("retrofit");
    expect(closest("demolition", ["demolish", "demolis"])).toBeNull(); // two stems: no guess
    expect(closest("distance", ["district"])).toBeNull(); // four shared letters are not a stem
    expect(closest("consumption", ["consent_failure"])).toBeNull(); // "cons" only
  });
});

describe("ids by name", () => {
  it("finds an entry by its name without bracketed qualifiers, as offices shorten it, a name as written first", () => {
    const byName = idsByName([
      { id: "typical-town", name: '典型镇培育（"1+4+7+9+N"，不含七个一项目）' },
      { id: "greenway", name: "美丽河道（碧道）" },
      { id: "river", name: "美丽河道" },
      { id: "central-town", name: "中心镇(试点)" },
    ]);
    expect(byName.get("典型镇培育")).toEqual(["typical-town"]);
    expect(byName.get('典型镇培育（"1+4+7+9+N"，不含七个一项目）')).toEqual(["typical-town"]);
    expect(byName.get("美丽河道")).toEqual(["river"]);
    expect(byName.get("中心镇")).toEqual(["central-town"]);
  });
});
