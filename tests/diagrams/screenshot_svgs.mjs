// Screenshot the first SVG of each HTML file, opened from file:// in headless Chromium.
//
// Usage: node screenshot_svgs.mjs /abs/a.html /abs/b.html ...  ->  writes a.png, b.png
// beside each file.
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const file of process.argv.slice(2)) {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.locator('svg').first().screenshot({ path: file.replace(/\.html$/, '.png') });
  }
} finally {
  await browser.close();
}
