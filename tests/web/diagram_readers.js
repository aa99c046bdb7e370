/*
 * The diagrams as each reader meets them (issue 29, issue 22), in Debian's
 * Chromium over a locally served site. Reports, as JSON on stdout, per page:
 *   figures  - per figure at 1280 px: its accessibility tree (Playwright's
 *              ARIA snapshot), the drawing's labels (each box's text), the
 *              text alternative's items, the attributes assistive technology
 *              reads on the drawing, and every Tab stop inside it with its
 *              own ARIA snapshot (role and name);
 *   revealed - with keyboard focus on the first link of each text alternative:
 *              its text-align and how far each item's text starts from the
 *              list's left edge (CSS px);
 *   views    - at 1280 px, on a 390 px phone and at 200 % zoom (640 CSS px at
 *              device scale 2): each drawing's box, whether it is displayed,
 *              its 「図を拡大」 link's box and href, and the page's scrollWidth;
 *   enlarged - each 「図を拡大」 target opened: its HTTP status, the SVG's size
 *              and its viewBox;
 *   shots    - each drawing's screenshot in light and in dark mode (PNG files);
 *   printed  - the page's text as the screen shows it (1280 px, screen media,
 *              navigation left out, as print leaves it out) and printed to A4
 *              with print media at each of job.margins (PDF files).
 * Input (stdin): {"base": URL, "pages": [...], "outDir": "...", "margins": ["10mm", "20mm"]}.
 */
"use strict";

const { chromium } = require("playwright-core");
const path = require("path");

const CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const VIEWS = {
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
  zoom200: { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
};
/* What print hides (vision-residents.css): left out of the screen's text too. */
const NAVIGATION = [".skip-link", ".bd-header", ".bd-header-announcement", ".bd-sidebar-primary",
  ".bd-sidebar-secondary", ".bd-footer", ".bd-footer-article", ".header-article-items",
  ".prev-next-area", ".bd-search", "#pst-back-to-top", ".headerlink"];

const readStdin = async () => {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return JSON.parse(data);
};

const fileName = (page) => page.replace(/[^A-Za-z0-9]+/g, "_");

async function open(page, url) {
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
}

async function describeFigures(page) {
  const figures = [];
  for (const figure of await page.locator("figure.vision-diagram").all()) {
    const facts = await figure.evaluate((el) => {
      const svg = el.querySelector(".vision-diagram-drawing svg");
      const attributes = {};
      if (svg) for (const name of ["role", "aria-label", "aria-roledescription", "aria-hidden", "tabindex"])
        if (svg.hasAttribute(name)) attributes[name] = svg.getAttribute(name);
      const roleDescriptions = [...el.querySelectorAll("[aria-roledescription]")]
        .map((n) => n.getAttribute("aria-roledescription"));
      return {
        id: el.id,
        caption: el.querySelector("figcaption")?.textContent.trim() ?? null,
        svg: attributes,
        roleDescriptions,
        labels: svg ? [...svg.querySelectorAll(".nodeLabel, .cluster-label")]
          .map((n) => n.textContent.trim()).filter(Boolean) : [],
        alternative: [...el.querySelectorAll(".vision-diagram-text li > p, .vision-diagram-text > .vision-diagram-alt > p")]
          .map((n) => n.textContent.trim()),
      };
    });
    facts.aria = await figure.ariaSnapshot();
    figures.push(facts);
  }
  return figures;
}

/* Tab through the page; every stop inside a figure, as the accessibility tree names it. */
async function tabStops(page) {
  const stops = [];
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return "end";
      return el.closest("figure.vision-diagram") ? "figure" : "outside";
    });
    if (inside === "end") break;
    if (inside === "figure") {
      const focused = page.locator(":focus");
      stops.push({ tag: await focused.evaluate((el) => el.tagName.toLowerCase()),
        aria: await focused.ariaSnapshot() });
    }
    if (stops.length > 200) break;
  }
  return stops;
}

async function revealed(page) {
  const lists = [];
  for (const text of await page.locator("figure.vision-diagram .vision-diagram-text").all()) {
    const link = text.locator("a").first();
    if (!(await link.count())) continue;
    await link.focus();
    lists.push(await text.evaluate((el) => {
      const list = el.querySelector("ul, ol");
      const left = list.getBoundingClientRect().left;
      return {
        textAlign: getComputedStyle(el).textAlign,
        width: el.getBoundingClientRect().width,
        starts: [...list.querySelectorAll(":scope > li > p")].map((p) => {
          const range = document.createRange();
          range.selectNodeContents(p);
          return range.getClientRects()[0].left - left;
        }),
      };
    }));
  }
  return lists;
}

