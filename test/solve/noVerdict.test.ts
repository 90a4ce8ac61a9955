/**
 * An LP solve HiGHS ends without a verdict ("Unknown", a solve error) is solved again cold, without
 * presolve, by dual simplex, before it is reported as an error: HiGHS 1.15 ended the warm margin
 * stage of a valid confidence plan "Unknown" (Guangdong, 90 % on the county targets alone,
 * calibration seed 20212), and `simulate` exited 5. The model is real; only the status of the
 * first run is faked, as HiGHS reported it.
 */
import { describe, expect, it } from "vitest";
import type { Highs, Model } from "highs";
import { HighsRuntime } from "../../src/solve/highsRuntime.js";
import { HighsSession } from "../../src/solve/highsSession.js";
import { rangedHi, smallMilp } from "./fixtures.js";

/** A runtime whose models report `status` for their first `runs` runs, whatever HiGHS found. */
class LostRuntime extends HighsRuntime {
  options: Record<string, unknown>[] = [];
  constructor(private readonly status: number, private runs = 1) {
    super();
  }

  override async acquire(): Promise<Highs> {
    const highs = await super.acquire();
    const lost = this;
    return new Proxy(highs, {
      get(target, key) {
        if (key !== "createModel") return Reflect.get(target, key);
        return (...args: Parameters<Highs["createModel"]>) => wrap(target.createModel(...args), lost);
      },
    });
  }

  /** Whether the run that just ended is one to fake. */
  fake = false;
  ran(): void {
    this.fake = this.runs-- > 0;
  }
  statusOf(real: number): number {
    return this.fake ? this.status : real;
  }
}

function wrap(m: Model, lost: LostRuntime): Model {
  return new Proxy(m, {
    get(target, key) {
      if (key === "run") return () => (target.run(), lost.ran());
      if (key === "getModelStatus") return () => lost.statusOf(target.getModelStatus());
      if (key === "options") {
        type Options = Parameters<Model["options"]["set"]>[0];
        return { set: (o: Options) => (lost.options.push(o), target.options.set(o)), get: (k: string) => target.options.get(k) };
      }
      const v = Reflect.get(target, key);
      return typeof v === "function" ? v.bind(target) : v;
    },
  }) as Model;
}

async function solveWith(runtime: HighsRuntime, model = rangedHi) {
  const session = new HighsSession(runtime);
  try {
    await session.load(model);
    return await session.solve();
  } finally {
    await session.dispose();
  }
}

describe("an LP solve that ends without a verdict", () => {
  it.each([
    [15, "Unknown"],
    [4, "Solve error"],
  ])("status %i (%s) is solved again cold, without presolve, by dual simplex, and its optimum stands", async (status) => {
    const expected = await solveWith(new HighsRuntime());
    expect(expected.status).toBe("optimal");
    const runtime = new LostRuntime(status);
    const r = await solveWith(runtime);
    expect(r.status).toBe("optimal");
    expect(r.objective).toBeCloseTo(expected.objective, 9);
    expect(runtime.options.at(-1)).toMatchObject({ presolve: "off", simplex_strategy: 1 });
  });

  it("stays an error naming the status when the clean re-solve has no verdict either", async () => {
    const r = await solveWith(new LostRuntime(15, 2));
    expect(r.status).toBe("error");
    expect(r.message).toContain("Unknown");
  });

  it("is not re-solved for a MIP (branch and bound without presolve may take far longer)", async () => {
    const runtime = new LostRuntime(15);
    const r = await solveWith(runtime, smallMilp);
    expect(r.status).toBe("error");
    expect(runtime.options.some((o) => o.presolve === "off")).toBe(false);
  });
});
