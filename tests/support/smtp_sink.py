#!/usr/bin/python3
"""A real SMTP server for tests (aiosmtpd): writes each message it accepts to a folder.

Usage: smtp_sink.py FOLDER [--tls CERT KEY] [--auth USER PASSWORD] [--fail-first N]
Prints the port it listens on (127.0.0.1, chosen by the system) once it accepts
connections, then serves until SIGTERM. Each message becomes FOLDER/<n>.eml (the bytes
received) and FOLDER/<n>.json (envelope, and the client's port: one port, one connection).
Recipients starting with "nobody@" are refused with 550; the first N messages get 451.
"""
import asyncio
import json
import signal
import socket
import ssl
import sys
from pathlib import Path

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, folder, fail_first):
        self.folder = Path(folder)
        self.fail_first = fail_first
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody@"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.fail_first > 0:
            self.fail_first -= 1
            return "451 4.3.0 Try again later"
        self.count += 1
        stem = self.folder / str(self.count)
        Path(f"{stem}.eml.part").write_bytes(envelope.original_content)
        Path(f"{stem}.json").write_text(json.dumps({
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "auth": session.authenticated,
            "peer_port": session.peer[1],
        }))
        Path(f"{stem}.eml.part").rename(f"{stem}.eml")  # whole files only
        return "250 OK"


def main():
    args = sys.argv[1:]
    folder = args.pop(0)
    tls = auth = None
    fail_first = 0
    while args:
        flag = args.pop(0)
        if flag == "--tls":
            tls = (args.pop(0), args.pop(0))
        elif flag == "--auth":
            auth = (args.pop(0), args.pop(0))
        elif flag == "--fail-first":
            fail_first = int(args.pop(0))
    kwargs = {}
    if tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*tls)
        kwargs["tls_context"] = context
        kwargs["require_starttls"] = False
    if auth:
        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and \
                data.login.decode() == auth[0] and data.password.decode() == auth[1]
            if ok:
                return AuthResult(success=True)
            return AuthResult(success=False, handled=False,
                              message="535 5.7.8 Authentication credentials invalid")
        kwargs["authenticator"] = authenticator
        kwargs["auth_required"] = True
        kwargs["auth_require_tls"] = False
    # The socket is bound to port 0 and listening before the port is printed: no other
    # process can take the port in between, and the client never connects too early.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    sink = Sink(folder, fail_first)
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(sink, hostname="localhost", loop=loop, **kwargs), sock=listener))
    print(listener.getsockname()[1], flush=True)
    loop.add_signal_handler(signal.SIGTERM, loop.stop)
    loop.run_forever()
    server.close()


if __name__ == "__main__":
    main()
