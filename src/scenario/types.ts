/**
 * The normalised scenario: the single typed shape every later stage (model building, Monte Carlo,
 * finance tools) reads. It is produced by `normaliseScenario` from the validated, merged YAML and
 * has every amount in yuan, every share as a fraction, every default filled in and every reference
 * resolved. Nothing downstream re-reads the raw YAML.
 */

import type { PathKey } from "./positions.js";

/**
 * Where a normalised entry came from: its YAML path in the merged document (e.g.
 * `["sources", 2, "budgets", 0, "by_year", "2023"]`), which `LoadedScenario.locate` turns into a
 * file and line. Absent for entries made in code (tests, Monte Carlo worlds, frozen pasts).
 */
export type YamlPath = readonly PathKey[];

export type SourceKind = "government" | "enterprise" | "property_unit" | "resident";
export type TargetMetric = "started" | "completed" | "households_started" | "households_completed";

export interface Horizon {
  start: number;
  end: number;
}

export interface Region {
  id: string;
  name: string;
  parent: string | null;
  children: string[];
  /** Leaf ids below (or equal to) this node, in scenario order. */
  leaves: string[];
  isLeaf: boolean;
  /**
   * True for a `region_groups` entry: a named set of leaves outside the tree (parent null, no
   * children). Groups are listed in `Scenario.regions` after the tree nodes and can be referenced
   * wherever a node can; they are never roots.
   */
  isGroup: boolean;
}

/** A programme's data in one leaf region. */
export interface ProgramLeaf {
  region: string;
  /** Units that exist to be done at the horizon start (upper bound on starts in the horizon). */
  stock: number;
  /** The by_region row's `stock`. */
  path?: YamlPath;
  householdsPerUnit: number;
  /** Cost of one unit started in the horizon's first year, yuan (before escalation). */
  unitCost: number;
}

export interface ShareBound {
  min: number;
  max: number;
  /** Residents only: yuan per household over the unit's life. */
  capPerHousehold: number | null;
  /** The `shares.<source>` entry (`min`, `max`, `cap_per_household` below it). */
  path?: YamlPath;
}

export interface StartLimit {
  region: string;
  /** null: the limit applies in every horizon year. */
  year: number | null;
  min: number | null;
  max: number | null;
  /** The start_limits record. */
  path?: YamlPath;
}

export interface Program {
  id: string;
  name: string;
  unit: string;
  integer: boolean;
  /** Yearly escalation of unit cost for units started after the horizon start (0.03 = 3 %/yr). */
  escalation: number;
  /** Fraction of cost paid in the start year, the next, …; sums to 1; length = duration. */
  spendProfile: number[];
  slotsPerUnit: number;
  /**
   * `households_per_unit` was given, on the programme or on a by_region row. Without it every
   * leaf still has 1 household per unit for the model's arithmetic, but the units may hold no
   * households at all (towns, streets, km of greenway): householdPrograms.ts decides what counts.
   */
  householdsPerUnitGiven: boolean;
  leaves: ProgramLeaf[];
  /** Keyed by source id; a source funds a programme only if named here. */
  shares: Record<string, ShareBound>;
  startLimits: StartLimit[];
}

export interface Budget {
  region: string;
  year: number;
  amount: number;
  /** The amount's `by_year.<year>` or `per_year`. */
  path?: YamlPath;
  /**
   * Money carried from this year into the next, as it happened (yuan). Never set by scenario files:
   * a frozen past (`stress --from`) fixes it to the baseline plan's.
   */
  carriedOut?: number;
}

export interface Link {
  id: string;
  /** The source bound by the link. */
  source: string;
  /** The source it is matched against. */
  of: string;
  minRatio: number | null;
  maxRatio: number | null;
  region: string;
  /** Apply separately to each child of `region` instead of to the node as a whole. */
  eachChild: boolean;
  /** The links record. */
  path?: YamlPath;
}

export interface Source {
  id: string;
  name: string;
  kind: SourceKind;
  costWeight: number;
  carryover: boolean;
  budgets: Budget[];
  links: Link[];
}

