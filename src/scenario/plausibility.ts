/**
 * Budgets and unit costs that are almost certainly unit mistakes: amounts without a unit are yuan,
 * so a county budget typed as `3500` meaning 3500万 is 10,000 times too small and quietly starves
 * the plan. Whole files typed in the wrong unit get one note each instead (unitSlips.ts). The typical budget is the median of the budgets of at least 1万元 (a whole CSV typed in
 * 万 would otherwise make the slips the typical value and the right amounts look huge). A budget
 * is flagged when it is positive and below a thousandth of the typical one, or a government budget
 * under 1万元 a year, or above ten thousand times the typical one; the hint names the unit (万 or
 * 亿) that brings it nearest the typical budget. A year far off its own budget's other years is
 * flagged too (offOwnYears). A unit cost is flagged under
 * 100元 per household (retrofits cost thousands to tens of thousands), or, where households are
 * counted, over 1000万 per household (a unit's cost written `per_household`). Warnings, not errors: the
 * planner may mean it. Each names its YAML path, file and line.
 */
import type { Label } from "../format/labels.js";
import { type PlaceLabel, shownPathOf } from "./inputPlace.js";
import { formatPath, type PathKey } from "./positions.js";
import { parseAmount } from "./units.js";
import { type BudgetAmount, budgetAmounts, medianOf } from "./budgetAmounts.js";
import { formatMoney } from "../format/numbers.js";

