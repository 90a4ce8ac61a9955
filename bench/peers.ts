/**
 * Native peers for DESIGN §7: solve an exported CPLEX-LP file with `cbc` (coinor-cbc) or `glpsol`
 * (glpk-utils) when installed. `seconds` is the whole process, wall clock (what §7 compares);
 * `solverSeconds` is the time the solver itself reports, when it reports one. A missing binary is
 * not an error: the functions return null and `peerSkipReason` says why.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type PeerName = "cbc" | "glpsol";
export type PeerStatus = "optimal" | "infeasible" | "unbounded" | "error";

export interface PeerResult {
  solver: PeerName;
  status: PeerStatus;
  /** Objective as the peer reports it (the exported file carries the constant on `__const`). */
  objective: number;
  /** Whole process, wall clock. */
  seconds: number;
  /** The solver's own reported time (CBC: wall clock; GLPK: "Time used", 0.1 s resolution). */
  solverSeconds: number | null;
  message?: string;
}

export interface PeerOptions {
  timeLimitSeconds?: number;
  mipGap?: number;
  /** Absolute MIP gap (CBC `allowableGap`; glpsol has none and gets the relative gap only). */
  mipAbsGap?: number;
  /** CBC only: `presolve off` (see `checkedCbc`). */
  presolveOff?: boolean;
}

const INSTALL_HINT: Record<PeerName, string> = {
  cbc: "apt-get install coinor-cbc",
  glpsol: "apt-get install glpk-utils",
};
const found = new Map<PeerName, string | null>();

/** Absolute path of the peer binary, or null when it is not on PATH. */
export function findPeer(name: PeerName): string | null {
  if (!found.has(name)) {
    const which = spawnSync("which", [name], { encoding: "utf8" });
    found.set(name, which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null);
  }
  return found.get(name)!;
}

/** Why a peer would be skipped, or null when it is available. */
export function peerSkipReason(name: PeerName): string | null {
  return findPeer(name) ? null : `${name} not found on PATH (${INSTALL_HINT[name]})`;
}

/** `cbc model.lp [sec T] [ratio G] solve solu sol.txt`; status and objective from the solution file. */
export async function solveWithCbc(lpPath: string, options: PeerOptions = {}): Promise<PeerResult | null> {
  const bin = findPeer("cbc");
  if (!bin) return null;
  return withTempDir(async (dir) => {
    const solution = join(dir, "cbc.sol");
    const args = [lpPath];
    if (options.timeLimitSeconds !== undefined) args.push("sec", String(options.timeLimitSeconds));
    args.push("ratio", String(options.mipGap ?? 1e-6));
    if (options.mipAbsGap !== undefined) args.push("allowableGap", String(options.mipAbsGap));
    if (options.presolveOff) args.push("presolve", "off");
    args.push("solve", "solu", solution);
    const run = await timed(bin, args);
    const text = await readFile(solution, "utf8").catch(() => "");
    const first = text.split("\n")[0] ?? "";
    const wall = /Wallclock seconds\):\s*([0-9.]+)/.exec(run.stdout);
    return {
      solver: "cbc",
      ...cbcStatus(first, run.stdout),
      seconds: run.seconds,
      solverSeconds: wall ? Number(wall[1]) : null,
    };
  });
}

/** Relative difference from which a peer's LP optimum is not the engine's. */
const LP_AGREEMENT = 1e-6;

export interface CheckedCbc {
  /** The options that give CBC's right answer (its default, or with presolve off). */
  options: PeerOptions;
  /** What CBC's default run answered where it was not the LP's optimum; null when it was. */
  wrongDefault: number | null;
  /** Neither run gave the optimum (e.g. a time limit): its time is of a wrong answer, said beside it. */
  neverRight: boolean;
}

/**
 * CBC 2.10.8 (Debian 12) with its default presolve reports "Optimal" at a point above an LP's
 * optimum on some of the engine's exports: the benchmark city's stage 1 (0.09461668 against
 * 0.08999713 from HiGHS, glpsol and CBC with presolve off) and Guangdong's smoothing stage (3.5224
 * against 3.5218). A time for a wrong answer is no peer's time: where the default answer of an LP
 * is off the engine's optimum and `presolve off` gives it, CBC is timed with presolve off.
 */
