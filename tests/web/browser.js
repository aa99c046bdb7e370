/*
 * Drives Debian's Chromium (playwright-core) over a locally served site and
 * reports, as JSON on stdout, what the tests in this directory assert:
 *   offline  - requests to another host (aborted) and failed requests, per page;
 *   console  - errors the page logs or throws while it loads, per page;
 *   axe      - axe-core WCAG 2.0/2.1/2.2 A and AA violations, per page;
 *   axeDark  - the same with the reader's system in dark mode (the theme follows it);
 *   phone    - axe on a 390 x 844 phone, light and dark, and the page's
 *              scrollWidth and the matrix's form at 320 CSS px (reflow), per page;
 *   printed  - each page printed to PDF by Chromium (print media, A4) into job.pdfDir;
 *   print    - which navigation stays visible under print media, per page;
 *   focus    - the skip link's box and outline once focused by Tab;
 *   search   - the result list of the site's own search page, per query, and
 *              searchSummary - the line it shows under the results, per query;
 *   layout   - at 1280 px, per page: the matrix's form and box, the body text's first
 *              font and its widest paragraph in em, headings' and dates'
 *              line breaking; and the page's scrollWidth at 200 % zoom.
 * Input (stdin): {"base": "http://127.0.0.1:PORT/", "pages": [...], "pdfDir": "...",
 *   "queries": [...], "checks": ["pages", "dark", "phone", "printed", "focus", "search", "layout"]}.
 * One browser, one page object, for everything: fast enough for every page.
 */
"use strict";

const { chromium } = require("playwright-core");

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const PHONE = { width: 390, height: 844 };
const NARROWEST = { width: 320, height: 700 };
const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const VIEWPORT = { width: 1280, height: 900 };
const PARALLEL_PAGES = 2;
const NAVIGATION = [
  ".skip-link", ".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary",
  ".prev-next-area", ".bd-footer", ".header-article-items",
];

const readStdin = async () => {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return JSON.parse(data);
};

const visit = async (page, url) => {
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
};

/* One visit per page: its requests, then axe, then print media. Pages are
 * checked a few at a time: most of a visit is waiting for the network to idle. */
async function checkPages(browser, base, pages, report) {
  const queue = [...pages];
  const worker = async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    for (let path = queue.shift(); path !== undefined; path = queue.shift())
      await checkPage(page, base, path, report);
    await page.close();
  };
  await Promise.all(Array.from({ length: PARALLEL_PAGES }, worker));
}

async function runAxe(page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(
    (tags) =>
      window.axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    AXE_TAGS,
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
}

async function checkPage(page, base, path, report) {
  const foreign = [];
  const failed = [];
  const errors = [];
  const onConsole = (message) => {
    if (message.type() === "error") errors.push(message.text());
  };
  const onPageError = (error) => errors.push(String(error));
  const onFailed = (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`);
  const onResponse = (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} (HTTP ${response.status()})`);
  };
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === new URL(base).host || url.protocol === "data:" || url.protocol === "blob:")
      return route.continue();
    foreign.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  page.on("requestfailed", onFailed);
  page.on("response", onResponse);
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  await visit(page, base + path);
  page.off("requestfailed", onFailed);
  page.off("response", onResponse);
  page.off("console", onConsole);
  page.off("pageerror", onPageError);
  report.console[path] = errors;
  await page.unroute("**/*");
  report.offline[path] = {
    foreign,
    failed: failed.filter((f) => !foreign.some((url) => f.startsWith(url))),
  };

  report.axe[path] = await runAxe(page);

  await page.emulateMedia({ media: "print" });
  report.print[path] = await page.evaluate((selectors) => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    const main = document.querySelector("main, [role=main]");
    return {
      visibleNavigation: selectors.filter((s) => [...document.querySelectorAll(s)].some(shown)),
      mainText: main && shown(main) ? main.innerText.trim().length : 0,
    };
  }, NAVIGATION);
  await page.emulateMedia({ media: "screen" });
}

