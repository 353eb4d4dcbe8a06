#!/usr/bin/env python3
"""bench/flood/figures.py: bench/flood's figures from what its run left in one folder: per
phase, the legitimate visitor's latencies and failures (reads and signatures apart), the
attacker's requests and answers, the server's CPU, memory and gate; then the targets with
PASS or FAIL. Prints them, and writes them as JSON to --json."""

import argparse
import csv
import json
import math
import os
import sys


def load_lines(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def load_json(path):
    if not path or not os.path.exists(path):
        return None
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else None


def quantile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


def ms(value):
    return "-" if value is None else f"{value:.2f} ms"


def visitor_rows(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [
            {"at": int(r["unix_ms"]), "kind": r["kind"], "status": int(r["status"]),
             "ms": int(r["latency_us"]) / 1000.0, "ok": r["ok"] == "1"}
            for r in csv.DictReader(f)
        ]


def legitimate(rows, start, end):
    rows = [r for r in rows if start <= r["at"] < end]
    reads = [r for r in rows if r["kind"] == "read"]
    signing = [r for r in rows if r["kind"] in ("challenge", "sign")]
    both = reads + signing
    return {
        "reads": len(reads),
        "reads_failed": sum(not r["ok"] for r in reads),
        "reads_p50_ms": quantile([r["ms"] for r in reads], 0.5),
        "reads_p99_ms": quantile([r["ms"] for r in reads], 0.99),
        "signatures": sum(r["kind"] == "sign" for r in rows),
        # A failed challenge is a signature that could not be sent.
        "signatures_failed": sum(not r["ok"] for r in signing),
        "signing_p50_ms": quantile([r["ms"] for r in signing], 0.5),
        "signing_p99_ms": quantile([r["ms"] for r in signing], 0.99),
        "p99_ms": quantile([r["ms"] for r in both], 0.99),
        "max_ms": max((r["ms"] for r in both), default=None),
        "gate_passes": sum(r["kind"] == "gate" and r["status"] == 303 and r["ok"] for r in rows),
        "gate_met": sum(r["kind"] == "gate" and r["status"] == 503 for r in rows),
        "statuses": sorted({r["status"] for r in both if not r["ok"]}),
    }


def server(start, end, samples):
    seconds = max(1e-3, (end["unix_ms"] - start["unix_ms"]) / 1000.0)
    ticks = end.get("cpu_ticks", 0) - start.get("cpu_ticks", 0)
    inside = [s for s in samples if start["unix_ms"] <= s["unix_ms"] <= end["unix_ms"]]
    gate_samples = [s["metrics"]["gate_on"] for s in inside if s.get("metrics")]
    m0, m1 = start.get("metrics") or {}, end.get("metrics") or {}
    d0, d1 = m0.get("decisions", {}), m1.get("decisions", {})
    machine_ticks = end.get("machine_ticks", 0) - start.get("machine_ticks", 0)
    machine_idle = end.get("machine_idle_ticks", 0) - start.get("machine_idle_ticks", 0)
    return {
        "seconds": seconds,
        "cpu_percent": ticks / start.get("clock_ticks", 100) / seconds * 100,
        # Of all cores: the server, the bots, the visitor, and anything else on the machine.
        "machine_busy_percent": (100 * (1 - machine_idle / machine_ticks)) if machine_ticks else None,
        "cores": start.get("cores"),
        "rss_mb": end.get("vmrss_kb", 0) / 1024,
        "rss_peak_mb": max([s.get("vmrss_kb", 0) for s in inside] + [end.get("vmrss_kb", 0)]) / 1024,
        "hwm_mb": end.get("vmhwm_kb", 0) / 1024,
        "gate_on_at_end": int(m1.get("gate_on", 0)),
        "gate_on_share": (sum(gate_samples) / len(gate_samples)) if gate_samples else None,
        "tracked_keys": int(m1.get("shield_tracked_keys", 0)),
        "decisions": {k: int(d1.get(k, 0) - d0.get(k, 0)) for k in d1},
    }


def attacker(report):
    if not report:
        return None
    a = report["answers"]
    return {
        "target_rate": report["target_rate"],
        "sent": report["sent"],
        "sent_rate": report["sent_rate"],
        "addresses": report["addresses"],
        "networks": report["networks"],
        "served": a["served"],
        "refused": a["refused"],
        "gated": a["gated"],
        "other": a["other"],
        "errors": a["error"] + a["timeout"],
        "statuses": report["statuses"],
        "p50_ms": report["latency"]["p50_ms"],
        "p99_ms": report["latency"]["p99_ms"],
        "due": report["due"],
        "held_back": report["held_back"],
        "saturated": report["saturated"] + report["unsent"],
        "adapt": report["adapt"],
        "via": report["via"],
        "threads": report["threads"],
    }


def print_phase(phase):
    s, leg, att = phase["server"], phase["legitimate"], phase["attacker"]
    print(f"== {phase['name']}: {phase['label']} ({s['seconds']:.0f} s)")
    if leg["reads"] or leg["signatures"]:
        print(f"  legitimate: reads {leg['reads']} ({leg['reads_failed']} failed) "
              f"p50 {ms(leg['reads_p50_ms'])} p99 {ms(leg['reads_p99_ms'])}; signatures "
              f"{leg['signatures']} ({leg['signatures_failed']} failed) p50 "
              f"{ms(leg['signing_p50_ms'])} p99 {ms(leg['signing_p99_ms'])}; all p99 "
              f"{ms(leg['p99_ms'])}; gate met {leg['gate_met']}, passed {leg['gate_passes']}"
              + (f"; failed statuses {leg['statuses']}" if leg["statuses"] else ""))
    if att:
        print(f"  attacker: {att['sent']} sent at {att['sent_rate']:.0f}/s (target "
              f"{att['target_rate']:.0f}/s, {att['addresses']} addresses in {att['networks']} "
              f"/24s, via {att['via']}, {'resting' if att['adapt'] else 'not resting'} after a "
              f"429): served {att['served']}, refused {att['refused']}, gated {att['gated']}, "
              f"other {att['other']}, errors {att['errors']}; bots saw p50 {ms(att['p50_ms'])} "
              f"p99 {ms(att['p99_ms'])}; slots held back {att['held_back']}, client "
              f"saturated {att['saturated']}")
    gate = "-" if s["gate_on_share"] is None else f"{s['gate_on_share'] * 100:.0f} %"
    decisions = " ".join(f"{k} {v}" for k, v in sorted(s["decisions"].items()) if v)
    busy = ("-" if s["machine_busy_percent"] is None
            else f"{s['machine_busy_percent']:.0f} % of its {s['cores']} cores")
    print(f"  server: CPU {s['cpu_percent']:.0f} % of a core (the machine: {busy}); VmRSS {s['rss_mb']:.1f} MB "
          f"(peak {s['rss_peak_mb']:.1f} MB), VmHWM {s['hwm_mb']:.1f} MB; gate on {gate} of "
          f"the phase, {'on' if s['gate_on_at_end'] else 'off'} at its end; tracked keys "
          f"{s['tracked_keys']}; shield: {decisions or '-'}")


def limited_by(att):
    if att["due"] and att["saturated"] > 0.01 * att["due"]:
        return ("the client: its queue overflowed (2 shared cores run the server, the bots "
                "and the visitor)")
    if att["due"] and att["held_back"] > 0.01 * att["due"]:
        return "the bots themselves: addresses resting after 429s left slots unsent"
    return "nothing: the target rate was reached"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--work", required=True)
    parser.add_argument("--json")
    parser.add_argument("--commit", default="")
    args = parser.parse_args()
    work = args.work

    plan = load_lines(os.path.join(work, "plan.jsonl"))
    marks = {m["mark"]: m for m in load_lines(os.path.join(work, "phases.jsonl"))}
    samples = load_lines(os.path.join(work, "samples.jsonl"))
    rows = visitor_rows(os.path.join(work, "visitor.csv"))
    phases = []
    for step in plan:
        start, end = marks.get(step["name"] + ":start"), marks.get(step["name"] + ":end")
        if not start or not end:
            continue
        phases.append({
            "name": step["name"],
            "label": step["label"],
            "role": step.get("role", ""),
            "legitimate": legitimate(rows, start["unix_ms"], end["unix_ms"]),
            "attacker": attacker(load_json(os.path.join(work, step["name"] + ".json"))),
            "server": server(start, end, samples),
        })
    if args.commit:
        print(f"measured against {args.commit}")
    for phase in phases:
        print_phase(phase)

    page = load_json(os.path.join(work, "page.json"))
    if page:
        print(f"== page: {page['page']} ({page['bytes']} bytes), {page['wrk']}, gate off and "
              f"limits raised")
        for run in page.get("runs", []):
            print(f"  round {run['round']}: {run['side']} {run['rps']:.0f} req/s, p99 "
                  f"{run['p99']}, errors: {run['errors']}")
        print(f"  best: rempart {page['rempart_rps']:.0f} req/s (p99 {page['rempart_p99']}), "
              f"nginx {page['nginx_rps']:.0f} req/s (p99 {page['nginx_p99']}); ratio "
              f"{page['rempart_rps'] / page['nginx_rps'] * 100:.1f} %")

    targets = []

    def target(text, value, ok):
        targets.append({"target": text, "value": value, "pass": bool(ok)})

    floods = [p for p in phases if p["role"] == "flood" and p["attacker"]]
    seed = next((p for p in floods if p["name"] == "seed"), None)
    highest = max(floods, key=lambda p: p["attacker"]["sent_rate"], default=None)
    checked = [("the seed's rate", seed)]
    if highest and highest is not seed:
        checked.append((f"the highest rate generated ({highest['attacker']['sent_rate']:.0f}/s, "
                        f"phase {highest['name']})", highest))
    for words, phase in checked:
        if not phase:
            target(f"legitimate p99 < 100 ms at {words}", "not measured", False)
            continue
        leg = phase["legitimate"]
        measured = leg["reads"] + leg["signatures"] > 0
        target(f"legitimate p99 < 100 ms at {words}", ms(leg["p99_ms"]),
               measured and leg["p99_ms"] is not None and leg["p99_ms"] < 100)
        target(f"0 failed legitimate signatures at {words}",
               f"{leg['signatures_failed']} of {leg['signatures']}",
               measured and leg["signatures"] > 0 and leg["signatures_failed"] == 0)
    if page:
        ratio = page["rempart_rps"] / page["nginx_rps"] * 100
        clean = page["rempart_errors"] == "none" and page["nginx_errors"] == "none"
        target("cached petition page >= 80 % of nginx",
               f"{ratio:.1f} %" + ("" if clean else " (with errors: not the page measured)"),
               clean and ratio >= 80)
    else:
        target("cached petition page >= 80 % of nginx", "not measured", False)
    tracked = next((p for p in phases if p["role"] == "tracked"), None)
    if tracked:
        s, att = tracked["server"], tracked["attacker"]
        keys = s["tracked_keys"]
        target("RSS < 200 MB with 100,000 tracked addresses",
               f"VmRSS {s['rss_mb']:.1f} MB (peak {s['rss_peak_mb']:.1f}, VmHWM "
               f"{s['hwm_mb']:.1f}) with rempart_shield_tracked_keys {keys} after "
               f"{att['addresses'] if att else 0} addresses",
               s["rss_peak_mb"] < 200 and keys >= 100000 and att and att["addresses"] >= 100000)
    else:
        target("RSS < 200 MB with 100,000 tracked addresses", "not measured", False)

    print("targets:")
    for t in targets:
        print(f"  {t['target']}: {t['value']}  {'PASS' if t['pass'] else 'FAIL'}")
    generated = [p for p in phases if p["attacker"]]
    top = max(generated, key=lambda p: p["attacker"]["sent_rate"], default=None)
    if top:
        att = top["attacker"]
        print(f"highest attacker rate generated: {att['sent_rate']:.0f}/s in phase {top['name']} "
              f"(target {att['target_rate']:.0f}/s, {att['threads']} client threads); limited by "
              f"{limited_by(att)}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"commit": args.commit, "phases": phases, "page": page, "targets": targets},
                      out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
