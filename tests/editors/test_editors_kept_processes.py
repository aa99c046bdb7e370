"""The Node processes the preview keeps (vision.processes.node_process): each
server reads its own answers over the shared process, a process that stops
mid-request raises that server's own error with its own stderr, and closing
is harmless when repeated.

Real ``node`` processes, from small scripts written for each test.
"""

from __future__ import annotations

import re

import pytest

from vision.diagrams.render_server import RenderServer, RenderServerError
from vision.prose.server import TextlintServer
from vision.prose.textlint import TextlintError

#: Reads one request, says on stderr that it stops (with its pid), and exits.
STOPS = """
process.stdin.once('data', () => { process.stderr.write(`process ${process.pid} failed\\n`); process.exit(3); });
"""
#: Answers every request line the way mermaid_render.mjs --serve does.
SERVES = """
const lines = (await import('node:readline')).createInterface({ input: process.stdin });
for await (const line of lines) {
  console.log('not a report');
  console.log(JSON.stringify({ echo: JSON.parse(line), mode: process.argv[2] }));
  console.log(JSON.stringify({ done: true }));
}
"""


@pytest.fixture
def script(tmp_path):
    def write(source: str):
        path = tmp_path / 'script.mjs'
        path.write_text(source, encoding='utf-8')
        return path
    return write


#: Each server, its own error, and one request in its own protocol.
SERVERS = {
    'textlint': (TextlintServer, TextlintError, lambda kept: kept.run({'a.md': '文。'}, kept.script)),
    'renderer': (RenderServer, RenderServerError, lambda kept: kept.run({'jobs': []})),
}


@pytest.mark.parametrize('part', SERVERS)
def test_a_process_that_stops_raises_its_servers_error_with_its_own_stderr(script, part):
    server, error, request = SERVERS[part]
    kept = server('node', script(STOPS))
    messages = []
    try:
        for _ in range(2):  # started again after it stopped
            with pytest.raises(error) as raised:
                request(kept)
            messages.append(str(raised.value))
            assert kept._proc is None
    finally:
        kept.close()
    # Each message is the stderr of the process that stopped, not of the one before.
    assert all(re.fullmatch(r'process \d+ failed', message) for message in messages), messages
    assert messages[0] != messages[1]


def test_closing_twice_is_harmless_and_the_next_request_starts_a_new_process(script):
    kept = RenderServer('node', script(SERVES))
    try:
        assert kept.run({'n': 1}) == ['{"echo":{"n":1},"mode":"--serve"}\n']
        first = kept._proc
        assert kept.run({'n': 2}) == ['{"echo":{"n":2},"mode":"--serve"}\n']
        assert kept._proc is first
        kept.close()
        kept.close()
        assert first.returncode == 0
        assert kept.run({'n': 3}) == ['{"echo":{"n":3},"mode":"--serve"}\n']
        assert kept._proc is not first
    finally:
        kept.close()


def test_a_node_that_cannot_run_is_the_servers_error(script):
    with pytest.raises(TextlintError, match="^cannot run '/nonexistent/node'"):
        TextlintServer('/nonexistent/node', script(STOPS)).run({'a.md': '文。'}, script(STOPS))
