"""Personal values (identifiers, names, corrected values) without the command line.

A command line is visible to every user of the computer (``ps``, ``/proc/<pid>/cmdline``)
and is kept in shell history, so an option that takes a person's identifier or new
personal values never *needs* it there:

- ``-`` reads the value from standard input, one value a line (a repeatable option given
  as ``-`` takes every remaining line);
- the option left out on a terminal prompts for it (the value is never printed back);
- a value given literally still works, with a warning on stderr.

Several ``-`` in one command read their lines in the order the command documents.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from privacy_desk.errors import UserError
from privacy_desk.messages import msg

#: The argument meaning "read it from standard input".
FROM_STDIN = "-"


def visible_warning(what: str) -> str:
    """The warning printed when ``what`` (e.g. "identifier") is given on the command line."""
    return (f"privacy-desk: warning: the {what} is visible to other users in the process "
            f"list and in your shell history; use '-' to read it from standard input")


def _warn(what: str) -> None:
    print(visible_warning(what), file=sys.stderr)


def _read_line() -> str | None:
    """The next line of standard input without its line end, or None at its end."""
    line = sys.stdin.readline()
    if not line:
        return None
    return line.rstrip("\r\n")


def _prompt(text: str) -> str | None:
    """Ask on the terminal (the prompt on stderr, so stdout stays the command's output)."""
    sys.stderr.write(f"{text}: ")
    sys.stderr.flush()
    return _read_line()


def personal_value(given: str | None, *, what: str, option: str,
                   required: bool = True) -> str | None:
    """The value of a single-valued personal option (see the module docstring).

    ``what`` names the value in messages ("identifier", "name", "corrected value");
    ``option`` is how the person gives it ("--subject", "IDENTIFIER"). Without a value,
    a terminal prompts; otherwise a required one is a :class:`UserError` saying how to
    give it, an optional one is None.
    """
    if given is not None and given != FROM_STDIN:
        _warn(what)
        return given
    if given == FROM_STDIN:
        value = _read_line()
        if value is None or not value.strip():
            raise UserError(msg("No {what} on standard input ({option} -).",
                                what=what, option=option),
                            msg("Write the {what} as one line on standard input, e.g. {option} "
                                "- <<<\"$VALUE\".",
                                what=what, option=option))
        return value
    if sys.stdin.isatty():
        value = _prompt(what[:1].upper() + what[1:])
        if value is None or not value.strip():
            if required:
                raise UserError(msg("No {what} was given.", what=what),
                                msg("Type the {what}, or use {option} -.",
                                    what=what, option=option))
            return None
        return value
    if required:
        raise UserError(msg("No {what} was given.", what=what),
                        msg("Use {option} - and write the {what} as one line on standard input.",
                            option=option, what=what))
    return None


def personal_values(given: Sequence[str], *, what: str, option: str,
                    prompt_when_absent: bool = True) -> list[str]:
    """The values of a repeatable personal option (see the module docstring).

    ``-`` among them takes every remaining line of standard input (empty lines skipped);
    literal values are kept in order, with one warning. Left out on a terminal, a prompt
    asks for them one a line until an empty line.
    """
    if not given:
        if not (prompt_when_absent and sys.stdin.isatty()):
            return []
        sys.stderr.write(f"{what[:1].upper() + what[1:]}s, one a line; an empty line ends:\n")
        sys.stderr.flush()
        out: list[str] = []
        while (line := _read_line()) is not None and line.strip():
            out.append(line)
        return out
    values: list[str] = []
    literal = stdin_read = False
    for item in given:
        if item != FROM_STDIN:
            literal = True
            values.append(item)
            continue
        if stdin_read:
            continue  # a second '-': standard input is already read
        stdin_read = True
        lines = [ln for ln in (line.rstrip("\r\n") for line in sys.stdin) if ln.strip()]
        if not lines:
            raise UserError(msg("No {what} on standard input ({option} -).",
                                what=what, option=option),
                            msg("Write each {what} as a line on standard input.", what=what))
        values.extend(lines)
    if literal:
        _warn(what)
    return values