/* axe again with the system in dark mode, which the theme follows. */
async function checkDark(browser, base, pages, report) {
  const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: "dark" });
  for (const path of pages) {
    await visit(page, base + path);
    report[path] = await runAxe(page);
  }
  await page.close();
}

/* Which form of the opinions × goals matrix a reader sees: the table, the list per opinion. */
const matrixShown = () => {
  const shown = (selector) =>
    [...document.querySelectorAll(selector)].some((el) => el.getClientRects().length > 0);
  return { table: shown("table.vision-matrix-table"), list: shown(".vision-matrix-phone") };
};

/* A phone: axe in light and dark mode, then the narrowest width WCAG 1.4.10 names. */
async function checkPhone(browser, base, pages, report) {
  for (const colorScheme of ["light", "dark"]) {
    const page = await browser.newPage({ viewport: PHONE, colorScheme, isMobile: true, hasTouch: true });
    for (const path of pages) {
      await visit(page, base + path);
      (report[path] ??= {})[colorScheme] = await runAxe(page);
    }
    await page.close();
  }
  const page = await browser.newPage({ viewport: NARROWEST });
  for (const path of pages) {
    await visit(page, base + path);
    report[path].scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    report[path].matrixShown = await page.evaluate(matrixShown);
  }
  await page.close();
}

/* What a reader sees of the typography and the matrix on a desktop, then
 * the page zoomed to 200 %: the browser's zoom (1280 px at twice the size is
 * a 640 CSS px viewport at device scale 2) and text-only zoom (the root's
 * font size doubled, as a reader's larger default text does). */
async function checkLayout(browser, base, pages, report) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  for (const path of pages) {
    await visit(page, base + path);
    report[path] = { matrixShown: await page.evaluate(matrixShown) };
    Object.assign(report[path], await page.evaluate(() => {
      const article = document.querySelector(".bd-article");
      const em = (el) => el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize);
      const paragraphs = article ? [...article.querySelectorAll("section p")] : [];
      // Each visible character of an element with its box on the page.
      const range = document.createRange();
      function* characterBoxes(el) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.length; i++) {
            if (/\s/.test(node.data[i])) continue;
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getClientRects()[0];
            if (box && box.width) yield { node, i, box };
          }
        }
      }
      // The most characters on one rendered line of a paragraph: each
      // character's box, grouped by its line's top.
      const longestLine = (el) => {
        const lines = new Map();
        for (const { box } of characterBoxes(el))
          lines.set(Math.round(box.top), (lines.get(Math.round(box.top)) ?? 0) + 1);
        return Math.max(0, ...lines.values());
      };
      // Kinsoku: every wrapped line of the article's text blocks whose first
      // character may not start a line (small kana, ー, closing punctuation).
      const NO_LINE_START = /[ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶー、。，．・：；？！）」』】〕〉》”’]/u;
      const badLineStarts = [];
      const blocks = article ? article.querySelectorAll(
        "p, th, caption, dt, h1, h2, h3, h4, h5, h6, td:not(:has(p)), li:not(:has(p)), dd:not(:has(p))") : [];
      for (const block of blocks) {
        let previous = null;
        for (const { node, i, box } of characterBoxes(block)) {
          if (previous && box.top > previous.top + previous.height / 2 && NO_LINE_START.test(node.data[i]))
            badLineStarts.push(node.data.slice(Math.max(0, i - 6), i) + "/" + node.data.slice(i, i + 6));
          previous = box;
        }
      }
      const longest = [...paragraphs].sort((a, b) => b.textContent.length - a.textContent.length)[0];
      return {
        badLineStarts,
        longestParagraphLine: longest ? longestLine(longest) : 0,
        matrices: [...document.querySelectorAll("table.vision-matrix-table")].map((table) => {
          const box = table.closest(".pst-scrollable-table-container") ?? table;
          return {
            scrollWidth: box.scrollWidth, clientWidth: box.clientWidth,
            tableWidth: table.getBoundingClientRect().width,
          };
        }),
        bodyFont: article ? getComputedStyle(article.querySelector("p") ?? article).fontFamily : null,
        widestParagraphEm: Math.max(0, ...paragraphs.map(em)),
        paragraphs: paragraphs.length,
        headings: [...document.querySelectorAll(".bd-article h1, .bd-article h2, .bd-article h3, .bd-article h4, .bd-article h5, .bd-article h6")].map(
          (h) => getComputedStyle(h).wordBreak),
        dates: [...document.querySelectorAll(".vision-date")].map((date) => ({
          text: date.textContent, whiteSpace: getComputedStyle(date).whiteSpace,
          lines: date.getClientRects().length,
        })),
      };
    }));
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    report[path].textZoomScrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  }
  await page.close();
  const zoomed = await browser.newPage({ viewport: { width: VIEWPORT.width / 2, height: VIEWPORT.height / 2 },
    deviceScaleFactor: 2 });
  for (const path of pages) {
    await visit(zoomed, base + path);
    report[path].zoomScrollWidth = await zoomed.evaluate(() => document.documentElement.scrollWidth);
  }
  await zoomed.close();
}

