"""What ``datamap check`` finds: one finding per problem, with the map's line, and the report.

Kept apart from the check itself so the modules that contribute findings (constraints, name
indexes) and the check that runs them depend on these values, not on each other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from privacy_desk.messages import SOURCE_LANGUAGE, Message, msg


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


class FindingKind(enum.StrEnum):
    MISSING_TABLE = "missing_table"
    MISSING_COLUMN = "missing_column"
    PRIMARY_KEY = "primary_key"
    TYPE_MISMATCH = "type_mismatch"
    BAD_REFERENCE = "bad_reference"
    MISSING_INDEX = "missing_index"
    #: a ``personal: false`` column that looks personal, without a ``reason``
    NEEDS_REASON = "needs_reason"
    #: a phone identity column holding spellings that find will not match
    PHONE_SPELLING = "phone_spelling"
    UNMAPPED_TABLE = "unmapped_table"
    UNMAPPED_COLUMN = "unmapped_column"
    LOOKS_PERSONAL = "looks_personal"
    CONSTRAINT = "constraint"  # erasure would meet a live constraint (NOT NULL, FK, length)
    HOLD = "hold"  # erasure would undo a hold (held lines of deleted invoices, ...)
    REVIEW = "review"  # an element a draft marked 'review: true': a guess to confirm


@dataclass(frozen=True)
class Finding:
    """One thing wrong with (or worth knowing about) the map on this database."""

    kind: FindingKind
    severity: Severity
    message: str
    table: str
    column: str | None = None
    line: int = 0
    #: SQL to propose to the DBA (never run by the desk), or the YAML to add to the map
    proposal: str | None = None
    #: ``message`` as a message, so the desk reads it in its language (:meth:`text`);
    #: ``message`` itself stays English (the CLI's report, scripts that grep it)
    words: Message | None = field(default=None, compare=False)

    @classmethod
    def worded(cls, kind: FindingKind, severity: Severity, words: Message, table: str,  # noqa: PLR0917 (the fields, in order)
               column: str | None = None, line: int = 0,
               proposal: str | None = None) -> Finding:
        """A finding whose English ``message`` is rendered from ``words``."""
        return cls(kind, severity, words.render(SOURCE_LANGUAGE), table, column, line,
                   proposal, words)

    def text(self, language: str | None = None) -> str:
        """The finding in ``language`` (default: the current one)."""
        return self.words.render(language) if self.words is not None else self.message


@dataclass(frozen=True)
class CheckReport:
    """All findings of one check; ``sound`` when there is no error."""

    map_file: str
    findings: tuple[Finding, ...]

    @property
    def sound(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def of_kind(self, kind: FindingKind) -> list[Finding]:
        return [f for f in self.findings if f.kind is kind]

    def render(self, language: str | None = None) -> str:
        """One line per finding, 'file:line: severity: message', then a verdict.

        In ``language`` (default: the current one: English unless the CLI has ``--lang``).
        """
        lines = []
        for f in sorted(self.findings, key=lambda f: (f.severity != Severity.ERROR, f.line)):
            where = f"{self.map_file}:{f.line}" if f.line else self.map_file
            severity = _SEVERITY_WORDS[f.severity].render(language)
            lines.append(f"{where}: {severity}: {f.text(language)}")
            if f.proposal:
                lines.append(msg("    proposed: {proposal}", proposal=f.proposal)
                             .render(language))
        errors = sum(f.severity is Severity.ERROR for f in self.findings)
        warns = len(self.findings) - errors
        verdict = (msg("The data map is sound: {errors} error(s), {warnings} warning(s).",
                       errors=errors, warnings=warns) if self.sound else
                   msg("The data map is NOT sound: {errors} error(s), {warnings} warning(s).",
                       errors=errors, warnings=warns))
        lines.append(verdict.render(language))
        return "\n".join(lines)


_SEVERITY_WORDS = {Severity.ERROR: msg("error"), Severity.WARNING: msg("warning")}
