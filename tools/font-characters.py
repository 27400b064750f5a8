#!/usr/bin/env python3
"""Writes every character the fonts must draw, one U+XXXX per line, for pyftsubset --unicodes-file.

That is each character used by the interface strings, the translations and the catalogue, plus the
full alphabets of the 24 EU languages, so that a note typed in any of them (or an agency's replacement
catalogue, which is swapped without rebuilding) never shows a missing-glyph box.

usage: font-characters.py OUTPUT FILE_OR_FOLDER...
"""
import json
import sys
from pathlib import Path

# Printable ASCII, Latin-1, Latin Extended-A (Central European, Baltic, Maltese), Romanian ș ț with
# comma below, the Greek and the Bulgarian/Russian Cyrillic alphabets, and typographic punctuation.
ALPHABETS = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x0100, 0x017F), (0x0218, 0x021B),
    (0x0384, 0x038A), (0x038C, 0x038C), (0x038E, 0x03CE), (0x0400, 0x045F),
    (0x2010, 0x2027), (0x2030, 0x203A), (0x20AC, 0x20AC),
]


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def main():
    output, *inputs = sys.argv[1:]
    chars = {chr(c) for first, last in ALPHABETS for c in range(first, last + 1)}
    for item in inputs:
        path = Path(item)
        files = sorted(path.rglob("*.json")) if path.is_dir() else [path]
        for f in files:
            for text in strings(json.loads(f.read_text(encoding="utf-8"))):
                chars.update(text)
    # Code points rather than text: pyftsubset would drop the no-break spaces from a text file, and
    # French puts them before : ; ? !
    codes = sorted(ord(c) for c in chars if c.isprintable() or c in "\u00a0\u202f")
    Path(output).write_text("".join(f"U+{c:04X}\n" for c in codes), encoding="ascii")


main()
