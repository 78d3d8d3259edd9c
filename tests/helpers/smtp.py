"""A real SMTP server (aiosmtpd) on a free local port that answers the first messages with a refusal."""

import socket
from contextlib import contextmanager

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RefusingHandler:
    """Refuses the first `refusals` messages with `reply` (e.g. a 451 "try again later"), then accepts."""

    def __init__(self, refusals, reply):
        self.refusals_left = refusals
        self.reply = reply
        self.attempts = 0
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.refusals_left > 0:
            self.refusals_left -= 1
            return self.reply
        self.messages.append(envelope)
        return "250 OK"


@contextmanager
def smtp_server(refusals=0, reply="451 4.3.0 Try again later"):
    """Yields (handler, port); the server runs in its own thread until the block ends."""
    handler = RefusingHandler(refusals, reply)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield handler, controller.port
    finally:
        controller.stop()
