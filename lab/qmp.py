"""A minimal client for QEMU's machine protocol (QMP) over a unix socket: enough to take a
screenshot and to quit. Standard library only."""

import json
import socket
import time


class QmpError(Exception):
    pass


class Qmp:
    def __init__(self, path, connect_timeout=10.0, reply_timeout=15.0):
        deadline = time.monotonic() + connect_timeout
        while True:
            try:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self._sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                self._sock.close()
                if time.monotonic() > deadline:
                    raise QmpError(f"no QMP socket at {path} after {connect_timeout:.0f} s")
                time.sleep(0.1)
        self._sock.settimeout(reply_timeout)
        self._reader = self._sock.makefile("r", encoding="utf-8")
        greeting = self._read()
        if "QMP" not in greeting:
            raise QmpError(f"unexpected QMP greeting: {greeting}")
        self.command("qmp_capabilities")

    def _read(self):
        line = self._reader.readline()
        if not line:
            raise QmpError("QMP connection closed")
        return json.loads(line)

    def command(self, name, **arguments):
        message = {"execute": name}
        if arguments:
            message["arguments"] = arguments
        self._sock.sendall((json.dumps(message) + "\n").encode())
        while True:
            reply = self._read()
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise QmpError(f"{name}: {reply['error'].get('desc', reply['error'])}")
            # anything else is an asynchronous event (RESET, STOP, ...): not our answer

    def screendump(self, filename):
        self.command("screendump", filename=filename, format="png")

    def quit(self):
        try:
            self.command("quit")
        except (QmpError, OSError):
            pass  # QEMU may close the socket before it answers

    def close(self):
        try:
            self._reader.close()
            self._sock.close()
        except OSError:
            pass
