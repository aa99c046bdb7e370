/*
 * The page-weight bench's browser half (bench/page_weight.py serves the site
 * and counts what it served; this records what the page asked for).
 * Input (stdin): {"base": "...", "visits": [["theme.html", "structure.html"], ...]}:
 * each visit opens its first page with an empty cache, then its next pages in
 * the same browser context (the cache kept), as a resident following links.
 * Output (stdout): per visit and page, every request: url, status, bytes of
 * the body, whether it was served from the browser's cache, and whether it
 * went to another host (which does not resolve).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

// No host but the bench's own resolves (request interception would switch
// the browser's cache off, and the next load is measured with it).
const FLAGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let input = "";
for await (const chunk of process.stdin) input += chunk;
const job = JSON.parse(input);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
const report = [];
try {
  for (const visit of job.visits) {
    const context = await browser.newContext({ viewport: job.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const loads = [];
    for (const path of visit) {
      const requests = new Map();
      const onSent = (e) => !e.request.url.startsWith("data:") && requests.set(e.requestId, { url: e.request.url, cached: false, bytes: 0, status: 0 });
      const onCache = (e) => { const r = requests.get(e.requestId); if (r) r.cached = true; };
      const onResponse = (e) => {
        const r = requests.get(e.requestId);
        if (!r) return;
        r.status = e.response.status;
        r.cached ||= Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache);
      };
      const onData = (e) => { const r = requests.get(e.requestId); if (r) r.bytes += e.dataLength; };
      const onFailed = (e) => { const r = requests.get(e.requestId); if (r) r.failed = e.errorText; };
      cdp.on("Network.requestWillBeSent", onSent);
      cdp.on("Network.requestServedFromCache", onCache);
      cdp.on("Network.responseReceived", onResponse);
      cdp.on("Network.dataReceived", onData);
      cdp.on("Network.loadingFailed", onFailed);
      await page.goto(job.base + path, { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
      // Chromium writes a response into its disk cache after the response
      // ends; on a loaded machine the next page's request for the same file
      // could come first and be fetched again (seen once in CI: 2 fetches).
      await page.waitForTimeout(500);
      if (job.searchDialog) {
        // What opening the search dialog (Ctrl+K) asks for.
        await page.keyboard.press("Control+k");
        await page.waitForLoadState("networkidle");
        await page.keyboard.press("Escape");
      }
      cdp.off("Network.requestWillBeSent", onSent);
      cdp.off("Network.requestServedFromCache", onCache);
      cdp.off("Network.responseReceived", onResponse);
      cdp.off("Network.dataReceived", onData);
      cdp.off("Network.loadingFailed", onFailed);
      loads.push({ page: path, requests: [...requests.values()].map((r) => ({
        ...r, foreign: new URL(r.url).host !== new URL(job.base).host && !r.url.startsWith("data:"),
      })) });
    }
    report.push(loads);
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
