"""The words for the records vocabulary (domain/vocabulary.py) and the ITQ's results, in
Danish and English: one catalogue for the screens (ui/labels.py, in the UI language), the
paper (documents/wording.py) and the command line and typed errors (messages.py, where a
fact `Term("status.active")` is said inside the sentence).

A label is written as it stands alone (a table cell, a heading, a list); inside a sentence its
first letter is lower case, unless its first word is an abbreviation ("MOVE", "PTSD").
The reasons a course ends early are data (resources/end-reasons.toml), not words of the code.
"""

from __future__ import annotations

# code: (Danish, English). A code is "<word list>.<value as stored>".
LABELS: dict[str, tuple[str, str]] = {
    # The methods keep their English names in Danish too, as in the pilot.
    "method.SS": ("Seeking Safety", "Seeking Safety"),
    "method.CC": ("Creating Change", "Creating Change"),
    # a course's status
    "status.planned": ("Planlagt", "Planned"),
    "status.active": ("Aktivt", "Active"),
    "status.completed": ("Gennemført", "Completed"),
    "status.ended_early": ("Afsluttet før tid", "Ended early"),
    # a user's role: a word inside a sentence more often than a heading
    "role.admin": ("administrator", "administrator"),
    "role.supervisor": ("supervisor", "supervisor"),
    "role.therapist": ("behandler", "therapist"),
    "role.coder": ("koder", "coder"),
    "session_kind.assessment": ("Afdækning", "Assessment"),
    "session_kind.move": ("MOVE", "MOVE"),
    "session_kind.trauma": ("Traumefokuseret", "Trauma-focused"),
    "session_kind.follow_up": ("Opfølgning", "Follow-up"),
    "attendance.held": ("Afholdt", "Held"),
    "attendance.no_show": ("Udeblevet", "No-show"),
    "attendance.cancelled_client": ("Aflyst af klienten", "Cancelled by client"),
    "attendance.cancelled_centre": ("Aflyst af centret", "Cancelled by centre"),
    "attendance.none": ("Ikke registreret", "Not recorded"),  # stored as null
    # a session's note ("none", no note yet, is an empty cell)
    "note_status.draft": ("Kladde", "Draft"),
    "note_status.signed": ("Underskrevet", "Signed"),
    "itq_occasion.assessment": ("Afdækning", "Assessment"),
    "itq_occasion.follow_up": ("Opfølgning", "Follow-up"),
    "itq_result.ptsd": ("PTSD", "PTSD"),
    "itq_result.cptsd": ("Kompleks PTSD", "Complex PTSD"),
    "itq_result.subclinical": ("Subklinisk PTSD", "Subclinical PTSD"),
    "itq_result.none": ("Under grænsen", "Below the threshold"),
    "itq_result.incomplete": ("Ufuldstændig (spørgsmål mangler)", "Incomplete (items missing)"),
    # the ITQ's clusters (domain/itq.py CLUSTER_ORDER): words inside a list in a sentence
    "itq_cluster.re_experiencing": ("genoplevelse", "re-experiencing"),
    "itq_cluster.avoidance": ("undgåelse", "avoidance"),
    "itq_cluster.threat": ("oplevelse af trussel", "sense of threat"),
    "itq_cluster.ptsd_impairment": ("funktionsnedsættelse (PTSD)", "PTSD impairment"),
    "itq_cluster.affective_dysregulation": (
        "følelsesmæssig dysregulering",
        "affective dysregulation",
    ),
    "itq_cluster.negative_self_concept": ("negativt selvbillede", "negative self-concept"),
    "itq_cluster.disturbed_relationships": ("forstyrrede relationer", "disturbed relationships"),
    "itq_cluster.dso_impairment": ("funktionsnedsættelse (DSO)", "DSO impairment"),
}


def label(code: str, lang: str) -> str:
    """The label for `code` ("attendance.held") in `lang`; Danish unless `lang` is "en"."""
    danish, english = LABELS[code]
    return english if lang == "en" else danish


def label_of(word_list: str, value: str | None, lang: str, default: str | None = None) -> str:
    """The label of a stored `value` of `word_list` ("attendance", "held"); `default` for a
    value the list lacks (a KeyError if no default is given)."""
    code = f"{word_list}.{value}"
    if default is not None and code not in LABELS:
        return default
    return label(code, lang)


def in_sentence(code: str, lang: str) -> str:
    """The label as a word inside a sentence: "afholdt", "ended early", but "MOVE"."""
    word = label(code, lang)
    first = word.split(" ", 1)[0]
    if first[:2].isupper():  # an abbreviation keeps its capitals
        return word
    return word[:1].lower() + word[1:]
