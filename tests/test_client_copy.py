"""The client's readable copy beside the JSON of `export records --client`: what is kept about
them, course by course, in their language, naming the JSON file for the full text."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from traumefokus.documents.client_copy import client_copy

CLIENT = {
    "code": "K-0003",
    "display_name": "Bodil Æblegård",
    "site": "Aarhus",
    "recording_consent": [
        {"given_on": "2026-02-02", "recorded_by": "mette.h", "withdrawn_on": None}
    ],
    "courses": [
        {
            "id": "c1",
            "method": "SS",
            "therapist": "mette.h",
            "pack": {"id": "seeking-safety", "version": "1.0.0"},
            "status": "completed",
            "start_date": "2026-01-05",
            "end_date": "2026-04-20",
            "end_reason_text": "",
            "goals": [{"text": "Sove bedre", "set_on": "2026-01-05"}],
            "sessions": [
                {
                    "kind": "assessment",
                    "number": 0,
                    "date": "2026-01-05",
                    "theme_id": None,
                    "attendance": "held",
                    "planned_date": "2026-01-05",
                },
                {
                    "kind": "trauma",
                    "number": 3,
                    "date": None,
                    "theme_id": "honesty",
                    "attendance": "no_show",
                    "planned_date": "2026-01-19",
                },
            ],
            "itq": [{"date": "2026-01-05", "result": "ptsd"}],
            "status_letters": [{"text": "Bodil er mødt stabilt op."}],
            "safety_flags": [],
        }
    ],
}


def _text(pdf) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.data)).pages)


def test_the_copy_lists_what_is_kept_course_by_course():
    pdf = client_copy(CLIENT, "K-0003.json", "da", date(2026, 12, 2), lambda c, t: t and "Ærlighed")
    text = _text(pdf)
    for wanted in (
        "Dine oplysninger i Traumefokus",
        "K-0003.json",
        "Bodil Æblegård",
        "givet mandag 2. februar 2026",
        "Forløb: Seeking Safety",
        "Sove bedre",
        "Afdækning",
        "Traumefokuseret 3",
        "Ærlighed",
        "Udeblevet",
        "PTSD",
        "Bodil er mødt stabilt op.",
    ):
        assert wanted in text, wanted


def test_the_copy_speaks_english_when_asked():
    text = _text(client_copy(CLIENT, "x.json", "en", date(2026, 12, 2), lambda c, t: t or ""))
    assert "Your data in Traumefokus" in text and "No-show" in text
