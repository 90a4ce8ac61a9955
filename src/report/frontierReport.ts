/**
 * The report of `simulate frontier`: the command passes frontier.csv's rows and its run record
 * (run.json's content) and writes the returned page as report.html.
 */
import type { ResultTable } from "../output/resultTables.js";
import { FRONTIER_COLUMNS, type FrontierRow } from "./frontierCharts.js";
import { renderReport } from "./report.js";
import type { RunContext } from "./runContext.js";

export function frontierReport(rows: FrontierRow[], runInfo: Record<string, unknown>): string {
  const table: ResultTable = {
    file: "frontier.csv",
    columns: FRONTIER_COLUMNS,
    rows: rows.map((r) => FRONTIER_COLUMNS.map((c) => r[c] ?? null)),
  };
  const scenario = (runInfo.scenario ?? {}) as { name?: string };
  const ctx: RunContext = {
    kind: "frontier",
    scenarioName: scenario.name ?? "",
    horizon: (runInfo.horizon ?? null) as RunContext["horizon"],
    runJson: runInfo,
    input: null,
    tables: new Map([["frontier.csv", table]]),
  };
  return renderReport(ctx);
}
