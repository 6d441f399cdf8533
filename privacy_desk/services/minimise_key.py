"""The minimisation key from one desk to another (``store key export`` / ``store key import``).

A minimised case keeps keyed hashes of its identifiers (:mod:`privacy_desk.services.minimise`);
the key is in the OS keyring of the desk that minimised, never in the store. Another desk
without it cannot match a new request to the person's minimised cases, so its yearly
allowance would not count them. An administrator therefore carries the key over in a file
encrypted with a passphrase (scrypt, AES-256-GCM, bound to the store's name), given to the
other desk by hand; the passphrase goes another way. Each file and each desk's key show the
same key id, for comparing by eye; export and import are in the audit trail (the key id,
never the key).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.persons import store_key_name, store_minimisation_key
from privacy_desk.casestore.store import CaseStore
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.secrets import keep_minimisation_key
from privacy_desk.services.roles import require_admin

FORMAT = "privacy-desk-minimisation-key/1"
MIN_PASSPHRASE = 12
#: scrypt's cost: about 0.1 s and 32 MB here, every time the file is opened
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class KeyTransferRefused(UserError):
    """The key could not be exported or imported; nothing was changed."""


@dataclass(frozen=True)
class KeyFile:
    path: Path
    data: bytes
    key_id: str


def key_id(key: bytes) -> str:
    """What a key is called when two people compare it: 16 hex of an HMAC, not the key."""
    return hmac.new(key, b"privacy-desk minimisation key id", hashlib.sha256).hexdigest()[:16]


#: What a non-administrator is told they may not do.
_MOVE_KEY = msg("move the minimisation key (only an administrator may)")


def _cipher_key(passphrase: str, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(
        passphrase.encode("utf-8"))


def export_key(store: CaseStore, *, actor: str, passphrase: str, out: Path) -> KeyFile:
    """Write the store's minimisation key, encrypted, to the new file ``out`` (0600) and
    record it; or KeyTransferRefused, and no file. The record follows the file: a file
    that could not be recorded is removed again."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    require_admin(store, actor, _MOVE_KEY)
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyTransferRefused(
            msg("The passphrase is shorter than {n} characters.", n=MIN_PASSPHRASE),
            msg("Choose a longer one: the file is as safe as its passphrase."))
    key = store_minimisation_key(store.url)
    if key is None:
        raise KeyTransferRefused(
            msg("This desk holds no minimisation key for this case store."),
            msg("Export it from the desk that ran 'privacy-desk store minimise'."))
    name = store_key_name(store.url)
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_cipher_key(passphrase, salt)).encrypt(nonce, key, name.encode("utf-8"))
    ident = key_id(key)
    doc = {"format": FORMAT, "store": name, "key_id": ident,
           "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
                   "salt": base64.b64encode(salt).decode()},
           "nonce": base64.b64encode(nonce).decode(),
           "sealed": base64.b64encode(sealed).decode()}
    data = json.dumps(doc, indent=2, sort_keys=True).encode("utf-8") + b"\n"
    target = out.expanduser()
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never over a file
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise KeyTransferRefused(
            msg("The key file could not be written to {file} ({error}).", file=str(target),
                error=type(exc).__name__),
            msg("Give a new file in a folder you can write to.")) from exc
    try:
        with store.sessions.begin() as session:
            record_audit(session, actor=actor, action="minimisation_key_exported",
                         details={"key_id": ident})
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return KeyFile(target, data, ident)


def import_key(store: CaseStore, *, actor: str, data: bytes, passphrase: str) -> str:
    """Keep the key in ``data`` (an exported file) in this desk's keyring; its key id."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    require_admin(store, actor, _MOVE_KEY)
    name = store_key_name(store.url)
    try:
        doc = json.loads(data.decode("utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError("not a key file")
        salt = base64.b64decode(doc["kdf"]["salt"])
        nonce, sealed = base64.b64decode(doc["nonce"]), base64.b64decode(doc["sealed"])
        store_name = str(doc["store"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise KeyTransferRefused(msg("The file is not a minimisation key file."),
                                 msg("Give the file 'privacy-desk store key export' wrote."),
                                 ) from None
    if store_name != name:
        raise KeyTransferRefused(
            msg("The key file belongs to another case store ({other}).", other=store_name),
            msg("Connect to that store, or export the key of this one."))
    try:
        key = AESGCM(_cipher_key(passphrase, salt)).decrypt(nonce, sealed, name.encode("utf-8"))
    except InvalidTag:
        raise KeyTransferRefused(msg("The passphrase is wrong, or the file was altered."),
                                 msg("Type the passphrase again; nothing was imported.")
                                 ) from None
    ident = key_id(key)
    present = store_minimisation_key(store.url)
    if present is not None and present != key:
        raise KeyTransferRefused(
            msg("This desk already holds another minimisation key ({mine}) for this store.",
                mine=key_id(present)),
            msg("Two keys would split the store's minimised cases; find out which desk "
                "minimised with which key before replacing one. Nothing was imported."))
    keep_minimisation_key(name, key)
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="minimisation_key_imported",
                     details={"key_id": ident})
    return ident
