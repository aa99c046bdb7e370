/*
 * The matrix's header while scrolling, and print's page box (issue 29).
 * Input (stdin): {"base": URL, "matrixPage": "opinions.html", "pages": [...], "pdfDir": DIR}.
 * Output (JSON): shortcut - per colour scheme, the 「Ctrl + K」 spans' colour and
 *   the first opaque background behind them, with the search dialog open;
 *   key - the matrix's column key items shown at 1280 px; matrix - the header rows' top and the window's scroll at three
 *   points of the table, at 1280 x 800; printed - per page, a PDF printed with
 *   the page's own @page rule (preferCSSPageSize) and the boxes and figures
 *   that print media keeps whole.
 */
"use strict";

const { chromium } = require("playwright-core");

const readStdin = async () => {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return JSON.parse(data);
};

(async () => {
  const job = await readStdin();
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const report = { matrix: [], printed: {}, shortcut: {} };
  for (const colorScheme of ["light", "dark"]) {
    const themed = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme });
    await themed.goto(job.base + job.matrixPage, { waitUntil: "load" });
    await themed.keyboard.press("Control+k");
    await themed.waitForTimeout(300);
    report.shortcut[colorScheme] = await themed.evaluate(() =>
      [...document.querySelectorAll(".search-button__kbd-shortcut")]
        .filter((s) => s.getBoundingClientRect().width > 0)
        .map((s) => {
          let n = s, bg = "";
          while (n && (bg = getComputedStyle(n).backgroundColor) === "rgba(0, 0, 0, 0)") n = n.parentElement;
          return [getComputedStyle(s).color, bg || "rgb(255, 255, 255)"];
        }));
    await themed.close();
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(job.base + job.matrixPage, { waitUntil: "load" });
  report.key = await page.evaluate(() => [...document.querySelectorAll(".vision-matrix-key li")]
    .filter((li) => li.getBoundingClientRect().height > 0 && getComputedStyle(li).visibility === "visible")
    .map((li) => li.textContent.trim()));
  const table = page.locator("table.vision-matrix-table");
  for (const fraction of [0.25, 0.5, 0.9]) {
    const seen = await table.evaluate((t, f) => {
      const box = t.getBoundingClientRect();
      window.scrollTo(0, window.scrollY + box.top + box.height * f);
      const header = document.querySelector(".bd-header").getBoundingClientRect();
      const rows = [...t.tHead.rows].map((r) => r.cells[r.cells.length - 1].getBoundingClientRect());
      const goal = t.tHead.rows[t.tHead.rows.length - 1].cells[0];
      const at = goal.getBoundingClientRect();
      const hit = document.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2);
      return {
        fraction: f, headerBottom: header.bottom, rows: rows.map((r) => [r.top, r.bottom]),
        goalOnTop: goal.contains(hit), tableTop: t.getBoundingClientRect().top,
        tableHeight: t.getBoundingClientRect().height, headerHeight: header.height,
      };
    }, fraction);
    report.matrix.push(seen);
  }
  await page.emulateMedia({ media: "print" });
  for (const path of job.pages) {
    await page.goto(job.base + path, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const styles = await page.evaluate(() => {
      const style = (sel) => [...document.querySelectorAll(sel)].map((n) => getComputedStyle(n).breakInside);
      return { objects: style(".vision-object"), figures: style("figure:not(.vision-diagram)") };
    });
    const pdf = `${job.pdfDir}/${path.replace(/\//g, "_")}.pdf`;
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    report.printed[path] = { pdf, ...styles };
  }
  await browser.close();
  process.stdout.write(JSON.stringify(report));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
