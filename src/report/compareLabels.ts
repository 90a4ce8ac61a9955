/**
 * A changed value of compare.csv as the other reports name it: its key's ids by their names (the
 * compare command's `names`, from the folders' tables), years and levels in words, and the column
 * by its label — "2027年全部6镇启动典型镇培育 · 完成概率 P(met)" rather than "target=typical-all · p_met".
 */
import { tableColumnLabel } from "../format/columnLabels.js";
import type { Label } from "../format/labels.js";
import { grouped } from "../format/numbers.js";
import { diagnosticKindLabel, familyLabel } from "../format/runLabels.js";
import type { RunContext } from "./runContext.js";

type KeyNames = Record<string, Record<string, string> | undefined>;

/** The compare command's names of the keys' ids (run info `names`); none for a report not told them. */
export function keyNamesOf(ctx: RunContext): KeyNames {
  const names = ctx.runJson.names;
  return names !== null && typeof names === "object" ? (names as KeyNames) : {};
}

/** A share as its level reads: 0.1 → "10%", 0.125 → "12.5%". */
const level = (v: string) => `${grouped(Number(v) * 100, 2)}%`;

/** One `column=value` of a key in words; an id without a name, and a column without words, as written. */
function keyPart(names: KeyNames, part: string): Label {
  const at = part.indexOf("=");
  const [column, value] = at < 0 ? ["", part] : [part.slice(0, at), part.slice(at + 1)];
  const ids = Object.hasOwn(names, column) ? names[column] : undefined;
  const named = ids && Object.hasOwn(ids, value) ? ids[value] : undefined; // "constructor" is an id, not Object's
  if (named) return { zh: named, en: named };
  switch (column) {
    case "year": return { zh: `${value}年`, en: value };
    case "cut": return { zh: `削减${level(value)}`, en: `cut ${level(value)}` };
    case "confidence": return { zh: `把握度${level(value)}`, en: `confidence ${level(value)}` };
    case "kind": return diagnosticKindLabel(value);
    case "family": return familyLabel(value);
    case "target": case "region": case "program": case "source": case "capacity": return { zh: value, en: value };
    default: return { zh: part, en: part };
  }
}

/** "2025年 · 大麻镇 · 美丽圩镇示范主街 · 应付投资": the key's parts, then the column. */
export function changedValueLabel(names: KeyNames, file: string, key: string, column: string): Label {
  const parts = [...(key === "" ? [] : key.split(";").map((p) => keyPart(names, p))), tableColumnLabel(file, column)];
  return { zh: parts.map((p) => p.zh).join(" · "), en: parts.map((p) => p.en).join(" · ") };
}
