/** The short human summary printed after a plan: targets, money by source, binding limits. */
import type { SimulationOutcome } from "../pipeline.js";
import { formatYuan } from "../scenario/units.js";

export function planSummary(outcome: SimulationOutcome): string {
  const { tables, solution, loaded } = outcome;
  const lines: string[] = [];
  lines.push(`renewsim: ${loaded.scenario.name} (${loaded.scenario.horizon.start}–${loaded.scenario.horizon.end})`);
  for (const w of outcome.runJson.warnings) lines.push(`note: ${w}`);
  if (solution.status !== "optimal") {
    lines.push(`plan is ${solution.status}:`);
    for (const d of tables.diagnostics) lines.push(`  - ${d.message}`);
    if (outcome.outDir) lines.push(`diagnosis written to ${outcome.outDir}/diagnostics.csv`);
    return lines.join("\n") + "\n";
  }
  const met = tables.targets.filter((t) => t.met).length;
  lines.push(`targets: ${met} of ${tables.targets.length} met`);
  for (const t of tables.targets) {
    const mark = t.met ? "met   " : "MISSED";
    lines.push(`  ${mark} ${t.target}: ${t.metric} ${readable(t.planned)} / ${t.target_value} by ${t.by} in ${t.region_name} (${(t.attainment * 100).toFixed(1)}%)`);
  }
  const bySource = new Map<string, number>();
  for (const f of tables.funding) bySource.set(`${f.source_name} (${f.source_kind})`, (bySource.get(`${f.source_name} (${f.source_kind})`) ?? 0) + f.amount_yuan);
  const total = [...bySource.values()].reduce((a, b) => a + b, 0);
  lines.push(`money by source (total ${formatYuan(total)}):`);
  for (const [name, amount] of bySource) {
    lines.push(`  ${name}: ${formatYuan(amount)} (${total > 0 ? ((amount / total) * 100).toFixed(1) : "0"}%)`);
  }
  const binding = tables.budgets.filter((b) => b.binding);
  lines.push(`binding budgets: ${binding.length} of ${tables.budgets.length}`);
  for (const b of [...binding].sort((a, z) => z.shadow_price_objective_per_100m_yuan - a.shadow_price_objective_per_100m_yuan).slice(0, 8)) {
    const price = b.shadow_price_target ? `; +1亿元 ≈ +${b.shadow_price_units_per_100m_yuan} ${b.shadow_price_target}` : "";
    lines.push(`  ${b.source_name} / ${b.region_name} / ${b.year}: ${formatYuan(b.used_yuan)} of ${formatYuan(b.budget_yuan + b.carried_in_yuan)}${price}`);
  }
  const fullCap = tables.capacity.filter((c) => c.binding).length;
  if (tables.capacity.length) lines.push(`capacity fully used in ${fullCap} of ${tables.capacity.length} region-years`);
  if (outcome.outDir) lines.push(`results written to ${outcome.outDir}`);
  return lines.join("\n") + "\n";
}

/** How input files were read (e.g. a CSV read as GBK), on stderr for commands without a summary. */
export function printNotices(notices: readonly string[]): void {
  for (const n of notices) process.stderr.write(`note: ${n}\n`);
}

/** Large counts as whole numbers (1,419,999.86 households reads as 1420000), small ones to 2 decimals. */
function readable(x: number): string {
  return Math.abs(x) >= 1000 ? x.toFixed(0) : String(Number(x.toFixed(2)));
}
