/* What the theme's bootstrap.js (80 KB) did on this site, without Bootstrap
   (vision.web.lean_theme): the back-to-top button, and a small tooltip for
   the one tooltip the theme's own script makes itself (the collapsed
   sidebar's button, 「サイドバーを開く」). Other elements keep their title. */
"use strict";

window.bootstrap = window.bootstrap || {
  Tooltip: class {
    constructor(element, options = {}) {
      this.element = element;
      this.title = options.title || element.getAttribute("title") || "";
    }
    show() {
      if (this.tip || !this.title) return;
      const box = this.element.getBoundingClientRect();
      this.tip = document.createElement("span");
      this.tip.className = "vision-tooltip";
      this.tip.setAttribute("role", "tooltip");
      this.tip.textContent = this.title;
      this.tip.style.top = `${window.scrollY + box.top + box.height / 2}px`;
      this.tip.style.left = `${window.scrollX + box.right + 12}px`;
      document.body.append(this.tip);
    }
    hide() {
      this.tip?.remove();
      this.tip = null;
    }
    static getInstance() {
      return null;
    }
  },
};

document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("pst-back-to-top");
  const header = document.querySelector(".bd-header");
  if (!button || !header) return;
  button.addEventListener("click", () => {
    document.documentElement.scrollTop = 0;
    document.body.scrollTop = 0;
  });
  // Shown while the reader scrolls back up, below the header.
  let last = window.scrollY;
  window.addEventListener("scroll", () => {
    const up = window.scrollY < last && window.scrollY > header.getBoundingClientRect().bottom;
    button.style.display = up ? "block" : "none";
    last = window.scrollY;
  }, { passive: true });
});
