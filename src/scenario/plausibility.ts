/**
 * Budgets that are almost certainly unit mistakes: amounts without a unit are yuan, so a county
 * budget typed as `3500` meaning 3500万 is 10,000 times too small and quietly starves the plan.
 * A budget is flagged when it is positive and below a thousandth of the scenario's median budget,
 * or a government budget under 1万元 a year, or above ten thousand times the median. A warning,
 * not an error: the planner may mean it. Each names its YAML path, file and line.
 */
import type { PathKey, SourcePos } from "./positions.js";
import { formatYuan, parseAmount } from "./units.js";

interface Amount {
  path: PathKey[];
  yuan: number;
  government: boolean;
}

export function implausibleBudgets(merged: unknown, locate: (path: readonly PathKey[]) => SourcePos): string[] {
  const amounts = budgetAmounts(merged);
  const positive = amounts.map((a) => a.yuan).filter((x) => x > 0).sort((a, b) => a - b);
  if (positive.length === 0) return [];
  const median = positive[Math.floor(positive.length / 2)];
  return amounts.flatMap((a) => {
    if (a.yuan <= 0) return [];
    const tiny = a.yuan < median / 1000 || (a.government && a.yuan < 1e4);
    const huge = a.yuan > median * 1e4;
    if (!tiny && !huge) return [];
    const at = locate(a.path);
    const where = `${a.path.map((k) => (typeof k === "number" ? `[${k}]` : `.${k}`)).join("").replace(/^\./, "")} (${at.file}${at.line !== null ? ` line ${at.line}` : ""})`;
    const hint = tiny ? `amounts without a unit are yuan: did you mean "${a.yuan}万"?` : "is the unit right?";
    return [`${where}: a budget of ${formatYuan(a.yuan)} is ${tiny ? "far below" : "far above"} this scenario's typical budget (median ${formatYuan(median)}); ${hint}`];
  });
}

function budgetAmounts(merged: unknown): Amount[] {
  const out: Amount[] = [];
  const sources = (merged as { sources?: unknown })?.sources;
  if (!Array.isArray(sources)) return out;
  sources.forEach((s, i) => {
    const government = (s as { kind?: unknown })?.kind === "government";
    const budgets = (s as { budgets?: unknown })?.budgets;
    if (!Array.isArray(budgets)) return;
    budgets.forEach((b, j) => {
      const record = b as { per_year?: unknown; by_year?: unknown };
      const add = (path: PathKey[], value: unknown) => {
        const yuan = parseAmount(value);
        if (yuan !== null) out.push({ path, yuan, government });
      };
      if (record?.per_year !== undefined) add(["sources", i, "budgets", j, "per_year"], record.per_year);
      if (record?.by_year && typeof record.by_year === "object") {
        for (const [year, value] of Object.entries(record.by_year)) add(["sources", i, "budgets", j, "by_year", year], value);
      }
    });
  });
  return out;
}
