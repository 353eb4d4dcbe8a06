#!/usr/bin/env python3
# bench/attack: watches one replay from outside, as a moderator would: every second it
# reads the store (read-only) and the API's count, then scores the scenario against its
# target, prints one block of figures and, with --row, writes them as one JSON line for
# table.py.
import argparse, csv, json, os, sqlite3, sys, time, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--db", required=True)
p.add_argument("--port", type=int, required=True)
p.add_argument("--petition", required=True)
p.add_argument("--addresses", required=True)   # email,fake as the simulator planned them
p.add_argument("--stop-file", required=True)   # appears once the replay's report is written
p.add_argument("--report", required=True)      # the simulator's JSON report
p.add_argument("--scenario", required=True)
p.add_argument("--label", default="")
p.add_argument("--max-seconds", type=float, default=1800)
p.add_argument("--row", default="")             # append the figures here as a JSON line
args = p.parse_args()

# What each scenario is, and so its target: a flood to contain, a slow attacker to hold
# under 1 % of the count, a real crowd to leave alone, or a flood inside a crowd.
KINDS = {"a": "flood", "seed": "flood", "b": "flood", "catch-all": "flood",
         "c": "slow", "adaptive": "slow", "c-mailboxes": "slow", "adaptive-mailboxes": "slow",
         "d": "crowd", "viral": "crowd", "association": "crowd", "comments": "crowd",
         "campus": "crowd",
         "mix": "mix", "association-mix": "mix", "comments-mix": "mix", "campus-mix": "mix"}
kind = KINDS.get(args.scenario, "mix")

with open(args.addresses) as f:
    fake = {row["email"].lower(): row["fake"] == "1" for row in csv.DictReader(f)}

def api_count():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/api/petitions/{args.petition}",
                                    timeout=5) as r:
            return json.load(r)["signature_count"]
    except Exception:
        return None

# Every fake ever seen counted, and every real signer ever seen set aside, across samples:
# a signature released or invalidated later was still counted, or set aside, meanwhile.
fakes_ever_counted = set()
legit_ever_aside = set()

