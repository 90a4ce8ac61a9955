/**
 * What a briefing says first of each compared folder: how many targets it meets and what each kind
 * of source pays. Two plans can differ in thousands of values and still both meet every target; a
 * cut that "saves government money" may do it by charging residents more.
 */
import type { FolderSummary } from "../../report/runContext.js";
import type { ResultsFolder } from "./readFolder.js";

/** `name`: the folder as the report names it (folderNames). */
export function summariseFolder(folder: ResultsFolder, title: string, name: string): FolderSummary {
  const targets = folder.tables.get("targets.csv")?.rows ?? null;
  const money = new Map<string, number>();
  for (const r of folder.tables.get("funding.csv")?.rows ?? []) {
    const amount = Number(r.amount_yuan);
    if (Number.isFinite(amount)) money.set(r.source_kind, (money.get(r.source_kind) ?? 0) + amount);
  }
  return {
    title,
    folder: name,
    targetsMet: targets ? targets.filter((r) => r.met === "true").length : null,
    targets: targets ? targets.length : null,
    moneyByKind: [...money].map(([kind, yuan]) => [kind, Math.round(yuan * 100) / 100]),
  };
}
