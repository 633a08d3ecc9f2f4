"""核对码: every printed page says which file, revision and content it came from.

A signed, stamped 自评表 and the sealed file are different objects; the code ties them. Each
page carries a short code a person can type (``7KQ2-M9XA-3F``: Crockford base32, 45 bits, and
a Luhn mod 32 check character that catches any one mistyped character and most swapped
neighbours; it is one of the 32 as well, so nothing but letters and digits is printed) and a
QR code holding the same with the whole subject (department id, or the bureau's key), the
revision, 48 bits of the digest and the page of the document.

The short code holds: draft or sealed (1 bit), department or bureau (1), the revision modulo
128 (7), the page modulo 4096 (12) and the first 24 bits of the digest (24). What is printed is
bound to a **stamp**: for a department, its seal's digest (or, for a draft, the digest of what
it holds now); for a bureau, a digest of everything its report prints from (each department's
revision and seal, reviews, returns and approvals, the ledger), and as its revision the number
of its audit lines, which grows with every change.

``verify-print`` decodes a code and compares it with files (``bureau/verify_print.py``).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

from selfassess.i18n import _
from selfassess.record import record

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's: no I, L, O, U
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
QR_PREFIX = "SA1"
KINDS = ("department", "bureau")


class CodeError(ValueError):
    """A code that cannot be read (one line for the user)."""


@record
class Stamp:
    """What a printed document is bound to."""

    kind: str  # "department" | "bureau"
    subject: str  # the department's id, or the bureau's key
    name: str  # the department's or the bureau's name, to say which
    revision: int
    digest: str  # hex SHA-256
    draft: bool  # printed from a draft (not sealed), or marked 草稿


@record
class PageCode:
    """What one page's code says (from the short code: no subject, and only parts of the
    revision, page and digest; from the QR text: all of it)."""

    kind: str
    revision: int  # modulo 128 from a short code
    digest_bits: int  # the first 24 bits of the digest
    draft: bool
    page: int  # modulo 4096 from a short code
    short: str
    subject: str = ""  # from the QR text only
    pages: int | None = None
    digest_prefix: str = ""  # 12 hex digits, from the QR text only
    full: bool = False  # read from the QR text (revision and page not reduced)


def short_code(stamp: Stamp, page: int) -> str:
    """``7KQ2-M9XA-3F`` for one page."""
    value = int(stamp.draft)
    value = (value << 1) | KINDS.index(stamp.kind)
    value = (value << 7) | (stamp.revision % 128)
    value = (value << 12) | (page % 4096)
    value = (value << 24) | int(stamp.digest[:6], 16)
    chars = "".join(ALPHABET[(value >> shift) & 31] for shift in range(40, -5, -5))
    text = chars + check_character(chars)
    return f"{text[:4]}-{text[4:8]}-{text[8:]}"


def check_character(chars: str) -> str:
    """Luhn mod 32 over the characters (from the right, every second one doubled)."""
    total = 0
    for position, ch in enumerate(reversed(chars)):
        value = ALPHABET.index(ch) * (2 if position % 2 == 0 else 1)
        total += value // 32 + value % 32
    return ALPHABET[(32 - total % 32) % 32]


def subject_key(subject: str) -> str:
    """The part of a subject the QR code carries: 12 hex digits of a department's id (or of
    a bureau's key). Short text makes a small QR code with large modules."""
    return subject.replace("-", "").lower()[:12]


def qr_text(stamp: Stamp, page: int, pages: int) -> str:
    """The QR code's text: ``SA1|D|<12 hex of the id>|<revision>|<12 hex of the digest>|S|
    <page>/<pages>|<short code>`` (about 50 characters)."""
    return "|".join((QR_PREFIX, "D" if stamp.kind == "department" else "B",
                     subject_key(stamp.subject), str(stamp.revision), stamp.digest[:12],
                     "D" if stamp.draft else "S",
                     f"{page}/{pages}", short_code(stamp, page)))


def decode(text: str) -> PageCode:
    """A short code as typed (case, spaces, dashes and O/I/L forgiven) or a QR code's text."""
    # as typed or pasted: full-width letters and digits, invisible marks
    text = re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", unicodedata.normalize("NFKC", text))
    text = text.strip()
    if text.startswith(QR_PREFIX + "|"):
        return _decode_qr(text)
    # copied with the words before it or the full stop after it, or dashes a word processor
    # made (en dash, hyphen, minus)
    text = re.sub(r"^(核对码|check\s*code)\s*[:：]?|[。.，,；;]+$", "", text,
                  flags=re.IGNORECASE).strip().strip("“”\"'「」")
    plain = re.sub(r"[\s\-\u2010-\u2015\u2212_]", "", text).upper().translate(_READ_AS)
    if len(plain) != 10 or any(ch not in ALPHABET for ch in plain):
        raise CodeError(_("“{code}” is not a 核对码: it has 10 characters like 7KQ2-M9XA-3F")
                        .format(code=text[:40]))
    value = 0
    for ch in plain[:9]:
        value = (value << 5) | ALPHABET.index(ch)
    if check_character(plain[:9]) != plain[9]:
        raise CodeError(_("“{code}” does not check out: a character is mistyped").format(
            code=text[:40]))
    return PageCode(KINDS[(value >> 43) & 1], (value >> 36) & 127, value & 0xFFFFFF,
                    bool(value >> 44), (value >> 24) & 4095,
                    f"{plain[:4]}-{plain[4:8]}-{plain[8:]}")


def _decode_qr(text: str) -> PageCode:
    parts = text.split("|")
    bad = CodeError(_("the QR code's text is not one selfassess printed"))
    if len(parts) != 8 or parts[1] not in ("D", "B") or parts[5] not in ("D", "S"):
        raise bad
    _prefix, kind, subject, revision, digest, draft, page, short = parts
    match = re.fullmatch(r"(\d{1,6})/(\d{1,6})", page)
    if not revision.isascii() or not revision.isdigit() or len(revision) > 9 or not match \
            or not 0 <= int(match[1]) <= int(match[2]) \
            or not re.fullmatch(r"[0-9a-f]{12}", digest) \
            or not re.fullmatch(r"[0-9a-f]{1,12}", subject):
        raise bad
    code = decode(short)
    stamp_kind = "department" if kind == "D" else "bureau"
    if (code.kind, code.revision, code.draft, code.page, code.digest_bits) != (
            stamp_kind, int(revision) % 128, draft == "D", int(match[1]) % 4096,
            int(digest[:6], 16)):
        raise bad  # the two halves disagree: not as printed
    return PageCode(stamp_kind, int(revision), int(digest[:6], 16), draft == "D",
                    int(match[1]), code.short, subject[:80], int(match[2]), digest, True)


def bureau_key(bureau_name: str, period: str, created_at: str) -> str:
    """A bureau file's identity in a code (it has no id of its own): stable for the file."""
    return hashlib.sha256(f"{bureau_name}\n{period}\n{created_at}".encode()).hexdigest()[:16]


def content_hash(content: object) -> str:
    """SHA-256 of a JSON-able value in canonical form."""
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
