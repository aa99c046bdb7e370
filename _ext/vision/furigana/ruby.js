/*
 * ふりがな over the article's kanji words (vision.furigana.switch), loaded by
 * the switch's script once a reader turns ふりがな on: the build writes this
 * file into _static/vision-furigana-readings.js after the site's table of
 * readings (VISION_FURIGANA_TABLE: written form -> pieces, each plain text or
 * [kanji, reading]).
 *
 * show() puts <ruby> over each word of the table in the page's text, the
 * longest word first; each <rt> is hidden from assistive technology (the
 * kanji are read once) and left out of a copied selection. hide() puts the
 * text back as it was.
 */
"use strict";
window.visionFurigana = (() => {
  /* Where the page's text is, and what inside it keeps its text as it is (a title
   * linked as code.xref, as in the 索引 of objects, is text). */
  const AREAS = "article.bd-article, .vision-page-info";
  const KEEP = "script, style, textarea, select, pre, code:not(.xref), kbd, samp, svg, math, ruby, rt, rp, " +
    "[translate=no], .headerlink, .vision-furigana-switch";
  const KANJI = /[\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  const FIGURE = /[0-9０-９]/;
  const STYLE = "ruby.vision-furigana{ruby-align:center}" +
    "ruby.vision-furigana>rt{font-size:.5em;-webkit-user-select:none;user-select:none}";

  /* First character -> [written form, pieces], the longest first. */
  const words = new Map();
  for (const [written, pieces] of Object.entries(window.VISION_FURIGANA_TABLE || {})) {
    if (!words.has(written[0])) words.set(written[0], []);
    words.get(written[0]).push([written, pieces]);
  }
  for (const list of words.values()) list.sort((a, b) => b[0].length - a[0].length);

  const style = document.createElement("style");
  style.textContent = STYLE;
  document.head.append(style);

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
   * figure (7日) only where the number begins (not in 17日). */
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
    /* In a flex or grid box (a rubric), each ruby would be an item of its own. */
    if (/flex|grid/.test(getComputedStyle(node.parentElement).display)) {
      const run = document.createElement("span");
      run.className = "vision-furigana-run";
      run.append(...parts);
      node.replaceWith(run);
    } else node.replaceWith(...parts);
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

  /* A copied selection without the readings, whatever a browser copies of <rt>. */
  document.addEventListener("copy", (event) => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !document.querySelector("ruby.vision-furigana")) return;
    const box = document.createElement("div");
    for (let i = 0; i < selection.rangeCount; i += 1) box.append(selection.getRangeAt(i).cloneContents());
    if (!box.querySelector("rt")) return;
    for (const rt of box.querySelectorAll("rt, rp")) rt.remove();
    box.style.cssText = "position:fixed;left:-99999px;top:0";
    document.body.append(box);
    event.clipboardData.setData("text/plain", box.innerText);
    box.remove();
    event.clipboardData.setData("text/html", box.innerHTML);
    event.preventDefault();
  });

  return {
    show: () => { for (const node of textNodes()) annotate(node); },
    hide: () => {
      const parents = new Set();
      for (const ruby of document.querySelectorAll("ruby.vision-furigana")) {
        parents.add(ruby.parentNode);
        ruby.replaceWith(ruby.firstChild.data);
      }
      for (const run of document.querySelectorAll("span.vision-furigana-run")) {
        parents.add(run.parentNode);
        run.replaceWith(run.textContent);
      }
      for (const parent of parents) if (parent.isConnected) parent.normalize();
    },
  };
})();
