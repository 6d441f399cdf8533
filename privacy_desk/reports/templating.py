"""Letter templates the company can edit: Jinja2 files, Swedish and English.

Every letter is ``resources/letters/templates/<lang>/<kind>.txt.j2``; a file of the same
name under ``<settings folder>/letters/<lang>/`` replaces the shipped one (templates may
``{% include %}`` each other, e.g. the shared ``_closing.txt.j2``, from either place).

A template is text with a few line marks, so an officer can write it without knowing
any markup language:

- ``# Subject`` — the letter's subject line (one, first);
- ``## Heading`` — a section heading; ``### Heading`` — a heading inside a section;
- ``- text`` — a bullet; a line starting with two spaces continues the bullet above;
- ``| Label | text`` — a row of a two-column table (label, text); rows in a row make one
  table (the extract's purpose, legal basis, recipients and retention per category);
- ``%% page`` — start a new page; ``%% data`` — where the letter's own data goes (the
  extract's tables of the person's data, laid out by the program);
- an empty line ends a paragraph; other lines join into the paragraph they are in.

Rendering is strict: an unknown placeholder is an error, never an empty space in a legal
document. A broken template fails with its file and line (:class:`LetterTemplateError`)
*before* anything is written or recorded, because :func:`render_letter` returns only text
and the PDF and the case record are made from that text afterwards.
"""

from __future__ import annotations

import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.resources import resource_path

TEMPLATE_SUFFIX = ".txt.j2"
#: What rendering a template may raise: its own errors, and a filter's or a placeholder's
#: (a date filter given text, a missing key): each is the template's fault, with its line.
RENDER_ERRORS = (jinja2.TemplateError, TypeError, ValueError, KeyError, AttributeError,
                 ArithmeticError)
#: The ``%% name`` lines a template may use (see the module docstring).
DIRECTIVES = ("page", "data")
LOCALES = {"sv": "sv_SE", "en": "en_GB"}


class LetterTemplateError(UserError):
    """A letter template cannot be used; nothing was produced."""


class UnknownDirective(ValueError):
    """A ``%% name`` line that is not one of :data:`DIRECTIVES`."""

    def __init__(self, directive: str) -> None:
        super().__init__(directive)
        self.directive = directive


@dataclass(frozen=True)
class Block:
    """One piece of a rendered letter: ``kind`` is heading, subheading, paragraph, bullet,
    row (``text`` the label, ``value`` the text), page (a page break) or data (where the
    letter's data goes)."""

    kind: str
    text: str
    value: str = ""


@dataclass(frozen=True)
class RenderedLetter:
    """A letter's text, ready to lay out: its subject and its blocks in order."""

    kind: str
    lang: str
    subject: str
    blocks: tuple[Block, ...]
    #: where each template came from (shipped or the company's own), for the record
    template: str

    @property
    def text(self) -> str:
        """The letter as plain text (what tests and the case record compare)."""
        return "\n".join([self.subject, *(b.text for b in self.blocks)])


def shipped_dir() -> Path:
    return resource_path("letters", "templates")


def user_dir(config_dir: Path) -> Path:
    """Where a company keeps its own templates (same layout as the shipped ones)."""
    return config_dir / "letters"


# ------------------------------------------------------------------- formatting filters


