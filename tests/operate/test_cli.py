"""The operate commands, in-process on a real SQLite file; error paths give one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import Engine

from accords.operate import deliver

from .receiver import receiver

AT = "2026-12-01T04:30+02:00"
SOON = "2026-12-01T03:30Z"  # one hour after the attack


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


def trigger(cli, *extra: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    return cli("trigger", "--kind", "armed-attack", "--against", "UKR", "--by", "RUS", "--at", AT,
               "--now", SOON, *extra)


def test_trigger_board_convene(cli, seeded: Engine) -> None:  # type: ignore[no-untyped-def]
    code, out, err = trigger(cli, "--format", "json", "--tz", "Europe/Kyiv")
    assert code == 0, err
    assert err.startswith("recorded: EV-armed-attack-UKR-RUS-20261201T0230Z")
    rows = {r["agreement"]: r for r in json.loads(out)}
    assert set(rows) == {"UKR-GBR-2024", "UKR-JPN-2024", "UKR-EUU-2024", "UKR-FIN-2024"}
    jpn = rows["UKR-JPN-2024"]
    assert jpn["countdown"] == "23h 00m left" and jpn["deadline"] == "2026-12-02 04:30 EET"
    assert jpn["deadline_utc"] == "2026-12-02T02:30:00+00:00"
    assert rows["UKR-FIN-2024"]["countdown"] == "time limit unknown"
    code, again, err = trigger(cli, "--format", "json", "--tz", "Europe/Kyiv")
    assert code == 0 and err.startswith("already recorded") and json.loads(again) == json.loads(out)

    code, out, _ = cli("consultations", "--excluded", "--format", "json")
    assert {r["agreement"] for r in json.loads(out)} == {"UKR-ZZA-2027", "UKR-ZZB-2014", "UKR-ZZC-2024"}
    code, out, _ = cli("consultations", "--events", "--format", "json")
    assert [e["at_utc"] for e in json.loads(out)] == ["2026-12-01T02:30:00+00:00"]

    code, out, err = cli("consultations", "convene", "UKR-JPN-2024", "--at", "2026-12-01T20:00+02:00",
                         "--level", "leaders", "--format", "video call", "--now", SOON)
    assert code == 0, err
    assert "convened 15h 30m after the event" in out
    code, out, _ = cli("consultations", "--now", "2026-12-02T05:00Z", "--format", "csv")
    lines = out.strip().splitlines()
    assert lines[0].startswith("id,agreement,event,")
    # Overdue first, then the unknown limit, convened last.
    assert "overdue by 2h 30m" in lines[1] and ",UKR-FIN-2024," in lines[-2] and ",UKR-JPN-2024," in lines[-1]
    code, out, _ = cli("consultations", "--status", "convened", "--format", "json", "--now", "2026-12-02T05:00Z")
    conv = json.loads(out)
    assert [(r["agreement"], r["level"], r["format"]) for r in conv] == [("UKR-JPN-2024", "leaders", "video call")]
    code, out, _ = cli("consultations", "--now", SOON)  # the table renders
    assert code == 0 and "UKR-JPN-2024" in out and "23h 00m left" in out


def test_calendar_and_ics(cli, seeded: Engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out_file = tmp_path / "terms.ics"
    code, out, err = cli("calendar", "--from", "2026-01-01", "--to", "2026-12-31", "--ics", str(out_file),
                         "--format", "json", "--now", SOON)
    assert code == 0, err
    rows = json.loads(out)
    assert {(r["agreement"], r["due"]) for r in rows if r["kind"] == "pledge-renewal"} >= {
        ("UKR-JPN-2024", "2026-06-13"), ("UKR-GBR-2024", "2026-01-12")}
    cal = Calendar.from_ical(out_file.read_bytes())
    uids = {str(e["uid"]) for e in cal.walk("VEVENT")}
    assert "UKR-JPN-2024:pledge-renewal:2@accords" in uids and len(uids) == len(rows)
    code, out, _ = cli("calendar", "--format", "json")
    everything = json.loads(out)
    assert {"due": None, "kind": "expiry", "agreement": "UKR-EUU-2024"}.items() <= next(
        r for r in everything if r["agreement"] == "UKR-EUU-2024" and r["kind"] == "expiry").items()


@pytest.mark.parametrize(("args", "code", "needle"), [
    (("trigger", "--kind", "armed-attack", "--against", "UKR"), 2, "missing --at"),
    (("trigger", "--kind", "armed-attack", "--against", "UKR", "--at", "2026-12-01"), 2, "exact time"),
    (("trigger", "--kind", "armed-attack", "--against", "Ukraine", "--at", AT), 2, "bad attacked party"),
    (("trigger", "--kind", "armed-attack", "--against", "UKR", "--at", "yesterday"), 2, "bad --at"),
    (("trigger", "--from-event", "EV-nope"), 4, "no accepted event"),
    (("consultations", "--event", "EV-nope"), 4, "no triggering event"),
    (("consultations", "--status", "late"), 2, "unknown status"),
    (("consultations", "--tz", "Mars/Olympus"), 2, "unknown time zone"),
    (("consultations", "convene", "UKR-JPN-2024", "--at", AT), 4, "no consultation"),
    (("calendar", "--from", "2026-02-30"), 2, "bad --from"),
    (("notify", "run", "--once"), 9, "no webhooks configured"),
])
def test_error_paths_are_one_line(cli, seeded: Engine, args: tuple[str, ...], code: int,  # type: ignore[no-untyped-def]
                                  needle: str) -> None:
    got, _, err = cli(*args)
    assert got == code
    assert needle in one_line_error(err)


def test_notify_run_once_and_log(cli, seeded: Engine, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    assert trigger(cli)[0] == 0
    secret = "a-real-test-secret"
    with receiver([500]) as rx:
        monkeypatch.setenv("ACCORDS_WEBHOOKS", json.dumps([{"url": rx.url, "secret": secret}]))
        code, _, err = cli("notify", "run", "--once", "--now", SOON)
        assert code == 0, err
        assert "4 due, 4 new, 4 delivered" in err
        ids = [r.headers["X-Accords-Delivery"] for r in rx.got]
        assert len(ids) == 5 and len(set(ids)) == 4  # the first answer was a 500: retried once
        assert all(deliver.verify(r.body, secret, r.headers["X-Accords-Signature"]) for r in rx.got)
        code, _, err = cli("notify", "run", "--once", "--now", SOON)
        assert "0 new, 0 delivered" in err and len(rx.got) == 5
    code, out, _ = cli("notify", "log", "--format", "json")
    log = json.loads(out)
    assert len(log) == 5 and sorted(r["status_code"] for r in log) == [200, 200, 200, 200, 500]
    assert all(r["done"] for r in log)


def test_dst_and_as_of_through_the_cli(cli, seeded: Engine) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("trigger", "--kind", "armed attack", "--against", "ukr", "--by", "rus",
                         "--at", "2026-10-24T12:00+03:00", "--now", "2026-10-24T10:00Z",
                         "--tz", "Europe/Kyiv", "--format", "json")
    assert code == 0, err
    jpn = next(r for r in json.loads(out) if r["agreement"] == "UKR-JPN-2024")
    assert jpn["event_at"] == "2026-10-24 12:00 EEST"
    assert jpn["deadline"] == "2026-10-25 11:00 EET"  # 24 elapsed hours across the clock change
    assert jpn["countdown"] == "23h 00m left"
    event = jpn["event"]
    # The store as it was before the event was recorded does not know it.
    code, _, err = cli("--as-of", "2026-10-23", "consultations", "--event", event)
    assert code == 4 and "no triggering event" in one_line_error(err)


def test_typer_app_runs_under_clirunner(seeded: Engine, db_url: str) -> None:
    from typer.testing import CliRunner

    from accords.cli.main import build_app

    result = CliRunner().invoke(build_app(), [
        "trigger", "--kind", "armed-attack", "--against", "UKR", "--by", "RUS", "--at", AT,
        "--now", SOON, "--format", "json"], env={"ACCORDS_DATABASE_URL": db_url})
    assert result.exit_code == 0, result.output
    start = result.stdout.index("[")
    assert len(json.loads(result.stdout[start:])) == 4
