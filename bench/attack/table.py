#!/usr/bin/env python3
# bench/attack: the figures observe.py wrote (one JSON line a scenario) as one markdown
# table, a row a scenario, in the order they ran.
import json, sys

def seconds(value):
    return "-" if value is None else f"{value:.1f}"

def detection(row):
    if row["kind"] == "crowd":  # no attack: any incident is a false alarm
        return f"- ({incidents(row['incidents'])})" if row["incidents"] else "-"
    if row["detect_s"] is None:
        return "no incident"
    before = row["incidents_before_attack"]
    return seconds(row["detect_s"]) + (f" ({incidents(before)} before)" if before else "")

def incidents(n):
    return f"{n} incident" + ("" if n == 1 else "s")

def containment(row):
    if row["contain_s"] is None:
        return "-" if row["kind"] == "crowd" else "not contained"
    return seconds(row["contain_s"])

print("| scenario | detection s | containment s | fakes ever counted | real signers set aside "
      "| target |")
print("|---|---|---|---|---|---|")
with open(sys.argv[1]) as rows:
    for line in rows:
        row = json.loads(line)
        fakes = "-" if row["fakes_ever_counted"] is None else str(row["fakes_ever_counted"])
        print(f"| {row['scenario']} | {detection(row)} | {containment(row)} | {fakes} | "
              f"{row['legit_set_aside']} | {'PASS' if row['ok'] else 'MISS'} |")
