/**
 * The scenario file's schema (zod, strict: an unknown key is an error). Amounts and shares are
 * parsed here from their Chinese-unit strings, so every later stage sees numbers in yuan and
 * fractions. Cross-field checks (references, trees, share sums) live in `crossChecks.ts`;
 * `simulate schema` publishes this schema as JSON Schema for editors.
 */
import * as z from "zod";
import { FLAG_WORDS, flagValue } from "./flag.js";
import { MAX_YUAN, parseAmount, parseShare } from "./units.js";

export const ID_FORMAT = "ids use letters, digits, '_', '-' and '.' only";

/** Ids are text; whole numbers are accepted and turned into text (admin codes such as 440100). */
export const Id = z
  .union([z.string(), z.number().int().min(0)])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, ID_FORMAT));
const Year = z.number().int().min(1900).max(2200);
/** Full-width years (２０２１) are made ASCII when a layer or table is read (yamlFile.ts yearKey). */
const YearKey = z.string().regex(/^\d{4}$/, "year keys are four-digit years");
/**
 * Names are printed in summaries and written into CSV, LP and JSON files: no control characters
 * (an escape sequence would restyle the terminal, a line break would end an LP comment line).
 * Descriptions may hold line breaks and tabs.
 */
const Name = z.string().regex(/^\P{Cc}*$/u, "names may not contain control characters (line breaks, tabs, escape codes)");
const Description = z.string().regex(/^[\t\n\r\P{Cc}]*$/u, "a description may not contain control characters other than line breaks and tabs");

/** A true/false key: `integer`, `carryover`, `each_child`, `partial`, `smoothing`. */
const Flag = z
  .union([z.boolean(), z.enum(Object.keys(FLAG_WORDS) as [string, ...string[]])], { error: "write true or false (or 是 / 否)" })
  .transform((v) => flagValue(v)!)
  .describe("true or false (是 / 否 also read)");

const commaHint = ": a comma is read only between groups of three digits (1,234,567) or of four (2,0000,0000); a decimal is written with a point (0.8亿)";
/** Excel's accounting format writes a negative in brackets: "(1,234)", "(¥1,234.00)", "¥(1,234)". */
const BRACKETED = /^\s*¥?\s*\((.+)\)\s*$/;

/** Why `v` is not an amount: a bracketed negative is named as one, not sent to the comma hint. */
function notAnAmount(v: unknown): string {
  const text = typeof v === "string" ? v.normalize("NFKC") : "";
  const inner = BRACKETED.exec(text)?.[1];
  if (inner !== undefined && !/[+-]/.test(inner) && parseAmount(inner) !== null) {
    const plain = inner.replace(/[¥,\s]/g, "");
    return `${JSON.stringify(v)} is a negative in brackets, as Excel's accounting format writes -${plain}: brackets are not read as a minus sign, and amounts are never negative (a cut is a smaller budget, or \`simulate stress --cut\`); if ${plain} was meant, write it without brackets`;
  }
  return `${JSON.stringify(v)} is not an amount (write yuan, or e.g. "3500万", "8.25亿", "2.7万元")${/[,，]/.test(text) ? commaHint : ""}`;
}