export interface Capacity {
  id: string;
  /** What planners call it ("城中村施工场地"); texts fall back to the id without one. */
  name?: string;
  region: string;
  /** Programmes that occupy these slots (all programmes when the YAML omits the list). */
  programs: string[];
  /** Slots per horizon year; a year missing here is unlimited. */
  slots: Record<number, number>;
  /** Per year, the `by_year.<year>` or `slots` value the year's slots come from. */
  slotPaths?: Record<number, YamlPath>;
}

export interface Target {
  id: string;
  name: string;
  program: string;
  region: string;
  metric: TargetMetric;
  by: number;
  atLeast: number;
  kind: "hard" | "soft";
  weight: number;
  /** The target record's `at_least`. */
  path?: YamlPath;
  /** Required probability of meeting the target under `uncertainty` (overrides the objective's default). */
  confidence?: number;
}

/**
 * What already happened in one leaf, programme and year. Absent optional fields were not
 * recorded: the model derives them (households = units × households per unit; completions from
 * the starts one duration earlier) or decides them (money).
 */
export interface Actual {
  region: string;
  program: string;
  year: number;
  started: number;
  /** Households in the units started (reported figures are often "惠及户数", not units × average). */
  householdsStarted?: number;
  /** Units and households completed that year (only in whole years). */
  completed?: number;
  householdsCompleted?: number;
  /**
   * Yuan paid that year by source id. In a whole year every source not named paid nothing and
   * the year's cost is what was paid; in a partial year these are floors.
   */
  paid?: Record<string, number>;
  /** The year is still running: `started` (and `paid`) are floors, the model may add more. */
  partial: boolean;
  /**
   * Never set by scenario files: `stress --from` freezes the years before the cut at the baseline
   * plan's starts and money. The model holds these (a whole year); the record's own figures stay
   * what tables report as actual.
   */
  frozen?: { started: number; paid: Record<string, number> };
}

/**
 * `as_of`: actuals are complete up to this point. Years before `firstOpenYear` are closed (every
 * leaf and programme has a whole-year record; nothing in them changes); `current` is the year the
 * date falls in when it is not a year end (its records are partial).
 */
export interface AsOf {
  /** As written: "2023-09-30" or "2024". */
  text: string;
  firstOpenYear: number;
  current: number | null;
  /**
   * Closed years from this one on are a frozen plan (stress and min-budget `--from`: freezePast.ts),
   * not history: fixed in the model, but a sampled world still draws their budgets. Absent: every
   * closed year is history.
   */
  historyBefore?: number;
}

export interface ObjectiveSettings {
  smoothing: boolean;
  /** Relative tolerance with which a stage's optimum is fixed before the next stage. */
  relTolerance: number;
  /** Absolute tolerance added to the relative one (objective units). */
  absTolerance: number;
  /**
   * Relative MIP gap at which an integer stage counts as solved (default 1e-3: a tenth of a percent
   * of the stage objective — below the precision of any planning input; proving 1e-4 took the
   * Guangzhou towns plan 12× longer for a 0.02 % better cost).
   */
  mipGap: number;
  /** Per-stage solver time limit; an integer stage stopped here keeps its best plan and says so. */
  timeLimitSeconds: number;
  /** Default required probability of meeting each target (confidence planning, docs/confidence.md). */
  confidence?: number;
}

export interface Scenario {
  name: string;
  description: string;
  currency: "CNY";
  horizon: Horizon;
  /** horizon.start … horizon.end */
  years: number[];
  regions: Region[];
  rootRegions: string[];
  programs: Program[];
  sources: Source[];
  capacity: Capacity[];
  targets: Target[];
  actuals: Actual[];
  asOf: AsOf | null;
  objective: ObjectiveSettings;
  /** Raw `uncertainty` section, validated by the Monte Carlo module (issue: Monte Carlo). */
  uncertainty: unknown;
  /** Master Monte Carlo seed from the scenario's top-level `seed:`, when given. */
  seed?: number;
}
