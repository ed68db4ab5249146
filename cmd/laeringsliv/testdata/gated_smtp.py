"""A real SMTP server (aiosmtpd) whose pace the test sets, for the mail queue's kill -9 test.

Usage: gated_smtp.py PORT DIR

Each accepted message is stored as DIR/msgs/<n>.eml. A transaction waits at RCPT TO until
fewer messages are stored than the number in DIR/allow, so the test can hold every sender at
a point where nothing has been handed over yet and kill the platform there. DIR/state holds
{"stored": n, "blocked": m}: messages stored, and live connections waiting at the gate.
"""
import asyncio
import json
import os
import sys

from aiosmtpd.controller import Controller

port, root = int(sys.argv[1]), sys.argv[2]
msgs = os.path.join(root, "msgs")
os.makedirs(msgs, exist_ok=True)
state = {"stored": 0, "blocked": 0}


def write_state():
    tmp = os.path.join(root, "state.tmp")
    with open(tmp, "w") as f:
        json.dump(state, f)
    os.replace(tmp, os.path.join(root, "state"))


def allowed():
    try:
        with open(os.path.join(root, "allow")) as f:
            return int(f.read().strip() or 0)
    except (OSError, ValueError):
        return 0


def gone(server):
    t = getattr(server, "transport", None)
    return t is None or t.is_closing()


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if state["stored"] >= allowed():
            state["blocked"] += 1
            write_state()
            try:
                while state["stored"] >= allowed():
                    if gone(server):  # the sender died while held here: nothing was sent
                        return "421 gone"
                    await asyncio.sleep(0.02)
            finally:
                state["blocked"] -= 1
                write_state()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        state["stored"] += 1
        n = state["stored"]
        tmp = os.path.join(msgs, "%d.tmp" % n)
        with open(tmp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(tmp, os.path.join(msgs, "%d.eml" % n))
        write_state()
        return "250 Message accepted for delivery"


write_state()
controller = Controller(Handler(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
try:
    asyncio.new_event_loop().run_forever()
finally:
    controller.stop()
