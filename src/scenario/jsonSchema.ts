/**
 * JSON Schema of a scenario file as written (`simulate schema`), for editor autocompletion: the
 * zod schema's input side, plus what only files have: `extends` and `{file: x.csv}` list entries.
 */
import * as z from "zod";
import { ScenarioSchema } from "./schema.js";

const Extends = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .describe("Base file(s) this file is layered on, relative to this file");

/** Paths (through `properties`/`items`) of the record lists that accept `{file: x.csv}` entries. */
const FILE_LISTS = [
  ["regions"],
  ["programs", "by_region"],
  ["sources", "budgets"],
  ["capacity"],
  ["targets"],
  ["actuals"],
];

const FILE_ENTRY = {
  type: "object",
  description: "Records read from a CSV file (header row = keys), relative to this YAML file",
  properties: { file: { type: "string" } },
  required: ["file"],
  additionalProperties: false,
};

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(ScenarioSchema.extend({ extends: Extends }), {
    io: "input",
    unrepresentable: "any",
  }) as Json;
  schema.title = "renewsim scenario";
  for (const path of FILE_LISTS) {
    let node: Json = schema;
    path.forEach((key, i) => {
      node = node.properties[key];
      if (i < path.length - 1) node = node.items;
    });
    node.items = { anyOf: [node.items, FILE_ENTRY] };
  }
  return schema;
}