def fmt_date(value: date | datetime | None, lang: str) -> str:
    """'1 december 2026' / '1 December 2026'; an empty string for no date."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return format_date(value, "long", locale=LOCALES[lang])


def fmt_money(value: Decimal | float | int | str | None, lang: str) -> str:
    """'4 358,70 kr' in Swedish, 'SEK 4,358.70' in English (Babel; no-break spaces)."""
    if value is None or value == "":
        return ""
    amount = Decimal(str(value))
    if lang == "sv":
        return format_currency(amount, "SEK", locale="sv_SE")
    return "SEK\xa0" + format_decimal(amount, "#,##0.00", locale="en_GB")


def fmt_number(value: Decimal | float | int, lang: str) -> str:
    return format_decimal(value, locale=LOCALES[lang])


def _environment(lang: str, config_dir: Path | None) -> jinja2.Environment:
    roots: list[str] = []
    if config_dir is not None:
        own = user_dir(config_dir) / lang
        if own.is_dir():
            roots.append(str(own))
    roots.append(str(shipped_dir() / lang))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(roots),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 (plain text, not HTML: the PDF layer escapes)
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = lambda v: fmt_date(v, lang)
    env.filters["money"] = lambda v: fmt_money(v, lang)
    env.filters["number"] = lambda v: fmt_number(v, lang)
    env.filters["listed"] = lambda items: listed(list(items), lang)
    env.filters["in_sentence"] = in_sentence
    # "…Inc." ends a sentence as it is: never "Inc.."
    env.filters["full_stop"] = lambda text: text if str(text).endswith(".") else f"{text}."
    env.globals["plural"] = lambda n, one, other: (one if n == 1 else other).format(n=n)
    return env


_AND = {"sv": "och", "en": "and"}


def listed(items: Sequence[str], lang: str) -> str:
    """'a, b och c' / 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_AND[lang]} {items[-1]}"


def in_sentence(title: str) -> str:
    """A title inside a sentence: 'E-postadress' -> 'e-postadress' (not 'BankID')."""
    if len(title) > 1 and title[0].isupper() and not title[1].isupper():
        return title[0].lower() + title[1:]
    return title


def environment(lang: str, config_dir: Path | None = None) -> jinja2.Environment:
    if lang not in LOCALES:
        raise LetterTemplateError(msg("There are no letters in the language {lang}.", lang=lang),
                                  msg("Choose sv (Swedish) or en (English)."))
    # Built each time (cheap): a folder of the company's own templates made while the app
    # runs is used from the next letter on.
    return _environment(lang, config_dir)


def _where(env: jinja2.Environment, name: str) -> str:
    try:
        source = env.loader.get_source(env, name)  # type: ignore[union-attr]
    except jinja2.TemplateNotFound:
        return name
    return source[1] or name


def _fail_at(exc: BaseException, fallback: str) -> LetterTemplateError:
    """A LetterTemplateError naming the template file and line where ``exc`` happened."""
    where, line = fallback, 0
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where, line = exc.filename or fallback, exc.lineno
    else:
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith(TEMPLATE_SUFFIX):
                where, line = frame.filename, frame.lineno or 0
                break
    detail = getattr(exc, "message", None) or str(exc)
    return LetterTemplateError(
        msg("The letter template {file}:{line} cannot be used: {error}", file=where,
            line=line, error=detail),
        msg("Fix the template (or delete your own copy to use the shipped one); nothing "
            "was produced."))


