/** `simulate schema`: the scenario file's JSON Schema, for editor autocompletion. */
import type { Command } from "commander";
import { scenarioJsonSchema } from "../../scenario/index.js";
import { writeProduct } from "../closedPipes.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of scenario files")
    .action(() => {
      writeProduct(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
    });
}
