import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

export const ENGINE_VERSION: string = pkg.version;
/** Bumped whenever a result table's columns or meaning change; `compare` refuses mixed versions. */
export const OUTPUT_VERSION = 1;
