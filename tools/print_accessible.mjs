// Print a singlehtml build to a tagged A4 PDF with Debian's Chromium: Chromium
// writes the structure tree (H1..H6, P, L/LI, Table, Link, Figure) from the
// page's HTML, and the outline from its headings. Usage:
//   node tools/print_accessible.mjs INDEX.html OUT.pdf
// The page's own print CSS applies (print media); no header or footer is
// added, so there are no running heads to mark as artifacts.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [,, input, out] = process.argv;
if (!input || !out) {
  console.error('usage: node tools/print_accessible.mjs INDEX.html OUT.pdf');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  // The PDF is offline: nothing from another host.
  await page.route(/^https?:/, (route) => route.abort());
  await page.goto(pathToFileURL(path.resolve(input)).href, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.evaluate(() => document.fonts.ready);
  // singlehtml writes a link to another page's target as
  // "#document-PAGE#TARGET": keep "#TARGET"; a link to a
  // page left out of the 本編 (the 概要版) or to the site's other files
  // (索引, 検索) has no target in the PDF and becomes its text.
  await page.evaluate(() => {
    for (const a of document.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href');
      const inner = /^#document-[^#]*#(.+)$/.exec(href);
      // (The 概要版's page holds no goal of the 本編: such a link becomes text too.)
      if (inner && document.getElementById(decodeURIComponent(inner[1]))) {
        a.setAttribute('href', `#${inner[1]}`);
        continue;
      }
      if (/^(https?:|mailto:)/.test(href)) continue;
      if (href.startsWith('#') && document.getElementById(decodeURIComponent(href.slice(1)))) continue;
      // Not drawn as a link either (the theme underlines a cross-reference's span).
      for (const child of a.querySelectorAll('*')) child.style.textDecoration = 'none';
      a.replaceWith(...a.childNodes);
    }
  });
  // A link to a section lands on its heading: a heading kept with the text after
  // it (break-after: avoid) may open the next page while its section starts on
  // this one.
  await page.evaluate(() => {
    for (const a of document.querySelectorAll('a[href^="#"]')) {
      const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
      if (!target || target.tagName !== 'SECTION') continue;
      const heading = target.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6)');
      if (!heading) continue;
      if (!heading.id) heading.id = `${target.id}-heading`;
      a.setAttribute('href', `#${heading.id}`);
    }
  });
  // An object's title (基本的方針, 目指す姿, 意見) is an h2 or h3 written for its
  // own page; in the single page its section's heading is deeper. Per
  // section, the shallowest object title goes one level below the section's
  // heading, and the others keep their distance from it.
  await page.evaluate(() => {
    const level = (heading) => Number(heading.tagName.slice(1));
    const titles = [...document.querySelectorAll('h2.vision-object-title, h3.vision-object-title')];
    const bySection = new Map();
    for (const title of titles) {
      const section = title.closest('section');
      if (!section) continue;
      if (!bySection.has(section)) bySection.set(section, []);
      bySection.get(section).push(title);
    }
    for (const [section, inSection] of bySection) {
      const own = section.querySelector(':scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6');
      if (!own) continue;
      const shallowest = Math.min(...inSection.map(level));
      for (const title of inSection) {
        const wanted = Math.min(6, level(own) + 1 + level(title) - shallowest);
        if (wanted === level(title)) continue;
        const heading = document.createElement(`h${wanted}`);
        for (const attribute of title.attributes) heading.setAttribute(attribute.name, attribute.value);
        heading.append(...title.childNodes);
        title.replaceWith(heading);
      }
    }
  });
  // A diagram's drawing is hidden from assistive technology (aria-hidden) and
  // its text alternative follows it as a list: Chromium writes the figure's
  // accessible name as the Figure's /Alt, so name it with that list's items.
  await page.evaluate(() => {
    for (const figure of document.querySelectorAll('figure.vision-diagram')) {
      const alt = figure.querySelector('.vision-diagram-alt');
      if (!alt || figure.hasAttribute('aria-label')) continue;
      const items = [...alt.querySelectorAll('li')].map((li) => {
        const own = li.querySelector(':scope > p') || li;
        return own.textContent.replace(/\s+/g, ' ').trim();
      });
      const text = items.length ? items.join('。') : alt.textContent.replace(/\s+/g, ' ').trim();
      if (text) figure.setAttribute('aria-label', text);
    }
  });
  // The cover, the 目次 and the 奥付 (vision.print_edition.single_page) each on
  // pages of their own, as in the upLaTeX PDF.
  await page.addStyleTag({ content: `
    /* A heading stays with what follows it (links to its section land on the
       heading, below). */
    :is(h1, h2, h3, h4) { break-after: avoid; }
    h1:has(+ .vision-pdf-cover) { text-align: center; margin-top: 60mm; font-size: 2.4em; }
    .vision-pdf-cover { break-after: page; min-height: 160mm; display: flex; flex-direction: column; text-align: center; }
    .vision-pdf-cover-stage { font-size: 1.6em; margin-top: 0.5em; }
    .vision-pdf-cover-date { margin-top: auto; font-size: 1.3em; }
    .vision-pdf-cover-issuer { font-size: 1.6em; }
    .vision-pdf-contents { break-before: page; break-after: page; }
    .vision-pdf-contents ul { list-style: none; padding-left: 0; }
    .vision-pdf-contents ul ul { padding-left: 2em; }
    .vision-pdf-colophon { break-before: page; padding-top: 150mm; }
    .vision-pdf-colophon-title { font-size: 1.2em; font-weight: bold; border-bottom: 1px solid; }
    .vision-pdf-colophon-fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 2em; }
    .vision-pdf-colophon-fields dd { margin: 0; }
  ` });
  // The matrix's ● says 「対応あり」 to a screen reader in the HTML by a visually
  // hidden text after it, which Chromium does not print (clipped). Print it
  // transparent and tiny: in the PDF's text and structure (the TD reads
  // 「●対応あり」, as the HTML), not seen.
  // In the flow (not absolutely positioned), so that it is painted right after its ●.
  await page.addStyleTag({ content: `.vision-mark-visible + .vision-visually-hidden {
    position: static !important; display: inline-block !important; clip: auto !important;
    width: 0 !important; height: 0 !important; margin: 0 !important; overflow: visible !important;
    vertical-align: top !important; color: transparent !important; font-size: 2px !important; }` });
  await page.pdf({
    path: out, format: 'A4', tagged: true, outline: true, printBackground: true,
    displayHeaderFooter: false, margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' },
  });
} finally {
  await browser.close();
}
