/**
 * RSS over repeated HiGHS re-solves of one small plan model (3 counties, the size of a
 * re-optimisation draw's sub-problem) in one warm session, budgets moved a little every time,
 * and over load–solve–dispose cycles: a leak per solve would show as growth.
 */
import { buildPlanningModel } from "../src/model/build.js";
import { HighsSession } from "../src/solve/highsSession.js";
import { countyScenario } from "./countyScenario.js";

export interface RssPoint {
  solves: number;
  warmMiB: number;
  cyclesMiB: number;
  msPerWarmSolve: number;
}

export async function rssOverSolves(checkpoints: number[]): Promise<{ columns: number; rows: number; startMiB: number; points: RssPoint[] }> {
  const pm = buildPlanningModel(countyScenario({ counties: 3, cities: 1, integer: false }));
  const model = { ...pm.model, objective: pm.stages[0].objective };
  const budgets = pm.ctx.index.budgetRows.map((b) => ({ index: b.row, ub: pm.model.rows[b.row].ub }));
  const mib = () => process.memoryUsage().rss / 2 ** 20;
  const startMiB = mib();
  const warm = new HighsSession();
  await warm.load(model);
  const points: RssPoint[] = [];
  const last = checkpoints[checkpoints.length - 1];
  let warmMs = 0;
  for (let n = 1; n <= last; n++) {
    const f = 0.9 + 0.2 * ((n * 0.618) % 1);
    await warm.setRowBounds(budgets.map((b) => ({ index: b.index, lb: -Infinity, ub: b.ub * f })));
    const t = performance.now();
    const r = await warm.solve();
    warmMs += performance.now() - t;
    if (r.status !== "optimal") throw new Error(`warm re-solve ${n}: ${r.status}`);
    if (checkpoints.includes(n)) points.push({ solves: n, warmMiB: mib(), cyclesMiB: NaN, msPerWarmSolve: warmMs / n });
  }
  await warm.dispose();
  const cycles = new HighsSession();
  for (let n = 1; n <= last; n++) {
    await cycles.load(model);
    if ((await cycles.solve()).status !== "optimal") throw new Error(`cycle ${n}`);
    const point = points.find((p) => p.solves === n);
    if (point) point.cyclesMiB = mib();
  }
  await cycles.dispose();
  return { columns: model.variables.length, rows: model.rows.length, startMiB, points };
}
