/**
 * stress: per programme, what each leaf region starts over the horizon at every cut level, with its
 * change against the 0 % level (stress_starts.csv) — which 街道 lose which projects. Only the
 * regions whose starts change at some level are listed (a province's 36 leaves of which three move
 * stay readable); the note says how many are left out, and the CSV holds them all.
 */
import { type Label, l, sentence } from "../format/labels.js";
import { formatCount } from "../format/numbers.js";
import { type Cell, num, records, text } from "../output/resultTables.js";
import { bi, table } from "./html.js";
import { type RunContext, targetUnit } from "./runContext.js";
import { byScenarioOrder } from "./scenarioOrder.js";
import { startsNotHeldNote } from "./startsHold.js";
import { STARTS_TOTAL } from "./startsTable.js";

interface Line {
  name: string;
  /** Per level (stress_starts.csv's order): the figure and its change, or null without a plan. */
  cells: ({ value: number; change: number } | null)[];
}

export function stressStartsTables(ctx: RunContext): string {
  const rows = records(ctx.tables.get("stress_starts.csv"));
  if (rows.length === 0) return "";
  const levels = [...new Set(rows.map((r) => text(r.cut_label)))];
  const programOrder = byScenarioOrder(ctx.input, "programs");
  const regionOrder = byScenarioOrder(ctx.input);
  const programs = [...new Set(rows.map((r) => text(r.program)))].sort(programOrder);
  const tables = programs.flatMap((program) => {
    const own = rows.filter((r) => text(r.program) === program);
    // Households where the programme's units hold them (what stress counts), else its units.
    const households = own.some((r) => typeof r.households_started_base === "number" || typeof r.households_started === "number");
    const column = households ? "households_started" : "units_started";
    const whole = households || own.every((r) => r.units_started === null || Number.isInteger(num(r.units_started)));
    const shows = (x: number) => formatCount(Math.abs(x), whole) !== formatCount(0, whole);
    const lineOf = (name: string, list: Record<string, Cell>[]): Line => ({
      name,
      cells: levels.map((label) => {
        const at = list.filter((r) => text(r.cut_label) === label);
        if (at.length === 0 || at.some((r) => r[column] === null)) return null;
        return { value: sum(at, column), change: sum(at, `${column}_change`) };
      }),
    });
    const regions = [...new Set(own.map((r) => text(r.region)))].sort(regionOrder)
      .map((region) => own.filter((r) => text(r.region) === region))
      .map((list) => lineOf(text(list[0].region_name) || text(list[0].region), list));
    const changed = regions.filter((l) => l.cells.some((c) => c !== null && shows(c.change)));
    if (changed.length === 0) return [];
    const cell = (c: Line["cells"][number]) => (c === null ? "—" : `${formatCount(c.value, whole)}${shows(c.change) ? `（${signed(c.change, whole)}）` : ""}`);
    const line = (name: string | Label, l: Line) => [name, ...l.cells.map(cell)];
    const unit = households ? { zh: "户", en: "households" } : targetUnit(ctx, { metric: "started", program });
    const name = text(own[0].program_name) || program;
    const title = {
      zh: `${name}：各削减档位分地区${households ? "开工惠及户数" : "开工数"}${unit ? `（单位：${unit.zh}）` : ""}`,
      en: `${name}: ${households ? "households" : "units"} started by region at each cut level${unit ? ` (${unit.en})` : ""}`,
    };
    const left = regions.length - changed.length;
    const total = lineOf("", own);
    // A level whose total is the 0 % plan's moved starts between regions and lost none: a 区 told
    // its town "loses" a pilot under a 1 % cut should read that the pilot went to another town.
    const swapped = levels.filter((_, i) => {
      const t = total.cells[i];
      return t !== null && !shows(t.change) && changed.some((l) => l.cells[i] !== null && shows(l.cells[i]!.change));
    });
    const notes = [
      ...(swapped.length > 0 ? [swapNote(swapped)] : []),
      ...(left > 0 ? [{ zh: `另有${left}个地区在各档位开工不变，未列出（见 stress_starts.csv）。`, en: `${left} more regions start the same at every level and are not listed (stress_starts.csv has them).` }] : []),
    ];
    return [
      `<h3>${bi(title)}</h3>`,
      table({
        head: [{ zh: "地区", en: "Region" }, ...levels.map((l) => ({ zh: `削减${l}`, en: `cut ${l}` }))],
        rows: [...changed.map((l) => line(l.name, l)), line(STARTS_TOTAL, total)],
        numeric: [false, ...levels.map(() => true)],
      }),
      ...notes.map((n) => `<p>${bi(n)}</p>`),
    ];
  });
  if (tables.length === 0) return "";
  // Where no near stage held every programme's starts (whole units, --confidence), a region's change
  // may be the solver's pick among equally good plans — whether or not the scenario counts households.
  const chosen = startsNotHeldNote(ctx);
  const said = chosen ? sentence(chosen) : { zh: "", en: "" };
  const note = {
    zh: `规划期内开工合计（stress_starts.csv）；括号内为较0%档位的变化；—：该档位无方案。合计为全部地区之和。${said.zh}`,
    en: `Started over the horizon (stress_starts.csv); in brackets the change against the 0% level; —: the level has no plan. The total is of all regions.${said.en ? ` ${said.en}` : ""}`,
  };
  return [...tables, `<p>${bi(note)}</p>`].join("\n");
}

/** The levels (by label) at which a programme's total is unchanged and only regions swap. */
function swapNote(levels: string[]): Label {
  return l(
    `${levels.map((c) => `削减${c}`).join("、")}：合计与0%档位相同，各地区的增减只是在地区之间调换，并非减少。`,
    `At ${levels.map((c) => `cut ${c}`).join(", ")} the total is the 0% plan's: the regions' changes only move starts between regions and lose none.`,
  );
}

function sum(rows: Record<string, Cell>[], column: string): number {
  return rows.reduce((s, r) => s + num(r[column]), 0);
}

function signed(x: number, whole: boolean): string {
  return `${x > 0 ? "+" : "−"}${formatCount(Math.abs(x), whole)}`;
}
