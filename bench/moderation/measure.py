#!/usr/bin/env python3
"""bench/moderation: logs a moderator in, then times the queue page and the similar-petition
search one request after the other on one keep-alive connection. The reference, GET /healthz
on the same connection, is timed alone just before each phase (the ratio's) and once after
each timed request (the server just after the work). Then the same SQL runs straight on the
store file, to tell the store's share from the server's. Prints the figures and PASS or FAIL
against the target; exit status 1 on a FAIL, 2 when the server did not answer as it should.

Usage: measure.py PORT EMAIL ONE_TIME_PASSWORD QUERIES_FILE DB QUEUE_N SIMILAR_N TARGET_MS
"""
import http.client
import json
import math
import os
import re
import sqlite3
import sys
import time
import unicodedata
import urllib.parse

QUEUE_SHOWN = 200     # src/admin/moderation_routes.cpp: queue_shown
SIMILAR_SHOWN = 5     # src/web/propose_routes.cpp: similar_shown
WARM_UP = 10          # requests of each kind before the timed ones, not counted
STORE_RUNS = 60       # runs of each query straight on the store file
QUIET_REFERENCE = 500  # GET /healthz alone before each phase


class Failure(Exception):
    """The server did not answer as the benchmark needs: no figure can be trusted."""


class Browser:
    """One keep-alive connection with the cookies it was given."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.connection = None

    def request(self, method, target, body=None):
        headers = {"Accept-Language": "fr"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):  # the server may have closed an idle keep-alive connection
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                started = time.perf_counter_ns()
                self.connection.request(method, target, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                elapsed_ms = (time.perf_counter_ns() - started) / 1e6
                break
            except (http.client.RemoteDisconnected, ConnectionError, BrokenPipeError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        for cookie in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in cookie:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response.status, response.getheader("Location", ""), data, elapsed_ms


def csrf_in(page):
    found = re.search(rb'name="csrf"[^>]*value="([^"]*)"', page)
    if not found:
        raise Failure("no csrf field in the form")
    return found.group(1).decode()


def log_in(browser, email, once):
    """As tests/support/admin_browser.cpp's first_log_in: the one-time password, then a new one."""
    _, _, page, _ = browser.request("GET", "/admin/login")
    status, location, _, _ = browser.request(
        "POST", "/admin/login",
        {"csrf": csrf_in(page), "email": email, "password": once, "totp": ""})
    if status not in (302, 303) or location != "/admin/password":
        raise Failure(f"POST /admin/login answered {status} to {location or 'nowhere'}")
    chosen = "banc-de-moderation-" + os.urandom(8).hex()
    _, _, page, _ = browser.request("GET", "/admin/password")
    status, location, _, _ = browser.request(
        "POST", "/admin/password",
        {"csrf": csrf_in(page), "current": once, "new": chosen, "confirm": chosen})
    if status not in (302, 303) or not location.startswith("/admin"):
        raise Failure(f"POST /admin/password answered {status} to {location or 'nowhere'}")


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def figures(samples):
    return (f"p50 {percentile(samples, 50):6.2f}  p90 {percentile(samples, 90):6.2f}  "
            f"p99 {percentile(samples, 99):6.2f}  max {max(samples):6.2f} ms")


def similar_words(text):
    """What src/web/propose_routes.cpp's search_words and similar_petitions make of `text`,
    near enough for the store's share (the server folds with its own normaliser)."""
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    words = []
    for word in folded.split():
        if word not in words:
            words.append(word)
    words = words[:16]
    terms = []
    for i, word in enumerate(words):
        if len(word) < 3:
            continue
        terms.append(f'"{word}"' + ("*" if i + 1 == len(words) else ""))
    return " OR ".join(terms)


# Copied from src/store/submission_repository.cpp (moderation_queue) and
# src/store/petition_search.cpp (similar_petitions): keep them in step.
QUEUE_SQL = (
    "SELECT s.petition_id, p.slug, p.title, s.waiting_since, s.waited + (?1 - s.waiting_since), "
    "CASE WHEN s.held_until > ?1 THEN s.held_by END, s.held_until, COALESCE(u.email, ''), "
    "s.flag_note, s.checks FROM submissions s JOIN petitions p ON p.id = s.petition_id "
    "LEFT JOIN users u ON u.id = s.held_by AND s.held_until > ?1 "
    "WHERE s.waiting_since IS NOT NULL AND s.decided_at IS NULL AND s.set_aside = 0 "
    "ORDER BY s.waiting_since - s.waited, s.petition_id LIMIT ?2")
SIMILAR_SQL = (
    "SELECT p.id FROM petition_words JOIN petitions p ON p.id = petition_words.rowid "
    "WHERE petition_words MATCH ?1 AND p.state IN ('published', 'closed') "
    "ORDER BY rank LIMIT ?2")


