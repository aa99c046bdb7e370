// Print a page as a browser's print dialog does with the default settings:
// the page's own @page size and margins. Usage: node print_page.mjs URL OUT.pdf
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [,, url, out] = process.argv;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto(url);
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
await browser.close();
