/** `simulate schema`: the scenario file's JSON Schema, for editor autocompletion. */
import type { Command } from "commander";
import { scenarioJsonSchema } from "../../scenario/index.js";

export function registerSchema(program: Command): void {
  program
    .command("schema")
    .description("print the JSON Schema of scenario files")
    .action(() => {
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
    });
}
