/** `simulate explain` (being written; see docs/finance.md). */
import type { Command } from "commander";

export function registerExplain(_program: Command): void {}
