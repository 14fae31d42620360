#!/usr/bin/python3
"""What a user would otherwise script: Python's json and decimal modules
redoing a few of the sums jixiao checks (the 年度资金总额 against its
splits by source and by nature, the 三公经费 and 项目支出 rows of the
基础数据表 against their parts, the 执行率 and the 总分 of every sheet),
on the same Package JSON files, ROUNDS times.
Usage: check_py.py ROUNDS FILE..."""
import json
import resource
import sys
import time
from decimal import Decimal, ROUND_HALF_UP

rounds = int(sys.argv[1])
files = sys.argv[2:]
D = Decimal


def amt(o, k):
    v = o.get(k) if o else None
    return D(v) if v not in (None, "") else None


def check(p):
    found = 0
    us = p.get("unit_sheet") or {}
    sheets = [us] + list(p.get("project_sheets") or [])
    for sh in sheets:
        f = sh.get("funds") or {}
        tot = amt(f.get("total"), "executed")
        for group in (("general_budget", "gov_fund", "special_account",
                       "other"), ("basic", "project"),
                      ("current_appropriation", "carryover")):
            parts = [amt(f.get(k), "executed") for k in group if k in f]
            parts = [x for x in parts if x is not None]
            if tot is not None and parts and sum(parts) != tot:
                found += 1
        t = f.get("total") or {}
        b, e = amt(t, "budget_full"), amt(t, "executed")
        if b and e is not None:
            rate = (e / b * 100).quantize(D("0.01"), ROUND_HALF_UP)
            score = min(rate / 10, D(10)).quantize(D("0.01"), ROUND_HALF_UP)
            s = sum((amt(i, "score") or D(0)) for i in sh.get("indicators", []))
            st = amt(sh, "stated_total")
            if st is not None and st != score + s:
                found += 1
    c = (p.get("base_sheet") or {}).get("costs") or {}
    for whole, parts in (("three_public", ("vehicle", "overseas",
                                           "reception")),
                         ("vehicle", ("vehicle_purchase",
                                      "vehicle_operation"))):
        w = amt(c.get(whole), "final")
        ps = [amt(c.get(k), "final") for k in parts]
        if w is not None and None not in ps and sum(ps) != w:
            found += 1
    lines = c.get("project_lines") or []
    w = amt(c.get("project"), "final")
    if w is not None and lines and sum(amt(x, "final") or D(0)
                                       for x in lines) != w:
        found += 1
    return found


t0 = time.perf_counter()
found = 0
for r in range(rounds):
    for f in files:
        with open(f, encoding="utf-8") as fh:
            found += check(json.load(fh))
secs = time.perf_counter() - t0
n = rounds * len(files)
print("python json+decimal (a few sums only): %d packages x %d rounds in "
      "%.3f s: %.0f packages/s; %d findings; peak RSS %d KB"
      % (len(files), rounds, secs, n / secs, found,
         resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
