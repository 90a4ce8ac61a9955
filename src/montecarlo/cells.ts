/**
 * Which cells of the sampled world an uncertain input touches. Shared by the section check (an
 * input that touches nothing, or two value inputs replacing the same cell, is a mistake in the
 * file) and by the sampler (which precomputes these cells once per scenario).
 *
 * Only relevant cells count: unit cost, consent and slip cells where the programme has the leaf;
 * budget cells where the source has a budget that year; shortfall cells where the source funds a
 * programme present in the leaf. A `region` filter covers every leaf below it, and a budget node
 * whose leaves all lie within it (so a group filter covers its members' budgets).
 *
 * Money cells (budgets, shortfall) span every payment year: the tail years' money is as uncertain
 * as the horizon's. A `value` budget input replaces amounts with one distribution in yuan, sized
 * for the horizon's budgets: it covers horizon years only (a tail year's smaller budget would
 * otherwise be replaced by a horizon-sized amount).
 */
import { lastPaymentYear, yearsBetween } from "../scenario/paymentYears.js";
import type { Scenario } from "../scenario/types.js";
import { plyIndex, slyIndex, snyIndex, type UncertainInput, type WorldArray, type WorldLayout } from "./types.js";

export interface CellTarget {
  /** Index into the world array the input writes. */
  index: number;
  /** Leaf id, or budget node id for budget inputs: the region of the draw cell. */
  region: string;
  year: number;
  /** The scenario value a `value` input replaces (unit cost or budget in yuan); 1 otherwise. */
  baseline: number;
  /** Human description for messages, e.g. "program retrofit, leaf gz, 2023". */
  label: string;
}

/** Lookups built once per scenario. */
export interface ScenarioCells {
  layout: WorldLayout;
  scenario: Scenario;
  leavesOf: Map<string, Set<string>>;
  /** source id → "node|year" → summed budget in yuan */
  budgets: Map<string, Map<string, number>>;
}

export function buildLayout(scenario: Scenario, inputIds: string[]): WorldLayout {
  return {
    programs: scenario.programs.map((p) => p.id),
    sources: scenario.sources.map((s) => s.id),
    leaves: scenario.regions.filter((r) => r.isLeaf && !r.isGroup).map((r) => r.id),
    nodes: scenario.regions.map((r) => r.id),
    years: [...scenario.years],
    paymentYears: yearsBetween(scenario.horizon.start, lastPaymentYear(scenario)),
    inputs: [...inputIds],
  };
}

export function indexScenario(scenario: Scenario, inputIds: string[]): ScenarioCells {
  const budgets = new Map<string, Map<string, number>>();
  for (const s of scenario.sources) {
    const m = new Map<string, number>();
    for (const b of s.budgets) m.set(`${b.region}|${b.year}`, (m.get(`${b.region}|${b.year}`) ?? 0) + b.amount);
    budgets.set(s.id, m);
  }
  return {
    layout: buildLayout(scenario, inputIds),
    scenario,
    leavesOf: new Map(scenario.regions.map((r) => [r.id, new Set(r.leaves)])),
    budgets,
  };
}

/** Does a node with these leaves lie within the filter region? */
function within(cells: ScenarioCells, leaves: Iterable<string>, filter: string | null): boolean {
  if (filter === null) return true;
  const inside = cells.leavesOf.get(filter);
  if (!inside) return false;
  for (const l of leaves) if (!inside.has(l)) return false;
  return true;
}

/** Sources an input's source/kind filter selects; shortfall inputs default to enterprise sources. */
function selectedSources(input: UncertainInput, scenario: Scenario) {
  const kind = input.kind ?? (input.appliesTo === "enterprise_shortfall" && input.source === null ? "enterprise" : null);
  return scenario.sources
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => (input.source === null || s.id === input.source) && (kind === null || s.kind === kind));
}

export function inputTargets(input: UncertainInput, cells: ScenarioCells): CellTarget[] {
  const { scenario, layout } = cells;
  const out: CellTarget[] = [];
  const leafIndex = new Map(layout.leaves.map((l, i) => [l, i]));
  const y0 = scenario.horizon.start;
  if (input.appliesTo === "budget") {
    const years = input.mode === "value" ? layout.years : layout.paymentYears;
    for (const { s, i: si } of selectedSources(input, scenario)) {
      const amounts = cells.budgets.get(s.id)!;
      scenario.regions.forEach((node, ni) => {
        if (!within(cells, node.leaves, input.region)) return;
        for (const year of years) {
          const amount = amounts.get(`${node.id}|${year}`);
          if (amount === undefined) continue;
          const label = `source ${s.id}, node ${node.id}, ${year}`;
          out.push({ index: snyIndex(layout, si, ni, year - y0), region: node.id, year, baseline: amount, label });
        }
      });
    }
    return out;
  }
  if (input.appliesTo === "enterprise_shortfall") {
    for (const { s, i: si } of selectedSources(input, scenario)) {
      const funded = new Set(
        scenario.programs.filter((p) => s.id in p.shares).flatMap((p) => p.leaves.map((pl) => pl.region)),
      );
      for (const leaf of layout.leaves) {
        if (!funded.has(leaf) || !within(cells, [leaf], input.region)) continue;
        for (const year of layout.paymentYears) {
          const label = `source ${s.id}, leaf ${leaf}, ${year}`;
          out.push({ index: slyIndex(layout, si, leafIndex.get(leaf)!, year - y0), region: leaf, year, baseline: 1, label });
        }
      }
    }
    return out;
  }
  scenario.programs.forEach((p, pi) => {
    if (input.program !== null && p.id !== input.program) return;
    for (const pl of p.leaves) {
      const li = leafIndex.get(pl.region);
      if (li === undefined || !within(cells, [pl.region], input.region)) continue;
      for (const year of layout.years) {
        const baseline = input.appliesTo === "unit_cost" ? pl.unitCost : 1;
        const label = `program ${p.id}, leaf ${pl.region}, ${year}`;
        out.push({ index: plyIndex(layout, pi, li, year - y0), region: pl.region, year, baseline, label });
      }
    }
  });
  return out;
}

/** The world array an input writes. */
export function arrayOf(input: UncertainInput): WorldArray {
  switch (input.appliesTo) {
    case "unit_cost":
      return "unitCostFactor";
    case "budget":
      return "budgetFactor";
    case "enterprise_shortfall":
      return "enterpriseShortfall";
    case "consent_failure":
      return "consentFailure";
    case "slip":
      return "slipProbability";
  }
}
