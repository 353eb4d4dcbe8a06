#!/usr/bin/env python3
"""bench/junk's client: junk posts from many addresses through the trusted proxy, a real
signer beside them, and the store's and the server's figures before and after."""
import argparse
import base64
import hashlib
import http.client
import json
import os
import sqlite3
import statistics
import threading
import time
import urllib.parse

BODIES = [
    b"",
    b"name=Jeff+Bezos&email=jeff%40junk.example&accept_terms=1",
    b"name=Jeff+Bezos&email=jeff%40junk.example&accept_terms=1&comment=d%C3%A9so+pas+d%C3%A9so"
    b"&altcha=bm90IGpzb24%3D",
    b"garbage=%%%",
    b"name=Bill+Gates&email=bill%40junk.example&accept_terms=1&altcha=" + b"A" * 2000,
]
AGENT = "python-requests/2.31 " + "x" * 300
TARGETS = {"rows": 2500, "bytes": 5 * 1024 * 1024, "rss": 200 * 1024 * 1024}


def store_figures(db):
    """Rows in every table, and the bytes the store's pages hold, as committed."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    rows = sum(con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    free = con.execute("PRAGMA freelist_count").fetchone()[0]
    refusals = con.execute("SELECT COUNT(*), COALESCE(SUM(attempts), 0) FROM signing_refusals").fetchone()
    events = con.execute("SELECT COUNT(*) FROM signing_events").fetchone()[0]
    con.close()
    return {"rows": rows, "bytes": (pages - free) * page_size, "summary_rows": refusals[0],
            "summarised": refusals[1], "events": events}


def memory(pid):
    figures = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                figures[key] = int(value.split()[0]) * 1024
    return figures


def junk_sender(port, addresses, count, offset, answers, lock):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    mine = {}
    for i in range(count):
        n = offset + i
        body = BODIES[n % len(BODIES)]
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "X-Forwarded-For": addresses[n % len(addresses)], "User-Agent": AGENT}
        for attempt in range(3):
            try:
                conn.request("POST", "/petitions/noel/sign", body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                mine[response.status] = mine.get(response.status, 0) + 1
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                break
            except (ConnectionError, http.client.HTTPException, OSError):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        else:
            mine["error"] = mine.get("error", 0) + 1
    conn.close()
    with lock:
        for status, n in mine.items():
            answers[status] = answers.get(status, 0) + n


def solve(port, petition):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/altcha/challenge?petition=" + petition)
    challenge = json.loads(conn.getresponse().read())
    conn.close()
    for number in range(challenge["maxnumber"] + 1):
        if hashlib.sha256((challenge["salt"] + str(number)).encode()).hexdigest() == challenge["challenge"]:
            payload = {"algorithm": challenge["algorithm"], "challenge": challenge["challenge"],
                       "number": number, "salt": challenge["salt"],
                       "signature": challenge["signature"], "took": 500}
            return base64.b64encode(json.dumps(payload).encode()).decode()
    raise RuntimeError("no solution")


def real_signer(port, stop, results):
    n = 0
    while not stop.is_set() and n < 200:
        payload = solve(port, "noel")  # a browser solves it while the person types
        form = urllib.parse.urlencode({
            "name": f"Camille Martin {n}", "email": f"camille.martin{n}@orange.fr",
            "accept_terms": "1", "altcha": payload}).encode()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        started = time.monotonic()
        conn.request("POST", "/petitions/noel/sign", body=form, headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Forwarded-For": f"127.64.{n % 250}.{1 + n % 200}",
            "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0"})
        status = conn.getresponse().status
        results.append((status, time.monotonic() - started))
        conn.close()
        n += 1
        stop.wait(0.5)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--posts", type=int, default=50000)
    parser.add_argument("--addresses", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    # Hosting networks of the simulator's AS table: 127.10-19.x.y, 25 addresses a /24.
    addresses = [f"127.{10 + (i // 25) % 10}.{i // 250}.{1 + i % 25}" for i in range(args.addresses)]
    before = store_figures(args.db)
    answers, lock = {}, threading.Lock()
    stop, signed = threading.Event(), []
    signer = threading.Thread(target=real_signer, args=(args.port, stop, signed))
    signer.start()
    per_thread = args.posts // args.threads
    started = time.monotonic()
    senders = [threading.Thread(target=junk_sender, args=(args.port, addresses, per_thread,
                                                          t * per_thread, answers, lock))
               for t in range(args.threads)]
    for s in senders:
        s.start()
    peak_rss = 0
    while any(s.is_alive() for s in senders):
        peak_rss = max(peak_rss, memory(args.pid).get("VmRSS", 0))
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    stop.set()
    signer.join()
    time.sleep(7)  # the summaries are written every 5 s
    after = store_figures(args.db)
    mem = memory(args.pid)
    peak_rss = max(peak_rss, mem.get("VmRSS", 0))

    sent = sum(answers.values())
    rows = after["rows"] - before["rows"]
    grown = after["bytes"] - before["bytes"]
    latencies = sorted(t for _, t in signed)
    accepted = sum(1 for s, _ in signed if s == 303)
    print(f"junk posts sent: {sent} from {len(addresses)} addresses in {elapsed:.1f} s "
          f"({sent / elapsed:.0f}/s); answers: " +
          ", ".join(f"{k}: {v}" for k, v in sorted(answers.items(), key=str)))
    print(f"store: +{rows} rows (target < {TARGETS['rows']}; {after['summary_rows']} summary rows "
          f"holding {after['summarised']} refused attempts; {after['events'] - before['events']} "
          f"event rows), +{grown / 1024:.0f} KiB (target < {TARGETS['bytes'] // 1024} KiB); "
          f"ratio to target: rows {rows / TARGETS['rows']:.2f}, bytes {grown / TARGETS['bytes']:.2f}")
    print(f"server memory: RSS peak {peak_rss / 2**20:.1f} MB, VmHWM {mem.get('VmHWM', 0) / 2**20:.1f} MB "
          f"(target RSS < {TARGETS['rss'] // 2**20} MB; ratio {peak_rss / TARGETS['rss']:.2f})")
    if latencies:
        print(f"real signer: {accepted} of {len(signed)} accepted; latency p50 "
              f"{statistics.median(latencies) * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms")
    verdicts = {
        "rows": rows < TARGETS["rows"],
        "bytes": grown < TARGETS["bytes"],
        "rss": peak_rss < TARGETS["rss"],
        "signer": bool(signed) and accepted == len(signed),
    }
    for name, ok in verdicts.items():
        print(f"  {name}: {'PASS' if ok else 'MISS'}")


if __name__ == "__main__":
    main()
