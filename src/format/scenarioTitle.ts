/**
 * A scenario named with the overlays (`--with`) it was planned with, as the reports, the workbooks'
 * 概要 and compare title a run: "guangzhou-towns-2024-2027 + city-cut-15-2026-2027.yaml". Without
 * them a plan with a 15 % cut and the plan without read alike, title and all.
 */
import { basename } from "node:path";

/** The overlays' file names, in the order applied (run.json `scenario.overlays` holds their paths). */
export function overlayFileNames(overlays: unknown): string[] {
  return Array.isArray(overlays) ? overlays.filter((o): o is string => typeof o === "string").map((o) => basename(o)) : [];
}

/** `files`: the overlays' file names (overlayFileNames). */
export function scenarioWithOverlays(name: string, files: string[]): string {
  return `${name}${files.map((o) => ` + ${o}`).join("")}`;
}
