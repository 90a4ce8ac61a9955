/**
 * The scenario's `uncertainty:` section: zod schema (strict — an unknown key is an error) plus the
 * checks zod cannot express: distribution parameters, supports that fit the quantity (shares in
 * [0, 1], costs and budgets ≥ 0), references to the scenario, inputs that touch nothing, value
 * inputs that would overwrite each other, and the correlation structure. Every problem carries its
 * path relative to `uncertainty` so the loader can map it to a YAML line.
 */
import * as z from "zod";
import { nonFiniteMessage, type WrittenAt } from "../scenario/issueMessages.js";
import { Id } from "../scenario/schema.js";
import { idsOfScenario, type ScenarioIds } from "../scenario/scenarioIds.js";
import { didYouMean } from "../scenario/suggest.js";
import type { Scenario, SourceKind } from "../scenario/types.js";
import { buildCopula } from "./correlation.js";
import { indexScenario, inputTargets } from "./cells.js";
import { prepareDist } from "./distributions.js";
import { normaliseDist } from "./distParams.js";
import { DIST_TYPES, DistSchema } from "./distSchema.js";
import type { AppliesTo, Dist, InputMode, Per, UncertainInput, Uncertainty, UncertaintyProblem } from "./types.js";
import { MAX_SEED } from "./streams.js";


const APPLIES_TO = ["unit_cost", "budget", "enterprise_shortfall", "consent_failure", "slip"] as const;
const KINDS = ["government", "enterprise", "property_unit", "resident"] as const;

const InputSchema = z.strictObject({
  id: Id,
  applies_to: z.enum(APPLIES_TO),
  program: Id.optional(),
  source: Id.optional(),
  region: Id.optional(),
  kind: z.enum(KINDS).optional(),
  mode: z.enum(["factor", "value"]).optional(),
  dist: DistSchema,
  per: z.enum(["draw", "region", "year", "region_year"]).optional(),
});

const CorrelationSchema = z.strictObject({
  between: z.tuple([Id, Id]),
  rho: z.number().min(-1).max(1),
});

export const UncertaintySchema = z.strictObject({
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
  inputs: z.array(InputSchema).optional(),
  correlations: z.array(CorrelationSchema).optional(),
});

/** The section's own keys; its lists are checked item by item, so one bad input hides no other's problems. */
const SectionSchema = z.strictObject({
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
  inputs: z.array(z.unknown()).optional(),
  correlations: z.array(z.unknown()).optional(),
});

/** Quantities that are shares or probabilities: drawn as values, supported on [0, 1]. */
const SHARES: ReadonlySet<AppliesTo> = new Set(["enterprise_shortfall", "consent_failure", "slip"]);
/** Which optional filters make sense for each quantity (the dimensions of its cells). */
const FILTERS: Record<AppliesTo, readonly ("program" | "source" | "kind")[]> = {
  unit_cost: ["program"],
  budget: ["source", "kind"],
  enterprise_shortfall: ["source", "kind"],
  consent_failure: ["program"],
  slip: ["program"],
};

export const EMPTY_UNCERTAINTY: Uncertainty = { seed: null, inputs: [], correlations: [] };

/**
 * Validates the raw section against the scenario; `value` is set only when there are no problems.
 * `writtenAt` (paths within the section) names a number too large to hold as the file writes it.
 * Every check runs on every input it can: one input's problems hide nothing of another's.
 */
export function checkUncertainty(raw: unknown, scenario: Scenario, writtenAt?: WrittenAt): { value?: Uncertainty; problems: UncertaintyProblem[] } {
  if (raw === undefined || raw === null) return { value: EMPTY_UNCERTAINTY, problems: [] };
  const shape = sectionShape(raw, writtenAt);
  const problems = [...shape.problems];
  const referenced: { index: number; input: UncertainInput }[] = [];
  const ids = idsOfScenario(scenario);
  for (const { index, input, refs: r } of shape.inputs) {
    const before = problems.length;
    checkReferences(r, ids, (...rest) => ["inputs", index, ...rest], problems);
    if (input && problems.length === before) referenced.push({ index, input });
  }
  checkCells(referenced, scenario, problems);
  if (problems.length > 0) return { problems };
  return { value: { seed: shape.seed, inputs: referenced.map((r) => r.input), correlations: shape.correlations }, problems };
}

