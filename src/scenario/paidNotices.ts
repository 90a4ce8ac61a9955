/**
 * Payments recorded for a whole year fix that year's cost: a source not named paid nothing
 * (docs/scenario-reference.md). Offices often report only the money they handle — central and
 * provincial subsidies, say — and the year then costs a fraction of what its works cost, silently
 * shrinking the programme's total. A note names the leaf, programme and year whose recorded
 * payments are under half (PAID_SHARE_NOTED) of what the units being paid for that year cost at
 * planned unit costs, the sources recorded, the cost per unit recorded against the planned one, and
 * what can be done instead. Planned cost counts the recorded starts of the years whose units fall
 * due then (a start year without a record adds nothing, so the comparison errs towards silence).
 * A note, not an error: a year may really have cost less.
 */
import type { Label } from "../format/labels.js";
import { fmt } from "./checkContext.js";
import type { PlaceLabel } from "./inputPlace.js";
import { regionLabel } from "./moneyNotices.js";
import type { Actual, Scenario } from "./types.js";
import { unitCostOfStart } from "./unitPrice.js";
import { formatMoney } from "../format/numbers.js";

/** Recorded payments under this share of the planned cost due are noted. */
export const PAID_SHARE_NOTED = 0.5;

export function paidNotices(scenario: Scenario, place: PlaceLabel): Label[] {
  const byKey = new Map(scenario.actuals.map((a) => [key(a.region, a.program, a.year), a]));
  const label = regionLabel(scenario);
  const out: Label[] = [];
  scenario.actuals.forEach((a, i) => {
    if (!a.paid || a.partial) return;
    const program = scenario.programs.find((p) => p.id === a.program);
    const leaf = program?.leaves.find((l) => l.region === a.region);
    if (!program || !leaf) return;
    const priceOf = (year: number) => unitCostOfStart(program, leaf, year, scenario.horizon.start);
    let planned = 0;
    program.spendProfile.forEach((share, k) => {
      const started = byKey.get(key(a.region, a.program, a.year - k))?.started ?? 0;
      planned += share * priceOf(a.year - k) * started;
    });
    const paid = Object.values(a.paid).reduce((x, y) => x + y, 0);
    if (planned <= 0 || paid >= PAID_SHARE_NOTED * planned) return;
    const named = Object.keys(a.paid);
    const notNamed = Object.keys(program.shares).filter((s) => !named.includes(s));
    // Sources and the programme by the names planners use; the record's keys are their ids.
    const sourceName = (id: string) => scenario.sources.find((s) => s.id === id)?.name ?? id;
    const programName = program.name && program.name !== program.id ? program.name : program.id;
    const some = notNamed.length > 0;
    const sources = named.length + notNamed.length;
    const from = some ? ` from ${named.map(sourceName).join(", ")} only (${named.length} of the ${sources} sources funding it)` : " from every source funding it";
    const fromZh = some ? `，仅来自${named.map(sourceName).join("、")}（为其出资的${sources}个来源中的${named.length}个）` : "，来自为其出资的全部来源";
    const perUnit = a.started > 0 ? `, ${formatMoney(paid / a.started)} a unit started that year (${fmt(a.started)}), against a planned unit cost of ${formatMoney(priceOf(a.year))}` : "";
    const perUnitZh = a.started > 0 ? `，按当年开工的${fmt(a.started)}个单位计每单位${formatMoney(paid / a.started)}，而计划单位造价为${formatMoney(priceOf(a.year))}` : "";
    const first = a.year - program.spendProfile.length + 1;
    const span = program.spendProfile.length > 1 ? ` (started ${first}–${a.year})` : "";
    const spanZh = program.spendProfile.length > 1 ? `（${first}–${a.year}年开工）` : "";
    const why = some
      ? `a whole year's cost is what was paid, and a source not named paid nothing (${notNamed.map(sourceName).join(", ")})`
      : "a whole year's cost is what was paid";
    const whyZh = some ? `全年的成本就是已支付的金额，未列出的来源视为未出资（${notNamed.map(sourceName).join("、")}）` : "全年的成本就是已支付的金额";
    const at = place(["actuals", i]);
    const todo = whatToDo(scenario, a, some);
    const region = label(a.region);
    out.push({
      en: `actuals[${i}] (${at.en}): payments recorded for ${region.en}, ${programName} in ${a.year} come to ${formatMoney(paid)}${from}${perUnit}; ` +
        `that is under half of the ${formatMoney(planned)} the units being paid for then${span} cost at planned unit costs. ` +
        `The plan counts ${formatMoney(paid)} for that year: ${why}. ${todo.en}`,
      zh: `actuals[${i}]（${at.zh}）：${region.zh}的${programName}项目${a.year}年登记的支付合计${formatMoney(paid)}${fromZh}${perUnitZh}；` +
        `不到当年应付款项目${spanZh}按计划单位造价计算所需${formatMoney(planned)}的一半。` +
        `规划按${formatMoney(paid)}计入该年：${whyZh}。${todo.zh}`,
    });
  });
  return out;
}

/** What a planner can record instead: every source's payment, no payments at all, or (an open year only) floors. */
function whatToDo(scenario: Scenario, a: Actual, some: boolean): Label {
  const record = some ? `Record every source's ${a.year} payment` : "Check the amounts and their unit (an amount without a unit is yuan)";
  const recordZh = some ? `请登记各来源${a.year}年的全部支付` : "请核对金额及其单位（未写单位的金额按元计）";
  const floors = scenario.asOf
    ? `as_of ${scenario.asOf.text} closes ${a.year}, so its payments cannot be marked partial (floors): partial is for the running year only`
    : `or mark the record partial: true to make its payments (and its starts) floors the plan may add to`;
  const floorsZh = scenario.asOf
    ? `as_of ${scenario.asOf.text} 表明${a.year}年已结束，其支付不能标为 partial（下限）：partial 只用于当年`
    : "或将该记录标为 partial: true，使其支付（及开工数）成为规划可在其上追加的下限";
  return {
    en: `${record}, or leave ${a.year}'s payments out and the plan estimates them within the budgets and shares; ${floors}`,
    zh: `${recordZh}，或不填${a.year}年的支付，由规划在预算和出资比例范围内估算；${floorsZh}`,
  };
}

function key(region: string, program: string, year: number): string {
  return `${region}|${program}|${year}`;
}