async function views(browser, url) {
  const seen = {};
  for (const [name, options] of Object.entries(VIEWS)) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await open(page, url);
    seen[name] = await page.evaluate(() => ({
      width: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      drawings: [...document.querySelectorAll("figure.vision-diagram .vision-diagram-drawing")].map((d) => {
        const svg = d.querySelector("svg").getBoundingClientRect();
        const link = d.querySelector(".vision-diagram-enlarge a");
        const box = link?.getBoundingClientRect();
        return {
          displayed: d.querySelector("svg").checkVisibility(),
          left: svg.left, right: svg.right, width: svg.width, height: svg.height,
          link: link ? { text: link.textContent.trim(), href: link.href, width: box.width,
            height: box.height, displayed: link.checkVisibility() } : null,
        };
      }),
    }));
    await context.close();
  }
  return seen;
}

async function enlarged(browser, hrefs) {
  const page = await browser.newPage();
  const seen = {};
  for (const href of hrefs) {
    const response = await page.goto(href, { waitUntil: "load" });
    seen[href] = { status: response.status(), type: response.headers()["content-type"],
      ...(await page.evaluate(() => {
        const svg = document.documentElement;
        const box = svg.getBoundingClientRect();
        return { root: svg.localName, width: box.width, height: box.height,
          viewBox: svg.getAttribute("viewBox"), title: svg.querySelector("title")?.textContent ?? null,
          links: svg.querySelectorAll("a").length };
      })) };
  }
  await page.close();
  return seen;
}

async function shots(browser, url, outDir, name) {
  const files = {};
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ ...VIEWS.desktop, colorScheme: scheme });
    const page = await context.newPage();
    await open(page, url);
    files[scheme] = {
      theme: await page.evaluate(() => document.documentElement.dataset.theme),
      files: [],
    };
    let index = 0;
    for (const svg of await page.locator("figure.vision-diagram .vision-diagram-drawing svg").all()) {
      const file = path.join(outDir, `${name}-${scheme}-${index++}.png`);
      await svg.screenshot({ path: file });
      files[scheme].files.push(file);
    }
    await context.close();
  }
  return files;
}

async function printed(browser, url, outDir, name, margins) {
  const page = await browser.newPage({ viewport: VIEWS.desktop.viewport });
  await open(page, url);
  const result = { print: {} };
  await page.emulateMedia({ media: "screen" });
  await page.addStyleTag({ content: `${NAVIGATION.join(", ")} { display: none !important; }` });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  result.screen = path.join(outDir, `${name}-screen.pdf`);
  await page.pdf({ path: result.screen, width: "1280px", height: `${height + 100}px`,
    margin: { top: "0", right: "0", bottom: "0", left: "0" } });
  await open(page, url);
  await page.emulateMedia({ media: "print" });
  for (const margin of margins) {
    const file = path.join(outDir, `${name}-print-${margin}.pdf`);
    await page.pdf({ path: file, format: "A4", margin: { top: margin, right: margin, bottom: margin, left: margin } });
    result.print[margin] = file;
  }
  await page.close();
  return result;
}

(async () => {
  const job = await readStdin();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  const report = {};
  try {
    for (const pagePath of job.pages) {
      const url = job.base + pagePath;
      const name = fileName(pagePath);
      const page = await browser.newPage({ viewport: VIEWS.desktop.viewport });
      await open(page, url);
      const entry = { figures: await describeFigures(page), tabStops: await tabStops(page) };
      await open(page, url);
      entry.revealed = await revealed(page);
      await page.close();
      entry.views = await views(browser, url);
      const hrefs = [...new Set(Object.values(entry.views).flatMap((v) => v.drawings)
        .map((d) => d.link?.href).filter(Boolean))];
      entry.enlarged = await enlarged(browser, hrefs);
      entry.shots = await shots(browser, url, job.outDir, name);
      entry.printed = await printed(browser, url, job.outDir, name, job.margins);
      report[pagePath] = entry;
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