export const Amount = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const n = parseAmount(v);
    if ((n !== null && n < 0) || (typeof v === "string" && /^\s*[-−]/.test(v) && parseAmount(v.replace(/^\s*[-−]/, "")) !== null)) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(v)} is negative: amounts are never negative (a cut is a smaller budget, or \`simulate stress --cut\`)` });
      return z.NEVER;
    }
    if (n === null) {
      ctx.addIssue({ code: "custom", message: notAnAmount(v) });
      return z.NEVER;
    }
    if (n > MAX_YUAN) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(v)} is more than the largest amount accepted, 1e15 yuan (1000万亿元)` });
      return z.NEVER;
    }
    return n;
  })
  .describe('Yuan: a number, or a string with Chinese units such as "3500万", "8.25亿", "2.7万元"');

export const Share = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const n = parseShare(v);
    if (n === null || n < 0 || n > 1) {
      ctx.addIssue({
        code: "custom",
        message: `${JSON.stringify(v)} is not a share between 0 and 1 (write 0.3 or "30%")`,
      });
      return z.NEVER;
    }
    return n;
  })
  .describe('A fraction between 0 and 1: 0.3 or "30%"');

/** A yearly growth rate, written like a share: 0.02 or "2%" (it may be negative). */
const EscalationRate = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const n = parseShare(v);
    if (n === null || n < -0.5 || n > 1) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(v)} is not a yearly rate between -50% and 100% (write 0.02 or "2%")` });
      return z.NEVER;
    }
    return n;
  })
  .describe('A yearly rate between -0.5 and 1: 0.02 or "2%"');

/**
 * Upper bounds on counts and factors. Beyond them a value is a typing slip, and it would make the
 * solver fail on numerics ("absurd targets") instead of the planner seeing which value is wrong.
 */
export const MAX_COUNT = 1e9;
const MAX_FACTOR = 1e6;
const Count = z.number().min(0).max(MAX_COUNT);
const Factor = z.number().max(MAX_FACTOR);
const ByYearAmount = z.record(YearKey, Amount);
const ByYearCount = z.record(YearKey, Count);

/*
 * Lists of records (regions, by_region, budgets, capacity, targets, actuals) may contain
 * `{file: x.csv}` entries; the loader expands them into records before merging, so the schema
 * sees records only (`jsonSchema.ts` adds them to the published JSON Schema).
 */

const RegionRecord = z.strictObject({
  id: Id,
  name: Name.optional(),
  parent: Id.nullable().optional(),
});

/**
 * A named set of regions outside the tree (e.g. "all county towns" across cities), usable wherever
 * a region node is referenced: targets, budgets, capacity, links, start limits.
 */
const GroupRecord = z.strictObject({
  id: Id,
  name: Name.optional(),
  members: z.array(Id).min(1),
});

const ProgramLeafRecord = z.strictObject({
  region: Id,
  stock: Count,
  households_per_unit: Factor.positive().optional(),
  unit_cost: Amount.optional(),
});

const ShareRecord = z.strictObject({
  min: Share.optional(),
  max: Share.optional(),
  cap_per_household: Amount.optional(),
});

const StartLimitRecord = z.strictObject({
  region: Id.optional(),
  year: Year.optional(),
  min: Count.optional(),
  max: Count.optional(),
});

const UnitCost = z.union(
  [Amount, z.strictObject({ per_unit: Amount }), z.strictObject({ per_household: Amount })],
  { error: 'write an amount per unit ("3500万"), {per_unit: amount} or {per_household: amount}' },
);

const ProgramRecord = z.strictObject({
  id: Id,
  name: Name.optional(),
  unit: Name.optional(),
  integer: Flag.optional(),
  unit_cost: UnitCost,
  escalation: EscalationRate.optional(),
  spend_profile: z.array(Share).min(1).max(15).optional(),
  slots_per_unit: Factor.min(0).optional(),
  households_per_unit: Factor.positive().optional(),
  by_region: z.array(ProgramLeafRecord),
  shares: z.record(Id, ShareRecord),
  start_limits: z.array(StartLimitRecord).optional(),
});

/** The keys a programme record may have; any other is reported as unknown. */
export const PROGRAM_KEYS: readonly string[] = Object.keys(ProgramRecord.shape);

const BudgetRecord = z.strictObject({
  region: Id,
  per_year: Amount.optional(),
  by_year: ByYearAmount.optional(),
});

const LinkRecord = z.strictObject({
  id: Id,
  of: Id,
  min_ratio: Factor.min(0).optional(),
  max_ratio: Factor.min(0).optional(),
  region: Id.optional(),
  each_child: Flag.optional(),
});