/**
 * What the section shows without the validated scenario: its own text (keys, types,
 * distributions, supports, duplicate ids, correlations) and, given the ids the scenario's document
 * declares, each input's references. The loader lists these beside the scenario's problems, so a
 * scenario with errors in both is fixed in one round (src/loadChecked.ts).
 */
export function uncertaintySectionProblems(raw: unknown, writtenAt?: WrittenAt, ids?: ScenarioIds): UncertaintyProblem[] {
  if (raw === undefined || raw === null) return [];
  const shape = sectionShape(raw, writtenAt);
  const problems = [...shape.problems];
  if (ids) for (const { index, refs } of shape.inputs) checkReferences(refs, ids, (...rest) => ["inputs", index, ...rest], problems);
  return problems;
}

interface SectionShape {
  seed: number | null;
  /** Inputs of the right shape, with their index in the list; `input` null where their own values are wrong. */
  /**
   * Every input, with its index in the list; `input` null where its own values are wrong. `refs`:
   * its references that are well formed, checked against the scenario even when another key of the
   * input is wrong, so both come in one round.
   */
  inputs: { index: number; input: UncertainInput | null; refs: References }[];
  correlations: { between: [string, string]; rho: number }[];
  problems: UncertaintyProblem[];
}

function sectionShape(raw: unknown, writtenAt?: WrittenAt): SectionShape {
  const problems: UncertaintyProblem[] = [];
  const top = SectionSchema.safeParse(raw);
  if (!top.success) problems.push(...fromZod(top.error.issues, raw, writtenAt));
  const section = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const items = (key: "inputs" | "correlations") => (Array.isArray(section[key]) ? (section[key] as unknown[]) : []);
  const inputs: SectionShape["inputs"] = [];
  const firstIndex = new Map<string, number>();
  items("inputs").forEach((item, i) => {
    const at = (...rest: (string | number)[]) => ["inputs", i, ...rest];
    const parsed = InputSchema.safeParse(item);
    if (!parsed.success) {
      problems.push(...fromZod(parsed.error.issues, item, (p) => writtenAt?.(at(...p))).map((p) => ({ ...p, path: at(...p.path) })));
      inputs.push({ index: i, input: null, refs: wellFormedReferences(item) });
      return;
    }
    const r = parsed.data;
    const earlier = firstIndex.get(r.id);
    if (earlier !== undefined) problems.push({ path: at("id"), message: `duplicate input id "${r.id}" (also inputs[${earlier}])` });
    else firstIndex.set(r.id, i);
    const before = problems.length;
    const mode: InputMode = r.mode ?? (SHARES.has(r.applies_to) ? "value" : "factor");
    if (mode === "factor" && SHARES.has(r.applies_to)) {
      problems.push({ path: at("mode"), message: `${r.applies_to} is a share/probability with no scenario value to scale; use mode: value` });
    }
    const dist = normaliseDist(r.dist, at("dist"), problems);
    if (dist) checkSupport(r.applies_to, mode, dist, at("dist"), problems);
    const sound = dist && problems.length === before;
    const input: UncertainInput | null = sound ? {
      id: r.id, appliesTo: r.applies_to, mode, dist, per: (r.per ?? "draw") as Per,
      program: r.program ?? null, source: r.source ?? null, region: r.region ?? null, kind: (r.kind ?? null) as SourceKind | null,
    } : null;
    inputs.push({ index: i, input, refs: r });
  });
  const correlations: SectionShape["correlations"] = [];
  items("correlations").forEach((item, i) => {
    const parsed = CorrelationSchema.safeParse(item);
    if (parsed.success) correlations.push({ between: parsed.data.between as [string, string], rho: parsed.data.rho });
    else problems.push(...fromZod(parsed.error.issues, item, (p) => writtenAt?.(["correlations", i, ...p])).map((p) => ({ ...p, path: ["correlations", i, ...p.path] })));
  });
  problems.push(...correlationProblems(inputs, firstIndex, items("inputs"), correlations));
  const seed = top.success ? top.data.seed ?? null : null;
  return { seed, inputs, correlations, problems };
}

