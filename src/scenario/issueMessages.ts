/**
 * Turns zod issues into messages in planners' words ("1.4 is above 1", "unknown key "unti" (did you
 * mean "unit"?)") at the path of the offending value. Zod's own wording names types, not YAML.
 */
import * as z from "zod";
import { valueAt, type PathKey } from "./positions.js";
import { ScenarioSchema } from "./schema.js";
import { didYouMean, show } from "./suggest.js";

type Issue = z.core.$ZodIssue;

export interface IssueReport {
  path: PathKey[];
  message: string;
}

/** The text a value was written as in its file, where the reader kept it (a number too large to hold: SourcePos.written). */
export type WrittenAt = (path: readonly PathKey[]) => string | undefined;

/** Reports for one issue found while parsing `root` (the merged document). */
export function describeIssue(issue: Issue, root: unknown, prefix: PathKey[] = [], writtenAt?: WrittenAt): IssueReport[] {
  const path = [...prefix, ...(issue.path as PathKey[])];
  const value = valueAt(root, path);
  const at = (message: string): IssueReport[] => [{ path, message }];
  const nonFinite = nonFiniteMessage(value, writtenAt?.(path));
  if (nonFinite) return at(nonFinite);
  switch (issue.code) {
    case "invalid_type":
      return at(value === undefined ? "required but missing" : `expected ${typeName(issue.expected)}, got ${show(value)}`);
    case "invalid_union":
      return describeUnion(issue, path, value, root, writtenAt);
    case "too_small":
      return at(tooSmall(issue, value));
    case "too_big":
      return at(issue.origin === "array" ? `has more than ${issue.maximum} entries` : tooBig(value, Number(issue.maximum)));
    case "invalid_value":
      if (value === undefined) return at(`required but missing (one of ${issue.values.map(String).join(", ")})`);
      return at(
        issue.values.length === 1
          ? `${show(value)} must be ${show(issue.values[0])}`
          : `${show(value)} is not one of ${issue.values.map(String).join(", ")}`,
      );
    case "invalid_format":
      return at(`${show(value)}: ${issue.message}`);
    case "invalid_key":
      return at(`key ${show(path[path.length - 1])}: ${issue.issues.map((i) => i.message).join("; ")}`);
    case "unrecognized_keys": {
      const allowed = allowedKeysAt(path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key "${key}"${allowed.length ? didYouMean(key, allowed) || ` (allowed: ${allowed.join(", ")})` : ""}`,
      }));
    }
    default:
      return at(issue.message);
  }
}

/**
 * The message for a number no plan can use — `.nan`, `.inf`, or a literal beyond the largest
 * double such as 1e400, which YAML and CSV read as infinite — or null for any other value.
 * `written`: the literal as the file writes it, where the reader kept it (1e400 is named so).
 */
export function nonFiniteMessage(value: unknown, written?: string): string | null {
  if (typeof value !== "number" || Number.isFinite(value)) return null;
  if (Number.isNaN(value)) return ".nan (not a number) cannot be planned with: write a number";
  if (written !== undefined) return `${written} is too large to hold as a number (its size is beyond about 1.8e308): write the number meant`;
  return `${show(value)} is infinite (written as ${value > 0 ? "" : "-"}.inf, or a number too large to hold such as 1e400): write a finite number`;
}

/** `1e+300 is above the largest accepted value, 1,000,000,000`. */
function tooBig(value: unknown, max: number): string {
  const readable = Math.abs(max) >= 1e4 && Number.isInteger(max) ? max.toLocaleString("en-US") : String(max);
  return `${show(value)} is above the largest accepted value, ${readable}`;
}

function tooSmall(issue: Extract<Issue, { code: "too_small" }>, value: unknown): string {
  const min = Number(issue.minimum);
  if (issue.origin === "array") return `needs at least ${min} ${min === 1 ? "entry" : "entries"}`;
  if (issue.origin === "string") return "must not be empty";
  return issue.inclusive ? `${show(value)} is below ${min}` : `${show(value)} must be above ${min}`;
}

/**
 * A union fails as a whole; report the branch whose shape matched (its problems are deeper in the
 * value), else say what kinds of value are accepted.
 */
function describeUnion(issue: Extract<Issue, { code: "invalid_union" }>, path: PathKey[], value: unknown, root: unknown, writtenAt?: WrittenAt): IssueReport[] {
  if (value === undefined) return [{ path, message: "required but missing" }];
  const shapeMismatch = (i: Issue) =>
    i.path.length === 0 && ["invalid_type", "unrecognized_keys", "invalid_union", "invalid_value"].includes(i.code);
  const matched = issue.errors.find((branch) => branch.length > 0 && !branch.some(shapeMismatch));
  if (matched) return matched.flatMap((i) => describeIssue(i, root, path, writtenAt));
  if (issue.message && issue.message !== "Invalid input") return [{ path, message: `${show(value)} is not valid: ${issue.message}` }];
  const expected = issue.errors.flat().filter((i) => i.code === "invalid_type").map((i) => typeName(i.expected));
  const unique = [...new Set(expected)];
  return [{ path, message: unique.length ? `expected ${unique.join(" or ")}, got ${show(value)}` : `${show(value)} is not valid` }];
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    number: "a number",
    int: "a whole number",
    string: "text",
    boolean: "true or false",
    array: "a list",
    object: "a mapping (key: value)",
    record: "a mapping (key: value)",
  };
  return names[expected] ?? expected;
}

let inputSchema: Record<string, unknown> | undefined;

/** Keys the schema allows in the mapping at `path` (from the published JSON Schema). */
export function allowedKeysAt(path: readonly PathKey[]): string[] {
  inputSchema ??= z.toJSONSchema(ScenarioSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  let nodes: Json[] = [inputSchema];
  for (const key of path) nodes = nodes.flatMap(options).flatMap((n) => childSchemas(n, key));
  return [...new Set(nodes.flatMap(options).flatMap((n) => Object.keys((n.properties as Json) ?? {})))];
}

type Json = Record<string, unknown>;

function options(node: Json): Json[] {
  return Array.isArray(node.anyOf) ? (node.anyOf as Json[]).flatMap(options) : [node];
}

function childSchemas(node: Json, key: PathKey): Json[] {
  if (typeof key === "number") return node.items ? [node.items as Json] : [];
  const prop = (node.properties as Record<string, Json> | undefined)?.[key];
  if (prop) return [prop];
  return typeof node.additionalProperties === "object" ? [node.additionalProperties as Json] : [];
}
