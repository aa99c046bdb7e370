// The first screen of a page at a phone's and a desktop's size: where each
// part of the front page's block ends, and the PDF links at the top of a page.
// Usage: node first_screen.mjs BASE PAGE  → JSON on stdout.
// boxes: each part's whole box (top, bottom, left, right) and whether it is drawn.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [,, base, page] = process.argv;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const result = {};
for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]]) {
  const tab = await browser.newPage({ viewport: { width, height } });
  await tab.goto(new URL(page, base).href);
  result[name] = await tab.evaluate(() => {
    const bottom = (selector) => [...document.querySelectorAll(selector)]
      .map((element) => Math.round(element.getBoundingClientRect().bottom));
    return {
      height: window.innerHeight,
      lead: bottom('.vision-landing-lead'),
      theme: bottom('.vision-landing-theme'),
      policies: bottom('.vision-landing-policies a'),
      pdfs: bottom('.vision-landing-downloads a, .vision-downloads a'),
      width: window.innerWidth,
      boxes: Object.fromEntries(Object.entries({
        lead: '.vision-landing-lead', theme: '.vision-landing-theme',
        policies: '.vision-landing-policies a', pdfs: '.vision-landing-downloads a',
      }).map(([part, selector]) => [part, [...document.querySelectorAll(selector)].map((element) => {
        const box = element.getBoundingClientRect();
        return { text: element.textContent.trim(), top: box.top, bottom: box.bottom, left: box.left,
                 right: box.right, drawn: box.width > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true }) };
      })])),
      pdfTexts: [...document.querySelectorAll('.vision-landing-downloads a, .vision-downloads a')]
        .map((link) => link.textContent.trim()),
    };
  });
  await tab.close();
}
await browser.close();
process.stdout.write(JSON.stringify(result));
