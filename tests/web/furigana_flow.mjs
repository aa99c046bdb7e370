// The ふりがな switch in Chromium (test_web_furigana.py), as a reader uses it:
// the keyboard, a selection copied, the next page, print, and file://.
// Input (stdin): {"base": "http://127.0.0.1:PORT/", "fileBase": "file:///…/",
//   "first": "index.html", "next": "second.html", "shots": "/dir" or null}.
// Output (stdout): JSON of what the test asserts.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const SWITCH = 'button.vision-furigana-switch';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const job = JSON.parse(input);

const axe = async (page) => {
  const script = await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  await script.evaluate((element) => element.remove());
  return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
};

/* The switch, the ruby of the article's first paragraph, and what is read aloud. */
const state = (page) => page.evaluate((selector) => {
  const button = document.querySelector(selector);
  const paragraph = document.querySelector('article p');
  return {
    pressed: button ? button.getAttribute('aria-pressed') : null,
    visible: button ? button.checkVisibility() : false,
    text: button ? button.textContent.trim() : null,
    rubies: [...document.querySelectorAll('ruby.vision-furigana')].map((ruby) => [
      ruby.firstChild.data, ruby.querySelector('rt').textContent, ruby.querySelector('rt').getAttribute('aria-hidden')]),
    firstParagraph: paragraph ? [...paragraph.querySelectorAll('ruby.vision-furigana')].map((ruby) => [
      ruby.firstChild.data, ruby.querySelector('rt').textContent]) : [],
    inCode: document.querySelectorAll('pre ruby, code.literal ruby').length,
    codeTexts: document.querySelectorAll('pre, code.literal').length,
    inHeadingAnchors: [...document.querySelectorAll('h1[id], section[id]')].map((e) => e.id),
    paragraph: paragraph ? paragraph.innerText : '',
    stored: localStorage.getItem('vision-furigana'),
  };
}, SWITCH);

/* What a screen reader is given for the first paragraph: the text of Chromium's
 * own accessibility tree below it, with each node's description in brackets
 * (Chromium gives a <ruby> its <rt> as its description, unless hidden). */
const read = async (page) => {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'article p' });
  const { node } = await cdp.send('DOM.describeNode', { nodeId });
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const start = nodes.find((n) => n.backendDOMNodeId === node.backendNodeId);
  const texts = [];
  const walk = (n) => {
    if (!n || n.ignored) return;
    if (n.description?.value) texts.push(`[${n.description.value}]`);
    if (n.role?.value === 'StaticText') { texts.push(n.name?.value || ''); return; }
    for (const id of n.childIds || []) walk(byId.get(id));
  };
  walk(start);
  await cdp.detach();
  return texts.join('');
};

const visit = async (page, url) => {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(job.base).origin });
const page = await context.newPage();
const requested = [];
page.on('request', (request) => requested.push(request.url()));
const errors = [];
page.on('pageerror', (error) => errors.push(String(error)));
const report = { errors };

await visit(page, job.base + job.first);
report.off = await state(page);
report.offRead = await read(page);
report.readingsBeforeOn = requested.filter((url) => url.includes('vision-furigana-readings')).length;
report.axeOff = await axe(page);

// By the keyboard alone: Tab to the switch, Enter turns it on.
let tabs = 0;
for (; tabs < 40; tabs += 1) {
  await page.keyboard.press('Tab');
  if (await page.evaluate((s) => document.activeElement?.matches(s), SWITCH)) break;
}
report.tabsToSwitch = tabs < 40 ? tabs + 1 : null;
await page.keyboard.press('Enter');
await page.waitForSelector('ruby.vision-furigana', { timeout: 5000 }).catch(() => {});
report.on = await state(page);
report.onRead = await read(page);
// The page as it is now, before axe adds its script.
report.onHtml = `<!DOCTYPE html>\n${await page.evaluate(() => document.documentElement.outerHTML)}`;
report.axeOn = await axe(page);
// Space turns it off and on again.
await page.keyboard.press('Space');
report.spaceOff = await state(page);
await page.keyboard.press('Space');
await page.waitForSelector('ruby.vision-furigana', { timeout: 5000 }).catch(() => {});
report.spaceOn = await state(page);

// A selection of the first paragraph, copied with Ctrl+C.
await page.evaluate(() => {
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('article p'));
  document.getSelection().removeAllRanges();
  document.getSelection().addRange(range);
});
await page.keyboard.press('Control+C');
report.copied = await page.evaluate(() => navigator.clipboard.readText());
await page.evaluate(() => document.getSelection().removeAllRanges());

// Print, with ふりがな on: the readings are printed, the switch is not.
await page.emulateMedia({ media: 'print' });
report.printOn = await page.evaluate((s) => ({
  rtShown: [...document.querySelectorAll('ruby.vision-furigana rt')].some((rt) => rt.checkVisibility()),
  switchShown: document.querySelector(s).checkVisibility(),
}), SWITCH);
await page.emulateMedia({ media: 'screen' });

if (job.shots) {
  for (const width of [1280, 390, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${job.shots}/furigana-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

// On a phone, in dark mode, with ふりがな on.
await page.setViewportSize({ width: 390, height: 844 });
await page.emulateMedia({ colorScheme: 'dark' });
report.axePhoneDark = await axe(page);
await page.emulateMedia({ colorScheme: 'light' });
await page.setViewportSize({ width: 1280, height: 900 });

// The next page remembers.
await visit(page, job.base + job.next);
await page.waitForSelector('ruby.vision-furigana', { timeout: 5000 }).catch(() => {});
report.next = await state(page);
// A rubric is a flex box: its words and readings stay on one line.
report.rubricTops = await page.evaluate(() => [...new Set(
  [...document.querySelectorAll('p.rubric ruby')].map((ruby) => Math.round(ruby.getBoundingClientRect().top)))]);
report.rubricText = await page.evaluate(() => document.querySelector('p.rubric').innerText);

// Turned off: no ruby, and none in print.
await page.click(SWITCH);
report.turnedOff = await state(page);
await page.emulateMedia({ media: 'print' });
report.printOff = await page.evaluate(() => ({
  ruby: document.querySelectorAll('ruby').length, text: document.querySelector('article').innerText }));
await page.emulateMedia({ media: 'screen' });
await visit(page, job.base + job.first);
report.afterReload = await state(page);
report.scrollWidth320 = await (async () => {
  await page.click(SWITCH);
  await page.waitForSelector('ruby.vision-furigana', { timeout: 5000 }).catch(() => {});
  await page.setViewportSize({ width: 320, height: 700 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.click(SWITCH);
  return width;
})();

// From file://, without a server.
const local = await browser.newPage();
local.on('pageerror', (error) => errors.push(String(error)));
await local.goto(job.fileBase + job.first);
await local.click(SWITCH);
await local.waitForSelector('ruby.vision-furigana', { timeout: 5000 }).catch(() => {});
report.file = await state(local);

await browser.close();
process.stdout.write(JSON.stringify(report));
