#!/usr/bin/env python3
"""The liquidity-gate study of strategies/README.md, recomputed from the results.json files the
real config writes (./mvnw -f examples verify -Dcrashlab.config=crashlab-real.yaml).

Per run and window [from, to] (the steps dated in it):
- MWR: the rate that discounts -(equity at the close before the window), -(each contribution in
  the window, at its step) and +(equity at the window's last close) to 0: per 365-day year over
  the whole period, compounded over the window's days for a crash window (not annualised: seven
  weeks annualised say little);
- TWR: the product of (1 + r) over the window's periods, minus 1, with crashlab's period return
  r(t) = E(t) / (E(t-1) + F(t)) - 1, F(t) the contribution arriving at the start of step t
  (periods with E(t-1) + F(t) = 0 are skipped);
- cash drag: the mean over the window's steps of cash / equity (steps with equity 0 skipped);
- max drawdown: the lowest I(t) / max(I(s), s <= t) - 1 of the time-weighted index in the window.
Standard library only; prints a Markdown table.
"""
import json
import math
import sys
from datetime import date, datetime

RUNS = ["weekly-dca", "dca-on-drawdown", "dca-when-liquidity-returns", "dca-when-liquidity-returns-all"]
WINDOWS = [("2018-01-01 .. 2025-11-21", "2018-01-01", "2025-11-21"),
           ("COVID crash 2020-03-01 .. 2020-05-31", "2020-03-01", "2020-05-31"),
           ("2022 bear market (LUNA, FTX)", "2022-01-01", "2022-12-31"),
           ("late-2025 sell-off 2025-10-01 .. 2025-11-21", "2025-10-01", "2025-11-21")]


def xirr(flows):
    """flows: [(years from the first flow, amount)]; the rate in (-1, 1e6) where NPV = 0, by bisection on ln(1 + x)."""
    def npv(ln1x):
        return sum(a * math.exp(-ln1x * t) for t, a in flows)
    lo, hi = -30.0, 14.0
    if npv(lo) * npv(hi) > 0:
        return float("nan")
    for _ in range(200):
        mid = (lo + hi) / 2
        if (npv(mid) > 0) == (npv(lo) > 0):
            lo = mid
        else:
            hi = mid
    return math.exp((lo + hi) / 2) - 1


def study(folder):
    rows = []
    for run in RUNS:
        with open(f"{folder}/{run}/results.json") as f:
            d = json.load(f)
        eq = d["equity"]
        days = [datetime.fromisoformat(p["time"].replace("Z", "+00:00")).date() for p in eq]
        for label, start, end in WINDOWS:
            a, b = date.fromisoformat(start), date.fromisoformat(end)
            idx = [i for i, day in enumerate(days) if a <= day <= b]
            first, last = idx[0], idx[-1]
            t0 = days[first]
            flows = []
            before = eq[first - 1]["equity"] if first > 0 else 0.0
            if before:
                flows.append((-1 / 365, -before))
            for i in idx:
                f_i = eq[i]["contributions"] - (eq[i - 1]["contributions"] if i > 0 else 0)
                if f_i:
                    flows.append(((days[i] - t0).days / 365, -f_i))
            flows.append(((days[last] - t0).days / 365, eq[last]["equity"]))
            index, peak, twr, mdd = 1.0, 1.0, 1.0, 0.0
            drag = []
            for i in idx:
                e = eq[i]["equity"]
                if e > 0:
                    drag.append(eq[i]["cash"] / e)
                if i == 0:
                    continue
                prev = eq[i - 1]["equity"]
                f_i = eq[i]["contributions"] - eq[i - 1]["contributions"]
                if prev + f_i > 0:
                    r = e / (prev + f_i) - 1
                    index *= 1 + r
                    peak = max(peak, index)
                    mdd = min(mdd, index / peak - 1)
            twr = index - 1
            rate = xirr(flows)
            if label != WINDOWS[0][0]:
                rate = (1 + rate) ** ((days[last] - t0).days / 365) - 1
            rows.append((label, run, rate, twr, sum(drag) / len(drag) if drag else float("nan"), mdd,
                         eq[last]["equity"], eq[last]["contributions"]))
    return rows


def pct(x):
    return "n/a" if x != x else f"{100 * x:.1f} %"


if __name__ == "__main__":
    rows = study(sys.argv[1] if len(sys.argv) > 1 else "target/crashlab-real")
    print("| window | run | MWR (annual; over the window for crashes) | TWR | cash drag | max drawdown | equity / contributed at the end |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for label, run, mwr, twr, drag, mdd, equity, contributed in rows:
        print(f"| {label} | {run} | {pct(mwr)} | {pct(twr)} | {pct(drag)} | {pct(mdd)} | {equity:,.0f} / {contributed:,.0f} |")
