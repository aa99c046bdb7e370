/*
 * The HTML 索引's links land (issue 29): each entry of genindex.html clicked,
 * at 390 x 844 and 1280 x 800; reported: the URL reached, whether its target
 * exists, the target's top and the sticky header's bottom.
 * Input (stdin): {"base": URL}. Output (JSON): {width: [...]}.
 */
"use strict";

const { chromium } = require("playwright-core");

(async () => {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  const job = JSON.parse(data);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const report = {};
  for (const [width, height] of [[390, 844], [1280, 800]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(job.base + "genindex.html", { waitUntil: "load" });
    const count = await page.locator("article table.indextable a").count();
    report[width] = { headings: await page.locator("article h2").allTextContents(), landed: [] };
    for (let i = 0; i < count; i += 1) {
      await page.goto(job.base + "genindex.html", { waitUntil: "load" });
      const link = page.locator("article table.indextable a").nth(i);
      const text = (await link.textContent()).trim();
      await Promise.all([page.waitForURL(/#/), link.click()]);
      await page.waitForTimeout(200);
      report[width].landed.push(await page.evaluate((entry) => {
        const id = decodeURIComponent(location.hash.slice(1));
        const target = document.getElementById(id);
        const header = document.querySelector(".bd-header").getBoundingClientRect();
        const box = target ? target.getBoundingClientRect() : null;
        return { entry, url: location.href, found: !!target, top: box && box.top, bottom: box && box.bottom,
                 headerBottom: header.bottom, height: window.innerHeight };
      }, text));
    }
    await page.close();
  }
  await browser.close();
  process.stdout.write(JSON.stringify(report));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
