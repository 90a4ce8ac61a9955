import { loadCheckedScenario } from "../src/loadChecked.js";
import { planScenario } from "../src/plan/planScenario.js";
const s = loadCheckedScenario("/tmp/audit/hand/h6.yaml").scenario;
const p = await planScenario(s, (process.env.SOLVER ?? "auto") as any);
const sol: any = p.solution;
const rows = sol.pm.ctx.model.rows;
rows.forEach((r: any, i: number) => {
  if (r.ref.family !== "budgets") return;
  console.log(i, r.ref.region, r.ref.year, "ub", r.ub, "sd", sol.shortfallDuals?.[i], "cd", sol.costDuals?.[i], "v", JSON.stringify(sol.validity?.[i]), "cv", JSON.stringify(sol.costValidity?.[i]));
});
console.log(Object.keys(sol));
console.log(sol.stages.map((x: any) => [x.stage, x.objective]));
console.log("cols", sol.pm.ctx.model.variables.length, "costValidity", sol.costValidity === null ? "null" : sol.costValidity.length, "validity", sol.validity?.length, "stages", JSON.stringify(sol.stages.map((x: any) => [x.stage, x.solver ?? x.method, x.status])), sol.pm.stages.map((s: any) => s.name));
