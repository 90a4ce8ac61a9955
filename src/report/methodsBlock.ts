/**
 * The methods block of a Monte Carlo or confidence run, last among the key figures — so report.html's
 * 要点 and the workbook's 概要 carry the same rows: what P(met) means in the run's mode, what a
 * required level means, which inputs are uncertain (the scenario's assumptions, not official
 * distributions), the samples and seeds, and that ± is sampling error only. "99.0% ± 0.2%" read as
 * far surer than a figure resting on assumed ranges is (analyst review s38).
 * Built from run.json (monte_carlo, confidence / calibration, validation) and input.yaml's `uncertainty`.
 */
import { type Label, SOURCE_KIND_LABELS } from "../format/labels.js";
import { distLabel, ERROR_MEANING, inputLabel, inputsMeaning, levelMeaning, METHOD_TITLES, PLAN_EXECUTED, pMetMeaning, SAMPLES } from "../format/methodsLabels.js";
import { type KeyFigure, keyFigure as f } from "./keyFigure.js";
import { inputRecord, type RunContext } from "./runContext.js";

interface Sample {
  draws: number;
  seed: unknown;
}

/** What the run sampled: its ordinary (or validation) draws and, to a confidence level, its calibration sample. */
interface Samples {
  mode: string;
  draws: Sample | null;
  calibration: Sample | null;
}

/** Where each kind of run writes the verdict on a level, besides the printout. */
const VERDICT_IN: Record<string, Label> = {
  plan: { zh: "、targets.csv 的 confidence_status ", en: ", and targets.csv's confidence_status" },
  merge: { zh: "、targets.csv 的 confidence_status ", en: ", and targets.csv's confidence_status" },
  stress: { zh: "、stress.csv 的 confidence_status ", en: ", and stress.csv's confidence_status" },
  frontier: { zh: "、frontier.csv 的 confidence_reached ", en: ", and frontier.csv's confidence_reached" },
  "min-budget": { zh: "、min_budget_confidence.csv 的 confidence_reached ", en: ", and min_budget_confidence.csv's confidence_reached" },
};

export function methodsFigures(ctx: RunContext): KeyFigure[] {
  const s = samplesOf(ctx);
  if (!s || (!s.draws && !s.calibration)) return [];
  const row = (title: Label, value: Label) => f(title.zh, title.en, value, "text");
  const out = [row(METHOD_TITLES.pMet, pMetMeaning(s.mode, PLAN_EXECUTED[ctx.kind] ?? PLAN_EXECUTED.plan))];
  if (s.calibration) out.push(row(METHOD_TITLES.level, levelMeaning(VERDICT_IN[ctx.kind] ?? VERDICT_IN.plan)));
  const inputs = inputsRow(ctx);
  if (inputs) out.push(row(METHOD_TITLES.inputs, inputs));
  out.push(row(METHOD_TITLES.samples, samplesLabel(s)));
  if (s.draws) out.push(row(METHOD_TITLES.error, ERROR_MEANING));
  return out;
}

const sample = (draws: unknown, seed: unknown): Sample | null => (typeof draws === "number" && draws > 0 ? { draws, seed } : null);

/**
 * Each kind records its samples in its own place: a plan in `monte_carlo` and `confidence`
 * (calibration, validation_seed); stress in `monte_carlo` and `calibration`; frontier and
 * min-budget in `calibration` and `validation` (evaluate mode). Null where the run drew nothing.
 */
function samplesOf(ctx: RunContext): Samples | null {
  const run = ctx.runJson as {
    monte_carlo?: { mode?: unknown; seed?: unknown; draws_used?: unknown; draws?: unknown } | null;
    confidence?: unknown;
    calibration?: { seed?: unknown; draws?: unknown } | null;
    validation?: { seed?: unknown; draws?: unknown } | null;
  };
  const mc = run.monte_carlo ?? null;
  const own = run.confidence !== null && typeof run.confidence === "object" ? (run.confidence as { calibration?: { seed?: unknown; draws?: unknown } }).calibration : undefined;
  // min-budget without --confidence records no calibration: it drew nothing.
  const cal = own ?? (typeof run.confidence === "number" || ctx.kind === "frontier" ? run.calibration : undefined);
  const draws = mc ? sample(mc.draws_used ?? mc.draws, mc.seed) : sample(run.validation?.draws, run.validation?.seed);
  return { mode: typeof mc?.mode === "string" ? mc.mode : "evaluate", draws, calibration: cal ? sample(cal.draws, cal.seed) : null };
}

function samplesLabel(s: Samples): Label {
  const parts: Label[] = [];
  if (s.calibration) parts.push(SAMPLES.calibration(s.calibration.draws, s.calibration.seed));
  if (s.draws) parts.push(s.calibration ? SAMPLES.validation(s.draws.draws, s.draws.seed) : SAMPLES.monteCarlo(s.draws.draws, s.draws.seed));
  else parts.push(SAMPLES.noValidation);
  return { zh: parts.map((p) => p.zh).join("；"), en: parts.map((p) => p.en).join("; ") };
}

/** The uncertain inputs as input.yaml's `uncertainty` writes them, each with what it covers. */
function inputsRow(ctx: RunContext): Label | null {
  const u = ctx.input?.uncertainty as { inputs?: unknown; correlations?: unknown } | null | undefined;
  const inputs = Array.isArray(u?.inputs) ? (u.inputs as Record<string, unknown>[]).filter((i) => i !== null && typeof i === "object") : [];
  if (inputs.length === 0) return null;
  const programs = Array.isArray(ctx.input?.programs) ? ctx.input.programs.length : 0;
  const labels = inputs.map((i) => {
    const dist = (i.dist ?? {}) as Record<string, unknown>;
    // Shares and probabilities are values; cost and budget inputs are factors unless written `mode: value`.
    const factor = (i.applies_to === "unit_cost" || i.applies_to === "budget") && i.mode !== "value";
    return inputLabel(String(i.applies_to), coverage(ctx, i, programs > 1), factor, distLabel(dist), typeof i.per === "string" ? i.per : "draw");
  });
  return inputsMeaning(labels, Array.isArray(u?.correlations) ? u.correlations.length : 0);
}

/** What an input's filters name: its source (by name), kind, programme where there are several, region. */
function coverage(ctx: RunContext, input: Record<string, unknown>, namePrograms: boolean): Label | null {
  const named = (list: string, id: unknown) => {
    const name = inputRecord(ctx, list, id)?.name;
    return typeof name === "string" && name !== "" ? name : String(id);
  };
  const parts: Label[] = [];
  const both = (text: string): Label => ({ zh: text, en: text });
  if (input.source !== undefined) parts.push(both(named("sources", input.source)));
  if (typeof input.kind === "string") parts.push(SOURCE_KIND_LABELS[input.kind] ?? both(input.kind));
  if (input.program !== undefined && namePrograms) parts.push(both(named("programs", input.program)));
  if (input.region !== undefined) parts.push(both(named("regions", input.region)));
  return parts.length > 0 ? { zh: parts.map((p) => p.zh).join("，"), en: parts.map((p) => p.en).join(", ") } : null;
}
