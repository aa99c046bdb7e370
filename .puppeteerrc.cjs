// mermaid-cli drives Debian's Chromium; a browser download at install time
// cannot reach its host here, so puppeteer must not try.
module.exports = { skipDownload: true };