/** `counted`: the amounts a note on their whole file already counts (unitSlips.ts), left out here, and out of the median. */
export function implausibleBudgets(merged: unknown, place: PlaceLabel, counted: ReadonlySet<string> = new Set(), headerOf: HeaderOf = () => undefined): Label[] {
  const amounts = budgetAmounts(merged).filter((a) => !counted.has(formatPath(a.path)));
  const positive = amounts.map((a) => a.yuan).filter((x) => x > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const plausible = positive.filter((x) => x >= LEAST_GOVERNMENT_BUDGET);
  const typical = plausible.length > 0 ? plausible : positive;
  const median = medianOf(typical);
  const byRecord = new Map<string, BudgetAmount[]>();
  for (const a of amounts) {
    const list = byRecord.get(a.record);
    if (list) list.push(a);
    else byRecord.set(a.record, [a]);
  }
  return amounts.flatMap((a) => {
    if (a.yuan <= 0) return [];
    const belowMedian = a.yuan < median / 1000;
    const tiny = belowMedian || (a.government && a.yuan < LEAST_GOVERNMENT_BUDGET);
    const huge = a.yuan > median * 1e4;
    if (!tiny && !huge) return offOwnYears(a, byRecord.get(a.record)!, place, headerOf);
    const w = where(a.path, place);
    const hint = tiny ? smallHint(a, nearestUnit(a.yuan, median), headerOf) : { en: "is the unit right?", zh: "单位是否写对？" };
    if (tiny && !belowMedian) {
      return [{
        en: `${w.en}: a government budget of ${formatMoney(a.yuan)} a year is under 1万元; ${hint.en}`,
        zh: `${w.zh}：政府预算每年${formatMoney(a.yuan)}，不足1万元；${hint.zh}`,
      }];
    }
    return [{
      en: `${w.en}: a budget of ${formatMoney(a.yuan)} is ${tiny ? "far below" : "far above"} this scenario's typical budget (median ${formatMoney(median)} of those from 1万元); ${hint.en}`,
      zh: `${w.zh}：预算${formatMoney(a.yuan)}${tiny ? "远低于" : "远高于"}本方案的一般预算水平（1万元及以上预算的中位数为${formatMoney(median)}）；${hint.zh}`,
    }];
  });
}

/** The header that gave the amount at a path its unit (`金额（万元）`), if one did (SourcePos.unitHeader). */
export type HeaderOf = (path: readonly PathKey[]) => string | undefined;

/**
 * Why a budget too small may be a slip: a bare number is yuan (did you mean 6000万?); one whose unit
 * came from its column's header was read in that unit, and it is the header to check.
 */
function smallHint(a: BudgetAmount, unit: "万" | "亿", headerOf: HeaderOf): Label {
  const header = headerOf(a.path);
  if (header !== undefined) {
    return {
      en: `its unit is the header's (${header}): is that the unit of this figure?`,
      zh: `其单位取自表头“${header}”：这个数字的单位是否如此？`,
    };
  }
  const meant = `${a.yuan}${unit}`;
  return { en: `amounts without a unit are yuan: did you mean "${meant}"?`, zh: inYuanZh(meant) };
}

/**
 * A year far off the same budget's other years: `guangzhou,2021,46240` among 4–7亿 a year is
 * 46240万 typed as yuan, though a small county's budget can be that size; `60000万` among 6000万 a
 * year is an extra zero. Needs two other years (`per_year` is not one: it stands for the years
 * by_year does not give). `record`: the amounts of a's budget record.
 */
function offOwnYears(a: BudgetAmount, record: BudgetAmount[], place: PlaceLabel, headerOf: HeaderOf): Label[] {
  const isYear = (b: BudgetAmount) => b.path[b.path.length - 2] === "by_year";
  if (!isYear(a)) return [];
  const others = record.filter((b) => b !== a && isYear(b) && b.yuan > 0).map((b) => b.yuan).sort((x, y) => x - y);
  if (others.length < 2) return [];
  const median = medianOf(others);
  const w = where(a.path, place);
  if (a.yuan >= median * EXTRA_ZERO) {
    return [{
      en: `${w.en}: a budget of ${formatMoney(a.yuan)} is ${Math.round(a.yuan / median)} times the same budget's other years (median ${formatMoney(median)}); an extra zero?`,
      zh: `${w.zh}：预算${formatMoney(a.yuan)}是同一预算其他年份（中位数${formatMoney(median)}）的${Math.round(a.yuan / median)}倍；是否多写了一个0？`,
    }];
  }
  if (a.yuan >= median / 1000) return [];
  const hint = smallHint(a, nearestUnit(a.yuan, median), headerOf);
  return [{
    en: `${w.en}: a budget of ${formatMoney(a.yuan)} is far below the same budget's other years (median ${formatMoney(median)}); ${hint.en}`,
    zh: `${w.zh}：预算${formatMoney(a.yuan)}远低于同一预算其他年份（中位数${formatMoney(median)}）；${hint.zh}`,
  }];
}

/** A year this many times its budget's other years is worth a look: 60000万 typed for 6000万. */
const EXTRA_ZERO = 8;

/** Below this a government's yearly budget is a unit slip: `3500` written for 3500万. */
const LEAST_GOVERNMENT_BUDGET = 1e4;

/** Below this a unit cost per household is a unit slip: `2.7` written for 2.7万. */
const LEAST_COST_PER_HOUSEHOLD = 100;

/**
 * Above this a unit cost per household is a slip: a village's 8000万 written `per_household` (416亿
 * a village of 520 households). Rebuilding an urban village costs tens of 万元 a household.
 */
const MOST_COST_PER_HOUSEHOLD = 1e7;

export function implausibleUnitCosts(merged: unknown, place: PlaceLabel): Label[] {
  const programs = (merged as { programs?: unknown })?.programs;
  if (!Array.isArray(programs)) return [];
  return programs.flatMap((p, i) => {
    const program = p as { unit_cost?: unknown; households_per_unit?: unknown; by_region?: unknown };
    const hpu = typeof program?.households_per_unit === "number" ? program.households_per_unit : 1;
    // `counted`: households are known (per_household, or households_per_unit given), so a cost per
    // household can be too high; a town or a km of greenway counts no households.
    const counted = typeof program?.households_per_unit === "number";
    const costs: { path: PathKey[]; value: unknown; households: number; counted: boolean; perHousehold?: boolean }[] = [];
    const cost = program?.unit_cost;
    if (cost && typeof cost === "object" && "per_household" in cost) costs.push({ path: ["programs", i, "unit_cost", "per_household"], value: cost.per_household, households: 1, counted: true, perHousehold: true });
    else if (cost && typeof cost === "object" && "per_unit" in cost) costs.push({ path: ["programs", i, "unit_cost", "per_unit"], value: cost.per_unit, households: hpu, counted });
    else costs.push({ path: ["programs", i, "unit_cost"], value: cost, households: hpu, counted });
    if (Array.isArray(program?.by_region)) {
      program.by_region.forEach((r, j) => {
        const leaf = r as { unit_cost?: unknown; households_per_unit?: unknown };
        if (leaf?.unit_cost === undefined) return;
        const households = typeof leaf.households_per_unit === "number" ? leaf.households_per_unit : hpu;
        costs.push({ path: ["programs", i, "by_region", j, "unit_cost"], value: leaf.unit_cost, households, counted: counted || typeof leaf.households_per_unit === "number" });
      });
    }
    // The programme's own cost per household, where households are counted: what a region's cost is
    // set against (offProgramme).
    const own = parseAmount(costs[0].value);
    const reference = costs[0].counted && own !== null && own > 0 && costs[0].households > 0 ? { yuan: own / costs[0].households, path: costs[0].path } : null;
    return costs.flatMap(({ path, value, households, counted, perHousehold }, k): Label[] => {
      const yuan = parseAmount(value);
      if (yuan === null || yuan <= 0 || !(households > 0)) return [];
      const w = where(path, place);
      const per = households === 1 ? "" : ` (${formatMoney(yuan / households)} per household)`;
      const perZh = households === 1 ? "" : `（每户${formatMoney(yuan / households)}）`;
      if (counted && yuan / households > MOST_COST_PER_HOUSEHOLD) {
        const hint = perHousehold ? "is it the cost of a whole unit? then write it as `per_unit`" : "is the unit right?";
        return [{
          en: `${w.en}: a unit cost of ${formatMoney(yuan)}${per}${perHousehold ? " per household" : ""} is far above any real renewal work (at most some tens of 万元 per household); ${hint}`,
          zh: `${w.zh}：${perHousehold ? "每户" : "单位"}造价${formatMoney(yuan)}${perZh}远高于任何实际的更新改造工程（每户至多几十万元）；${perHousehold ? "是否为一个单位的全部造价？如是，请写作 `per_unit`" : "单位是否写对？"}`,
        }];
      }
      if (yuan / households >= LEAST_COST_PER_HOUSEHOLD) return k > 0 && reference ? offProgramme(path, yuan, households, reference, place) : [];
      return [{
        en: `${w.en}: a unit cost of ${formatMoney(yuan)}${per} is far below any real renewal work (thousands to tens of thousands of yuan per household); amounts without a unit are yuan: did you mean "${yuan}万"?`,
        zh: `${w.zh}：单位造价${formatMoney(yuan)}${perZh}远低于任何实际的更新改造工程（每户数千元至数万元）；${inYuanZh(`${yuan}万`)}`,
      }];
    });
  });
}

/** A region's cost per household this many times its programme's (or its inverse) is a slip, not a region's dearer work. */
const OFF_PROGRAMME_FACTOR = 10;

/**
 * A region's unit cost (always per unit) far off its programme's own cost per household: a CSV
 * column of costs per household (2.5万) read as each community's cost, 1/120 of the real one for
 * communities of 120 households, plans the work that much too cheap.
 */
function offProgramme(path: PathKey[], yuan: number, households: number, reference: { yuan: number; path: PathKey[] }, place: PlaceLabel): Label[] {
  const ratio = yuan / households / reference.yuan;
  if (ratio > 1 / OFF_PROGRAMME_FACTOR && ratio < OFF_PROGRAMME_FACTOR) return [];
  const w = where(path, place);
  const times = ratio < 1 ? { en: `1/${Math.round(1 / ratio)} of`, zh: `只有项目本身每户造价${formatMoney(reference.yuan)}的1/${Math.round(1 / ratio)}` } : { en: `${Math.round(ratio)} times`, zh: `是项目本身每户造价${formatMoney(reference.yuan)}的${Math.round(ratio)}倍` };
  const perHousehold = households === 1 ? "" : ` (${formatMoney(yuan / households)} per household)`;
  const perHouseholdZh = households === 1 ? "" : `（每户${formatMoney(yuan / households)}）`;
  const perHouseholdHint = ratio < 1 && households > 1;
  const hint = perHouseholdHint
    ? `; a region's unit_cost is the cost of one unit of ${households} households: is this a cost per household (then ${formatMoney(yuan * households)} a unit)?`
    : "; is the unit right?";
  const hintZh = perHouseholdHint
    ? `；地区的 unit_cost 是一个单位（${households}户）的造价：这是否为每户造价（如是，每单位${formatMoney(yuan * households)}）？`
    : "；单位是否写对？";
  return [{
    en: `${w.en}: a unit cost of ${formatMoney(yuan)}${perHousehold} is ${times.en} the programme's own ${formatMoney(reference.yuan)} per household (${formatPath(reference.path)})${hint}`,
    zh: `${w.zh}：单位造价${formatMoney(yuan)}${perHouseholdZh}${times.zh}（${formatPath(reference.path)}）${hintZh}`,
  }];
}

/** 万 or 亿: the unit that puts `amount` (written without one) nearest `typical` yuan. */
function nearestUnit(amount: number, typical: number): "万" | "亿" {
  return Math.abs(Math.log(amount * 1e4 / typical)) <= Math.abs(Math.log(amount * 1e8 / typical)) ? "万" : "亿";
}

/** "sources[2].budgets[0].per_year (data/县级预算.csv:9)": written as the other load-time notes are. */
function where(path: PathKey[], place: PlaceLabel): Label {
  const at = place(path);
  const shown = shownPathOf(place, path);
  return { en: `${shown} (${at.en})`, zh: `${shown}（${at.zh}）` };
}

/** The unit hint in Chinese: `未写单位的金额按元计，是否应为“6000万”？` */
function inYuanZh(meant: string): string {
  return `未写单位的金额按元计，是否应为“${meant}”？`;
}
