"""The session note on paper, the therapist's record: who, when, what (check-in, quote,
worksheets, check-out, commitment, measures, notes), time per agenda point against its
target, attendance, signature and addenda, and room for a supervisor's co-signature."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from traumefokus.documents.logbook_block import logbook_block
from traumefokus.documents.page import TEXT_WIDTH, Section
from traumefokus.documents.styles import (
    BODY,
    CELL,
    CELL_LABEL,
    QUOTE,
    SMALL,
    SUBTITLE,
    TITLE,
    WritingLine,
    cell,
    facts,
    field,
    gap,
    grid,
    heading,
    markup,
)
from traumefokus.documents.wording import Wording
from traumefokus.domain.isotime import local_day
from traumefokus.domain.pace import under_minimum
from traumefokus.domain.vocabulary import SessionKind
from traumefokus.services.safety_flags import FlagView
from traumefokus.services.session_notes import NoteView


def note_section(note: NoteView, words: Wording, *, with_name: bool) -> Section:
    s = note.session
    session_name = words.session_name(s.number, s.kind, s.extra, s.follow_up_month)
    client = note.client_code
    if with_name and note.display_name:
        client = f"{note.display_name} ({note.client_code})"
    day = s.date or s.planned_date
    header = " · ".join(
        part
        for part in (
            words("note.title"),
            client,
            session_name,
            words.short_date(day) if day else "",
        )
        if part
    )
    story: list[Flowable] = [
        Paragraph(markup(words("note.title")), TITLE),
        Paragraph(markup(_subtitle(note, words, session_name)), SUBTITLE),
        facts(_facts(note, words, client, session_name), TEXT_WIDTH),
    ]
    story += _flags(note, words)
    story += _content(note, words)
    story += logbook_block(note, words)
    story += _timing(note, words)
    story += _signatures(note, words)
    return Section(
        header=header,
        flowables=story,
        draft=not note.signed,
        confidential=True,
    )


def _subtitle(note: NoteView, words: Wording, session_name: str) -> str:
    parts = [words.method(note.method), session_name]
    if note.session.kind is not SessionKind.TRAUMA:
        parts.append(words.kind(note.session.kind))
    if note.theme is not None:
        parts.append(note.theme.title)
    return " · ".join(parts)


def _facts(note: NoteView, words: Wording, client: str, session_name: str) -> list[tuple[str, str]]:
    s = note.session
    when = ""
    if s.date:
        when = words.long_date(s.date)
        if s.planned_date and s.planned_date != s.date:
            when += f" ({words('note.planned', day=words.short_date(s.planned_date))})"
    elif s.planned_date:
        when = words("note.planned", day=words.long_date(s.planned_date))
    if s.planned_time and when:
        when += f", {words('at_time', time=words.clock(s.planned_time))}"
    theme = words.method(note.method)
    if note.theme is not None:
        theme += f" – {note.theme.title}"
        if note.theme.title_en and note.theme.title_en != note.theme.title:
            theme += f" ({note.theme.title_en})"
    status = (
        words("note.signed", moment=words.moment(note.signed_at), user=note.signed_by)
        if note.signed and note.signed_at
        else words("note.unsigned")
    )
    return [
        (words("note.client"), client),
        (
            words("note.course"),
            words(
                "note.course_value",
                programme=note.programme_name,
                start=words.short_date(note.course_start),
            ),
        ),
        (words("note.session"), f"{session_name} · {words.kind(s.kind)}"),
        (words("note.date"), when),
        (words("note.therapist"), note.therapist),
        (words("note.method_theme"), theme),
        (words("note.attendance"), words.attendance(s.attendance)),
        (words("note.status"), status),
    ]


def _content(note: NoteView, words: Wording) -> list[Flowable]:
    draft = note.draft
    story: list[Flowable] = []
    if note.session.kind is SessionKind.TRAUMA:
        story += _check_in(note, words)
        story += _quote(note, words)
        story += _worksheets(note, words)
        check_out = [
            *field(words("note.takeaway"), draft.check_out.takeaway),
            *field(words("note.difficult"), draft.check_out.difficult),
            *field(words("note.referrals"), draft.check_out.referrals),
        ]
        story += _part(words("note.check_out"), check_out, words)
    titles = {p.id: p.title_en if words.lang == "en" else p.title for p in note.agenda}
    notes = [
        f for point, text in draft.notes.items() for f in field(titles.get(point, point), text)
    ]
    if notes or note.session.kind is not SessionKind.TRAUMA:
        story += _part(words("note.notes"), notes, words)
    story += field(words("note.commitment"), draft.commitment)
    measures = [
        (
            m.title_en if words.lang == "en" else m.title,
            f"{draft.measures[m.id]} ({m.scale_min}–{m.scale_max})",
        )
        for m in note.measures
        if m.id in draft.measures
    ]
    if measures:
        story += [heading(words("note.measures")), facts(measures, TEXT_WIDTH)]
    return story


def _flags(note: NoteView, words: Wording) -> list[Flowable]:
    """The safety flags raised in this session, and those from earlier sessions still open
    on its day: a flag is on every note until it is cleared."""
    body: list[Flowable] = []
    for flag in note.flags_here:
        label = words("note.flag_here", moment=words.moment(flag.raised_at), user=flag.raised_by)
        body += field(f"⚠ {label}", _flag_text(flag, words))
    for flag in note.flags_earlier:
        day = flag.session_day or local_day(flag.raised_at)
        label = words("note.flag_earlier", day=words.short_date(day), user=flag.raised_by)
        body += field(f"⚠ {label}", flag.text)
    return [heading(words("note.flags")), *body] if body else []


def _flag_text(flag: FlagView, words: Wording) -> str:
    if flag.cleared_at is None:
        return flag.text
    cleared = words(
        "note.flag_cleared",
        moment=words.moment(flag.cleared_at),
        user=flag.cleared_by or "",
        note=flag.clear_note or "",
    )
    return f"{flag.text}\n{cleared}"


def _part(title: str, body: list[Flowable], words: Wording) -> list[Flowable]:
    """A heading over its fields, or over a word that nothing was written."""
    return [heading(title), *(body or [Paragraph(markup(words("note.nothing")), SMALL)])]


def _check_in(note: NoteView, words: Wording) -> list[Flowable]:
    c = note.draft.check_in
    feeling = c.feeling
    if c.feeling_score is not None:
        score = words("note.feeling_score", score=c.feeling_score)
        feeling = f"{feeling}\n({score})" if feeling else score
    use = ""
    if c.substance_use:
        use = words(f"use.{c.substance_use}")
        if c.substances:
            use += f": {c.substances}"
    elif c.substances:
        use = c.substances
    previous = ""
    if note.previous_commitment is not None:
        previous = f"»{note.previous_commitment.text}«"
    if c.commitment_done:
        done = words(f"done.{c.commitment_done}")
        previous = f"{previous} – {done}" if previous else done
    body = [
        *field(words("note.feeling"), feeling),
        *field(words("note.good_coping"), c.good_coping),
        *field(words("note.substance_use"), use),
        *field(words("note.unsafe"), c.unsafe_behaviour),
        *field(words("note.previous_commitment"), previous),
        *field(words("note.community"), c.community_resources),
    ]
    return _part(words("note.check_in"), body, words)


def _quote(note: NoteView, words: Wording) -> list[Flowable]:
    body: list[Flowable] = []
    quote = note.theme.quote if note.theme else None
    if quote is not None:
        source = (
            words("page.demo")
            if quote.demo
            else ", ".join(p for p in (quote.author, quote.work) if p)
        )
        body.append(Paragraph(f"»{markup(quote.text)}«", QUOTE))
        body.append(Paragraph(markup(f"– {source}"), SMALL))
    body += field(words("note.quote_means"), note.draft.quote.understanding)
    body += field(words("note.quote_link"), note.draft.quote.link)
    return _part(words("note.quote"), body, words)


def _worksheets(note: NoteView, words: Wording) -> list[Flowable]:
    titles = {w.id: w.title for w in note.theme.worksheets} if note.theme else {}
    used = note.draft.worksheets
    if not used:
        return [
            heading(words("note.theme_worksheets")),
            Paragraph(markup(words("note.no_worksheets")), SMALL),
        ]
    rows: list[list[Flowable | str]] = [
        [
            cell(words("note.worksheet"), CELL_LABEL),
            cell(words("note.worksheet_note"), CELL_LABEL),
            cell(words("note.handed_out"), CELL_LABEL),
        ]
    ]
    for use in used:
        rows.append(
            [
                titles.get(use.id, use.id),
                use.note or "–",
                words("yes") if use.handed_out else words("no"),
            ]
        )
    widths = (0.34 * TEXT_WIDTH, 0.51 * TEXT_WIDTH, 0.15 * TEXT_WIDTH)
    return [heading(words("note.theme_worksheets")), grid(rows, widths, header=True)]


def _timing(note: NoteView, words: Wording) -> list[Flowable]:
    seconds = note.draft.agenda_seconds
    if not note.agenda:
        return []
    rows: list[list[Flowable | str]] = [
        [
            cell(words("note.point"), CELL_LABEL),
            cell(words("note.target"), CELL_LABEL),
            cell(words("note.max"), CELL_LABEL),
            cell(words("note.used"), CELL_LABEL),
        ]
    ]
    total = 0
    timed = any(seconds.values())  # the session ran on the screen: its minimums count
    for point in note.agenda:
        used = int(seconds.get(point.id, 0))
        total += used
        over = used > point.max_minutes * 60
        short = timed and under_minimum(point, used)  # a theme that ended under its minimum
        mark = (
            words("note.over")
            if over
            else words("note.under_minimum", min=point.min_minutes)
            if short
            else ""
        )
        shown = _minutes_seconds(used)
        rows.append(
            [
                point.title_en if words.lang == "en" else point.title,
                words("minutes", minutes=point.target_minutes),
                words("minutes", minutes=point.max_minutes),
                Paragraph(f"<b>{shown}</b>  ({markup(mark)})", CELL) if mark else shown,
            ]
        )
    over = total > note.minutes * 60  # against the session's length
    shown = _minutes_seconds(total) + (f"  ({words('note.over')})" if over else "")
    rows.append(
        [
            cell(words("note.total"), CELL_LABEL),
            words("minutes", minutes=sum(p.target_minutes for p in note.agenda)),
            cell(words("note.length", minutes=note.minutes), CELL),
            Paragraph(f"<b>{markup(shown)}</b>", CELL) if over else shown,
        ]
    )
    # "Used" is the widest: "24:30 (under minimum på 30 min.)" on one line
    widths = (0.33 * TEXT_WIDTH, 0.11 * TEXT_WIDTH, 0.16 * TEXT_WIDTH, 0.40 * TEXT_WIDTH)
    return [KeepTogether([heading(words("note.time")), grid(rows, widths, header=True)])]


def _minutes_seconds(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _signatures(note: NoteView, words: Wording) -> list[Flowable]:
    story: list[Flowable] = []
    if note.addenda:
        story.append(heading(words("note.addenda")))
        for addendum in note.addenda:
            story += field(
                words("note.addendum_by", moment=words.moment(addendum.at), user=addendum.by),
                addendum.text,
            )
    signed = (
        words("note.signed", moment=words.moment(note.signed_at), user=note.signed_by)
        if note.signed and note.signed_at
        else words("note.unsigned")
    )
    line_width = TEXT_WIDTH * 0.3
    cosigned = note.supervision.cosignature
    lines: list[Flowable | str] = [WritingLine(), WritingLine(), WritingLine()]
    date_width = 0.7  # of a name's line; a printed moment on one line
    if cosigned is not None:  # recorded in the program: its words on the lines
        date_width = 0.9
        lines = [
            cell(cosigned.by),
            cell(words.moment(cosigned.at)),
            cell(words("note.cosigned")),
        ]
    cosign = grid(
        [
            [
                cell(words("note.name"), CELL_LABEL),
                cell(words("note.sign_date"), CELL_LABEL),
                cell(words("note.sign_here"), CELL_LABEL),
            ],
            lines,
        ],
        (line_width, line_width * date_width, TEXT_WIDTH - line_width * (1 + date_width)),
        rules=False,
    )
    story.append(
        KeepTogether(
            [
                heading(words("note.signature")),
                Paragraph(markup(signed), BODY),
                gap(3),
                Paragraph(markup(words("note.cosign")), CELL_LABEL),
                cosign,
            ]
        )
    )
    return story
