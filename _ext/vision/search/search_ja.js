/*
 * Japanese search by character bigrams: the browser half of vision/search.py.
 *
 * Sphinx writes this into language_data.js, which every page loads after
 * searchtools.js. It replaces the query splitter so the query is cut into the
 * same bigrams as the index, and Search.query so that
 *  - objects are looked up by id (G1-1) and by title, with the whole query
 *    rather than its bigrams;
 *  - any section title containing the query is a hit, however long the title;
 *  - a page found by bigrams is kept only if it really contains the query,
 *    and links to the object that holds the query where one does;
 *  - object and title hits rank above hits in the text;
 *  - every hit has an excerpt (objects too), read from the page's text as
 *    blocks: paragraphs, list items, cells and each label of a diagram are
 *    separate, and a label a figure repeats (the drawing, then its list) is
 *    read once;
 *  - the count says 件 (it counts hits, not pages), and a query that finds
 *    nothing gets a short message and, where its kana are close to the
 *    reading of a term on the site, that term as a suggestion
 *    (しょうてんかい → 商店街).
 */

const visionNormalise = (text) => text.normalize("NFKC").toLowerCase();

/* The query's phrases: what the reader typed between spaces, normalised. */
const visionPhrases = (query) =>
  visionNormalise(query).split(/\s+/u).filter((phrase) => phrase);

var splitQuery = (query) => {
  const pieces = [];
  for (const run of visionNormalise(query).match(/[\p{L}\p{N}_]+/gu) || []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) pieces.push(chars[i] + chars[i + 1]);
  }
  return pieces;
};

const VISION_RESULT_COUNT = "@RESULT_COUNT@";
const VISION_NO_RESULT = "@NO_RESULT@";
const VISION_SUGGESTION = "@SUGGESTION@";

const VISION_RANK = { object: 3000, title: 2000, index: 1000, text: 0 };

const visionPages = new Map();

const visionCompact = (text) => visionNormalise(text).replace(/\s+/gu, "");

/* Elements whose text is a block of its own; the labels of a drawing too. */
const VISION_BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt",
  "figcaption", "figure", "footer", "foreignobject", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "li", "nav", "ol", "p", "pre", "section", "table", "td", "text", "th", "tr", "ul",
]);

/* The text of an element as blocks. Within a figure, a block whose text
 * another block holds is left out: a drawing's label that its text
 * alternative repeats (a box's 「1-2 …」 in the drawing, the same title
 * after its type's name in the list) is read once. */
const visionBlocks = (root) => {
  const blocks = [];
  let pending = "";
  const flush = (element) => {
    const text = pending.replace(/\s+/gu, " ").trim();
    pending = "";
    if (text)
      blocks.push({ text, key: text.replace(/\s+/gu, ""), figure: element.closest?.("figure") ?? null });
  };
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) pending += node.data;
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const block = VISION_BLOCKS.has(node.localName.toLowerCase());
    if (block) flush(node);
    node.childNodes.forEach(walk);
    if (block) flush(node);
  };
  walk(root);
  flush(root);
  const repeated = (block, index) =>
    block.figure !== null &&
    blocks.some((other, j) => other.figure === block.figure && j !== index &&
      other.key.includes(block.key) && (other.key.length > block.key.length || j < index));
  return blocks.filter((block, index) => !repeated(block, index)).map((block) => block.text);
};

/* Where a hit's anchor points: its element, or, for an empty target (an
 * index entry's), the first element after it that has text. */
const visionAnchored = (html, anchor) => {
  let element = html.getElementById(decodeURIComponent(anchor.slice(1)));
  while (element && !element.textContent.trim())
    element = element.nextElementSibling ?? element.parentElement;
  return element;
};

/* Sphinx's page text for excerpts: the article (not the breadcrumbs, the
 * page's information or the links to the next page), as blocks separated
 * by a space (Sphinx's own runs the blocks together, and a diagram's labels
 * twice). */
Search.htmlToText = (htmlString, anchor) => {
  const html = new DOMParser().parseFromString(htmlString, "text/html");
  html.querySelectorAll(".headerlink, script, style").forEach((el) => el.remove());
  const main = html.querySelector('[role="main"]');
  if (!main) return "";
  const article = main.querySelector("article") ?? main;
  const target = anchor ? visionAnchored(html, anchor) : null;
  return visionBlocks(target && main.contains(target) ? target : article).join(" ");
};

