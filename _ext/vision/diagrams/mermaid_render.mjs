// Render many mermaid diagrams in ONE headless Chromium session and one page.
//
// Usage: node mermaid_render.mjs REQUEST.json
//        node mermaid_render.mjs --serve   (requests as JSON lines on stdin; see serve())
// REQUEST.json: {"chromium": "/usr/bin/chromium", "mermaid": "/abs/mermaid.min.js",
//                "mermaidConfig": {...},
//                "jobs": [{"source": "...", "format": "svg"|"pdf", "svgId": "...",
//                          "output": "/abs/path"}]}
// Each job's output is written to its path; stdout gets one JSON line when the
// page is ready, {"ready": true, "ms": 1234}, then one per job:
// {"output": ..., "ok": true, "ms": 123} or {"output": ..., "ok": false, "error": "..."}.
// A broken diagram does not stop the others. The exit status is not 0 only when
// the browser itself could not start.
//
// mermaid's bundle is loaded once and every diagram is drawn in the same page,
// so a diagram costs a render, not a browser start and a module load as with
// one `mmdc` per diagram. PDF output is Chromium's print of the drawn SVG at
// the SVG's own size: vector graphics with the fonts embedded.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer';

// Chromium as root in a container: no sandbox, no GPU, and no traffic of its own.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--font-render-hinting=none',
];

const PAGE = '<!doctype html><html><head><meta charset="utf-8"></head>'
  + '<body style="margin:0;background:transparent"><div id="container"></div></body></html>';

/** Draw one diagram in the page; resolves to the SVG as XML, or throws mermaid's error. */
async function draw(page, job) {
  return page.evaluate(async ({ source, svgId }) => {
    const container = document.getElementById('container');
    container.innerHTML = '';
    // A fresh state per diagram: the same text gives the same ids and bytes,
    // whatever was drawn before it in this session.
    mermaid.mermaidAPI.reset?.();
    try {
      const { svg } = await mermaid.render(svgId, source);
      container.innerHTML = svg;
    } finally {
      // mermaid leaves its scratch element behind when parsing fails.
      document.getElementById(`d${svgId}`)?.remove();
    }
    // SVG with HTML labels (<br> in foreignObject) must be serialised as XML.
    return new XMLSerializer().serializeToString(container.querySelector('svg'));
  }, job);
}

/** Print the drawn SVG on a page of its own size. */
async function printPdf(page) {
  const box = await page.$eval('#container svg', (svg) => {
    const rect = svg.getBoundingClientRect();
    return { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
  });
  // No page background: the draft's watermark, under the page, shows through.
  return page.pdf({ width: `${box.width}px`, height: `${box.height}px`, pageRanges: '1-1',
    printBackground: true, omitBackground: true });
}

/** Start the browser and load mermaid into one page; returns {browser, page, profile}. */
async function openPage(request) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vision-mermaid-'));
  const browser = await puppeteer.launch({
    executablePath: request.chromium, headless: true, args: CHROMIUM_ARGS, userDataDir: profile,
  });
  const page = await browser.newPage();
  await page.setContent(PAGE);
  await page.addScriptTag({ path: request.mermaid });
  await page.evaluate(async (config) => {
    mermaid.initialize({ startOnLoad: false, ...config });
    await document.fonts.ready;
  }, request.mermaidConfig);
  return { browser, page, profile };
}

async function closePage(session) {
  await session.browser.close();
  fs.rmSync(session.profile, { recursive: true, force: true });
}

/** Draw every job of a request, reporting each on stdout. */
async function drawJobs(page, jobs) {
  for (const job of jobs) {
    const started = Date.now();
    try {
      const svg = await draw(page, job);
      const data = job.format === 'pdf' ? await printPdf(page) : svg;
      fs.mkdirSync(path.dirname(job.output), { recursive: true });
      const partial = `${job.output}.${process.pid}.part`;
      fs.writeFileSync(partial, data);
      fs.renameSync(partial, job.output);
      console.log(JSON.stringify({ output: job.output, ok: true, ms: Date.now() - started }));
    } catch (error) {
      const message = (error && error.message) || String(error);
      console.log(JSON.stringify({ output: job.output, ok: false, error: message }));
    }
  }
}

/** --serve: one request per line on stdin, the browser kept open between them.
 * Each request's reports end with {"done": true}. Used by the editors' preview. */
async function serve() {
  const sessions = new Map(); // same browser and settings -> open page
  const lines = (await import('node:readline')).createInterface({ input: process.stdin });
  try {
    for await (const line of lines) {
      if (!line.trim()) continue;
      const request = JSON.parse(line);
      const key = JSON.stringify([request.chromium, request.mermaid, request.mermaidConfig]);
      const launched = Date.now();
      if (!sessions.has(key)) sessions.set(key, await openPage(request));
      console.log(JSON.stringify({ ready: true, ms: Date.now() - launched }));
      await drawJobs(sessions.get(key).page, request.jobs);
      console.log(JSON.stringify({ done: true }));
    }
  } finally {
    for (const session of sessions.values()) await closePage(session);
  }
}

if (process.argv[2] === '--serve') {
  await serve();
} else {
  const launched = Date.now();
  const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const session = await openPage(request);
  try {
    console.log(JSON.stringify({ ready: true, ms: Date.now() - launched }));
    await drawJobs(session.page, request.jobs);
  } finally {
    await closePage(session);
  }
}