const SourceRecord = z.strictObject({
  id: Id,
  name: Name.optional(),
  kind: z.enum(["government", "enterprise", "property_unit", "resident"]),
  cost_weight: Factor.min(0).optional(),
  carryover: Flag.optional(),
  budgets: z.array(BudgetRecord).optional(),
  links: z.array(LinkRecord).optional(),
});

const CapacityRecord = z.strictObject({
  id: Id,
  name: Name.optional(),
  region: Id,
  programs: z.array(Id).optional(),
  slots: Count.optional(),
  by_year: ByYearCount.optional(),
});

const TargetRecord = z.strictObject({
  id: Id,
  name: Name.optional(),
  program: Id,
  region: Id,
  metric: z.enum(["started", "completed", "households_started", "households_completed"]),
  by: Year,
  at_least: Count,
  kind: z.enum(["hard", "soft"]).optional(),
  weight: Factor.positive().optional(),
  confidence: z.number().min(0).lt(1).optional().describe("Plan this target to be met with at least this probability (overrides objective.confidence)"),
});

const ActualRecord = z.strictObject({
  region: Id,
  program: Id,
  year: Year,
  started: Count,
  households_started: Count.optional(),
  completed: Count.optional(),
  households_completed: Count.optional(),
  /** Money paid that year by each source (CSV: one `paid.<source>` column per source). */
  paid: z.record(Id, Amount).optional(),
  partial: Flag.optional(),
});

/** `2023-09-30` (actuals recorded up to and including that day) or a year (up to its start). */
const AsOf = z
  .union([Year, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "write a date as YYYY-MM-DD (e.g. 2023-09-30) or a year")])
  .describe("Date up to which actuals are complete: YYYY-MM-DD, or a year (= up to that year's start)");

const ObjectiveRecord = z.strictObject({
  smoothing: Flag.optional(),
  tolerance: z.number().min(0).max(0.1).optional(),
  // Added to every stage's optimum; the shortfall stage's optimum is a fraction of the targets, so
  // more than 1e-3 would let a plan miss targets it can meet.
  absolute_tolerance: z.number().min(0).max(1e-3).optional(),
  mip_gap: z.number().min(0).max(0.1).optional(),
  time_limit_seconds: z.number().positive().max(7 * 24 * 3600).optional(),
  confidence: z.number().min(0).lt(1).optional().describe("Plan every target to be met with at least this probability under `uncertainty` (docs/confidence.md)"),
});

export const ScenarioSchema = z.strictObject({
  name: Name.min(1).describe("Scenario name; also the default results folder"),
  description: Description.optional(),
  currency: z.literal("CNY").optional(),
  horizon: z.strictObject({ start: Year, end: Year }).describe("First and last planning year"),
  regions: z.array(RegionRecord).min(1).describe("Region tree {id, name, parent}; work happens in leaves"),
  region_groups: z
    .array(GroupRecord)
    .optional()
    .describe("Named sets of regions outside the tree, usable wherever a region node is referenced"),
  programs: z.array(ProgramRecord).min(1).describe("Programmes: stock per leaf, unit cost, spend profile, shares"),
  sources: z.array(SourceRecord).min(1).describe("Funding parties with budgets and matching links"),
  capacity: z.array(CapacityRecord).optional().describe("Construction slots per region node and year"),
  targets: z.array(TargetRecord).optional().describe("Cumulative targets counted from the horizon start"),
  as_of: AsOf.optional(),
  actuals: z
    .array(ActualRecord)
    .optional()
    .describe("What already happened, per leaf, programme and year: units and households started, money paid by source"),
  objective: ObjectiveRecord.optional(),
  /** Validated by the Monte Carlo module; kept opaque here. */
  uncertainty: z.unknown().optional().describe("Monte Carlo distributions (see the Monte Carlo reference)"),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe("Master random seed for Monte Carlo"),
});

export type RawScenario = z.output<typeof ScenarioSchema>;
