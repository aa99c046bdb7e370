// Time from saving a file to the browser showing the change, for bench/preview.py.
//
// Usage: node bench/preview_watch.mjs   (requests as JSON lines on stdin)
// Each request: {"url": ..., "file": ..., "old": ..., "new": ..., "timeout": 60}.
// The page is opened and left to settle, then the edit is saved (old -> new)
// and the page is watched, without reloading it ourselves, until its HTML
// (inline SVG included) holds the new text. One JSON line per request:
// {"ms": 812} or {"ms": null, "error": "..."}.
import fs from 'node:fs';
import readline from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

async function holds(text) {
  try {
    return await page.evaluate((needle) => document.documentElement.outerHTML.includes(needle), text);
  } catch {
    return false; // navigating: the reload the preview started
  }
}

async function measure(request) {
  await page.goto(request.url, { waitUntil: 'load' });
  await page.waitForTimeout(1500); // the live-reload connection is up
  if (await holds(request.new)) return { ms: null, error: 'the page holds the new text already' };
  const source = fs.readFileSync(request.file, 'utf8');
  if (!source.includes(request.old)) return { ms: null, error: 'old text not in the file' };
  const saved = performance.now();
  fs.writeFileSync(request.file, source.replace(request.old, request.new));
  const deadline = saved + (request.timeout || 60) * 1000;
  while (performance.now() < deadline) {
    if (await holds(request.new)) return { ms: Math.round(performance.now() - saved) };
    await new Promise((done) => setTimeout(done, 10));
  }
  return { ms: null, error: 'timed out' };
}

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  console.log(JSON.stringify(await measure(JSON.parse(line))));
}
await browser.close();
