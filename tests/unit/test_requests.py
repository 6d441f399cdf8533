"""Request types and channels: stable stored values, cited articles, forgiving parsing."""

from __future__ import annotations

import pytest

from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.errors import UserError


def test_stored_values_never_change() -> None:
    assert [t.value for t in RequestType] == [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "portability",
        "objection",
        "consent_withdrawal",
    ]
    assert [c.value for c in Channel] == ["portal", "paper", "email", "phone", "in_person"]
    assert [c for c in Channel if c.is_oral] == [Channel.PHONE, Channel.IN_PERSON]
    assert RequestType("erasure") is RequestType.ERASURE
    assert f"{RequestType.ACCESS}" == "access"  # StrEnum: usable directly as text


@pytest.mark.parametrize(
    ("kind", "article"),
    [
        (RequestType.ACCESS, "15"),
        (RequestType.RECTIFICATION, "16"),
        (RequestType.ERASURE, "17"),
        (RequestType.RESTRICTION, "18"),
        (RequestType.PORTABILITY, "20"),
        (RequestType.OBJECTION, "21"),
        (RequestType.CONSENT_WITHDRAWAL, "7(3)"),
    ],
)
def test_articles(kind: RequestType, article: str) -> None:
    assert kind.article == article


def test_every_type_has_a_label_and_only_copies_disclose() -> None:
    assert all(t.label for t in RequestType)
    assert {t for t in RequestType if t.discloses_data} == {
        RequestType.ACCESS,
        RequestType.PORTABILITY,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("access", RequestType.ACCESS),
        (" ERASURE ", RequestType.ERASURE),
        ("consent withdrawal", RequestType.CONSENT_WITHDRAWAL),
        ("consent-withdrawal", RequestType.CONSENT_WITHDRAWAL),
        ("Consent_Withdrawal", RequestType.CONSENT_WITHDRAWAL),
    ],
)
def test_parse_request_type(text: str, expected: RequestType) -> None:
    assert RequestType.parse(text) is expected


def test_parse_channel() -> None:
    assert Channel.parse("EMAIL") is Channel.EMAIL
    assert Channel.parse("Paper") is Channel.PAPER


def test_unknown_values_name_the_choices() -> None:
    with pytest.raises(UserError, match="'deletion' is not a known request type") as info:
        RequestType.parse("deletion")
    assert "erasure" in info.value.hint and "consent_withdrawal" in info.value.hint
    with pytest.raises(UserError, match="channel") as info:
        Channel.parse("fax")
    assert info.value.hint == "Use one of: portal, paper, email, phone, in_person."
