// Worker threads start without the parent's module loader. Built (dist/): the compiled module sits
// beside this file. From source (tests, development): register tsx, then load the TypeScript module.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = new URL("./solverThread.js", import.meta.url);
if (existsSync(fileURLToPath(compiled))) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./solverThread.ts");
}
