"""Thinning automatic backups as Anki does (domain/backup_thinning.py), with fixed times."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from traumefokus.domain.backup_thinning import BackupLimits, is_due, obsolete

TODAY = date(2026, 3, 18)  # a Wednesday


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def kept(backups: list[datetime], limits: BackupLimits, today: date = TODAY) -> list[datetime]:
    gone = set(obsolete([(b, b) for b in backups], limits, today))
    return sorted((b for b in backups if b not in gone), reverse=True)


def test_every_backup_of_today_and_yesterday_is_kept_whatever_the_limits():
    half_hours = [
        at(day, 8 + n // 2, 30 * (n % 2))
        for day in (TODAY, TODAY - timedelta(days=1))
        for n in range(16)
    ]
    assert kept(half_hours, BackupLimits(0, 0, 0)) == sorted(half_hours, reverse=True)


def test_the_newest_backup_of_each_earlier_day_for_the_daily_limit():
    backups = [at(TODAY - timedelta(days=d), h) for d in range(2, 8) for h in (9, 15)]
    assert kept(backups, BackupLimits(daily=3, weekly=0, monthly=0)) == [
        at(TODAY - timedelta(days=2), 15),
        at(TODAY - timedelta(days=3), 15),
        at(TODAY - timedelta(days=4), 15),
    ]


def test_days_without_a_backup_are_not_counted():
    """A laptop away on holiday keeps its last working days, not empty ones."""
    backups = [at(date(2026, 2, 20)), at(date(2026, 2, 19)), at(date(2026, 2, 18))]
    assert kept(backups, BackupLimits(daily=2, weekly=0, monthly=0)) == backups[:2]


def test_weekly_then_monthly_carry_on_where_the_stage_before_stopped():
    every_day = [at(TODAY - timedelta(days=d), 12) for d in range(2, 200)]
    result = kept(every_day, BackupLimits(daily=2, weekly=2, monthly=2))
    assert result == [
        at(date(2026, 3, 16), 12),  # Monday: daily
        at(date(2026, 3, 15), 12),  # Sunday: daily (week 11 has had its last day kept)
        at(date(2026, 3, 8), 12),  # the newest of week 10: weekly
        at(date(2026, 3, 1), 12),  # the newest of week 9: weekly
        at(date(2026, 2, 28), 12),  # the newest of February: monthly
        at(date(2026, 1, 31), 12),  # the newest of January: monthly
    ]


def test_anki_defaults_keep_a_bounded_number_over_a_year_of_half_hourly_backups():
    backups = [
        at(TODAY - timedelta(days=d), 8, 0) + timedelta(minutes=30 * n)
        for d in range(365)
        for n in range(18)
    ]
    result = kept(backups, BackupLimits())
    recent = [b for b in result if b.date() >= TODAY - timedelta(days=1)]
    assert len(recent) == 36
    assert len(result) == 36 + 12 + 10 + 9
    assert min(result).date() >= TODAY - timedelta(days=12 + 10 * 7 + 9 * 31)


def test_nothing_to_thin_and_order_does_not_matter():
    assert obsolete([], BackupLimits(), TODAY) == []
    backups = [at(TODAY - timedelta(days=d)) for d in (5, 3, 9, 2, 4)]
    assert kept(backups, BackupLimits(2, 0, 0)) == [
        at(TODAY - timedelta(days=2)),
        at(TODAY - timedelta(days=3)),
    ]


def test_an_automatic_backup_is_due_after_half_an_hour():
    now = at(TODAY, 12)
    assert is_due(None, now)
    assert not is_due(now - timedelta(minutes=29, seconds=59), now)
    assert is_due(now - timedelta(minutes=30), now)
    assert is_due(now + timedelta(hours=2), now)  # made "in the future": the clock went back
