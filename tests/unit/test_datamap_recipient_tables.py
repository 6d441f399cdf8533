"""A recipient may name the tables whose rows reach it (review item 5): a person without a
row there is not told their data goes to it (art. 15(1)(c), 15(2))."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy_desk.datamap.loader import load_datamap
from privacy_desk.errors import UserError
from privacy_desk.resources import resource_path

DEMO = resource_path("datamaps", "demo-portal.yaml")


def test_recipients_of_data_follow_the_tables() -> None:
    dm = load_datamap(DEMO)
    assert dm.recipients["newsletter"].tables == ("newsletter_subscriptions",)
    names = [r.name for r in dm.recipients_of_data(["consent", "contact"],
                                                   ["contact_preferences", "customers"])]
    assert names == ["messaging"]  # consent data, but no subscription: not the USA firm
    names = [r.name for r in dm.recipients_of_data(["consent"], ["newsletter_subscriptions"])]
    assert names == ["messaging", "newsletter"]


def test_an_unknown_table_of_a_recipient_is_refused(tmp_path: Path) -> None:
    text = DEMO.read_text(encoding="utf-8").replace(
        "tables: [newsletter_subscriptions]", "tables: [newsletter_subscribers]")
    bad = tmp_path / "map.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match="newsletter_subscribers"):
        load_datamap(bad)
