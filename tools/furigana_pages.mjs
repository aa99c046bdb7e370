// The ふりがな a reader sees on each page of a built site (tools/furigana_accuracy.py).
// Usage: node tools/furigana_pages.mjs BASE_URL PAGE... ; prints JSON
//   {page: [[text, reading or null], ...]}: the text of the page's article and
//   「このページの情報」 in order, each piece under one <ruby> with its reading.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [,, base, ...pages] = process.argv;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext();
// ふりがな on, as a reader who turned it on on an earlier page.
await context.addInitScript(() => localStorage.setItem('vision-furigana', 'on'));
const page = await context.newPage();
const found = {};
for (const path of pages) {
  await page.goto(new URL(path, base).href, { waitUntil: 'load' });
  await page.waitForSelector('ruby.vision-furigana', { timeout: 5000 }).catch(() => {});
  found[path] = await page.evaluate(() => {
    const pieces = [];
    for (const area of document.querySelectorAll('article.bd-article, .vision-page-info')) {
      const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent.closest('rt, script, style, svg')) continue;
        const ruby = parent.closest('ruby.vision-furigana');
        pieces.push([node.data, ruby ? ruby.querySelector('rt').textContent : null]);
      }
    }
    return pieces;
  });
}
await browser.close();
process.stdout.write(JSON.stringify(found));
