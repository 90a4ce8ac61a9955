/** `simulate min-budget` (being written; see docs/finance.md). */
import type { Command } from "commander";

export function registerMinBudget(_program: Command): void {}