def check_template(kind: str, lang: str, config_dir: Path | None = None) -> str:
    """Compile ``kind``'s template (and what it includes); its file, or the error."""
    env = environment(lang, config_dir)
    name = kind + TEMPLATE_SUFFIX
    try:
        env.get_template(name)
    except jinja2.TemplateNotFound as exc:
        raise LetterTemplateError(
            msg("There is no letter template {name} ({lang}).", name=exc.name, lang=lang),
            msg("Reinstall Privacy Desk, or restore the file in your letters folder.")
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise _fail_at(exc, name) from None
    return _where(env, name)


def render_letter(kind: str, lang: str, context: Mapping[str, Any], *,
                  config_dir: Path | None = None) -> RenderedLetter:
    """The letter ``kind`` in ``lang`` filled from ``context``, or LetterTemplateError."""
    where = check_template(kind, lang, config_dir)
    env = environment(lang, config_dir)
    try:
        text = env.get_template(kind + TEMPLATE_SUFFIX).render(**context, lang=lang)
    except RENDER_ERRORS as exc:
        raise _fail_at(exc, where) from None
    try:
        subject, blocks = parse_blocks(text)
    except UnknownDirective as exc:
        raise LetterTemplateError(
            msg("The letter template {file} has a line '%% {directive}', which is not one "
                "of the letter's marks.", file=where, directive=exc.directive),
            msg("Use '%% page' for a new page or '%% data' for the person's data; nothing "
                "was produced.")) from None
    if not subject:
        raise LetterTemplateError(
            msg("The letter template {file} has no subject line.", file=where),
            msg("Start it with a line '# Subject'."))
    return RenderedLetter(kind, lang, subject, tuple(blocks), where)


def parse_blocks(text: str) -> tuple[str, list[Block]]:
    """The subject and the blocks of a rendered template (see the module docstring)."""
    subject = ""
    blocks: list[Block] = []
    para: list[str] = []

    def end_paragraph() -> None:
        if para:
            blocks.append(Block("paragraph", " ".join(para)))
            para.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            end_paragraph()
        elif stripped.startswith("### "):
            end_paragraph()
            blocks.append(Block("subheading", stripped[4:].strip()))
        elif stripped.startswith("## "):
            end_paragraph()
            blocks.append(Block("heading", stripped[3:].strip()))
        elif stripped.startswith("%% "):
            end_paragraph()
            directive = stripped[3:].strip()
            if directive not in DIRECTIVES:
                raise UnknownDirective(directive)
            blocks.append(Block(directive, ""))
        elif stripped.startswith("|"):
            end_paragraph()
            label, _, value = stripped[1:].removesuffix("|").partition("|")
            blocks.append(Block("row", label.strip(), value.strip()))
        elif stripped.startswith("# "):
            end_paragraph()
            if subject:
                blocks.append(Block("heading", stripped[2:].strip()))
            else:
                subject = stripped[2:].strip()
        elif stripped.startswith("- "):
            end_paragraph()
            blocks.append(Block("bullet", stripped[2:].strip()))
        elif line.startswith("  ") and blocks and blocks[-1].kind == "bullet" and not para:
            blocks[-1] = Block("bullet", f"{blocks[-1].text} {stripped}")
        else:
            para.append(stripped)
    end_paragraph()
    return subject, blocks


def template_kinds(lang: str = "sv") -> Sequence[str]:
    """Every shipped letter kind (files not starting with '_')."""
    return sorted(p.name[: -len(TEMPLATE_SUFFIX)] for p in (shipped_dir() / lang).iterdir()
                  if p.name.endswith(TEMPLATE_SUFFIX) and not p.name.startswith("_"))


@dataclass(frozen=True)
class TemplateMacros:
    """A template's macros, each wording one line of the letter (the erasure confirmation's
    "2 poster har raderats helt"), so the desk can show the lines the letter will say."""

    module: Any
    where: str

    def call(self, name: str, *args: Any) -> str:
        macro = getattr(self.module, name, None)
        if macro is None:
            raise LetterTemplateError(
                msg("The letter template {file} has no macro {name}.", file=self.where,
                    name=name),
                msg("Add it (see the shipped template), or delete your own copy to use the "
                    "shipped one."))
        try:
            try:
                return " ".join(str(macro(*args)).split())
            except Exception:
                self.module._environment.handle_exception()
                raise  # not reached: handle_exception raises
        except RENDER_ERRORS as exc:
            raise _fail_at(exc, self.where) from None


def template_macros(kind: str, lang: str, context: Mapping[str, Any], *,
                    config_dir: Path | None = None) -> TemplateMacros:
    """The macros of ``kind``'s template in ``lang`` (the company's own or the shipped)."""
    where = check_template(kind, lang, config_dir)
    env = environment(lang, config_dir)
    template = env.get_template(kind + TEMPLATE_SUFFIX)
    try:
        try:
            module = template.make_module(vars={**context, "lang": lang})
        except Exception:
            env.handle_exception()
    except RENDER_ERRORS as exc:
        raise _fail_at(exc, where) from None
    return TemplateMacros(module, where)
