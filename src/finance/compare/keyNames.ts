/**
 * The names of the ids in compare.csv's keys — targets, regions, programmes, sources — from the
 * compared folders' own tables, for the compare report: a changed value reads
 * "2027年全部6镇启动典型镇培育 · 完成概率", not "target=typical-all · p_met".
 */
import type { ResultsFolder } from "./readFolder.js";

/** Key column → id → name ("target" → "typical-all" → "2027年全部6镇启动典型镇培育"). */
export type KeyNames = Record<string, Record<string, string>>;

const NAMED = ["target", "region", "program", "source"] as const;

/** A table's column naming a key's id: `<key>_name`, or targets.csv's `name`. */
function nameColumn(file: string, key: string): string {
  return key === "target" && file === "targets.csv" ? "name" : `${key}_name`;
}

/** Every id a folder's tables name, the first folder that names an id giving its name. */
export function keyNames(folders: ResultsFolder[]): KeyNames {
  const out: KeyNames = {};
  for (const folder of folders) {
    for (const [file, table] of folder.tables) {
      for (const key of NAMED) {
        const column = nameColumn(file, key);
        if (!table.columns.includes(key) || !table.columns.includes(column)) continue;
        // Null-prototype maps: an id may be any word, "constructor" and "__proto__" too.
        const names = (out[key] ??= Object.create(null) as Record<string, string>);
        for (const row of table.rows) if (row[column] && !Object.hasOwn(names, row[key])) names[row[key]] = row[column];
      }
    }
  }
  return out;
}
