#!/usr/bin/env node
// Thin launcher: runs the TypeScript CLI through tsx's loader so `npm ci` is enough to use it.
import { register } from "tsx/esm/api";
register();
await import("../src/cli/main.ts");
