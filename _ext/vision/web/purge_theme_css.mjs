// The theme's stylesheets without the rules no page of the site uses
// (vision.web.theme_css runs this once per build, when the site's words changed).
//
// Usage: node purge_theme_css.mjs < REQUEST.json > purged.css
// REQUEST.json: {"css": "...the theme's CSS, concatenated...",
//                "content": ["/abs/site/**/*.html", "/abs/site/_static/x.js", ...],
//                "variables": ["--pst-color-primary", ...],   // custom properties to keep
//                "blocklist": ["^fa"]}                        // class patterns to drop
// PurgeCSS keeps a rule when the names in its selector occur as words in the
// content (every built page and every script the pages load), so a class
// that any page, template or script adds survives.

import { PurgeCSS } from 'purgecss';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const request = JSON.parse(input);
const [result] = await new PurgeCSS().purge({
  content: request.content,
  css: [{ raw: request.css }],
  fontFace: true,
  keyframes: true,
  variables: true,
  safelist: { variables: request.variables },
  blocklist: request.blocklist.map((pattern) => new RegExp(pattern)),
});
process.stdout.write(result.css);
