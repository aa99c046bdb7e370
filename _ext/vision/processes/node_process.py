"""One ``node SCRIPT`` process kept running and sent JSON requests, one per line.

Starting Node (and what its script loads) costs seconds, so the preview keeps
the process between builds. This class owns what every such process needs:
starting it on first use (again after it stopped), one request at a time
under a lock, its stderr kept for the error message, and stopping it by
closing its stdin, at the latest when Python exits. Each subclass reads its
own protocol's answer and names its own error, whose messages editors see.
"""

from __future__ import annotations

import atexit
import json
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


class NodeProcess:
    """One ``node SCRIPT ARGS...`` process, started on first use.

    A subclass sets :attr:`error`, :attr:`name` and :attr:`stderr_tail`, and
    reads its answer inside :meth:`_exchange`, raising :meth:`_stopped` when
    stdout ends first.
    """

    #: The error raised when the process cannot be started or stops answering.
    error: ClassVar[type[Exception]]
    #: What the process is called in those errors' messages: "textlint stopped".
    name: ClassVar[str]
    #: How much of the end of the process's stderr a "stopped" error shows.
    stderr_tail: ClassVar[int]

    def __init__(self, node: str, script: Path, *args: str) -> None:
        self.node = node
        self.script = script
        self.args = args
        self._proc: subprocess.Popen | None = None
        #: The process's stderr, in a file: a pipe nobody reads while it runs
        #: could fill and stop it. Emptied at each start, so it is this process's.
        self._stderr = tempfile.TemporaryFile(mode='w+', encoding='utf-8')
        self._lock = threading.Lock()
        atexit.register(self.close)

    @contextmanager
    def _exchange(self, request: dict) -> Iterator[IO[str]]:
        """Send ``request`` as one JSON line; the body reads the answer from the stdout given.

        The process is held for the whole body. An ``OSError`` writing or
        reading stops it and raises :attr:`error`.
        """
        with self._lock:
            proc = self._process()
            assert proc.stdin is not None and proc.stdout is not None
            try:
                proc.stdin.write(json.dumps(request, ensure_ascii=False) + '\n')
                proc.stdin.flush()
                yield proc.stdout
            except OSError as error:
                self.close()
                raise self.error(f'{self.name} stopped: {error}') from error

    def _stopped(self) -> Exception:
        """The error to raise when stdout ended before the answer did; the process is stopped."""
        self.close()
        self._stderr.seek(0)
        stderr = self._stderr.read()
        return self.error(stderr.strip()[-self.stderr_tail:] or f'{self.name} stopped')

    def _process(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            self._stderr.seek(0)
            self._stderr.truncate()
            try:
                self._proc = subprocess.Popen(
                    [self.node, str(self.script), *self.args], cwd=self.script.parent,
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                    text=True, encoding='utf-8')
            except OSError as error:
                raise self.error(f'cannot run {self.node!r}: {error}') from error
        return self._proc

    def close(self) -> None:
        """Stop the process: closing its stdin lets it end on its own (the diagram
        script closes its browser first); after 10 s it is killed."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
