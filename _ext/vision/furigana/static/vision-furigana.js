/*
 * The ふりがな switch (vision.furigana.switch): a toggle button that puts the
 * readings of the site's words over the kanji of the article as <ruby>.
 *
 * Off by default; the state is kept in localStorage for the next page. The
 * readings (vision-furigana-readings.js, beside this script) are loaded
 * only when ふりがな is turned on, by a <script> element, so from file:// too.
 * Each <rt> is hidden from assistive technology (the kanji are read once) and
 * is not copied with a selection; turned off, the page's text is as it was.
 */
"use strict";
(() => {
  const KEY = "vision-furigana";
  const READINGS = new URL("vision-furigana-readings.js", document.currentScript.src).href;
  /* Where the page's text is, and what inside it keeps its text as it is. */
  const AREAS = "article.bd-article, .vision-page-info";
  const KEEP = "script, style, textarea, select, pre, code, kbd, samp, svg, math, ruby, rt, rp, " +
    "[translate=no], .headerlink, .vision-furigana-switch";
  const KANJI = /[\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  const FIGURE = /[0-9０-９]/;
  let words = null; /* first character -> [written form, pieces], longest first */
  let loading = null;

  const stored = () => {
    try { return localStorage.getItem(KEY) === "on"; } catch { return false; }
  };
  const store = (on) => {
    try { if (on) localStorage.setItem(KEY, "on"); else localStorage.removeItem(KEY); } catch { /* private mode */ }
  };

  const load = () => {
    loading ||= new Promise((resolve, reject) => {
      if (window.VISION_FURIGANA) { resolve(window.VISION_FURIGANA); return; }
      const script = document.createElement("script");
      script.src = READINGS;
      script.onload = () => resolve(window.VISION_FURIGANA || {});
      script.onerror = () => { loading = null; reject(new Error(`not loaded: ${READINGS}`)); };
      document.head.append(script);
    }).then((table) => {
      words = new Map();
      for (const [written, pieces] of Object.entries(table)) {
        const first = written[0];
        if (!words.has(first)) words.set(first, []);
        words.get(first).push([written, pieces]);
      }
      for (const list of words.values()) list.sort((a, b) => b[0].length - a[0].length);
    });
    return loading;
  };

  const rubyOf = (base, reading) => {
    const ruby = document.createElement("ruby");
    ruby.className = "vision-furigana";
    const rt = document.createElement("rt");
    rt.setAttribute("aria-hidden", "true");
    rt.textContent = reading;
    ruby.append(base, rt);
    return ruby;
  };

  /* The longest word of the table at text[i]; a word that begins with a
   * figure (7日) only where the number begins (not 17日). */
  const wordAt = (text, i) => (words.get(text[i]) || []).find(
    ([written]) => text.startsWith(written, i) && !(FIGURE.test(written[0]) && i > 0 && FIGURE.test(text[i - 1])),
  );

  const annotate = (node) => {
    const text = node.data;
    if (!KANJI.test(text)) return;
    const parts = [];
    let plain = "";
    let changed = false;
    for (let i = 0; i < text.length;) {
      const found = KANJI.test(text[i]) || FIGURE.test(text[i]) ? wordAt(text, i) : undefined;
      if (!found) { plain += text[i]; i += 1; continue; }
      for (const piece of found[1]) {
        if (typeof piece === "string") { plain += piece; continue; }
        if (plain) parts.push(plain);
        plain = "";
        parts.push(rubyOf(piece[0], piece[1]));
        changed = true;
      }
      i += found[0].length;
    }
    if (!changed) return;
    if (plain) parts.push(plain);
    node.replaceWith(...parts);
  };

  const textNodes = () => {
    const found = [];
    for (const area of document.querySelectorAll(AREAS)) {
      const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement.closest(KEEP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node);
    }
    return found;
  };

  const show = () => { for (const node of textNodes()) annotate(node); };

  const hide = () => {
    const parents = new Set();
    for (const ruby of document.querySelectorAll("ruby.vision-furigana")) {
      parents.add(ruby.parentNode);
      ruby.replaceWith(ruby.firstChild.data);
    }
    for (const parent of parents) parent.normalize();
  };

  /* A copied selection without the readings, whatever the browser copies of <rt>. */
  const copyWithoutReadings = (event) => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !document.querySelector("ruby.vision-furigana")) return;
    const box = document.createElement("div");
    for (let i = 0; i < selection.rangeCount; i += 1) box.append(selection.getRangeAt(i).cloneContents());
    if (!box.querySelector("rt")) return;
    for (const rt of box.querySelectorAll("rt, rp")) rt.remove();
    event.clipboardData.setData("text/plain", textOf(box));
    event.clipboardData.setData("text/html", box.innerHTML);
    event.preventDefault();
  };
  /* As the selection's own text would be: the box laid out off screen. */
  const textOf = (box) => {
    box.style.cssText = "position:fixed;left:-99999px;top:0;white-space:normal";
    document.body.append(box);
    const text = box.innerText;
    box.remove();
    return text;
  };

  const set = async (button, on) => {
    button.setAttribute("aria-pressed", String(on));
    document.documentElement.classList.toggle("vision-furigana-on", on);
    if (!on) { hide(); return; }
    try {
      await load();
    } catch (error) {
      console.warn(error.message);
      return;
    }
    if (button.getAttribute("aria-pressed") === "true") show();
  };

  const start = () => {
    const buttons = document.querySelectorAll("button.vision-furigana-switch");
    if (!buttons.length) return;
    document.addEventListener("copy", copyWithoutReadings);
    for (const button of buttons) {
      button.hidden = false;
      button.addEventListener("click", () => {
        const on = button.getAttribute("aria-pressed") !== "true";
        store(on);
        for (const other of buttons) set(other, on);
      });
    }
    if (stored()) for (const button of buttons) set(button, true);
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
