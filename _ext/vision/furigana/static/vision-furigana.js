/* The ふりがな switch (vision.furigana.switch); the ruby is ruby.js, loaded once on. */
"use strict";
(() => {
  const KEY = "vision-furigana";
  const RUBY = new URL("vision-furigana-readings.js", document.currentScript.src).href;
  let loading = null;
  const load = () => (loading ||= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = RUBY;
    script.onload = () => resolve(window.visionFurigana);
    script.onerror = () => { loading = null; reject(new Error(`not loaded: ${RUBY}`)); };
    document.head.append(script);
  }));
  const set = async (buttons, on) => {
    for (const button of buttons) button.setAttribute("aria-pressed", String(on));
    if (!on) { window.visionFurigana?.hide(); return; }
    try {
      const ruby = await load();
      if (buttons[0].getAttribute("aria-pressed") === "true") ruby.show();
    } catch (error) { console.warn(error.message); }
  };
  const start = () => {
    const buttons = [...document.querySelectorAll("button.vision-furigana-switch")];
    if (!buttons.length) return;
    for (const button of buttons) {
      button.hidden = false;
      button.addEventListener("click", () => {
        const on = button.getAttribute("aria-pressed") !== "true";
        try { if (on) localStorage.setItem(KEY, "on"); else localStorage.removeItem(KEY); } catch { /* none */ }
        set(buttons, on);
      });
    }
    let stored = null;
    try { stored = localStorage.getItem(KEY); } catch { /* none */ }
    if (stored === "on") set(buttons, true);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