def watches(db):
    """Watches opened (a table the detector is getting): None when the store has none."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'watches'"
                      ).fetchone():
        return None
    columns = {row[1] for row in db.execute("PRAGMA table_info(watches)")}
    total = db.execute("SELECT COUNT(*) FROM watches").fetchone()[0]
    by = {}
    if "dimension" in columns:
        by = dict(db.execute("SELECT dimension, COUNT(*) FROM watches GROUP BY dimension"))
    return {"total": total, "by_dimension": by}

def sample(db):
    counts = {"fake_counted": 0, "fake_quarantined": 0, "fake_total": 0,
              "legit_counted": 0, "legit_quarantined": 0, "legit_total": 0}
    for email, state in db.execute("SELECT email, state FROM signatures"):
        is_fake = fake.get(email.lower(), False)
        side = "fake" if is_fake else "legit"
        counts[side + "_total"] += 1
        if state == "confirmed":
            counts[side + "_counted"] += 1
            if is_fake:
                fakes_ever_counted.add(email.lower())
        elif state == "quarantined":
            counts[side + "_quarantined"] += 1
            if not is_fake:
                legit_ever_aside.add(email.lower())
    incidents = db.execute("SELECT opened_ms, dimension FROM incidents ORDER BY opened_ms"
                           ).fetchall()
    # A value that stands out while the petition's incident is open joins it as a cluster
    # of its own, with no new incident: detection is the first of either.
    alarms = sorted(incidents + db.execute(
        "SELECT detected_ms, dimension FROM incident_clusters").fetchall())
    counts.update(at_ms=int(time.time() * 1000), api=api_count(), incident_list=incidents,
                  alarms=alarms, watches=watches(db))
    return counts

db = None
samples = []
deadline = time.time() + args.max_seconds
while time.time() < deadline:
    stop = os.path.exists(args.stop_file)
    try:
        if db is None:
            db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True, timeout=5)
        samples.append(sample(db))
    except sqlite3.Error as error:
        db = None
        print(f"  (store not readable this second: {error})", file=sys.stderr)
    if stop:
        break
    time.sleep(1)

if not samples or not os.path.exists(args.report):
    print(f"{args.scenario}: no observation (server or simulator failed)")
    sys.exit(1)
with open(args.report) as f:
    report = json.load(f)

last = samples[-1]
first_attack = report["first_fake_ms"] or None
incidents = last["incident_list"]
# Detection is the first incident or cluster once the attack has begun (a second's slack
# for clocks): one a crowd raised before it is a false alarm, not a detection.
alarms = last["alarms"]
after_attack = [row for row in alarms if first_attack and row[0] >= first_attack - 1000]
before_attack = len([row for row in incidents
                     if not first_attack or row[0] < first_attack - 1000])
first_incident = after_attack[0][0] if after_attack else None
detect = (first_incident - first_attack) / 1000 if first_attack and first_incident else None
dimensions = sorted({row[1] for row in alarms})
counted = [s for s in samples if s["fake_counted"] > 0]
peak_fake = max((s["fake_counted"] for s in samples), default=0)
seconds_counted = len(counted)
if not counted:
    contain, contain_text = 0.0, "0.0 s (no fake ever counted)"
elif last["fake_counted"] > 0:
    contain, contain_text = None, "not contained (fakes still counted at the end)"
else:
    after = next(s for s in samples if s["at_ms"] > counted[-1]["at_ms"])
    contain = (after["at_ms"] - first_attack) / 1000 if first_attack else None
    contain_text = f"{contain:.1f} s" if contain is not None else "?"
peak_share = max((s["fake_counted"] / max(1, s["fake_counted"] + s["legit_counted"])
                  for s in samples), default=0)
legit_quarantined = max((s["legit_quarantined"] for s in samples), default=0)
legit_aside = len(legit_ever_aside)
fakes_ever = len(fakes_ever_counted)
legit_refused = {k: v for k, v in report["legit"]["sign_status"].items() if k != "303"}
fake_side = report["fake"]
watch = last["watches"]

if kind == "flood":
    target = "contained < 60 s, 0 fake left counted"
    ok = contain is not None and contain < 60 and last["fake_counted"] == 0 and \
        (first_incident is not None)
elif kind == "slow":
    target = "contained, or fakes < 1 % of the count"
    ok = last["fake_counted"] == 0 or peak_share < 0.01
elif kind == "crowd":
    target = "0 real signers set aside"
    ok = legit_aside == 0
else:
    target = "flood contained < 60 s with 0 fake left counted, 0 real signers set aside"
    ok = contain is not None and contain < 60 and last["fake_counted"] == 0 and \
        legit_aside == 0 and first_incident is not None

def fmt(value):
    return "-" if value is None else f"{value:.1f} s"

def watch_text():
    if watch is None:
        return "- (no watches table in this store)"
    by = ", ".join(f"{k} {v}" for k, v in sorted(watch["by_dimension"].items()))
    return f"{watch['total']} opened" + (f" ({by})" if by else "")

print(f"== {args.scenario}: {args.label}")
print(f"  detect:   {fmt(detect) if first_attack else 'no attack'}"
      f"{'' if first_incident or not first_attack else ' (no incident)'}"
      f"   incidents: {len(incidents)}, clusters {len(alarms) - len(incidents)} "
      f"({', '.join(dimensions) or 'none'})"
      f"{f'; {before_attack} incident before the attack' if first_attack and before_attack else ''}")
print(f"  contain:  {contain_text}")
print(f"  fakes:    ever counted {fakes_ever}, counted at peak {peak_fake} (peak share "
      f"{peak_share * 100:.2f} %), counted for {seconds_counted} s, left counted "
      f"{last['fake_counted']}, quarantined {last['fake_quarantined']} of "
      f"{last['fake_total']} stored")
print(f"  legit:    counted {last['legit_counted']} (API {last['api']}), set aside "
      f"(quarantined) {legit_aside}, {legit_quarantined} at once at most, refused "
      f"{sum(legit_refused.values())} {json.dumps(legit_refused) if legit_refused else ''}, "
      f"of {report['legit']['attempts']} attempts")
print(f"  watches:  {watch_text()}")
print(f"  attacker: {fake_side['requests']} requests ({fake_side['refused']} refused; forms "
      f"{json.dumps(fake_side['sign_status'])}), {fake_side['confirmations_sent']} "
      f"confirmations, hardest proof of work {fake_side['max_difficulty']}")
print(f"  pacing:   {report['late_attempts']} attempts more than 1 s late (max "
      f"{report['max_lag_s']:.1f} s)")
print(f"  target:   {target}: {'PASS' if ok else 'MISS'}")

if args.row:
    with open(args.row, "a") as f:
        f.write(json.dumps({
            "scenario": args.scenario, "label": args.label, "kind": kind,
            "detect_s": detect, "contain_s": contain if first_attack else None,
            "incidents": len(incidents), "incidents_before_attack": before_attack,
            "fakes_ever_counted": fakes_ever if first_attack else None,
            "fakes_left_counted": last["fake_counted"],
            "legit_set_aside": legit_aside, "legit_counted": last["legit_counted"],
            "watches": None if watch is None else watch["total"],
            "target": target, "ok": ok}) + "\n")
