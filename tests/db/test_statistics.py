"""The overview's and the yearly report's figures against a hand-counted store (issue 15).

Every test runs on SQLite, PostgreSQL and MariaDB (the ``db_url`` fixture): the Stockholm
day of an answer, the days between two dates and the month of a date are written per
backend, so each backend must give the same hand-counted figures.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.engine import URL

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.statistics import summer_time_bounds
from privacy_desk.clock import STOCKHOLM
from privacy_desk.errors import UserError
from privacy_desk.paths import AppPaths
from privacy_desk.services.audit_trail import browse_audit
from privacy_desk.services.roles import NotPermitted
from privacy_desk.services.statistics import (
    due_reminders,
    export_year_report,
    handling_times,
    overview,
    year_report,
)
from tests.officers import staff
from tests.stats_store import BFL, EXPECTED, TODAY, fill


@pytest.fixture
def store(db_url: URL) -> Iterator[CaseStore]:
    s = open_case_store(db_url, actor="anna")
    staff(s, "anna", "bo")
    fill(s)
    try:
        yield s
    finally:
        s.close()


def test_the_year_report_counts_what_was_received_that_year(store: CaseStore) -> None:
    r = year_report(store, 2026, today=TODAY)
    assert r.total == EXPECTED["total"]
    outcomes = {(t, s): n for t, s, n in r.outcomes}
    assert outcomes == {("access", "closed"): 2, ("access", "answered"): 1,
                        ("access", "withdrawn"): 1, ("access", "received"): 1,
                        ("erasure", "closed"): 1, ("erasure", "received"): 1,
                        ("rectification", "rejected"): 1, ("objection", "in_progress"): 1}
    per_month = {(m.month, m.request_type): m.count for m in r.received}
    assert per_month == {(1, "access"): 2, (3, "erasure"): 1, (5, "rectification"): 1,
                         (6, "access"): 1, (7, "access"): 1, (10, "erasure"): 1,
                         (11, "objection"): 1, (11, "access"): 1}
    assert {c.key: c.count for c in r.channels} == EXPECTED["channels"]


def test_answer_days_are_stockholm_days_and_the_median_is_exact(store: CaseStore) -> None:
    r = year_report(store, 2026, today=TODAY)
    h = r.handling
    # Days [6, 10, 31, 31, 80]; 00002 answered 00:30 on 3 March (late, 31 days), 00003 at
    # 00:30 on 1 April (its deadline day: on time, 31 days); 00005 on time by its extension.
    assert (h.answered, h.on_time, h.median_days, h.longest_days) == (
        EXPECTED["answered"], EXPECTED["on_time"], EXPECTED["median"], EXPECTED["longest"])
    assert h.share_on_time == pytest.approx(0.8)
    access = r.type_handling("access")
    assert (access.answered, access.on_time, access.median_days, access.longest_days) == (
        3, 2, 31.0, 80)
    march = r.month_handling(3)
    assert (march.answered, march.on_time, march.median_days) == (1, 1, 31.0)
    january = r.month_handling(1)
    assert (january.answered, january.on_time, january.median_days) == (2, 1, 20.5)


def test_extensions_fees_refusals_with_their_grounds(store: CaseStore) -> None:
    d = year_report(store, 2026, today=TODAY).decisions
    assert d.extensions == 1
    assert [(g.key, g.count) for g in d.extension_grounds] == [
        ("Complex: data in many systems", 1)]
    assert (d.fees, d.fee_total_sek) == (2, Decimal("350.00"))
    assert [(g.key, g.count) for g in d.fee_grounds] == [("Third copy this year", 2)]
    assert (d.free_anyway, d.allowance_refusals, d.refusals) == (1, 1, 1)
    assert [(g.key, g.count) for g in d.refusal_grounds] == [
        ("Manifestly unfounded: the same request every week", 1)]


def _refused_while_open(store: CaseStore) -> None:
    """Two access cases still in progress: one refused by decision and told by a refusal
    letter on 20 November (the demo's PD-2026-00047), one with the decision only."""
    from privacy_desk.casestore.letters_models import CaseLetter
    from privacy_desk.casestore.models import AllowanceDecisionRecord, Case
    from tests.stats_store import AT

    with store.sessions.begin() as s:
        for number, letter in [("PD-2026-00010", True), ("PD-2026-00011", False)]:
            case = Case(case_number=number, request_type="access", status="in_progress",
                        channel="portal", received_on=date(2026, 11, 2),
                        due_on=date(2026, 12, 2), person_label="Testperson",
                        subject_identifiers={}, created_at=AT, updated_at=AT,
                        updated_by="anna")
            s.add(case)
            s.flush()
            s.add(AllowanceDecisionRecord(case_id=case.id, kind="refused",
                                          reason="Fourth identical request within a month",
                                          extracts_in_period=3, decided_by="anna",
                                          decided_at=AT))
            if letter:
                s.add(CaseLetter(case_id=case.id, kind="refusal", lang="sv", recipient="",
                                 recipient_name="Testperson", letter_date=date(2026, 11, 20),
                                 filename="beslut.pdf", size_bytes=1, sha256="0" * 64,
                                 template="refusal.txt.j2", created_at=AT, actor="anna"))


def test_a_refusal_decided_or_sent_counts_as_refused_before_the_status_moves(
        store: CaseStore, tmp_path: Path) -> None:
    _refused_while_open(store)
    r = year_report(store, 2026, today=TODAY)
    outcomes = {(t, s): n for t, s, n in r.outcomes}
    assert outcomes[("access", "rejected")] == 2 and ("access", "in_progress") not in outcomes
    d = r.decisions
    assert (d.refusals, d.allowance_refusals) == (3, 3)  # with PD-2026-00004 (rejected)
    assert [(g.key, g.count) for g in d.refusal_grounds] == [
        ("Fourth identical request within a month", 2),
        ("Manifestly unfounded: the same request every week", 1)]
    # The refusal letter is the answer: 18 days after receipt, on time.
    assert (r.handling.answered, r.handling.on_time) == (EXPECTED["answered"] + 1,
                                                         EXPECTED["on_time"] + 1)
    assert r.type_handling("access").longest_days == 80
    assert r.month_handling(11).answered == 1 and r.month_handling(11).median_days == 18.0
    pdf = tmp_path / "r.pdf"
    export_year_report(store, 2026, "pdf", pdf, language="sv", today=TODAY)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages)
                    .replace("\u00a0", " ").split())
    assert "Avslagna begäranden (artikel 12.4): 3, varav 3 som uppenbart" in text
    assert "Fourth identical request within a month (2)" in text
    # 11 received = 6 answered + 1 withdrawn + 4 not answered yet (PD-2026-00011's refusal
    # is decided but not sent): the summary adds up.
    assert ("Inkomna begäranden 11 Besvarade (svar eller avslag) 6" in text
            and "Återkallade av den registrerade 1 Ännu inte besvarade 4" in text)


