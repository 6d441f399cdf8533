"""tools/sample_letters.py writes every letter kind in Swedish and English (so it can't rot:
a new letter kind that the tool does not produce fails here)."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from privacy_desk.services.letters import LETTER_KINDS
from tools.sample_letters import LANGS, NAMES, sample_letters


def test_every_sample_letter_is_written_and_opens(tmp_path: Path) -> None:
    made = sample_letters(tmp_path / "out")
    for name in NAMES:
        for lang in LANGS:
            path = tmp_path / "out" / f"{name}-{lang}.pdf"
            assert path in made, path.name
            reader = PdfReader(io.BytesIO(path.read_bytes()))
            assert reader.pages and (reader.pages[0].extract_text() or "").strip(), path.name
    for kind in LETTER_KINDS:  # every kind produce_letter knows is among the samples
        assert any(n == kind or n.startswith(f"{kind}-") for n in NAMES), kind
    # one art. 19 notice per recipient: the others are written beside the first
    assert len({p.name for p in made}) == len(made) > len(NAMES) * len(LANGS)
