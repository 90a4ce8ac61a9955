/** One key figure of the report's header and the workbook's summary sheet, and how one is made. */
import type { Label } from "../format/labels.js";
import { probabilityNote } from "../format/numbers.js";
import { mcDraws, type RunContext } from "./runContext.js";

export interface KeyFigure {
  label: Label;
  /** A number (formatted by kind), text as it stands, or text in both languages. */
  value: number | string | Label;
  /** Written after a number: a P(met)'s "± 0.5%（1个标准误）", or at 0 or 1 its 95 % bound. */
  suffix?: Label;
  kind: "money" | "share" | "count" | "text";
}

/** A key figure; money is held to the fen, so a workbook cell does not store a sum's float noise (5985415828.820004). */
export const keyFigure = (zh: string, en: string, value: KeyFigure["value"], kind: KeyFigure["kind"]): KeyFigure =>
  ({ label: { zh, en }, value: kind === "money" && typeof value === "number" && Number.isFinite(value) ? Math.round(value * 100) / 100 : value, kind });

/**
 * A P(met) key figure: a number still (the workbook computes with it), then what the tables show
 * after it — "± 0.5%（1个标准误）", or at 0 % or 100 % of the draws its 95 % bound, not a certainty.
 */
export function probabilityFigure(ctx: RunContext, zh: string, en: string, p: number, se: number): KeyFigure {
  const draws = mcDraws(ctx);
  const figure = keyFigure(zh, en, p, "share");
  figure.suffix = { zh: probabilityNote(p, se, draws, "zh"), en: probabilityNote(p, se, draws, "en") };
  return figure;
}
