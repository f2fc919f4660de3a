#!/usr/bin/env python3
"""Second, independent reference for workloads/json/SPEC.md's verification values.

Usage: json_ref_stats.py FILE [--typed]
Prints the DOM stats (or the typed subset) of FILE as one JSON line. Used by
workload authors and by tests to cross-check the harness's own C++ reference.
"""
import json
import struct
import sys

MASK = (1 << 64) - 1
TYPED_KEYS = ("strings", "numbers", "trues", "falses", "nulls", "string_bytes", "number_checksum")


def mix(bits):
    z = bits
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class Number(float):
    """Every JSON number as the correctly rounded binary64 the SPEC asks for."""


def stats(doc):
    s = dict(objects=0, arrays=0, strings=0, numbers=0, trues=0, falses=0, nulls=0,
             members=0, elements=0, string_bytes=0, key_bytes=0, number_checksum=0)
    stack = [doc]
    while stack:  # iterative: deep documents must not overflow Python's stack
        v = stack.pop()
        if isinstance(v, dict):
            s["objects"] += 1
            s["members"] += len(v)
            for k, x in v.items():
                s["key_bytes"] += len(k.encode("utf-8"))
                stack.append(x)
        elif isinstance(v, list):
            s["arrays"] += 1
            s["elements"] += len(v)
            stack.extend(v)
        elif isinstance(v, str):
            s["strings"] += 1
            s["string_bytes"] += len(v.encode("utf-8", "surrogatepass"))
        elif v is True:
            s["trues"] += 1
        elif v is False:
            s["falses"] += 1
        elif v is None:
            s["nulls"] += 1
        else:
            d = float(v)
            if d == 0.0:
                d = 0.0  # -0.0 counts as +0.0
            bits = struct.unpack("<Q", struct.pack("<d", d))[0]
            s["numbers"] += 1
            s["number_checksum"] = (s["number_checksum"] + mix(bits)) & MASK
    s["number_checksum"] = "%016x" % s["number_checksum"]
    return s


def main():
    if len(sys.argv) < 2:
        print("usage: json_ref_stats.py FILE [--typed]", file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    doc = json.loads(raw.decode("utf-8"), parse_int=int, parse_float=float)
    s = stats(doc)
    if "--typed" in sys.argv[2:]:
        s = {k: s[k] for k in TYPED_KEYS}
    print(json.dumps(s, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
