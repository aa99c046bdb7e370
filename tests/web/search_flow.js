/*
 * A resident's search, from the search page to the page a hit opens
 * (issue 29). Reports, as JSON on stdout, per viewport ("desktop" 1280 x 800,
 * "phone" 390 x 844) and per query of job.hits:
 *   summary  - the line under the results (its count);
 *   hits     - each hit's link, title and excerpt, in order;
 *   opened   - after clicking job.open[query] (a hit's href, or the first
 *              hit): the address, the marks (span.highlighted) in the main
 *              content, and the box of the mark in view with the sticky
 *              header's bottom and the viewport's height, and axe's
 *              violations there (the marks and 「検索結果を隠す」 shown);
 * and per query of job.none (no hit): summary, the suggestion's text and
 * link, and axe's violations on that page.
 * Input (stdin): {"base": "...", "hits": ["商店街"], "open": {"商店街": "opinions.html"},
 *                 "none": ["しょうてんかい"]}.
 */
"use strict";

const { chromium } = require("playwright-core");

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const VIEWS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const finished = (page) =>
  page.waitForFunction(() => {
    const summary = document.querySelector("#search-results .search-summary");
    if (!summary || !summary.textContent.trim()) return false;
    const items = [...document.querySelectorAll("#search-results ul.search > li")];
    // Excerpts are fetched one by one; give each a moment to arrive.
    return items.every((li) => li.querySelector("p.context")) || Date.now() - window.__visionStart > 4000;
  }, null, { timeout: 15000 });

async function runAxe(page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: "tag", values: tags }, resultTypes: ["violations"],
  }), AXE_TAGS);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3)}`);
}

async function searchFor(page, base, query) {
  await page.goto(`${base}search.html?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
  await page.evaluate(() => (window.__visionStart = Date.now()));
  await finished(page);
  return page.evaluate(() => ({
    summary: document.querySelector("#search-results .search-summary").textContent.trim(),
    hits: [...document.querySelectorAll("#search-results ul.search > li")].map((li) => ({
      href: li.querySelector("a").getAttribute("href"),
      title: li.querySelector("a").textContent,
      excerpt: li.querySelector("p.context")?.textContent ?? null,
    })),
    suggestion: (() => {
      const line = document.querySelector(".vision-search-suggestion");
      return line && { text: line.textContent, href: line.querySelector("a").getAttribute("href") };
    })(),
  }));
}

async function opened(page) {
  await page.waitForLoadState("load");
  await page.waitForTimeout(400);
  return page.evaluate(() => {
    const main = document.querySelector('[role="main"]');
    const marks = [...main.querySelectorAll("span.highlighted")];
    const header = document.querySelector(".bd-header").getBoundingClientRect().bottom;
    const inView = marks.find((m) => {
      const box = m.getBoundingClientRect();
      return box.top >= header && box.bottom <= window.innerHeight;
    });
    const first = inView ?? marks[0];
    const box = first?.getBoundingClientRect();
    return {
      address: location.pathname.split("/").pop() + location.hash,
      marks: marks.map((m) => m.textContent),
      box: box ? { top: box.top, bottom: box.bottom } : null,
      header, height: window.innerHeight, scrollY: window.scrollY,
    };
  });
}

(async () => {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const job = JSON.parse(input);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  const report = {};
  try {
    for (const [view, options] of Object.entries(VIEWS)) {
      const page = await browser.newPage(options);
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      const seen = (report[view] = { hits: {}, none: {}, errors });
      for (const query of job.hits) {
        const found = await searchFor(page, job.base, query);
        const wanted = job.open?.[query];
        const link = wanted
          ? page.locator(`#search-results ul.search > li > a[href="${wanted}"]`).first()
          : page.locator("#search-results ul.search > li > a").first();
        await Promise.all([page.waitForURL((url) => !url.pathname.endsWith("search.html")), link.click()]);
        found.opened = await opened(page);
        found.opened.axe = await runAxe(page);
        seen.hits[query] = found;
      }
      for (const query of job.none) {
        const found = await searchFor(page, job.base, query);
        found.axe = await runAxe(page);
        seen.none[query] = found;
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch((error) => {
  process.stderr.write(String(error.stack || error));
  process.exit(1);
});
