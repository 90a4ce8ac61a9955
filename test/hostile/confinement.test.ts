/**
 * Family 3: `extends:` and `file:` (also in --with overlays and their bases) read only inside the
 * folders of the scenario and overlay that name them, links resolved, unless --allow-outside; and
 * no message quotes a byte of a file outside.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectRefused, project, runIn, TOY } from "./helpers.js";

const SECRET = "s3cr3t-TOKEN-9f8e7d";

/** A project with a secret folder beside it (../secret) holding YAML and CSV files. */
function withSecrets(files: Record<string, string>): { dir: string; secret: string } {
  const dir = project({ "s.yaml": TOY, ...files });
  const secret = join(dirname(dir), "secret");
  mkdirSync(secret);
  writeFileSync(join(secret, "base.yaml"), `${SECRET}: 1\nname: ${SECRET}\nhorizon: ${SECRET}\n`);
  writeFileSync(join(secret, "regions.csv"), `id,name,${SECRET}\n${SECRET},x,y\n`);
  writeFileSync(join(secret, "id_rsa.csv"), `-----BEGIN ${SECRET}-----\n`);
  return { dir, secret };
}

const regionsFrom = (path: string) => `extends: s.yaml\nregions:\n  - {file: ${JSON.stringify(path)}}\n`;

describe("references outside the scenario's folder", () => {
  const variants: [string, (secret: string) => Record<string, string>, string][] = [
    ["extends: ../ path", () => ({ "x.yaml": "extends: ../secret/base.yaml\n" }), "x.yaml"],
    ["extends: absolute path", (s) => ({ "x.yaml": `extends: ${join(s, "base.yaml")}\n` }), "x.yaml"],
    ["extends: in a list, deep ../", () => ({ "x.yaml": "extends: [s.yaml, ./sub/../../../../work/secret/base.yaml]\n" }), "x.yaml"],
    ["file: ../ path", () => ({ "x.yaml": regionsFrom("../secret/regions.csv") }), "x.yaml"],
    ["file: absolute path", (s) => ({ "x.yaml": regionsFrom(join(s, "id_rsa.csv")) }), "x.yaml"],
    ["file: in a base the scenario extends", () => ({ "base2.yaml": regionsFrom("../secret/regions.csv"), "x.yaml": "extends: base2.yaml\n" }), "x.yaml"],
  ];

  it.each(variants)("%s is refused with its line, without reading it", async (_name, files, entry) => {
    const { dir, secret } = withSecrets({});
    for (const [f, text] of Object.entries(files(secret))) writeFileSync(join(dir, f), text);
    for (const args of [["validate", entry], [entry, "--out", "out"], ["export", entry], ["explain", entry], ["stress", entry, "--cut", "government=10%"], ["min-budget", entry, "--source", "government"]]) {
      const r = await runIn(dir, ...args);
      expectRefused(r, 2, /is outside the scenario's folders.*--allow-outside/);
      expect(r.stderr + r.stdout).not.toContain(SECRET);
    }
  });

  it("a link inside the folder that leads outside is refused, for a file and for a folder", async () => {
    const { dir, secret } = withSecrets({});
    symlinkSync(join(secret, "regions.csv"), join(dir, "regions.csv"));
    symlinkSync(secret, join(dir, "data"));
    symlinkSync(join(secret, "base.yaml"), join(dir, "base.yaml"));
    for (const [file, text] of [["a.yaml", regionsFrom("regions.csv")], ["b.yaml", regionsFrom("data/regions.csv")], ["c.yaml", "extends: base.yaml\n"]]) {
      writeFileSync(join(dir, file), text);
      const r = await runIn(dir, "validate", file);
      expectRefused(r, 2, /is a link to a file outside the scenario's folders/);
      expect(r.stderr).not.toContain(SECRET);
    }
  });

  it("an overlay's references are confined to its own and the scenario's folders", async () => {
    const { dir, secret } = withSecrets({});
    mkdirSync(join(dir, "overlays"));
    writeFileSync(join(dir, "data.csv"), "region,per_year\na,5000万\n");
    writeFileSync(join(dir, "overlays", "ok.yaml"), "sources:\n  - id: gov\n    budgets:\n      - {file: ../data.csv}\n");
    writeFileSync(join(dir, "overlays", "bad.yaml"), "extends: ../../secret/base.yaml\n");
    expect((await runIn(dir, "validate", "s.yaml", "--with", "overlays/ok.yaml")).code).toBe(0);
    const r = await runIn(dir, "validate", "s.yaml", "--with", "overlays/bad.yaml");
    expectRefused(r, 2, /overlays\/bad\.yaml line 1/);
    expect(r.stderr).not.toContain(SECRET);
    // An overlay elsewhere may not reach into a third folder either.
    const other = join(secret, "..", "other");
    mkdirSync(other);
    writeFileSync(join(other, "o.yaml"), `sources:\n  - id: gov\n    budgets:\n      - {file: ../secret/regions.csv}\n`);
    expectRefused(await runIn(dir, "validate", "s.yaml", "--with", join(other, "o.yaml")), 2, /is outside/);
  });

  it("--allow-outside opens exactly the folders it names (repeatable)", async () => {
    const { dir, secret } = withSecrets({});
    const shared = join(dirname(dir), "shared");
    mkdirSync(shared);
    writeFileSync(join(shared, "budgets.csv"), "区域,年份,金额\na,2021,6000万\nb,2021,1亿\n");
    writeFileSync(join(dir, "x.yaml"), `extends: s.yaml\nsources:\n  - id: gov\n    budgets:\n      - {file: ../shared/budgets.csv}\n`);
    expectRefused(await runIn(dir, "validate", "x.yaml"), 2, /outside/);
    expectRefused(await runIn(dir, "validate", "x.yaml", "--allow-outside", secret), 2, /outside/);
    expect((await runIn(dir, "validate", "x.yaml", "--allow-outside", secret, "--allow-outside", "../shared")).code).toBe(0);
    expect((await runIn(dir, "x.yaml", "--allow-outside", "../shared", "--out", "out", "--quiet")).code).toBe(0);
  });

  it("only .yaml/.yml files are layers and only .csv and .xlsx files are tables", async () => {
    const dir = project({ "s.yaml": TOY, "notes.txt": `${SECRET}\n`, "x.yaml": "extends: notes.txt\n", "y.yaml": regionsFrom("notes.txt") });
    for (const f of ["x.yaml", "y.yaml"]) {
      const r = await runIn(dir, "validate", f);
      expectRefused(r, 2, /notes\.txt is not a \.(yaml or \.yml scenario or overlay|csv or \.xlsx) file/);
      expect(r.stderr).not.toContain(SECRET);
    }
    // An overlay given with --with is not called a scenario file alone (a finance office's review).
    expectRefused(await runIn(dir, "validate", "s.yaml", "--with", "notes.txt"), 2, /notes\.txt is not a \.yaml or \.yml scenario or overlay file/);
  });
});
