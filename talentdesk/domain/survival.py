"""Survival analysis for retention: the Kaplan–Meier estimate with Greenwood's variance, pointwise confidence
bands on the log(−log) scale, and the log-rank test for two or more groups.

A small own implementation rather than `lifelines`: that library needs pandas, scipy, autograd and matplotlib
(well over 100 MB in the single-file build) for the three formulas below. The numbers are checked against the
published worked example (Freireich's 6-MP leukaemia trial) in tests/domain/test_survival.py.

Durations are whole months here, but nothing depends on the unit. `event` is True for a departure and False for
a talent still here (censored at the end of follow-up).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Z95 = 1.959963984540054  # the 97.5% point of the standard normal distribution


@dataclass(frozen=True, slots=True)
class KMPoint:
    """The curve just after time `t`: survival, Greenwood standard error, the band, and who was at risk at `t`."""

    t: float
    survival: float
    at_risk: int
    events: int
    std_err: float
    lower: float
    upper: float


@dataclass(frozen=True)
class KMCurve:
    n: int
    events: int
    points: tuple[KMPoint, ...]  # starts with t = 0 (survival 1); one point per event time; ends at the last time

    def at(self, t: float) -> float:
        """Survival at time t (the step function is right-continuous)."""
        s = 1.0
        for p in self.points:
            if p.t > t:
                break
            s = p.survival
        return s

    def point_at(self, t: float) -> KMPoint:
        found = self.points[0]
        for p in self.points:
            if p.t > t:
                break
            found = p
        return found

    @property
    def median(self) -> float | None:
        """The first time survival falls to one half or below; None while it has not."""
        for p in self.points:
            if p.survival <= 0.5:
                return p.t
        return None

    def number_at_risk(self, t: float, durations: Sequence[float]) -> int:
        return sum(1 for d in durations if d >= t)


def _band(s: float, greenwood_sum: float, z: float) -> tuple[float, float]:
    """Pointwise band for S on the log(−log S) scale (Kalbfleisch & Prentice): stays inside [0, 1]."""
    if s <= 0.0:
        return 0.0, 0.0
    if s >= 1.0 or greenwood_sum <= 0.0:
        return s, s
    sigma = math.sqrt(greenwood_sum) / abs(math.log(s))
    return s ** math.exp(z * sigma), s ** math.exp(-z * sigma)


def kaplan_meier(durations: Sequence[float], events: Sequence[bool], *, z: float = Z95) -> KMCurve:
    """The Kaplan–Meier estimate S(t) = Π (1 − d_i / n_i) over event times t_i ≤ t, with Greenwood's variance
    Var S(t) = S(t)² Σ d_i / (n_i (n_i − d_i))."""
    if len(durations) != len(events):
        raise ValueError("durations and events differ in length")
    n = len(durations)
    pairs = sorted(zip(durations, events))
    points = [KMPoint(0.0, 1.0, n, 0, 0.0, 1.0, 1.0)]
    s, gsum, at_risk, i = 1.0, 0.0, n, 0
    total_events = 0
    while i < n:
        t = pairs[i][0]
        d = c = 0
        while i < n and pairs[i][0] == t:
            if pairs[i][1]:
                d += 1
            else:
                c += 1
            i += 1
        if d:
            s *= 1.0 - d / at_risk
            if at_risk > d:
                gsum += d / (at_risk * (at_risk - d))
            se = s * math.sqrt(gsum) if s > 0 else 0.0
            lo, hi = _band(s, gsum, z)
            if t == 0 and points and points[0].t == 0:
                points[0] = KMPoint(0.0, s, at_risk, d, se, lo, hi)
            else:
                points.append(KMPoint(float(t), s, at_risk, d, se, lo, hi))
            total_events += d
        elif i == n and t > points[-1].t:  # follow-up ends with censored talents: draw the curve out to them
            last = points[-1]
            points.append(KMPoint(float(t), last.survival, at_risk, 0, last.std_err, last.lower, last.upper))
        at_risk -= d + c
    return KMCurve(n, total_events, tuple(points))


@dataclass(frozen=True)
class LogRank:
    chi2: float
    df: int
    p_value: float
    observed: tuple[int, ...]
    expected: tuple[float, ...]


def log_rank(groups: Sequence[tuple[Sequence[float], Sequence[bool]]]) -> LogRank | None:
    """The log-rank test that all groups share one survival curve: (O − E)ᵀ V⁻¹ (O − E) over k − 1 groups, with the
    hypergeometric variance, compared with χ² on k − 1 degrees of freedom. None with fewer than two non-empty
    groups or no event at all."""
    groups = [g for g in groups if len(g[0])]
    k = len(groups)
    if k < 2:
        return None
    times = sorted({t for durs, evs in groups for t, e in zip(durs, evs) if e})
    if not times:
        return None
    obs = [0.0] * k
    exp = [0.0] * k
    var = [[0.0] * k for _ in range(k)]
    sorted_groups = [sorted(zip(durs, evs)) for durs, evs in groups]
    for t in times:
        n = [sum(1 for d, _ in g if d >= t) for g in sorted_groups]
        d = [sum(1 for dd, e in g if dd == t and e) for g in sorted_groups]
        big_n, big_d = sum(n), sum(d)
        if big_n == 0:
            continue
        for j in range(k):
            obs[j] += d[j]
            exp[j] += big_d * n[j] / big_n
        if big_n > 1:
            f = big_d * (big_n - big_d) / (big_n - 1) / big_n
            for j in range(k):
                for m in range(k):
                    var[j][m] += f * n[j] * ((1.0 if j == m else 0.0) - n[m] / big_n)
    # a group never at risk at an event time (say, everyone arrived this month) carries no information
    informative = [j for j in range(k) if var[j][j] > 1e-12]
    if len(informative) < 2:
        return None
    use = informative[:-1]
    diff = [obs[j] - exp[j] for j in use]
    sub = [[var[j][m] for m in use] for j in use]
    try:
        solved = _solve(sub, diff)
    except ZeroDivisionError:
        return None
    chi2 = max(0.0, sum(a * b for a, b in zip(diff, solved)))
    df = len(use)
    return LogRank(chi2, df, chi2_sf(chi2, df), tuple(int(o) for o in obs), tuple(exp))


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b by Gaussian elimination with partial pivoting (k − 1 is small)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        if abs(m[pivot][col]) < 1e-12:
            raise ZeroDivisionError("singular variance matrix")
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def chi2_sf(x: float, df: int) -> float:
    """P(χ²_df > x) for a whole number of degrees of freedom, in closed form."""
    if x <= 0:
        return 1.0
    half = x / 2.0
    if df % 2 == 0:
        term, total = 1.0, 1.0
        for i in range(1, df // 2):
            term *= half / i
            total += term
        return min(1.0, math.exp(-half) * total)
    total = math.erfc(math.sqrt(half))
    term = math.sqrt(half) * math.exp(-half) / math.gamma(1.5)
    for i in range(0, (df - 1) // 2):
        total += term
        term *= half / (i + 1.5)
    return min(1.0, total)


def at_risk_table(durations: Iterable[float], times: Iterable[float]) -> tuple[int, ...]:
    ds = list(durations)
    return tuple(sum(1 for d in ds if d >= t) for t in times)
