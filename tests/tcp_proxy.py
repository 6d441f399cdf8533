"""A TCP forwarder between the desk and a database server that drops the connection at
COMMIT: the real way a desk loses the answer to its COMMIT (issue 14).

Only loopback addresses; threads end when the proxy is closed. The proxy arms itself on a
connection once the desk sent ``arm_on`` there (default ``DELETE FROM``: the erasure's
transaction), disarms
on ``ROLLBACK`` (a rights check, a pool reset), and drops at the next ``COMMIT``:

- ``forward_commit=True``: the COMMIT reaches the server, which commits; the proxy waits
  for the server's answer and closes both sides instead of passing it on (the desk's
  COMMIT fate is unknown, and the portal *did* change);
- ``forward_commit=False``: the COMMIT never reaches the server (closed first: the server
  rolls back; the desk again cannot know).

After the drop, ``after="refuse"`` closes every new connection at once (the portal is
unreachable for a while); ``after="pass"`` forwards them normally.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass


@dataclass
class _Conn:
    client: socket.socket
    server: socket.socket
    armed: bool = False
    swallow: bool = False


class DroppingProxy:
    def __init__(self, target_port: int, *, forward_commit: bool = True,
                 after: str = "refuse", target_host: str = "127.0.0.1",
                 arm_on: bytes = b"DELETE FROM") -> None:
        assert target_host.startswith("127.") or target_host == "localhost"
        self.target = (target_host, target_port)
        self.forward_commit = forward_commit
        self.after = after
        self.arm_on = arm_on
        self.dropped = threading.Event()  # the COMMIT was intercepted
        self.answered = threading.Event()  # ... and the server answered it
        self._closed = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def __enter__(self) -> DroppingProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self.listener.close()
        with self._lock:
            for s in self._socks:
                _kill(s)
        self._thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.dropped.is_set() and self.after == "refuse":
                _kill(client)
                continue
            try:
                server = socket.create_connection(self.target, timeout=10)
                server.settimeout(None)
            except OSError:
                _kill(client)
                continue
            conn = _Conn(client, server)
            with self._lock:
                self._socks += [client, server]
            threading.Thread(target=self._up, args=(conn,), daemon=True).start()
            threading.Thread(target=self._down, args=(conn,), daemon=True).start()

    def _up(self, c: _Conn) -> None:
        """Desk -> server."""
        try:
            while (data := c.client.recv(65536)):
                if self.arm_on in data:
                    c.armed = True
                if b"ROLLBACK" in data:
                    c.armed = False
                if c.armed and b"COMMIT" in data and not self.dropped.is_set():
                    self.dropped.set()
                    c.swallow = True
                    if self.forward_commit:
                        c.server.sendall(data)  # _down closes both once it is answered
                    else:
                        _kill(c.client)
                        _kill(c.server)
                        return
                    continue
                c.server.sendall(data)
        except OSError:
            pass
        _kill(c.server)

    def _down(self, c: _Conn) -> None:
        """Server -> desk; the answer to the intercepted COMMIT never arrives."""
        try:
            while (data := c.server.recv(65536)):
                if c.swallow:
                    self.answered.set()
                    break
                c.client.sendall(data)
        except OSError:
            pass
        _kill(c.client)
        _kill(c.server)


def _kill(s: socket.socket) -> None:
    with contextlib.suppress(OSError):
        s.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        s.close()
