// Open an HTML page in headless Chromium and report every diagram label's
// lines as laid out: the text of each line box, found from the position of
// each character (a Range per character), so the check sees what a reader sees.
//
// Usage: node label_lines.mjs /abs/page.html [width_px]  ->  JSON on stdout:
// [{"label": "full text, a newline for each <br>", "lines": ["line 1", "line 2"]}, ...]
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(process.argv[3] || 1280), height: 900 } });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:')
    ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(process.argv[2]).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const labels = await page.$$eval('.vision-diagram-drawing svg .nodeLabel', (elements) => elements.map((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const lines = [];
    let label = '';
    let lastTop = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.nodeName.toLowerCase() === 'br') label += '\n';
        continue;
      }
      label += node.data;
      for (let i = 0; i < node.data.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = [...range.getClientRects()].find((r) => r.width > 0);
        if (!rect) continue; // a space swallowed at a line end
        if (lastTop === null || Math.abs(rect.top - lastTop) > rect.height / 2) {
          lines.push('');
          lastTop = rect.top;
        }
        lines[lines.length - 1] += node.data[i];
      }
    }
    return { label, lines: lines.map((line) => line.trim()).filter(Boolean) };
  }));
  console.log(JSON.stringify(labels));
} finally {
  await browser.close();
}