def test_erasures_count_only_executed_plans_of_the_year(store: CaseStore) -> None:
    e = year_report(store, 2026, today=TODAY).erasures
    assert (e.cases, e.rows_deleted, e.rows_updated, e.rows_retained) == (1, 1, 2, 5)
    assert [(k.law, k.rows, k.cases, k.first_ends_on, k.last_ends_on) for k in e.kept] == [
        (BFL, 5, 1, date(2032, 12, 31), date(2033, 12, 31))]
    previous = year_report(store, 2025, today=TODAY)
    assert previous.total == 1
    assert (previous.erasures.cases, previous.erasures.rows_retained) == (1, 2)


def test_the_overview_counts_open_urgent_and_lists_what_is_next(store: CaseStore) -> None:
    o = overview(store, today=TODAY)
    assert (o.counts.open, o.counts.due_soon, o.counts.overdue) == (
        EXPECTED["open"], EXPECTED["due_soon"], EXPECTED["overdue"])
    assert o.months[0] == date(2026, 1, 1) and o.months[-1] == date(2026, 12, 1)
    assert [d.case_number for d in o.deadlines] == [
        "PD-2026-00009", "PD-2026-00008", "PD-2026-00007"]
    assert [d.due_on for d in o.deadlines] == [
        date(2026, 11, 16), date(2026, 12, 7), date(2026, 12, 21)]
    # The 2025 case is outside the twelve months; its unreleased hold ends within 90 days.
    assert sum(m.count for m in o.received) == EXPECTED["total"]
    assert o.handling.answered == EXPECTED["answered"]
    assert [(h.case_number, h.rows, h.ends_on) for h in o.holds] == [
        ("PD-2025-00001", 2, date(2027, 1, 15))]


def test_reminders_name_overdue_and_soon_due_cases(store: CaseStore) -> None:
    assert [r.case_number for r in due_reminders(store, within_days=3, today=TODAY)] == [
        "PD-2026-00009"]
    assert [r.case_number for r in due_reminders(store, within_days=7, today=TODAY)] == [
        "PD-2026-00009", "PD-2026-00008"]