/**
 * The correlations against the inputs the section declares, whatever else is wrong with them: an
 * id no input has (with the nearest one), and the copula's own checks among the sound inputs (an
 * input whose values are wrong is known by its id; what it is correlated with waits until it is right).
 */
function correlationProblems(inputs: SectionShape["inputs"], firstIndex: ReadonlyMap<string, number>, items: unknown[], correlations: SectionShape["correlations"]): UncertaintyProblem[] {
  const sound = inputs.filter((x) => x.input !== null && firstIndex.get(x.input.id) === x.index).map((x) => x.input!);
  const soundIds = new Set(sound.map((x) => x.id));
  const pending = new Set<string>();
  for (const item of items) {
    const declared = Id.safeParse((item as { id?: unknown } | null)?.id);
    if (declared.success && !soundIds.has(declared.data)) pending.add(declared.data);
  }
  return buildCopula(sound, correlations, pending).problems;
}

/** What an input refers to: the quantity it applies to and the scenario's ids and kinds that filter it. */
const REFERENCES = ["applies_to", "program", "source", "region", "kind"] as const;
type References = Partial<Pick<z.output<typeof InputSchema>, (typeof REFERENCES)[number]>>;
type At = (...rest: (string | number)[]) => (string | number)[];

/** The references of an input that failed its schema (an unknown key, a bad `per`) which are well formed on their own. */
function wellFormedReferences(item: unknown): References {
  const out: Record<string, unknown> = {};
  if (item === null || typeof item !== "object") return out;
  for (const key of REFERENCES) {
    const parsed = InputSchema.shape[key].safeParse((item as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as References;
}

/** An input's references against the scenario's ids; a list not whole this round (null) is not checked. */
function checkReferences(r: References, ids: ScenarioIds, at: At, problems: UncertaintyProblem[]): void {
  for (const f of ["program", "source", "kind"] as const) {
    if (r[f] !== undefined && r.applies_to !== undefined && !FILTERS[r.applies_to].includes(f)) {
      const allowed = FILTERS[r.applies_to].join(", ");
      problems.push({ path: at(f), message: `${r.applies_to} inputs cannot be filtered by ${f} (use ${allowed} or region)` });
    }
  }
  if (r.program !== undefined && ids.programs && !ids.programs.includes(r.program)) {
    problems.push({ path: at("program"), message: `unknown program "${r.program}"${didYouMean(r.program, ids.programs)}` });
  }
  const kind = r.source === undefined ? undefined : ids.sources?.get(r.source);
  if (r.source !== undefined && ids.sources && kind === undefined) {
    problems.push({ path: at("source"), message: `unknown source "${r.source}"${didYouMean(r.source, ids.sources.keys())}` });
  }
  if (kind && r.kind !== undefined && kind !== r.kind) {
    problems.push({ path: at("kind"), message: `source ${r.source} is of kind ${kind}, not ${r.kind}` });
  }
  if (r.region !== undefined && ids.regions && !ids.regions.includes(r.region)) {
    problems.push({ path: at("region"), message: `unknown region "${r.region}"${didYouMean(r.region, ids.regions)}` });
  }
}

function checkSupport(appliesTo: AppliesTo, mode: InputMode, dist: Dist, path: (string | number)[], problems: UncertaintyProblem[]): void {
  const { lower, upper } = prepareDist(dist);
  const range = `[${lower}, ${upper}]`;
  if (SHARES.has(appliesTo) && (lower < 0 || upper > 1)) {
    // `max: 40` meant 40 %: say how a share is written, as the scenario's own shares do.
    const percent = lower >= 0 && upper >= 2 && upper <= 100 ? `; a share is written 0.4 or "40%", not 40` : "";
    problems.push({ path, message: `${appliesTo} is a share/probability, so its distribution must stay within [0, 1]; this one ranges over ${range} (set min/max)${percent}` });
  } else if (!SHARES.has(appliesTo) && lower < 0) {
    const what = mode === "factor" ? `a ${appliesTo} factor` : `a ${appliesTo} value`;
    problems.push({ path, message: `${what} cannot be negative; this distribution ranges over ${range} (set min: 0)` });
  }
}

/**
 * Inputs that touch no cell, value inputs replacing a zero baseline, overlapping value inputs;
 * among the inputs whose own values and references are right (`index`: where each is listed).
 */
function checkCells(inputs: { index: number; input: UncertainInput }[], scenario: Scenario, problems: UncertaintyProblem[]): void {
  const cells = indexScenario(scenario, inputs.map((x) => x.input.id));
  const owner = new Map<string, string>();
  inputs.forEach(({ index: i, input }) => {
    const targets = inputTargets(input, cells);
    if (targets.length === 0) {
      problems.push({ path: ["inputs", i], message: `input ${input.id} applies to nothing in this scenario (${describeNothing(input)})` });
      return;
    }
    if (input.mode !== "value") return;
    const zero = targets.find((t) => t.baseline <= 0);
    if (zero && !SHARES.has(input.appliesTo)) {
      problems.push({ path: ["inputs", i, "mode"], message: `value mode replaces the scenario value, which is 0 for ${zero.label}; use a factor or set a baseline` });
    }
    for (const t of targets) {
      const key = `${input.appliesTo}#${t.index}`;
      const other = owner.get(key);
      if (other !== undefined) {
        problems.push({ path: ["inputs", i], message: `input ${input.id} and input ${other} both replace ${input.appliesTo} for ${t.label}; only factors combine` });
        break;
      }
      owner.set(key, input.id);
    }
  });
}

function describeNothing(input: UncertainInput): string {
  const parts = [input.program && `program ${input.program}`, input.source && `source ${input.source}`, input.kind && `kind ${input.kind}`, input.region && `region ${input.region}`].filter(Boolean);
  const what = input.appliesTo === "budget" ? "no budgets" : input.appliesTo === "enterprise_shortfall" ? "no funded leaves" : "no programme leaves";
  return `${what}${parts.length ? ` for ${parts.join(", ")}` : ""}`;
}

/** `"month" is not one of draw, region, year, region_year`, with the nearest one suggested. */
function notOneOf(value: unknown, allowed: readonly string[]): string {
  return `${JSON.stringify(value)} is not one of ${allowed.join(", ")}${typeof value === "string" ? didYouMean(value, allowed) : ""}`;
}

/** zod issues → problems; an unknown key is reported at its own path, a missing one as "required". */
function fromZod(issues: z.core.$ZodIssue[], raw: unknown, writtenAt?: WrittenAt): UncertaintyProblem[] {
  const valueAt = (path: (string | number)[]) =>
    path.reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined), raw);
  const out: UncertaintyProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((k) => (typeof k === "number" ? k : String(k)));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ path: [...path, key], message: `unknown key "${key}"` });
    } else if ((issue.code === "invalid_type" || issue.code === "invalid_union") && valueAt(path) === undefined) {
      out.push({ path, message: "required" });
    } else if (issue.code === "invalid_value") {
      out.push({ path, message: notOneOf(valueAt(path), issue.values.map(String)) });
    } else if (issue.code === "invalid_union" && path.at(-1) === "type" && path.at(-2) === "dist") {
      out.push({ path, message: `distribution ${notOneOf(valueAt(path), DIST_TYPES)}` });
    } else if ((issue.code === "too_big" || issue.code === "too_small") && typeof valueAt(path) === "number") {
      // zod's own words ("Too big: expected number to be <=1") read as a library's, not ours.
      const { maximum, minimum, inclusive } = issue as { maximum?: unknown; minimum?: unknown; inclusive?: boolean };
      const limit = issue.code === "too_big" ? `${inclusive === false ? "below" : "at most"} ${String(maximum)}` : `${inclusive === false ? "above" : "at least"} ${String(minimum)}`;
      out.push({ path, message: `${String(valueAt(path))} is out of range: it must be ${limit}` });
    } else if (nonFiniteMessage(valueAt(path))) {
      out.push({ path, message: nonFiniteMessage(valueAt(path), writtenAt?.(path))! });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}
