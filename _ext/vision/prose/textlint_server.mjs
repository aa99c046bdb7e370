// The prose checks' textlint, kept running between builds (the preview).
//
// Starting Node and loading textlint's presets costs about 3 s, past the
// preview's 1 s target for a body edit; this process pays it once. It reads
// one JSON request per line on stdin:
//   {"config": "/abs/.textlintrc.json", "stamp": "...", "base": "/abs/node_modules",
//    "pages": {"policies/p1.md": "masked text", ...}}
// and answers one JSON line: {"results": {"policies/p1.md": [{line, ruleId, message}, ...]}}
// or {"error": "..."}. The configuration is loaded again when its stamp (the
// mtimes of the configuration and its dictionaries, from the caller) changes.
// Closing stdin ends the process.
import path from 'node:path';
import readline from 'node:readline';
import { createLinter, loadTextlintrc } from 'textlint';

let loaded = { key: null, linter: null };

async function linterFor(request) {
  const key = `${request.config}\n${request.stamp || ''}`;
  if (loaded.key !== key) {
    const descriptor = await loadTextlintrc({
      configFilePath: request.config, node_modulesDir: request.base });
    loaded = { key, linter: createLinter({ descriptor, cwd: path.dirname(request.config) }) };
  }
  return loaded.linter;
}

async function answer(request) {
  const linter = await linterFor(request);
  const results = {};
  // The pages' names are kept; the path only tells textlint the format (.md).
  const root = path.join(path.dirname(request.config), '.vision-prose');
  for (const [name, text] of Object.entries(request.pages)) {
    const result = await linter.lintText(text, path.join(root, name));
    results[name] = result.messages.map((m) => ({ line: m.line, ruleId: m.ruleId, message: m.message }));
  }
  return { results };
}

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
// Requests are answered one at a time, in order.
let queue = Promise.resolve();
input.on('line', (line) => {
  if (!line.trim()) return;
  queue = queue.then(async () => {
    let reply;
    try {
      reply = await answer(JSON.parse(line));
    } catch (error) {
      reply = { error: String(error && error.stack ? error.stack : error) };
    }
    process.stdout.write(JSON.stringify(reply) + '\n');
  });
});
