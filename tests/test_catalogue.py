"""The Vietnamese catalogue: each message once, each translated, each keeping its
placeholders — several people append to it, and GNU gettext refuses a duplicate outright."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from babel.messages.pofile import read_po

CATALOGUE = Path(__file__).resolve().parent.parent / "src/kcn/locale/vi/LC_MESSAGES/django.po"
ENTRY = re.compile(r'^(?:msgctxt "(.*)"\n)?msgid "(.+)"$', re.M)


def test_no_message_is_defined_twice() -> None:
    counts = Counter(ENTRY.findall(CATALOGUE.read_text(encoding="utf-8")))
    assert [entry for entry, n in counts.items() if n > 1] == []


def test_every_message_is_translated_with_its_placeholders() -> None:
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file)
    for message in catalogue:
        if not message.id:
            continue
        singular = message.id if isinstance(message.id, str) else message.id[0]
        translated = message.string if isinstance(message.string, str) else message.string[0]
        assert translated, singular
        wanted = set(re.findall(r"%\((\w+)\)s", singular))
        assert set(re.findall(r"%\((\w+)\)s", translated)) == wanted, singular
