// `npm run build` (run by `npm ci` through `prepare`): bundles the CLI and each worker thread's
// module, with their npm dependencies, into dist/ — Node then reads a few files at start instead
// of ~300 modules (docs/design.md, "A bundled CLI"). Commands loaded lazily become chunks of their
// own, so `--help` still loads only the command table. ECharts's core is bundled into the report
// thread and exceljs's Workbook into a chunk loaded when a workbook is due; libraries loaded through
// createRequire (HiGHS with its WebAssembly, SheetJS, javascript-lp-solver), JSZip and iconv-lite
// stay in node_modules (iconv-lite's encoding tables, half a megabyte, are then read only when an
// input file is not UTF-8, or is UTF-8 without Chinese whose bytes may be GBK too, instead of
// being parsed at every start). The bundle is a build
// artefact: tests and the bench run the sources through tsx (test/tools/bundle.test.ts checks that
// the bundle writes the folder the sources write).
// Usage: node tools/bundle.mjs [outdir, default dist] — the folder must lie inside the checkout,
// where the engine finds its package.json (src/ownFiles.ts).
import { build } from "esbuild";
import { copyFileSync, rmSync } from "node:fs";

const root = new URL("..", import.meta.url);
const outdir = process.argv[2] ?? "dist";
const dist = new URL(`${outdir.replace(/\/$/, "")}/`, root);
/** Entry modules under src/, without extension: the CLI and every `workerData.module` a thread names. */
const entries = ["cli/main", "solve/solverThread", "report/reportThread", "montecarlo/worker"];

rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: new URL(".", root).pathname,
  entryPoints: entries.map((e) => ({ in: `src/${e}.ts`, out: e })),
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "[name]-[hash]",
  external: ["highs", "jszip", "iconv-lite"],
  // CommonJS dependencies (commander …) call require() for Node's own modules.
  banner: { js: 'import { createRequire as __renewsimRequire } from "node:module"; const require = __renewsimRequire(import.meta.url);' },
  logLevel: "warning",
});
copyFileSync(new URL("src/threadEntry.mjs", root), new URL("threadEntry.mjs", dist));
