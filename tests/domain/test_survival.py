"""Kaplan–Meier, Greenwood and the log-rank test against the published worked example.

The data are Freireich et al. (1963), the 6-mercaptopurine (6-MP) leukaemia remission trial as given by Gehan
(1965, Biometrika 52:203) and worked through by hand in Kleinbaum & Klein, "Survival Analysis: A Self-Learning
Text" (3rd ed., 2012), chapter 2: the KM table for the 6-MP group (S = .857, .807, .753, .690, .627, .538, .448)
and "Log-rank = 16.79 (P = 0.0000)", expected counts 19.25 and 10.75. The Greenwood standard errors
(.076, .087, .096, .107, .114, .128, .135) are those of Klein & Moeschberger, "Survival Analysis" (2nd ed.,
2003), Table 4.1A for the same group. Times are weeks of remission; '+' (event False) is a censored time.
"""
from __future__ import annotations

import pytest

from talentdesk.domain.survival import at_risk_table, chi2_sf, kaplan_meier, log_rank

MP = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35]
MP_EVENT = [True, True, True, False, True, False, True, False, False, True, True, False, False, False, True, True,
            False, False, False, False, False]
PLACEBO = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23]


def test_kaplan_meier_reproduces_the_6mp_table():
    curve = kaplan_meier(MP, MP_EVENT)
    table = [(p.t, p.at_risk, p.events, round(p.survival, 3), round(p.std_err, 3)) for p in curve.points if p.events]
    assert table == [
        (6, 21, 3, 0.857, 0.076), (7, 17, 1, 0.807, 0.087), (10, 15, 1, 0.753, 0.096), (13, 12, 1, 0.690, 0.107),
        (16, 11, 1, 0.627, 0.114), (22, 7, 1, 0.538, 0.128), (23, 6, 1, 0.448, 0.135),
    ]
    assert (curve.n, curve.events) == (21, 9)
    assert curve.points[0].t == 0 and curve.points[0].survival == 1
    assert curve.points[-1].t == 35 and curve.points[-1].survival == pytest.approx(0.448, abs=5e-4)
    assert curve.median == 23  # the first week survival is at or below one half
    assert curve.at(15.9) == pytest.approx(0.690, abs=5e-4) and curve.at(16) == pytest.approx(0.627, abs=5e-4)


def test_confidence_band_is_log_minus_log_and_contains_the_estimate():
    curve = kaplan_meier(MP, MP_EVENT)
    first = curve.points[1]
    # log(−log) band at week 6 (as R's survfit(conf.type = "log-log") prints: 0.620 – 0.952)
    assert (round(first.lower, 3), round(first.upper, 3)) == (0.620, 0.952)
    for p in curve.points:
        assert 0 <= p.lower <= p.survival <= p.upper <= 1


def test_everybody_leaving_reaches_zero_and_has_a_median():
    curve = kaplan_meier(PLACEBO, [True] * len(PLACEBO))
    assert curve.points[-1].survival == 0
    assert curve.median == 8  # 13 of 21 gone by week 8: S(8) = 8/21 = .381, the first value at or below .5
    assert round(curve.at(5), 3) == 0.571  # 9 of 21 gone by week 5: S = 12/21


def test_log_rank_reproduces_the_worked_example():
    result = log_rank([(MP, MP_EVENT), (PLACEBO, [True] * len(PLACEBO))])
    assert round(result.chi2, 2) == 16.79
    assert result.df == 1
    assert result.observed == (9, 21)
    assert [round(e, 2) for e in result.expected] == [19.25, 10.75]
    assert result.p_value == pytest.approx(4.17e-5, rel=1e-2)


def test_log_rank_of_identical_groups_is_zero_and_needs_two_groups_with_events():
    same = log_rank([(MP, MP_EVENT), (MP, MP_EVENT)])
    assert same.chi2 == pytest.approx(0, abs=1e-12) and same.p_value == pytest.approx(1)
    assert log_rank([(MP, MP_EVENT)]) is None
    assert log_rank([([1, 2], [False, False]), ([3], [False])]) is None


def test_log_rank_with_three_groups_has_two_degrees_of_freedom():
    result = log_rank([(MP, MP_EVENT), (PLACEBO, [True] * 21), (PLACEBO[::2], [True] * 11)])
    assert result.df == 2 and result.chi2 > 16 and result.p_value < 0.001


@pytest.mark.parametrize("x,df", [(3.841458820694124, 1), (5.991464547107979, 2), (7.814727903251178, 3),
                                  (9.487729036781154, 4), (11.070497693516351, 5)])
def test_chi2_tail_at_the_textbook_5_percent_points(x, df):
    assert chi2_sf(x, df) == pytest.approx(0.05, abs=1e-9)


def test_number_at_risk():
    assert at_risk_table(MP, (0, 10, 20, 30)) == (21, 15, 8, 4)


def test_a_group_never_at_risk_at_an_event_time_is_left_out_of_the_test():
    # three newcomers who arrived this month (0 months, still here) add nothing: the test is the two-group one
    result = log_rank([(MP, MP_EVENT), (PLACEBO, [True] * 21), ([0, 0, 0], [False] * 3)])
    assert result.df == 1 and round(result.chi2, 2) == 16.79
