/**
 * The steps prices are quoted for and how far they are certain (HiGHS ranging), as people read
 * them: one rule for explain, shadow_prices' steps, the printed summary and min-budget, for counts
 * (slots, units, households) and money alike. Split from numbers.ts, whose formatters it uses.
 */
import { formatMoney, grouped, moneyUnit, UNIT_YUAN } from "./numbers.js";

const YI = UNIT_YUAN.亿元;
const WAN = UNIT_YUAN.万元;

/**
 * The step a price is quoted for: its natural step (1亿元, 1 slot, 1 unit), or, where the price holds
 * for less, the largest power of ten within `room`, the change over which it holds ("+1亿元 buys 47"
 * read as a promise where the price holds for 22万元 only: there the step is 10万元). Unknown room
 * (null): the natural step. Never below `least`. One rule for every price explain, the summary and
 * min-budget quote.
 */
export function priceStep(room: number | null, natural: number, least = 0): number {
  const r = room ?? Infinity;
  return r >= natural ? natural : Math.max(least, 10 ** Math.floor(Math.log10(r)));
}

/**
 * How far a count's price is certain, never past it: rounded down, to two decimals or, under 1, two
 * significant digits ("+0.0076 started" beside a step of 0.001, where two decimals read "+0.01").
 * Solver noise under a thousandth of the last digit shown does not take that digit off (a room of
 * 0.1999998, the stage tolerance's 2e-7 short of 0.2, reads 0.2).
 */
export function formatRoom(x: number): string {
  return grouped(shownRoom(x), roomDigits(x));
}

/**
 * A count's room as formatRoom prints it. Under a thousandth of a unit, slot or household it is 0:
 * the LP relaxation's basis of a whole-unit plan often changes a few millionths above a met target,
 * and a price certain only that far holds for no step. explain counts a room that prints as 0 as
 * none, so what it prints and what it drops are this one rule (a threshold of its own dropped a
 * room of 0.004 that printed as "0.004").
 */
export function shownRoom(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x;
  if (Math.floor(x / LEAST_ROOM + 1e-3) < 1) return 0;
  const k = 10 ** roomDigits(x);
  return Math.floor(x * k + 1e-3) / k;
}

const LEAST_ROOM = 1e-3;

/** Two decimals, or under 1 those of two significant digits: at most four, LEAST_ROOM's two. */
function roomDigits(x: number): number {
  return x > 0 && Number.isFinite(x) ? Math.min(4, Math.max(2, 1 - Math.floor(Math.log10(x)))) : 2;
}

/** A money price's step (priceStep): 1亿元, or a power of ten of yuan within `roomYuan`, at least 1 yuan. */
export function priceStepYuan(roomYuan: number | null): number {
  return priceStep(roomYuan, YI, 1);
}

/**
 * A money room as formatMoneyRoom prints it: rounded down to formatMoney's last digit (0.01亿元,
 * 0.01万元) and, under 1万元, to the yuan — never past where the price is certain (formatMoney
 * rounds to nearest: a room of 0.5 yuan read "1元"). Under a yuan it is 0 and counts as none: the
 * least money step is 1 yuan (priceStepYuan), so a room that prints as 0 holds no step. Solver noise
 * under a thousandth of the last digit does not take it off (shownRoom's rule for counts).
 */
export function shownMoneyRoom(yuan: number): number {
  if (!(yuan > 0) || !Number.isFinite(yuan)) return yuan;
  const digit = yuan >= WAN ? moneyUnit(yuan).yuan / 100 : 1;
  return Math.floor(yuan / digit + 1e-3) * digit;
}

/** How far a money price is certain, rounded down: "54.44万元" for 54.4499万, "0元" under a yuan. */
export function formatMoneyRoom(yuan: number): string {
  return formatMoney(shownMoneyRoom(yuan));
}

/**
 * The direction and step a money price is quoted for, from the room its price is certain for above
 * and below the limit (yuan; null: unknown): `wanted` if a step fits there, else the other way (a
 * degenerate basis prices only that way), at priceStepYuan of the shown room, so a quoted step never
 * goes past where the price is certain. null: a step fits neither way (the price holds at a point).
 * One rule for explain, shadow_prices.csv and the printed summary, which quoted a budget with 0.5–1
 * yuan of room above it "+1元" (explain) beside the downward step (the others).
 */
export function moneyPriceStep(up: number | null, down: number | null, wanted: 1 | -1 = 1): { sign: 1 | -1; yuan: number } | null {
  const fits = (room: number | null) => room === null || shownMoneyRoom(room) > 0;
  const stepFor = (sign: 1 | -1) => {
    const room = sign > 0 ? up : down;
    return { sign, yuan: priceStepYuan(room === null ? null : shownMoneyRoom(room)) };
  };
  const back: 1 | -1 = wanted > 0 ? -1 : 1;
  if (fits(wanted > 0 ? up : down)) return stepFor(wanted);
  if (fits(back > 0 ? up : down)) return stepFor(back);
  return null;
}
