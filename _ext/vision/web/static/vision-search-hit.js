/* The page a search hit opens: once sphinx_highlight.js has marked the
 * searched words, the first mark in the hit (the object or section the link
 * points to, else the page's text) is scrolled into view below the sticky
 * header, unless it is in view already (vision.web.html_assets). */
"use strict";

window.addEventListener("load", () => {
  // sphinx_highlight.js marks the words 10 ms after the page is ready.
  window.setTimeout(() => {
    const main = document.querySelector('[role="main"]') || document.body;
    // Marks the reader can see: not those of a hidden text alternative.
    const marks = [...main.querySelectorAll("span.highlighted, rect.highlighted")].filter(
      (mark) => mark.getClientRects().length && mark.getBoundingClientRect().height);
    if (!marks.length) return;
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    const mark = (target && marks.find((m) => target.contains(m))) || marks[0];
    let top = 0;
    for (const element of document.querySelectorAll("header, .bd-header, .pst-sticky-header")) {
      const style = getComputedStyle(element);
      if (style.position === "sticky" || style.position === "fixed")
        top = Math.max(top, element.getBoundingClientRect().bottom);
    }
    const box = mark.getBoundingClientRect();
    const margin = 16;
    if (box.top < top + margin || box.bottom > window.innerHeight - margin)
      window.scrollBy({ top: box.top - top - margin * 2, behavior: "instant" });
  }, 50);
});