/* Sphinx appends the excerpt as it is: never nothing (an error, and the
 * remaining excerpts not shown). */
const visionSphinxSummary = Search.makeSearchSummary;
Search.makeSearchSummary = (...args) => visionSphinxSummary(...args) ?? document.createTextNode("");

/* The page's main text, normalised and without white space, and its objects
 * (id, label, text) in document order; null if the page cannot be fetched (a
 * site opened from file://), in which case the hit is kept as it is. */
const visionPage = (docName) => {
  if (!visionPages.has(docName)) {
    const url =
      document.documentElement.dataset.content_root +
      docName +
      DOCUMENTATION_OPTIONS.FILE_SUFFIX;
    visionPages.set(
      docName,
      fetch(url)
        .then((response) => (response.ok ? response.text() : Promise.reject()))
        .then((html) => ({
          text: visionCompact(Search.htmlToText(html)),
          objects: [
            ...new DOMParser()
              .parseFromString(html, "text/html")
              .querySelectorAll("div.vision-object[id]"),
          ].map((element) => ({
            id: element.id,
            label: element.querySelector(".vision-object-label")?.textContent.trim() || "",
            text: visionCompact(element.textContent),
          })),
        }))
        .catch(() => null),
    );
  }
  return visionPages.get(docName);
};

/* A text hit that falls inside one object (an opinion on a long page) links
 * to that object's anchor: the smallest object holding every phrase. */
const visionAnchoredTextHit = (result, page, phrases) => {
  const holding = page.objects.filter((object) =>
    phrases.every((phrase) => object.text.includes(phrase)),
  );
  if (!holding.length) return result;
  const object = holding.reduce((best, o) => (o.text.length < best.text.length ? o : best));
  const anchored = [...result];
  anchored[1] = object.label ? `${result[1]} > ${object.label}` : result[1];
  anchored[2] = "#" + object.id;
  return anchored;
};

const visionTitleHits = (phrases) => {
  const index = Search._index;
  const hits = [];
  for (const [title, found] of Object.entries(index.alltitles)) {
    const normal = visionNormalise(title).replace(/\s+/gu, "");
    if (!phrases.every((phrase) => normal.includes(phrase))) continue;
    for (const [file, id] of found) {
      const pageTitle = index.titles[file];
      hits.push([
        index.docnames[file],
        pageTitle !== title ? `${pageTitle} > ${title}` : title,
        id !== null ? "#" + id : "",
        null,
        Math.round((100 * phrases.join("").length) / normal.length),
        index.filenames[file],
        SearchResultKind.title,
      ]);
    }
  }
  return hits;
};

/* The id of an object: the vision domain's anchors are vision-<type>-<id>;
 * any other domain's anchor is taken whole. */
const visionObjectId = (anchor, type) => {
  const prefix = `vision-${type}-`;
  return anchor.startsWith(prefix) ? anchor.slice(prefix.length) : anchor;
};

const visionObjectHits = (phrases) => {
  const index = Search._index;
  const query = phrases.join("");
  const hits = [];
  for (const [prefix, entries] of Object.entries(index.objects)) {
    for (const [file, typeIndex, priority, anchor, name] of entries) {
      const [, type] = index.objnames[typeIndex];
      const fullname = prefix ? `${prefix}.${name}` : name;
      const id = visionNormalise(visionObjectId(anchor, type));
      const title = visionNormalise(fullname).replace(/\s+/gu, "");
      let score;
      if (id === query) score = 100;
      else if (id.startsWith(query)) score = 60;
      else if (phrases.every((phrase) => title.includes(phrase))) score = 40;
      else continue;
      hits.push([
        index.docnames[file],
        fullname,
        "#" + anchor,
        null, // no description: Sphinx then shows the object's text as the excerpt
        score + (Scorer.objPrio[priority] || 0),
        index.filenames[file],
        SearchResultKind.object,
      ]);
    }
  }
  return hits;
};

const visionRanked = (results) => {
  const best = new Map();
  for (const result of results) {
    result[4] += VISION_RANK[result[6]] || 0;
    const key = result[0] + result[2];
    if (!best.has(key) || best.get(key)[4] < result[4]) best.set(key, result);
  }
  return [...best.values()].sort(_orderResultsByScoreThenName);
};

/* The result count in 件 and the short message for no hit, in place of
 * Sphinx's (「… ページが見つかりました」, and categories this site does not have). */
