"""Danish for argparse's own messages.

argparse looks its texts up through a module-level `_` (gettext); pointing that at this
table makes usage errors and help follow `--lang` without compiled gettext catalogues.
"""

from __future__ import annotations

import argparse
import gettext

DANISH = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "show program's version number and exit": "vis programmets version og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)"
    ),
    "expected one argument": "forventede ét argument",
    "expected at most one argument": "forventede højst ét argument",
    "expected at least one argument": "forventede mindst ét argument",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydigt tilvalg: %(option)s kan betyde %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "ugyldig værdi af typen %(type)s: %(value)r",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "one of the arguments %s is required": "et af argumenterne %s er påkrævet",
    "ignored explicit argument %r": "ignorerede argumentet %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "ukendt kommando %(parser_name)r (vælg mellem %(choices)s)"
    ),
}


def use_language(lang: str) -> None:
    # argparse looks its words up through its module's own `_` and `ngettext`, which its
    # stubs do not declare: replacing them is the only way to translate its messages.
    if lang == "da":
        argparse._ = lambda message: DANISH.get(message, message)  # type: ignore[attr-defined]
        argparse.ngettext = lambda singular, plural, n: (  # type: ignore[attr-defined]
            "forventede %s argument" if n == 1 else "forventede %s argumenter"
        )
    else:
        argparse._ = gettext.gettext  # type: ignore[attr-defined]
        argparse.ngettext = gettext.ngettext  # type: ignore[attr-defined]
