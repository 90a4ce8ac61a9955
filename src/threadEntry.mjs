// Worker threads start without the parent's module loader. Every thread of renewsim starts here
// and names its module in `workerData.module` (relative to this folder, without extension).
// Built (dist/): the compiled module sits beside this file. From source (tests, development):
// register tsx, then load the TypeScript module.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { workerData } from "node:worker_threads";

const { module } = workerData;
const compiled = new URL(`./${module}.js`, import.meta.url);
if (existsSync(fileURLToPath(compiled))) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL(`./${module}.ts`, import.meta.url).href);
}