export async function checkedCbc(lpPath: string, options: PeerOptions, engineObjective: number, integer: boolean): Promise<CheckedCbc> {
  const off = (r: PeerResult | null) => r !== null && (r.status !== "optimal" || Math.abs(r.objective - engineObjective) > LP_AGREEMENT * Math.max(1, Math.abs(engineObjective)));
  const first = await solveWithCbc(lpPath, options);
  if (integer || !off(first)) return { options, wrongDefault: null, neverRight: false };
  const withoutPresolve = { ...options, presolveOff: true };
  if (off(await solveWithCbc(lpPath, withoutPresolve))) return { options, wrongDefault: null, neverRight: true };
  return { options: withoutPresolve, wrongDefault: first!.objective, neverRight: false };
}

/** `glpsol --lp model.lp -w sol.txt`; status and full-precision objective from the `s` line of -w. */
export async function solveWithGlpk(lpPath: string, options: PeerOptions = {}): Promise<PeerResult | null> {
  const bin = findPeer("glpsol");
  if (!bin) return null;
  return withTempDir(async (dir) => {
    const solution = join(dir, "glpk.sol");
    const args = ["--lp", lpPath, "-w", solution];
    if (options.timeLimitSeconds !== undefined) args.push("--tmlim", String(Math.ceil(options.timeLimitSeconds)));
    if (options.mipGap !== undefined) args.push("--mipgap", String(options.mipGap));
    let run = await timed(bin, args);
    // With presolve on, glpsol may only know "no dual feasible solution" (infeasible or unbounded).
    if (/PROBLEM HAS NO DUAL FEASIBLE SOLUTION/.test(run.stdout)) run = await timed(bin, [...args, "--nopresol"]);
    const text = await readFile(solution, "utf8").catch(() => "");
    const used = /Time used:\s*([0-9.]+)\s*secs/.exec(run.stdout);
    return {
      solver: "glpsol",
      ...glpkStatus(run.stdout, text),
      seconds: run.seconds,
      solverSeconds: used ? Number(used[1]) : null,
    };
  });
}

function cbcStatus(first: string, stdout: string): { status: PeerStatus; objective: number; message?: string } {
  const objective = Number(/objective value\s+(\S+)/.exec(first)?.[1] ?? NaN);
  if (/^Optimal/.test(first)) return { status: "optimal", objective };
  if (/infeasible/i.test(first)) return { status: "infeasible", objective: Infinity };
  if (/unbounded/i.test(first)) return { status: "unbounded", objective: -Infinity };
  return { status: "error", objective, message: first || lastLines(stdout) };
}

function glpkStatus(stdout: string, solution: string): { status: PeerStatus; objective: number; message?: string } {
  if (/NO PRIMAL FEASIBLE SOLUTION|NO INTEGER FEASIBLE SOLUTION/.test(stdout)) return { status: "infeasible", objective: Infinity };
  if (/UNBOUNDED PRIMAL SOLUTION|NO DUAL FEASIBLE SOLUTION/.test(stdout)) return { status: "unbounded", objective: -Infinity };
  // `s bas <rows> <cols> <primal> <dual> <obj>` or `s mip <rows> <cols> <status> <obj>`
  const s = /^s (bas|mip) \d+ \d+ (\S+)(?: (\S+))? (\S+)$/m.exec(solution);
  const objective = Number(s?.[4] ?? NaN);
  const optimal = s && (s[1] === "mip" ? s[2] === "o" : s[2] === "f" && s[3] === "f");
  if (optimal && /OPTIMAL/.test(stdout)) return { status: "optimal", objective };
  return { status: "error", objective, message: lastLines(stdout) };
}

interface Timed {
  stdout: string;
  seconds: number;
  code: number | null;
}

function timed(bin: string, args: string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, code, seconds: (performance.now() - start) / 1000 }));
  });
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "renewsim-peer-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-3).join(" | ");
}
