// Open an HTML file from file:// in headless Chromium with every network
// request blocked, and report what a reader sees of its diagrams.
//
// Usage: node show_offline.mjs /abs/page.html  ->  JSON on stdout:
// {"diagrams": [{"label": the figure's name (its caption, or its aria-label), "hidden": the
//   drawing's aria-hidden, "width": px, "height": px, "text": visible labels}],
//  "blocked": [URLs the page tried to fetch from the network]}
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const blocked = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(process.argv[2]).href, { waitUntil: 'load' });
  const diagrams = await page.$$eval('.vision-diagram-drawing svg', (svgs) => svgs.map((svg) => {
    const box = svg.getBoundingClientRect();
    const text = [...svg.querySelectorAll('.nodeLabel, text')]
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => el.textContent.trim()).filter(Boolean);
    const figure = svg.closest('figure');
    const caption = figure.querySelector('figcaption .caption-text');
    return { label: caption ? caption.textContent.trim() : figure.getAttribute('aria-label'),
      hidden: svg.getAttribute('aria-hidden'), role: svg.getAttribute('role'),
      width: box.width, height: box.height, text,
      links: [...svg.querySelectorAll('a')].map((a) => a.getAttribute('href') || a.getAttribute('xlink:href')) };
  }));
  console.log(JSON.stringify({ diagrams, blocked }));
} finally {
  await browser.close();
}