const visionMessages = () => {
  const found = "Search finished, found ${resultCount} pages matching the search query.";
  const one = "Search finished, found one page matching the search query.";
  const none =
    "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.";
  // ngettext looks the singular up; Japanese has one form (PLURAL_EXPR is 0).
  for (const key of [found, one]) Documentation.TRANSLATIONS[key] = [VISION_RESULT_COUNT, VISION_RESULT_COUNT];
  Documentation.TRANSLATIONS[none] = [VISION_NO_RESULT];
};

/* A phrase typed in kana as the reading of a term on the site (しょうてんがい,
 * キギョウ) becomes the term's written form (商店街, 起業); the map comes from
 * vision-readings.js, built by vision/output/search_readings.py. */
const visionHiragana = (text) =>
  text.replace(/[\u30a1-\u30f6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

const visionWritten = (query) => {
  if (typeof VISION_READINGS === "undefined") return query;
  return visionPhrases(query)
    .map((phrase) => {
      const reading = visionHiragana(phrase);
      return /^[\u3041-\u3096ー]+$/u.test(reading) && VISION_READINGS[reading]
        ? VISION_READINGS[reading][0]
        : phrase;
    })
    .join(" ");
};

/* Edit distance between two readings, the voiced marks (か/が, ふ/ぶ/ぷ)
 * costing half: a resident who cannot tell them apart is close. */
const visionUnvoiced = (text) => text.normalize("NFD").replace(/[\u3099\u309a]/gu, "");
const visionDistance = (a, b) => {
  const x = Array.from(a.normalize("NFC"));
  const y = Array.from(b.normalize("NFC"));
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      const swap =
        x[i - 1] === y[j - 1] ? 0 : visionUnvoiced(x[i - 1]) === visionUnvoiced(y[j - 1]) ? 0.5 : 1;
      next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + swap));
    }
    row = next;
  }
  return row[y.length];
};

/* The term on the site whose reading is closest to a query typed in kana
 * (one edit in a reading of up to five kana, two in a longer one), or null. */
const visionSuggestion = (typed) => {
  if (typeof VISION_READINGS === "undefined") return null;
  const phrase = visionHiragana(visionNormalise(typed).replace(/\s+/gu, ""));
  const length = Array.from(phrase).length;
  if (length < 3 || !/^[\u3041-\u3096ー]+$/u.test(phrase)) return null;
  const allowed = length <= 5 ? 1 : 2;
  let best = null;
  for (const [reading, written] of Object.entries(VISION_READINGS)) {
    if (Math.abs(Array.from(reading).length - length) > allowed) continue;
    const distance = visionDistance(phrase, reading);
    if (distance > 0 && distance <= allowed && (!best || distance < best.distance))
      best = { distance, written: written[0] };
  }
  return best && best.written;
};

/* After a search with no hit: the suggestion as a link that searches for it. */
const visionSuggest = (typed) => {
  const term = visionSuggestion(typed);
  if (!term || !Search.status) return;
  const line = document.createElement("p");
  line.className = "vision-search-suggestion";
  line.append(VISION_SUGGESTION);
  const link = line.appendChild(document.createElement("a"));
  link.href = `?q=${encodeURIComponent(term)}`;
  link.textContent = term;
  Search.status.after(line);
};

Search.query = (typed) => {
  visionMessages();
  const query = visionWritten(typed);
  const phrases = visionPhrases(query);
  const [searchQuery, searchTerms, excludedTerms] = Search._parseQuery(query);
  const words = new Set(phrases);
  if (SPHINX_HIGHLIGHT_ENABLED)
    localStorage.setItem("sphinx_highlight_terms", phrases.join(" "));
  const results = [
    ...Search._performSearch(searchQuery, searchTerms, excludedTerms, words, new Set()),
    ...visionTitleHits(phrases),
    ...visionObjectHits(phrases),
  ];
  Promise.all(
    results.map((result) =>
      result[6] !== SearchResultKind.text
        ? result
        : visionPage(result[0]).then((page) => {
            if (page === null) return result;
            if (!phrases.every((phrase) => page.text.includes(phrase))) return null;
            return visionAnchoredTextHit(result, page, phrases);
          }),
    ),
  ).then((checked) => {
    const kept = visionRanked(checked.filter((result) => result !== null));
    _displayNextItem(kept, kept.length, words, words);
    if (!kept.length) visionSuggest(typed);
  });
};
