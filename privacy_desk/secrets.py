"""Database passwords in the OS keyring, and nowhere else (the only module importing keyring).

Where the platform offers no secure keyring (keyring's ``fail`` and ``null`` backends,
or the plaintext file backends of keyrings.alt), :func:`secure_keyring` says so and the
callers ask for the password each time instead: a password is never written to a file
of ours, and never silently to someone else's plaintext file either.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from privacy_desk import APP_ID
from privacy_desk.errors import UserError
from privacy_desk.messages import Message, msg, render

log = logging.getLogger(__name__)

#: Keyring service name; the user name is the profile's name.
SERVICE = f"{APP_ID}.connection"

#: Backends that store nothing, refuse everything, or write plaintext files.
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null",
                     "keyrings.alt.file", "keyrings.alt.Gnome", "keyrings.alt.Google")
_INSECURE_NAMES = ("PlaintextKeyring", "EncryptedKeyring", "UncryptedFileKeyring")


class NoSecureKeyring(UserError):
    """There is no secure keyring on this computer; the password must be typed each time."""


@dataclass(frozen=True)
class KeyringStatus:
    """Which backend keyring chose, and whether we trust it with passwords."""

    secure: bool
    backend: str

    @property
    def message(self) -> str:
        return render(self.text)

    @property
    def text(self) -> Message:
        """The status for people, as a message (rendered in the reader's language)."""
        if self.secure:
            return msg("Passwords are kept in the system keyring ({backend}).",
                       backend=self.backend)
        return msg("No secure keyring is available on this computer: Privacy Desk will ask "
                   "for database passwords each time and never store them in a file.")


def _is_secure(backend: KeyringBackend) -> bool:
    chained = getattr(backend, "backends", None)
    if chained is not None:  # keyring's ChainerBackend: secure if any member is
        return any(_is_secure(b) for b in chained)
    cls = type(backend)
    if cls.__module__.startswith(_INSECURE_MODULES) or cls.__name__ in _INSECURE_NAMES:
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend may raise from priority when unusable
        return False


def secure_keyring() -> KeyringStatus:
    """Whether passwords can be kept: a secure backend is active."""
    backend = keyring.get_keyring()
    return KeyringStatus(_is_secure(backend), type(backend).__name__)


def store_password(profile: str, password: str) -> None:
    """Keep ``password`` for ``profile`` in the keyring; refuse where it would not be safe."""
    status = secure_keyring()
    if not status.secure:
        raise NoSecureKeyring(msg("The password cannot be stored: {reason}", reason=status.text),
                              msg("Type the password when the app asks for it."))
    try:
        keyring.set_password(SERVICE, profile, password)
    except keyring.errors.KeyringError as exc:
        raise NoSecureKeyring(msg("The system keyring refused to store the password ({error}).",
                                  error=type(exc).__name__),
                              msg("Unlock the keyring and try again, or type the password each "
                                  "time.")) from exc
    log.info("Stored the password of connection profile %s in the keyring", profile)


def get_password(profile: str) -> str | None:
    """The stored password of ``profile``, or None (none stored, or no secure keyring)."""
    if not secure_keyring().secure:
        return None
    try:
        return keyring.get_password(SERVICE, profile)
    except keyring.errors.KeyringError:
        log.warning("The keyring could not be read for profile %s", profile)
        return None


def delete_password(profile: str) -> None:
    """Forget the stored password of ``profile`` (no error when there is none)."""
    if not secure_keyring().secure:
        return
    try:
        keyring.delete_password(SERVICE, profile)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError:
        log.warning("The keyring could not forget the password of profile %s", profile)


#: Keyring service of the auditors' anchor-signing keys; the user name is the auditor.
ANCHOR_SERVICE = f"{APP_ID}.anchor-key"


def get_anchor_key(auditor: str) -> str | None:
    """The auditor's anchor-signing key (hex), or None when none is kept yet."""
    if not secure_keyring().secure:
        raise NoSecureKeyring("No secure keyring holds the anchor-signing key: "
                              + secure_keyring().message,
                              "Anchor the audit trail on a computer with a system keyring.")
    try:
        return keyring.get_password(ANCHOR_SERVICE, auditor)
    except keyring.errors.KeyringError as exc:
        raise NoSecureKeyring(f"The system keyring could not be read ({type(exc).__name__}).",
                              "Unlock the keyring and try again.") from exc


def store_anchor_key(auditor: str, key_hex: str) -> None:
    """Keep a new anchor-signing key for ``auditor`` (the private half, hex)."""
    try:
        keyring.set_password(ANCHOR_SERVICE, auditor, key_hex)
    except keyring.errors.KeyringError as exc:
        raise NoSecureKeyring("The system keyring refused to store the anchor-signing key "
                              f"({type(exc).__name__}).", "Unlock the keyring and try again."
                              ) from exc
    log.info("Created an anchor-signing key in the keyring")


#: Keyring service of the case store's minimisation key; the user name names the store.
MINIMISE_SERVICE = f"{APP_ID}.minimisation"


def minimisation_key(store_name: str, *, create: bool = False,
                     legacy_names: tuple[str, ...] = ()) -> bytes | None:
    """The secret under which a case store's minimised identifiers are keyed hashes.

    Kept in the OS keyring, never in the store, so a copy of the store cannot test a
    guessed personnummer against the hashes. ``create`` makes one where there is none
    (only ``store minimise`` does); without a secure keyring that is refused.
    ``legacy_names`` are names an older version kept it under.
    """
    import secrets as random

    if not secure_keyring().secure:
        if create:
            raise NoSecureKeyring(
                "No secure keyring is available on this computer, so the case store's "
                "minimisation key cannot be kept; nothing was minimised.",
                "Minimise from a computer with a system keyring (GNOME Keyring, KWallet, "
                "macOS Keychain, Windows Credential Manager).")
        return None
    try:
        value = keyring.get_password(MINIMISE_SERVICE, store_name)
        for legacy in legacy_names if value is None else ():
            # kept under an older name (with the login in it): found, and kept under the
            # store's own name from now on, so every officer of this desk finds it
            value = keyring.get_password(MINIMISE_SERVICE, legacy)
            if value is not None:
                keyring.set_password(MINIMISE_SERVICE, store_name, value)
                break
        if value is None and create:
            value = random.token_hex(32)
            keyring.set_password(MINIMISE_SERVICE, store_name, value)
            log.info("Created the minimisation key of a case store")
    except keyring.errors.KeyringError as exc:
        if create:
            raise NoSecureKeyring("The system keyring refused the minimisation key; nothing "
                                  "was minimised.", "Unlock the keyring and try again.") from exc
        log.warning("The keyring could not be read for the minimisation key")
        return None
    return None if value is None else bytes.fromhex(value)


def keep_minimisation_key(store_name: str, key: bytes) -> None:
    """Keep a case store's minimisation key brought from another desk (``store key import``)."""
    if not secure_keyring().secure:
        raise NoSecureKeyring("No secure keyring is available on this computer, so the "
                              "minimisation key cannot be kept; nothing was imported.",
                              "Import it on a computer with a system keyring.")
    try:
        keyring.set_password(MINIMISE_SERVICE, store_name, key.hex())
    except keyring.errors.KeyringError as exc:
        raise NoSecureKeyring("The system keyring refused the minimisation key "
                              f"({type(exc).__name__}); nothing was imported.",
                              "Unlock the keyring and try again.") from exc
    log.info("Imported the minimisation key of a case store")
