/**
 * Acceptance: the Guangdong plan report (Monte Carlo, 1000 draws) and a stress report open in real
 * headless Chromium (Debian's /usr/bin/chromium with fonts-noto-cjk, driven by playwright-core)
 * from file:// with no console error, no request leaving the page, at least six rendered charts,
 * visible Chinese text and an English switch; they fit an A4 page when printed. Screenshots go to
 * test-artifacts/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = resolve("test-artifacts");
const GD = "scenarios/guangdong-retrofit-2021-2025.yaml";
/** A4 (210 mm) less the 12 mm print margins, in CSS pixels. */
const A4_CONTENT_PX = Math.floor(((210 - 2 * 12) / 25.4) * 96);

let browser: BrowserContext;
let dir: string;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} is needed (apt-get install chromium fonts-noto-cjk)`).toBe(true);
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "renewsim-browser-"));
  browser = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1100, height: 1400 },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Visit {
  errors: string[];
  outside: string[];
}

async function openReport(html: string, name: string): Promise<Visit & { charts: number; chinese: boolean; cjkFont: boolean; english: boolean; printWidth: number }> {
  const text = readFileSync(html, "utf8");
  expect(text).not.toMatch(/https?:\/\//);
  const page = await browser.newPage();
  const visit: Visit = { errors: [], outside: [] };
  page.on("console", (m) => m.type() === "error" && visit.errors.push(m.text()));
  page.on("pageerror", (e) => visit.errors.push(e.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    visit.outside.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  const charts = await page.evaluate(() =>
    [...document.querySelectorAll("figure.chart svg")].filter((svg) => {
      const box = svg.getBoundingClientRect();
      return box.width > 50 && box.height > 50 && svg.querySelectorAll("path, text").length > 5;
    }).length,
  );
  const chinese = await page.getByRole("heading", { level: 1 }).locator(".zh").isVisible() && /[\u4e00-\u9fff]{4,}/.test(await page.innerText("body"));
  const cjkFont = await page.evaluate(() => document.fonts.check("16px 'Noto Sans CJK SC'", "规划"));
  await page.screenshot({ path: join(ARTIFACTS, `${name}-top.png`) });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  await page.click("button#lang");
  const english = await page.getByRole("heading", { level: 1 }).locator(".en").isVisible() && !(await page.getByRole("heading", { level: 1 }).locator(".zh").isVisible());
  await page.click("button#lang");
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: A4_CONTENT_PX, height: 1000 });
  const printWidth = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll("svg, table")].map((e) => e.getBoundingClientRect().right)));
  await page.pdf({ path: join(ARTIFACTS, `${name}.pdf`), format: "A4" });
  await page.close();
  return { ...visit, charts, chinese, cjkFont, english, printWidth };
}

describe("report.html in headless Chromium", () => {
  it("Guangdong plan with 1000 draws: charts render offline, in Chinese, and fit A4", async () => {
    const out = join(dir, "gd");
    expect((await runCli(GD, "--draws", "1000", "--workers", "1", "--out", out, "--quiet", "--no-xlsx")).code).toBe(0);
    const r = await openReport(join(out, "report.html"), "report-plan");
    expect(r.errors).toEqual([]);
    expect(r.outside).toEqual([]);
    expect(r.charts).toBeGreaterThanOrEqual(6);
    expect(r.chinese).toBe(true);
    expect(r.cjkFont).toBe(true);
    expect(r.english).toBe(true);
    expect(r.printWidth).toBeLessThanOrEqual(A4_CONTENT_PX);
  }, 240_000);

  it("Guangdong stress report: the same", async () => {
    const out = join(dir, "stress");
    expect((await runCli("stress", GD, "--cut", "government=10%,20%,30%", "--out", out, "--quiet", "--no-xlsx")).code).toBe(0);
    const r = await openReport(join(out, "report.html"), "report-stress");
    expect(r.errors).toEqual([]);
    expect(r.outside).toEqual([]);
    expect(r.charts).toBeGreaterThanOrEqual(6);
    expect(r.chinese).toBe(true);
    expect(r.english).toBe(true);
    expect(r.printWidth).toBeLessThanOrEqual(A4_CONTENT_PX);
  }, 240_000);
});
