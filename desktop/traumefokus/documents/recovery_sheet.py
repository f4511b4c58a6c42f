"""The recovery key on paper: printed once, when the database is encrypted, and kept away from
the computer. The sheet says what the key opens, where the data were, and what to do with it;
the PDF is never written to disk by the program (it goes to the printer)."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from traumefokus.documents.page import TEXT_WIDTH, Pdf, Section, build_pdf
from traumefokus.documents.styles import LARGE, bullets, facts, gap, heading, paragraphs
from traumefokus.documents.wording import Wording
from traumefokus.messages import choose

WORDS = {
    "title": ("Gendannelsesnøgle til Traumefokus", "Traumefokus recovery key"),
    "intro": (
        "Denne nøgle åbner de krypterede data i Traumefokus, hvis alle adgangskoder er glemt "
        "eller nøglefilen er gået tabt. Den åbner også alle sikkerhedskopier.",
        "This key opens the encrypted data in Traumefokus if every password is forgotten or "
        "the key file is lost. It also opens every backup.",
    ),
    "made": ("Lavet", "Made"),
    "where": ("Data", "Data"),
    "keep": (
        "Opbevar arket aflåst, væk fra computeren (fx hos lederen eller i et pengeskab).|"
        "Gem ikke nøglen på computeren, i en e-mail eller i en sky-tjeneste.|"
        "Nøglen vises ikke igen. Den, der har arket og en kopi af data, kan læse dem.",
        "Keep the sheet locked away from the computer (with the manager or in a safe).|"
        "Do not store the key on the computer, in an e-mail or in a cloud service.|"
        "The key is not shown again. Whoever has the sheet and a copy of the data can read "
        "them.",
    ),
}


def recovery_sheet(recovery_key: str, where: str, lang: str, today: date) -> Pdf:
    words = Wording(lang)
    say = {key: choose(pair, lang) for key, pair in WORDS.items()}
    flowables: list[Flowable] = [
        heading(say["title"]),
        *paragraphs(say["intro"]),
        gap(6),
        *paragraphs(_two_lines(recovery_key), LARGE),
        gap(6),
        facts([(say["made"], words.day_and_date(today)), (say["where"], where)], TEXT_WIDTH),
        gap(6),
        bullets(say["keep"].split("|")),
    ]
    section = Section(header=say["title"], flowables=flowables, confidential=True)
    return build_pdf([section], title=say["title"], words=words, printed_on=today)


def _two_lines(recovery_key: str) -> str:
    """Four groups a line, so that no group is ever broken across lines."""
    groups = recovery_key.split("-")
    half = len(groups) // 2
    return "-".join(groups[:half]) + "-\n" + "-".join(groups[half:])
