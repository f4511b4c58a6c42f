"""The words on paper, in Danish and English: labels of the printed documents, and dates
written out.

Printing happens below the UI (the CLI prints too), so these are not Qt translations. The
records vocabulary (a session's kind, its attendance, the method) comes from labels.py, the
catalogue the screens read too.
"""

from __future__ import annotations

from datetime import date, datetime, time

from traumefokus.labels import label_of
from traumefokus.messages import choose

# key: (Danish, English); placeholders are str.format fields.
WORDS: dict[str, tuple[str, str]] = {
    # every page
    "page.printed": ("Udskrevet {day}", "Printed {day}"),
    "page.reprinted": (
        "Først udskrevet {first} · genudskrevet {day}",
        "First printed {first} · reprinted {day}",
    ),
    "page.number": ("Side {page} af {pages}", "Page {page} of {pages}"),
    "page.draft": ("KLADDE – ikke underskrevet", "DRAFT – not signed"),
    "page.draft_mark": ("KLADDE", "DRAFT"),
    "page.confidential": ("Fortroligt – helbredsoplysninger", "Confidential – health data"),
    "page.demo": (
        "Demoindhold skrevet til Traumefokus, ikke fra manualen",
        "Demo content written for Traumefokus, not from the manual",
    ),
    "page.demo_short": ("Demoindhold", "Demo content"),
    # sessions by name (the records vocabulary itself is in labels.py)
    "session.number": ("Session {number}", "Session {number}"),
    "session.extra": ("Ekstra session", "Extra session"),
    "session.follow_up_1": ("Opfølgning efter 1 måned", "Follow-up after 1 month"),
    "session.follow_up_n": ("Opfølgning efter {months} måneder", "Follow-up after {months} months"),
    "done.yes": ("Gjort", "Done"),
    "done.partly": ("Delvist", "Partly"),
    "done.no": ("Ikke gjort", "Not done"),
    "use.none": ("Ingen", "None"),
    "use.some": ("Noget", "Some"),
    "yes": ("Ja", "Yes"),
    "no": ("Nej", "No"),
    "at_time": ("kl. {time}", "at {time}"),
    "minutes": ("{minutes} min.", "{minutes} min"),
    # session note
    "note.title": ("Sessionsnote", "Session note"),
    "note.titles": ("Sessionsnoter", "Session notes"),
    "note.client": ("Klient", "Client"),
    "note.course": ("Forløb", "Course"),
    "note.course_value": ("{programme}, startet {start}", "{programme}, started {start}"),
    "note.session": ("Session", "Session"),
    "note.date": ("Dato", "Date"),
    "note.planned": ("planlagt {day}", "planned for {day}"),
    "note.therapist": ("Behandler", "Therapist"),
    "note.method_theme": ("Metode og tema", "Method and theme"),
    "note.attendance": ("Fremmøde", "Attendance"),
    "note.status": ("Status", "Status"),
    "note.signed": ("Underskrevet {moment} af {user}", "Signed {moment} by {user}"),
    "note.unsigned": ("Kladde – ikke underskrevet", "Draft – not signed"),
    "note.check_in": ("Tjek-ind", "Check-in"),
    "note.feeling": ("Hvordan har du det?", "How are you feeling?"),
    "note.feeling_score": ("{score} på en skala fra 0 til 10", "{score} on a scale of 0-10"),
    "note.good_coping": ("God mestring siden sidst", "Good coping since last time"),
    "note.substance_use": ("Rusmidler siden sidst", "Substance use since last time"),
    "note.unsafe": ("Anden usikker adfærd", "Other unsafe behaviour"),
    "note.previous_commitment": ("Forpligtelse fra sidst", "Commitment from last time"),
    "note.community": ("Hjælp i lokalsamfundet", "Community resources"),
    "note.quote": ("Citat", "Quote"),
    "note.quote_means": ("Hvad klienten tror, det betyder", "What the client thinks it means"),
    "note.quote_link": ("Kobling til dagens tema", "Link to today's theme"),
    "note.theme_worksheets": ("Tema: arbejdsark", "Theme: worksheets"),
    "note.length": ("{minutes} min. (sessionen)", "{minutes} min (the session)"),
    "note.worksheet": ("Arbejdsark", "Worksheet"),
    "note.worksheet_note": ("Notat", "Note"),
    "note.handed_out": ("Udleveret", "Handed out"),
    "note.no_worksheets": ("Ingen arbejdsark registreret.", "No worksheets recorded."),
    "note.check_out": ("Tjek-ud", "Check-out"),
    "note.takeaway": ("Hvad klienten tager med sig", "What the client takes away"),
    "note.difficult": ("Noget svært", "Anything difficult"),
    "note.referrals": (
        "Henvisninger til hjælp i lokalsamfundet",
        "Referrals to community resources",
    ),
    "note.commitment": ("Forpligtelse til næste gang", "Commitment until next time"),
    "note.measures": ("Målinger", "Measures"),
    "note.notes": ("Noter", "Notes"),
    "note.nothing": ("Intet skrevet.", "Nothing written."),
    "note.time": ("Tid pr. dagsordenspunkt", "Time per agenda point"),
    "note.point": ("Punkt", "Point"),
    "note.target": ("Mål", "Target"),
    "note.max": ("Højst", "Maximum"),
    "note.used": ("Brugt", "Used"),
    "note.over": ("over", "over"),
    "note.under_minimum": ("under minimum på {min} min.", "under the minimum of {min} min"),
    "note.total": ("I alt", "Total"),
    "note.addenda": ("Tilføjelser efter underskrift", "Addenda after signing"),
    "note.flags": ("Sikkerhedsflag", "Safety flags"),
    "note.logbook": ("Logbog", "Logbook"),
    "note.held_by": ("Holdt af", "Held by"),
    "note.not_held_reason": ("Hvorfor ikke holdt", "Why not held"),
    "note.gift_card": ("Gavekort", "Gift card"),
    "note.gift_card_given": ("Givet, {amount} kr", "Given, {amount} kr"),
    "note.gift_card_not_given": ("Ikke givet", "Not given"),
    "note.other_treatment": ("Anden behandling", "Other treatment"),
    "note.recording": ("Lydoptagelse", "Audio recording"),
    "note.recorded": ("Optaget: {file}", "Recorded: {file}"),
    "note.flag_here": (
        "Rejst i denne session, {moment}, {user}",
        "Raised in this session, {moment}, {user}",
    ),
    "note.flag_earlier": (
        "Stadig åbent, rejst {day}, {user}",
        "Still open, raised on {day}, {user}",
    ),
    "note.flag_cleared": ("Ryddet {moment}, {user}: {note}", "Cleared {moment}, {user}: {note}"),
    "note.addendum_by": ("{moment}, {user}", "{moment}, {user}"),
    "note.signature": ("Underskrift", "Signature"),
    "note.cosign": ("Medunderskrift (supervisor)", "Co-signature (supervisor)"),
    "note.cosigned": (
        "Medunderskrevet elektronisk i Traumefokus",
        "Co-signed electronically in Traumefokus",
    ),
    "note.name": ("Navn", "Name"),
    "note.sign_date": ("Dato", "Date"),
    "note.sign_here": ("Underskrift", "Signature"),
    # client handout
    "handout.file": ("Arbejdsark", "Worksheets"),
    "handout.quote": ("Dagens citat", "Today's quote"),
    "handout.commitment": ("Min aftale til næste gang", "My commitment until next time"),
    # course plan
    "plan.title": ("Dit forløb", "Your course"),
    "plan.intro": (
        "Her er datoerne for dine samtaler i {programme} og de temaer, vi har valgt sammen. "
        "Kan du ikke komme, så sig det så tidligt som muligt, så finder vi en ny tid.",
        "Here are the dates of your sessions in {programme} and the themes we chose together. "
        "If you cannot come, please tell us as early as you can and we will find a new time.",
    ),
    "plan.with": ("Din behandler: {therapist}", "Your therapist: {therapist}"),
    "plan.sessions": ("Samtaler", "Sessions"),
    "plan.day": ("Dato", "Date"),
    "plan.time": ("Tid", "Time"),
    "plan.what": ("Indhold", "Content"),
    "plan.assessment": (
        "Første samtale: vi lærer hinanden at kende",
        "First session: getting to know each other",
    ),
    "plan.session": ("Samtale {number}", "Session {number}"),
    "plan.extra": ("Ekstra samtale", "Extra session"),
    "plan.theme_open": ("Tema vælges senere", "Theme to be chosen"),
    "plan.held": ("afholdt", "held"),
    "plan.missed": ("ikke afholdt", "not held"),
    "plan.cancelled": ("aflyst", "cancelled"),
    "plan.goals": ("Dine mål", "Your goals"),
    "plan.no_goals": ("Vi skriver dine mål sammen.", "We will write your goals together."),
    "plan.no_date": ("aftales", "to be agreed"),
    # the supervision report (its own words: services/supervision_tables.py)
    "supervision.file": ("Supervisionsrapport", "Supervision report"),
    "coding_results.file": ("Kodningsresultater", "Coding results"),
    # status letter
    "letter.file": ("Statusbrev", "Status letter"),
    "letter.to": ("Til {name}", "To {name}"),
    "letter.regards": ("Venlig hilsen", "Kind regards"),
    "letter.greeting": ("Kære {name}", "Dear {name}"),
    "letter.hello": ("Hej", "Hello"),
    "letter.held": (
        "Vi har nu haft {count} samtaler i dit forløb, {programme}, fra {first} til {last}.",
        "We have now had {count} sessions in your course, {programme}, from {first} to {last}.",
    ),
    "letter.themes": ("Temaer, vi har arbejdet med:", "Themes we have worked on:"),
    "letter.commitments": ("Det har du sagt ja til at gøre:", "What you agreed to do:"),
    "letter.goals": (
        "Dine mål, og hvordan det går med dem:",
        "Your goals, and how they are going:",
    ),
    "letter.goal_progress": ("[skriv, hvordan det går]", "[write how it is going]"),
    "letter.next": ("Vores næste samtale er {day}.", "Our next session is on {day}."),
    "letter.closing": (
        "Du er velkommen til at tage brevet med, hvis du vil tale om det næste gang.",
        "You are welcome to bring this letter if you would like to talk about it next time.",
    ),
}


