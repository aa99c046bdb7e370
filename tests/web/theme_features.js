/*
 * The theme's features a resident uses, once the theme is trimmed
 * (vision.web.lean_theme: no bootstrap.js, no FontAwesome, the search's
 * scripts only on the search page). Reports, as JSON on stdout, for one page:
 *   errors      - console errors and exceptions while using it;
 *   skipLink    - the first Tab stop's text;
 *   dialog      - after Ctrl+K: the dialog is open and its field has focus;
 *                 then the address after typing a query and Enter;
 *   collapse    - the sidebar button: aria-expanded after a click, the sidebar's
 *                 width before and after, the tooltip shown on hover when collapsed;
 *   backToTop   - the button shown after scrolling down then up, scrollY after a click;
 *   dark        - with the system in dark mode: data-theme and the body's background;
 *   phone       - at 390 px: the menu button opens the sidebar dialog;
 *   icons       - every <i class="fa-…"> with its drawn mask (none without).
 * Input (stdin): {"base": "...", "page": "theme.html", "query": "商店街"}.
 */
"use strict";

const { chromium } = require("playwright-core");

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

(async () => {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const job = JSON.parse(input);
  const url = job.base + job.page;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  const report = { errors: [] };
  const watch = (page) => {
    page.on("console", (m) => m.type() === "error" && report.errors.push(m.text()));
    page.on("pageerror", (e) => report.errors.push(String(e)));
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watch(page);
    await page.goto(url, { waitUntil: "networkidle" });
    report.icons = await page.evaluate(() => [...document.querySelectorAll("i[class*='fa-']")].map((i) => ({
      class: i.className, mask: getComputedStyle(i).maskImage !== "none",
      width: i.getBoundingClientRect().width,
    })));
    await page.keyboard.press("Tab");
    report.skipLink = await page.evaluate(() => document.activeElement.textContent.trim());

    const sidebarWidth = () => page.evaluate(() => document.getElementById("pst-primary-sidebar").getBoundingClientRect().width);
    const button = page.locator("#pst-collapse-sidebar-button");
    const before = await sidebarWidth();
    await button.click();
    await page.waitForTimeout(600);
    const after = await sidebarWidth();
    await page.mouse.move(0, 0);
    await button.hover();
    await page.waitForTimeout(200);
    report.collapse = {
      expanded: await button.getAttribute("aria-expanded"), before, after,
      tooltip: await page.evaluate(() => document.querySelector("[role=tooltip]")?.textContent ?? null),
    };
    await button.click();
    await page.waitForTimeout(600);

    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(300);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    const shown = await page.locator("#pst-back-to-top").isVisible();
    if (shown) await page.locator("#pst-back-to-top").click();
    await page.waitForTimeout(300);
    report.backToTop = { shown, scrollY: await page.evaluate(() => window.scrollY) };

    await page.keyboard.press("Control+k");
    await page.waitForTimeout(200);
    report.dialog = await page.evaluate(() => {
      const dialog = document.getElementById("pst-search-dialog");
      return { open: dialog.open, focused: dialog.contains(document.activeElement) && document.activeElement.name === "q" };
    });
    await page.keyboard.type(job.query);
    await Promise.all([page.waitForURL(/search\.html/), page.keyboard.press("Enter")]);
    report.dialog.address = page.url().slice(job.base.length);
    await page.close();

    const dark = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
    watch(dark);
    await dark.goto(url, { waitUntil: "networkidle" });
    report.dark = await dark.evaluate(() => ({
      theme: document.documentElement.dataset.theme,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    await dark.close();

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    watch(phone);
    await phone.goto(url, { waitUntil: "networkidle" });
    await phone.locator("button.primary-toggle").click();
    await phone.waitForTimeout(400);
    report.phone = await phone.evaluate(() => ({
      menuOpen: document.getElementById("pst-primary-sidebar-modal").open,
      links: [...document.querySelectorAll("#pst-primary-sidebar-modal a")].filter((a) => a.getClientRects().length).length,
    }));
    await phone.close();
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report));
})().catch((error) => {
  process.stderr.write(String(error.stack || error));
  process.exit(1);
});
