import { chromium } from "playwright-core";
const [html, out, y, h] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const p = await b.newPage({ viewport: { width: 1100, height: 1000 } });
await p.goto("file://" + html);
await p.screenshot({ path: out, clip: { x: 0, y: Number(y), width: 1100, height: Number(h) }, fullPage: true });
await b.close();
