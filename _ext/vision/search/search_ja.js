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
 *  - object and title hits rank above hits in the text.
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

const VISION_RANK = { object: 3000, title: 2000, index: 1000, text: 0 };

const visionPages = new Map();

const visionCompact = (text) => visionNormalise(text).replace(/\s+/gu, "");

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
        index.titles[file], // the name already says the type: its label and number
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

/* Sphinx's Japanese catalogue leaves the result count untranslated (empty). */
const visionCountResults = () => {
  const found = "Search finished, found ${resultCount} pages matching the search query.";
  const one = "Search finished, found one page matching the search query.";
  for (const key of [found, one])
    if (!(Documentation.TRANSLATIONS[key] || [""])[0])
      Documentation.TRANSLATIONS[key] = [VISION_RESULT_COUNT];
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

Search.query = (typed) => {
  visionCountResults();
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
  });
};