/* Print each page as a reader would from the browser: A4, print media. */
async function printPages(browser, base, pages, pdfDir, report) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  for (const [index, path] of pages.entries()) {
    await visit(page, base + path);
    await page.emulateMedia({ media: "print" });
    const file = `${pdfDir}/${index}.pdf`;
    await page.pdf({ path: file, format: "A4", printBackground: false });
    report[path] = file;
  }
  await page.close();
}

/* Tab once from the top of the first page: the skip link, shown and ringed. */
async function checkFocus(page, base, pages, report) {
  await visit(page, base + pages[0]);
  await page.keyboard.press("Tab");
  // The theme slides the skip link in; wait for it to arrive.
  await page
    .waitForFunction(() => document.activeElement.getBoundingClientRect().top >= 0, null, { timeout: 3000 })
    .catch(() => {});
  report.page = pages[0];
  Object.assign(report, await page.evaluate(() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      href: el.getAttribute("href"),
      text: el.textContent.trim(),
      box: { top: box.top, left: box.left, width: box.width, height: box.height },
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
    };
  }));
}

/* The search page's own code path (Search.init calls performSearch with ?q=),
 * one query after another on the same page. */
async function search(page, base, queries, hits, summaries) {
  await page.goto(`${base}search.html`, { waitUntil: "load" });
  for (const query of queries) {
    hits[query] = await page.evaluate(async (q) => {
      document.getElementById("search-results").replaceChildren();
      Search.performSearch(q);
      const finished = () => document.querySelector("#search-results .search-summary").textContent;
      for (let waited = 0; !finished(); waited += 10) {
        if (waited > 10000) throw new Error(`search for ${q} did not finish`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return [...document.querySelectorAll("#search-results ul.search > li")].map((li) => ({
        kind: [...li.classList].find((c) => c.startsWith("kind-"))?.slice(5),
        href: li.querySelector("a").getAttribute("href"),
        title: li.querySelector("a").textContent,
      }));
    }, query);
    summaries[query] = await page.evaluate(
      () => document.querySelector("#search-results .search-summary").textContent.trim());
  }
}

(async () => {
  const job = await readStdin();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  const report = {};
  try {
    if (job.checks.includes("pages")) {
      Object.assign(report, { offline: {}, console: {}, axe: {}, print: {} });
      await checkPages(browser, job.base, job.pages, report);
    }
    if (job.checks.includes("dark")) await checkDark(browser, job.base, job.pages, (report.axeDark = {}));
    if (job.checks.includes("phone")) await checkPhone(browser, job.base, job.pages, (report.phone = {}));
    if (job.checks.includes("printed"))
      await printPages(browser, job.base, job.pages, job.pdfDir, (report.printed = {}));
    const page = await browser.newPage({ viewport: VIEWPORT });
    if (job.checks.includes("focus")) await checkFocus(page, job.base, job.pages, (report.focus = {}));
    if (job.checks.includes("search")) 
      await search(page, job.base, job.queries, (report.search = {}), (report.searchSummary = {}));
    if (job.checks.includes("layout")) await checkLayout(browser, job.base, job.pages, (report.layout = {}));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch((error) => {
  process.stderr.write(String(error.stack || error));
  process.exit(1);
});
