"""The words of a report's tables (the supervision overview, a coding round's results): one
(Danish, English) pair per key, with facts filled in."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from traumefokus.messages import choose


class Words:
    """`word(key, lang, **facts)`: the words of `key` in `lang` with the facts filled in;
    `word.of(lang)` the same for one language, `w(key, **facts)`."""

    def __init__(self, pairs: Mapping[str, tuple[str, str]]) -> None:
        self.pairs = pairs

    def __call__(self, key: str, lang: str, /, **facts: object) -> str:
        return choose(self.pairs[key], lang).format(**facts)

    def of(self, lang: str) -> Callable[..., str]:
        def w(key: str, /, **facts: object) -> str:
            return self(key, lang, **facts)

        return w
