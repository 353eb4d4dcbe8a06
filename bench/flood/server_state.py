#!/usr/bin/env python3
"""bench/flood/server_state.py: the server's state as one JSON line, from outside: its
/metrics (the gate, the shield's decisions, the keys it tracks), its process (CPU time,
VmRSS, VmHWM) and the machine's CPU time. Once, with --mark; or every --every seconds into --out until --stop-file
appears (bounded by --max-seconds)."""

import argparse
import json
import os
import re
import sys
import time
import urllib.request

METRIC = re.compile(r'^(rempart_[a-z_]+)(?:\{([^}]*)\})? ([0-9.eE+-]+|NaN|\+Inf)$')


def metrics(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
            text = answer.read().decode()
    except OSError:
        return None
    wanted = {}
    for line in text.splitlines():
        found = METRIC.match(line)
        if not found:
            continue
        name, labels, value = found.groups()
        if name == "rempart_shield_decisions_total":
            decision = re.search(r'decision="([^"]+)"', labels or "")
            if decision:
                wanted.setdefault("decisions", {})[decision.group(1)] = float(value)
        elif name in ("rempart_gate_on", "rempart_shield_tracked_keys",
                      "rempart_gate_clearances_issued_total", "rempart_gate_switches_total",
                      "rempart_shield_usual_requests_per_second"):
            wanted[name.removeprefix("rempart_")] = float(value)
    return wanted


def process(pid):
    state = {}
    try:
        with open(f"/proc/{pid}/stat") as stat:
            # The command may hold spaces and parentheses: fields count from the last ')'.
            fields = stat.read().rsplit(")", 1)[1].split()
        state["cpu_ticks"] = int(fields[11]) + int(fields[12])  # utime + stime
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    state[key.lower() + "_kb"] = int(value.split()[0])
    except OSError:
        pass
    state["clock_ticks"] = os.sysconf("SC_CLK_TCK")
    return state


def machine():
    """CPU time of the whole machine: what else ran beside the bench shows here."""
    try:
        with open("/proc/stat") as stat:
            ticks = [int(t) for t in stat.readline().split()[1:]]
    except OSError:
        return {}
    idle = ticks[3] + ticks[4]  # idle and iowait
    return {"machine_ticks": sum(ticks[:8]), "machine_idle_ticks": idle,
            "cores": os.cpu_count()}


def state(port, pid, mark):
    line = {"unix_ms": int(time.time() * 1000)}
    if mark:
        line["mark"] = mark
    line.update(process(pid))
    line.update(machine())
    line["metrics"] = metrics(port)
    return line


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--mark", default="", help="a label for this line (phase:start)")
    parser.add_argument("--every", type=float, default=0)
    parser.add_argument("--out")
    parser.add_argument("--stop-file")
    parser.add_argument("--max-seconds", type=float, default=1800)
    args = parser.parse_args()
    if not args.every:
        print(json.dumps(state(args.port, args.pid, args.mark)))
        return 0
    deadline = time.monotonic() + args.max_seconds
    with open(args.out, "a") as out:
        while time.monotonic() < deadline:
            if args.stop_file and os.path.exists(args.stop_file):
                break
            out.write(json.dumps(state(args.port, args.pid, args.mark)) + "\n")
            out.flush()
            time.sleep(args.every)
    return 0


if __name__ == "__main__":
    sys.exit(main())
