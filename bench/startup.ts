/** `simulate --help` against a bare `node -e 0`: what starting the command costs beyond Node itself. */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { median } from "./wholeProcess.js";

export function startup(repeats: number): { help: number; validate: number; node: number } {
  const time = (args: string[]) => {
    const xs: number[] = [];
    for (let k = 0; k < repeats; k++) {
      const t = performance.now();
      spawnSync(process.execPath, args, { stdio: "ignore" });
      xs.push((performance.now() - t) / 1000);
    }
    return median(xs);
  };
  return {
    node: time(["-e", "0"]),
    help: time(["bin/simulate.js", "--help"]),
    validate: time(["bin/simulate.js", "validate", "scenarios/guangdong-retrofit-2021-2025.yaml"]),
  };
}