def store_alone(db_path, queries):
    """The two queries straight on the file, in this process: the store's share of a request."""
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    db.execute("PRAGMA temp_store=MEMORY")  # as src/store/database.cpp
    now = int(time.time())
    queue, similar = [], []
    for _ in range(STORE_RUNS):
        started = time.perf_counter_ns()
        db.execute(QUEUE_SQL, (now, QUEUE_SHOWN)).fetchall()
        queue.append((time.perf_counter_ns() - started) / 1e6)
    for typed in queries[:STORE_RUNS * 5]:
        match = similar_words(typed)
        if not match:
            continue
        started = time.perf_counter_ns()
        db.execute(SIMILAR_SQL, (match, SIMILAR_SHOWN)).fetchall()
        similar.append((time.perf_counter_ns() - started) / 1e6)
    plans = {name: [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, args)]
             for name, sql, args in (("queue", QUEUE_SQL, (now, QUEUE_SHOWN)),
                                     ("similar", SIMILAR_SQL, ('"velo"', SIMILAR_SHOWN)))}
    db.close()
    return queue, similar, plans


def main():
    port, email, once, queries_file, db_path = sys.argv[1:6]
    queue_n, similar_n, target_ms = int(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8])
    with open(queries_file, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for line in f if line.strip()]
    store = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    waiting = store.execute("SELECT COUNT(*) FROM submissions WHERE waiting_since IS NOT NULL "
                            "AND decided_at IS NULL").fetchone()[0]
    public = {row[0] for row in store.execute(
        "SELECT slug FROM petitions WHERE state IN ('published', 'closed')")}
    store.close()

    browser = Browser(int(port))
    log_in(browser, email, once)

    def healthz(into):
        status, _, _, ms = browser.request("GET", "/healthz")
        if status != 200:
            raise Failure(f"GET /healthz answered {status}")
        into.append(ms)

    # The reference alone just before each phase, and one after each timed request.
    before_queue, after_queue, before_similar, after_similar = [], [], [], []
    for _ in range(QUIET_REFERENCE):
        healthz(before_queue)
    # The queue page: every answer checked to be the queue, the first one (cold) apart.
    queue, cold, page_bytes = [], None, 0
    expected_rows = min(QUEUE_SHOWN, waiting)
    for i in range(WARM_UP + queue_n):
        status, location, page, ms = browser.request("GET", "/admin/moderation")
        if status != 200:
            raise Failure(f"GET /admin/moderation answered {status} {location}")
        if i == 0:
            cold = ms
            rows = page.count(b'class="proposal-row"')
            if rows != expected_rows or f"{waiting} ".encode() not in page:
                raise Failure(f"the queue page shows {rows} rows of {expected_rows}, "
                              f"or not the {waiting} waiting")
        page_bytes = len(page)
        if i >= WARM_UP:
            queue.append(ms)
            healthz(after_queue)

    # The similar-petition search, one half-typed title after another.
    for _ in range(QUIET_REFERENCE):
        healthz(before_similar)
    similar, answered, shown_not_public = [], 0, []
    for i in range(WARM_UP + similar_n):
        typed = queries[i % len(queries)]
        target = "/propose/similar?q=" + urllib.parse.quote_plus(typed)
        status, _, body, ms = browser.request("GET", target)
        if status != 200:
            raise Failure(f"GET {target} answered {status}")
        found = json.loads(body)["petitions"]
        shown_not_public += [p["slug"] for p in found if p["slug"] not in public]
        if i >= WARM_UP:
            similar.append(ms)
            answered += bool(found)
            healthz(after_similar)

    size = sum(os.path.getsize(db_path + tail) for tail in ("", "-wal")
               if os.path.exists(db_path + tail))
    store_queue, store_similar, plans = store_alone(db_path, queries)

    verdicts = []
    print(f"store:       {waiting} waiting proposals, {len(public)} public petitions, "
          f"{size / 1e6:.1f} MB (rempart.db and its WAL)")
    for name, samples, alone, after, what in (
            ("queue page", queue, before_queue, after_queue,
             f"GET /admin/moderation, {expected_rows} rows, {page_bytes / 1000:.0f} kB; "
             f"the first, cold: {cold:.1f} ms"),
            ("similar", similar, before_similar, after_similar,
             f"GET /propose/similar?q=, {len(queries)} half-typed titles in turn; "
             f"{answered} answers with petitions")):
        p99, r99 = percentile(samples, 99), percentile(alone, 99)
        verdict = "PASS" if p99 < target_ms else "FAIL"
        verdicts.append(verdict)
        print(f"{name + ':':12} {figures(samples)}   {len(samples)} requests ({what})")
        print(f"{'  /healthz':12} {figures(alone)}   {len(alone)} just before: the round trip")
        print(f"{'  /healthz':12} {figures(after)}   {len(after)}, one after each request")
        print(f"{'  ratio':12} {name} p99 {p99:.1f} ms = {p99 / r99:.0f} x /healthz p99 "
              f"{r99:.2f} ms; target p99 < {target_ms:g} ms: {verdict}")
    print(f"{'store alone:':12} queue SQL {figures(store_queue)}   ({len(store_queue)} runs)")
    print(f"{'':12} similar SQL {figures(store_similar)}   ({len(store_similar)} runs; "
          f"python3's sqlite3 on the same file, SQL copied from src/store/)")
    for name, steps in plans.items():
        print(f"{'':12} plan of the {name} SQL: {'; '.join(steps)}")
    if shown_not_public:
        print(f"similar:     NOT PUBLIC petitions shown: {len(shown_not_public)} "
              f"(e.g. {shown_not_public[0]}): FAIL")
        verdicts.append("FAIL")
    return 1 if "FAIL" in verdicts else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (Failure, OSError, http.client.HTTPException) as error:
        print(f"bench/moderation: {error}", file=sys.stderr)
        sys.exit(2)