class Wording:
    """The words of one language: `words("note.title")`, the records vocabulary's labels, and
    dates and times written out by Babel (imported at the first date: it is slow to load)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, /, **facts: object) -> str:
        return choose(WORDS[key], self.lang).format(**facts)

    def long_date(self, day: date) -> str:
        """23. november 2026 / 23 November 2026."""
        return self._date(day, "d. MMMM y", "d MMMM y")

    def day_and_date(self, day: date) -> str:
        """mandag 5. januar 2026 / Monday 5 January 2026."""
        return self._date(day, "EEEE d. MMMM y", "EEEE d MMMM y")

    def short_date(self, day: date) -> str:
        """23.11.2026 / 23 Nov 2026: a date in a table."""
        return self._date(day, "dd.MM.y", "d MMM y")

    def clock(self, moment: time) -> str:
        """13.05 / 13:05 (the Danish "kl. 13.05" is not the locale's default)."""
        from babel.dates import format_time

        return format_time(moment, "HH:mm" if self.lang == "en" else "HH.mm", locale=self._locale)

    def moment(self, at: datetime) -> str:
        """A stored UTC moment in local time: 2.2.2026 kl. 13.05."""
        local = at.astimezone()
        return f"{self.short_date(local.date())} {self('at_time', time=self.clock(local.time()))}"

    def _date(self, day: date, danish: str, english: str) -> str:
        from babel.dates import format_date

        return format_date(day, english if self.lang == "en" else danish, locale=self._locale)

    @property
    def _locale(self) -> str:
        return "en" if self.lang == "en" else "da"

    def kind(self, kind: str) -> str:
        return label_of("session_kind", kind, self.lang)

    def attendance(self, attendance: str | None) -> str:
        return label_of("attendance", attendance or "none", self.lang)

    def method(self, method: str) -> str:
        return label_of("method", method, self.lang, default=method)

    def session_name(
        self, number: int | None, kind: str, extra: bool, follow_up_month: int | None
    ) -> str:
        """Session 5 · Ekstra session · Opfølgning efter 6 måneder."""
        if follow_up_month is not None:
            if follow_up_month == 1:
                return self("session.follow_up_1")
            return self("session.follow_up_n", months=follow_up_month)
        if extra or number is None:
            return self("session.extra")
        return self("session.number", number=number)
