/** `simulate compare` (being written; see docs/finance.md). */
import type { Command } from "commander";

export function registerCompare(_program: Command): void {}
