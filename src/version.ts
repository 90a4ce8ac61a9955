import { readFileSync } from "node:fs";
import { ownFile } from "./ownFiles.js";

const pkg = JSON.parse(readFileSync(ownFile("package.json"), "utf8")) as { version: string };

export const ENGINE_VERSION: string = pkg.version;
/** Bumped whenever a result table's columns or meaning change; `compare` refuses mixed versions. */
export const OUTPUT_VERSION = 1;