def test_export_writes_pdf_and_csv_and_records_it(store: CaseStore, tmp_path: Path) -> None:
    pdf, csv_file = tmp_path / "r.pdf", tmp_path / "r.csv"
    export_year_report(store, 2026, "pdf", pdf, language="sv", today=TODAY)
    export_year_report(store, 2026, "csv", csv_file, language="en", today=TODAY)
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Årsrapport 2026" in text and "Bokföringslagen" in text
    assert "80,0 %" in text.replace("\u00a0", " ")  # on-time share, Swedish format
    rows = list(csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    values = {(r[0], r[1], r[2]): r[4] for r in rows[1:]}
    assert values[("summary", "received", "")] == "9"
    assert values[("summary", "median_days", "")] == "31.0"
    assert values[("kept", BFL, "rows")] == "5"
    assert pdf.stat().st_mode & 0o077 == 0
    entries = browse_audit_as_admin(store)
    assert [e for e in entries if e == "year_report_exported"] == ["year_report_exported"] * 2


def test_the_pdf_reads_like_the_letters_in_both_languages(store: CaseStore,
                                                         tmp_path: Path) -> None:
    """Long dates as in the letters ('1 December 2026', not US order), 'SEK 350.00', the
    holds' last day kept (the day before the stored end, the first day erasable) as the
    erasure letter gives it, and the company named in the footer."""
    from privacy_desk.organisation import DEMO_ORGANISATION as ORG

    texts = {}
    for lang in ("sv", "en"):
        pdf = tmp_path / f"r-{lang}.pdf"
        export_year_report(store, 2026, "pdf", pdf, language=lang, today=TODAY,
                           organisation=ORG)
        texts[lang] = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages)
                               .replace("\u00a0", " ").split())
    sv, en = texts["sv"], texts["en"]
    assert "som kom in under 2026, läget den 1 december 2026." in sv
    assert "Sparas till och med" in sv and "30 december 2032 – 30 december 2033" in sv
    assert "2032-12-31" not in sv and "Sparas till " not in sv.replace("till och med", "")
    assert "Kundportalen Energi AB, org.nr 556000-0001 · Skapad 1 december 2026" in sv
    assert "as they stood on 1 December 2026" in en and "December 1" not in en
    assert "in total SEK 350.00" in en
    assert "30 December 2032 – 30 December 2033" in en
    assert ("Kundportalen Energi AB, corporate identity number 556000-0001 · "
            "Made 1 December 2026 with Privacy Desk") in en


def test_the_csv_gives_the_last_day_kept_and_the_first_day_erasable(store: CaseStore,
                                                                     tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    export_year_report(store, 2026, "csv", target, language="sv", today=TODAY)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert ["kept", BFL, "last_ends_on", "Får raderas från", "2033-12-31"] in rows
    assert ["kept", BFL, "last_kept_on", "Sparas till och med", "2033-12-30"] in rows


def browse_audit_as_admin(store: CaseStore) -> list[str]:
    from privacy_desk.services.audit_trail import Period

    rows, _total = browse_audit(store, actor="anna",
                                period=Period(date(2000, 1, 1), date(2100, 1, 1)))
    return [r.action for r in rows]


def test_a_bad_year_or_format_is_refused_and_writes_nothing(store: CaseStore,
                                                             tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no yearly report for 1999"):
        year_report(store, 1999)
    target = tmp_path / "r.doc"
    with pytest.raises(UserError, match="not a report format"):
        export_year_report(store, 2026, "doc", target)
    assert not target.exists()


def test_only_officers_of_the_store_read_the_figures(store: CaseStore) -> None:
    with pytest.raises(NotPermitted):
        overview(store, actor="mallory")
    with pytest.raises(NotPermitted):
        year_report(store, 2026, actor="mallory")


def test_an_empty_store_has_no_median_and_a_report_anyway(db_url: URL, tmp_path: Path) -> None:
    s = open_case_store(db_url, actor="anna")
    try:
        staff(s, "anna")
        r = year_report(s, 2026, today=TODAY)
        assert r.total == 0 and r.handling.median_days is None
        export_year_report(s, 2026, "pdf", tmp_path / "empty.pdf", language="en", today=TODAY)
        assert "Yearly report 2026" in PdfReader(tmp_path / "empty.pdf").pages[0].extract_text()
    finally:
        s.close()


@pytest.mark.parametrize("year", range(2018, 2040))
def test_summer_time_bounds_agree_with_zoneinfo(year: int) -> None:
    start, end = summer_time_bounds(year)
    for at, hours in [(start - timedelta(minutes=1), 1), (start, 2),
                      (end - timedelta(minutes=1), 2), (end, 1)]:
        offset = at.replace(tzinfo=UTC).astimezone(STOCKHOLM).utcoffset()
        assert offset == timedelta(hours=hours), (year, at)


def test_median_of_a_histogram() -> None:
    from privacy_desk.casestore.statistics import AnswerBucket

    cells = [AnswerBucket(2026, 1, "access", d, True, n) for d, n in [(3, 2), (9, 1), (40, 1)]]
    assert handling_times(cells).median_days == 6.0  # 3, 3, 9, 40
    assert handling_times(cells[:2]).median_days == 3.0  # 3, 3, 9
    assert handling_times([]).answered == 0


def test_the_demo_history_reads_like_an_office(app_paths: AppPaths) -> None:
    """The demo's past answers carry days after receipt, so its overview is believable."""
    from privacy_desk.clock import stockholm_today
    from privacy_desk.services.context import open_context
    from privacy_desk.services.queue import case_detail, list_queue

    ctx = open_context(app_paths, demo=True)
    try:
        o = overview(ctx.case_store, today=stockholm_today())
        h = o.handling
        assert h.answered > 0 and h.share_on_time is not None
        assert 0.6 < h.share_on_time < 1.0
        assert h.median_days is not None and 3 <= h.median_days <= 31
        closed = [r for r in list_queue(ctx.case_store) if r.status == "closed"]
        events = case_detail(ctx.case_store, closed[0].case_id).events
        assert [e.at for e in events] == sorted(e.at for e in events)
        assert events[-1].to_status == "closed" and events[-2].to_status == "answered"
    finally:
        ctx.close()
