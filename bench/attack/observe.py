#!/usr/bin/env python3
# bench/attack: watches one replay from outside, as a moderator would: every second it
# reads the store (read-only) and the API's count, then scores the scenario against its
# target and prints one block of figures.
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
args = p.parse_args()

with open(args.addresses) as f:
    fake = {row["email"].lower(): row["fake"] == "1" for row in csv.DictReader(f)}

def api_count():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/api/petitions/{args.petition}",
                                    timeout=5) as r:
            return json.load(r)["signature_count"]
    except Exception:
        return None

def sample(db):
    counts = {"fake_counted": 0, "fake_quarantined": 0, "fake_total": 0,
              "legit_counted": 0, "legit_quarantined": 0, "legit_total": 0}
    for email, state in db.execute("SELECT email, state FROM signatures"):
        side = "fake" if fake.get(email.lower(), False) else "legit"
        counts[side + "_total"] += 1
        if state == "confirmed":
            counts[side + "_counted"] += 1
        elif state == "quarantined":
            counts[side + "_quarantined"] += 1
    first = db.execute("SELECT MIN(opened_ms), COUNT(*) FROM incidents").fetchone()
    dims = [r[0] for r in db.execute("SELECT DISTINCT dimension FROM incidents")]
    counts.update(at_ms=int(time.time() * 1000), api=api_count(), first_incident_ms=first[0],
                  incidents=first[1], dimensions=dims)
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
first_incident = last["first_incident_ms"]
detect = (first_incident - first_attack) / 1000 if first_attack and first_incident else None
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
legit_refused = {k: v for k, v in report["legit"]["sign_status"].items() if k != "303"}
fake_side = report["fake"]

if args.scenario in ("a", "b"):
    target = "contained < 60 s, 0 fake left counted"
    ok = contain is not None and contain < 60 and last["fake_counted"] == 0 and \
        (first_incident is not None)
elif args.scenario == "c":
    target = "contained, or fakes < 1 % of the count"
    ok = last["fake_counted"] == 0 or peak_share < 0.01
elif args.scenario == "d":
    target = "0 legitimate quarantined"
    ok = legit_quarantined == 0
else:
    target = "flood contained < 60 s with 0 fake left counted, 0 legitimate quarantined"
    ok = contain is not None and contain < 60 and last["fake_counted"] == 0 and \
        legit_quarantined == 0 and first_incident is not None

def fmt(value):
    return "-" if value is None else f"{value:.1f} s"

print(f"== {args.scenario}: {args.label}")
print(f"  detect:   {fmt(detect) if first_attack else 'no attack'}"
      f"{'' if first_incident or not first_attack else ' (no incident)'}"
      f"   incidents: {last['incidents']} ({', '.join(last['dimensions']) or 'none'})")
print(f"  contain:  {contain_text}")
print(f"  fakes:    counted at peak {peak_fake} (peak share {peak_share * 100:.2f} %), "
      f"counted for {seconds_counted} s, left counted {last['fake_counted']}, "
      f"quarantined {last['fake_quarantined']} of {last['fake_total']} stored")
print(f"  legit:    counted {last['legit_counted']} (API {last['api']}), quarantined "
      f"{legit_quarantined}, refused {sum(legit_refused.values())} "
      f"{json.dumps(legit_refused) if legit_refused else ''}, "
      f"of {report['legit']['attempts']} attempts")
print(f"  attacker: {fake_side['requests']} requests ({fake_side['refused']} refused; forms "
      f"{json.dumps(fake_side['sign_status'])}), {fake_side['confirmations_sent']} "
      f"confirmations, hardest proof of work {fake_side['max_difficulty']}")
print(f"  pacing:   {report['late_attempts']} attempts more than 1 s late (max "
      f"{report['max_lag_s']:.1f} s)")
print(f"  target:   {target}: {'PASS' if ok else 'MISS'}")
