"""The answers file of ``selfassess fill``: JSON → ChangeSet.

Format (UTF-8; evidence paths relative to the JSON file; a key not below is refused, naming
it, so a misspelt "scroe" is not taken for nothing to change; only the items, bonus and veto
codes listed change, and of those only the fields given)::

    {"filled_by": "张三",
     "items": {"1.1": {"score": 3.5, "narrative": "…", "deduction_reason": "…",
                       "evidence": ["minutes.pdf"]},
               "4.4": {"not_applicable": true, "na_reason": "本处无宣传栏"}},
     "bonus": {"B4": {"points": 0.5, "narrative": "…", "evidence": ["cert.jpg"]}},
     "veto": {"V1": false, "V2": {"triggered": true, "explanation": "…"}},
     "shortcomings": [{"category": "理论学习", "text": "…"}],
     "measures": [{"text": "…", "owner": "李四", "deadline": "2020-06-30", "shortcoming": 0}]}

Numbers are read as exact decimals. Shape problems are collected with their place; checks
against the checklist and the stored data happen in ``store.changes``.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from selfassess.errors import InputRefused
from selfassess.i18n import _, join_list
from selfassess.inputs import read_input, unique_keys
from selfassess.numbers import parse_decimal
from selfassess.scoring import Aid
from selfassess.store.changes import ChangeSet, EvidenceSource
from selfassess.store.ledger import (
    LedgerUpdate,
    deadline_date,
    looks_like_a_date,
    put_back,
    status_keyword,
)
from selfassess.store.records import Measure, Shortcoming
from selfassess.validation import MAX_AID_COUNT, normalize_text, safe_file_name

MAX_ANSWERS_BYTES = 64 * 1024 * 1024
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _NotANumber:
    """Stands for NaN/Infinity in the JSON, which Python would otherwise accept."""


# the keys each part of an answers file may have
TOP_KEYS = ("filled_by", "items", "bonus", "veto", "shortcomings", "measures")
ITEM_KEYS = ("score", "narrative", "deduction_reason", "not_applicable", "na_reason", "aid",
             "evidence")
BONUS_KEYS = ("points", "narrative", "evidence")
VETO_KEYS = ("triggered", "explanation")
SHORTCOMING_KEYS = ("category", "text", "item")
MEASURE_KEYS = ("text", "owner", "deadline", "shortcoming", "leader", "standard", "progress")


class _Parser:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}" if where else message)

    def known(self, fields: dict[str, Any], keys: tuple[str, ...], where: str) -> None:
        """Name the keys that are none of ``keys`` (a misspelt field would change nothing)."""
        for key in fields:
            if key not in keys:
                self.problem(where, _("unknown key “{key}” (known: {keys})").format(
                    key=str(key)[:40], keys=", ".join(keys)))

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        self.problem(where, _("must be a JSON object"))
        return {}

    def number(self, value: Any, where: str, name: str) -> Decimal | None:
        if value is None:
            return None
        number = None if isinstance(value, _NotANumber) else parse_decimal(value)
        if number is None:
            shown = "NaN" if isinstance(value, _NotANumber) else (
                value if isinstance(value, str | Decimal) else json.dumps(value,
                                                                         ensure_ascii=False))
            self.problem(where, _("{field} “{value}” is not a number").format(
                field=name, value=str(shown)[:40]))
        return number

    def text(self, fields: dict[str, Any], key: str, target: dict[str, Any], where: str) -> None:
        if key not in fields:
            return
        value = fields[key]
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(where, _("{field} must be text").format(field=key))
            return
        target[key] = normalize_text(value)

    def boolean(self, value: Any, where: str, name: str) -> bool | None:
        if isinstance(value, bool):
            return value
        self.problem(where, _("{field} must be true or false").format(field=name))
        return None

    def evidence(self, value: Any, where: str) -> list[EvidenceSource] | None:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(where, _("evidence must be a list of file paths"))
            return None
        sources = []
        for text in value:
            if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
                self.problem(where, _("evidence “{path}” holds a control character").format(
                    path=text[:80].encode("unicode_escape").decode("ascii")))
                continue
            path = (self.base / text).resolve()
            if not path.is_relative_to(self.base):  # an answers file from someone else must
                self.problem(where, _(                # not pick files elsewhere on this computer
                    "evidence “{path}” is outside the answers file's folder").format(
                    path=text[:80]))
                continue
            sources.append(EvidenceSource(path, safe_file_name(Path(text).name)))
        return sources

    def aid(self, value: Any, where: str) -> Aid | None:
        data = self.mapping(value, f"{where} aid")
        self.known(data, ("occurrences", "counts", "level", "met"), f"{where} aid")

        def counts(key: str) -> dict[str, int]:
            raw = data.get(key, {})
            if not isinstance(raw, dict) or not all(
                    isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                    and 0 <= v <= MAX_AID_COUNT for k, v in raw.items()):
                self.problem(where, _("aid.{key} must map codes to whole numbers").format(key=key))
                return {}
            return raw

        level, met = data.get("level"), data.get("met")
        if level is not None and not isinstance(level, str):
            self.problem(where, _("aid.level must be text"))
            level = None
        if met is not None and not isinstance(met, bool):
            self.problem(where, _("aid.met must be true or false"))
            met = None
        return Aid(counts("occurrences"), counts("counts"), level, met)


def _items(parser: _Parser, raw: Any, changes: ChangeSet) -> None:
    for code, value in parser.mapping(raw, "items").items():
        where = _("item {code}").format(code=code)
        fields = parser.mapping(value, where)
        parser.known(fields, ITEM_KEYS, where)
        answer: dict[str, Any] = {}
        if "score" in fields:
            answer["self_score"] = parser.number(fields["score"], where, _("score"))
        for key in ("narrative", "deduction_reason", "na_reason"):
            parser.text(fields, key, answer, where)
        if "not_applicable" in fields:
            flag = parser.boolean(fields["not_applicable"], where, "not_applicable")
            if flag is not None:
                answer["not_applicable"] = flag
        if "aid" in fields and (aid := parser.aid(fields["aid"], where)) is not None:
            answer["aid"] = aid
        changes.answers[code] = answer
        if "evidence" in fields and (sources := parser.evidence(fields["evidence"], where)) is not None:
            changes.item_evidence[code] = sources


def _bonus(parser: _Parser, raw: Any, changes: ChangeSet) -> None:
    for code, value in parser.mapping(raw, "bonus").items():
        where = _("bonus item {code}").format(code=code)
        fields = parser.mapping(value, where)
        parser.known(fields, BONUS_KEYS, where)
        claim: dict[str, Any] = {}
        if "points" in fields:
            claim["points"] = parser.number(fields["points"], where, _("bonus points"))
        parser.text(fields, "narrative", claim, where)
        changes.bonus[code] = claim
        if "evidence" in fields and (sources := parser.evidence(fields["evidence"], where)) is not None:
            changes.bonus_evidence[code] = sources


def _veto(parser: _Parser, raw: Any, changes: ChangeSet) -> None:
    for code, value in parser.mapping(raw, "veto").items():
        where = _("veto item {code}").format(code=code)
        declaration: dict[str, Any] = {}
        if value is None or isinstance(value, bool):
            declaration["triggered"] = value
        else:
            fields = parser.mapping(value, where)
            parser.known(fields, VETO_KEYS, where)
            if "triggered" in fields:
                flag = fields["triggered"]
                if flag is None or isinstance(flag, bool):
                    declaration["triggered"] = flag
                else:
                    parser.problem(where, _("triggered must be true, false or null"))
            parser.text(fields, "explanation", declaration, where)
        changes.veto[code] = declaration


def _list_entries(parser: _Parser, raw: Any, name: str) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        parser.problem(name, _("must be a list"))
        return []
    return [parser.mapping(entry, f"{name}[{index}]") for index, entry in enumerate(raw)]


def _text_field(parser: _Parser, entry: dict[str, Any], key: str, where: str) -> str:
    holder: dict[str, Any] = {}
    parser.text(entry, key, holder, where)
    return str(holder.get(key, ""))


def _lists(parser: _Parser, data: dict[str, Any], changes: ChangeSet) -> None:
    if "shortcomings" in data:
        changes.shortcomings = []
        for index, entry in enumerate(_list_entries(parser, data["shortcomings"], "shortcomings")):
            where = _("shortcoming {number}").format(number=index + 1)
            parser.known(entry, SHORTCOMING_KEYS, where)
            changes.shortcomings.append(Shortcoming(
                category=_text_field(parser, entry, "category", where).strip(),
                text=_text_field(parser, entry, "text", where),
                item_code=_text_field(parser, entry, "item", where).strip()))
    if "measures" in data:
        changes.measures = []
        for index, entry in enumerate(_list_entries(parser, data["measures"], "measures")):
            where = _("measure {number}").format(number=index + 1)
            if "id" in entry:  # the follow-up form, sent to a file that is not sealed
                parser.problem(where, _(
                    "“id” follows up a measure of a sealed file (整改进展); this file is not "
                    "sealed: its measures are written whole (text, owner, deadline…), and "
                    "followed up once it is sealed"))
                continue
            parser.known(entry, MEASURE_KEYS, where)
            link = entry.get("shortcoming")
            if link is not None and (not isinstance(link, int) or isinstance(link, bool)):
                parser.problem(where, _("shortcoming must be the number of a shortcoming in the "
                                        "list, counted from 0"))
                link = None
            deadline = _text_field(parser, entry, "deadline", where).strip()
            if looks_like_a_date(deadline) and deadline_date(deadline) is None:
                parser.problem(where, _("deadline {date} is not a real date").format(
                    date=deadline))
            changes.measures.append(Measure(
                text=_text_field(parser, entry, "text", where),
                owner=_text_field(parser, entry, "owner", where).strip(),
                deadline=deadline, shortcoming=link,
                leader=_text_field(parser, entry, "leader", where).strip(),
                standard=_text_field(parser, entry, "standard", where),
                progress=_text_field(parser, entry, "progress", where)))


def parse_answers(data: Any, base: Path) -> ChangeSet:
    """Turn decoded answers JSON into a ChangeSet, or raise InputRefused listing every problem."""
    parser = _Parser(base)
    root = parser.mapping(data, _("the answers file"))
    parser.known(root, TOP_KEYS, "")
    changes = ChangeSet()
    if "filled_by" in root:
        value = root["filled_by"]
        if isinstance(value, str):
            changes.filled_by = value.strip()
        else:
            parser.problem("filled_by", _("must be text"))
    if "items" in root:
        _items(parser, root["items"], changes)
    if "bonus" in root:
        _bonus(parser, root["bonus"], changes)
    if "veto" in root:
        _veto(parser, root["veto"], changes)
    _lists(parser, root, changes)
    if parser.problems:
        raise InputRefused(parser.problems)
    return changes


def load_answers_file(path: Path) -> ChangeSet:
    """Read an answers JSON file (evidence paths relative to it) into a ChangeSet."""
    data = read_answers_json(path)
    try:
        return parse_answers(data, path.resolve().parent)
    except InputRefused as error:  # each problem names the answers file it is in
        raise InputRefused([f"{path.name}: {problem}" for problem in error.problems]) from None


def read_answers_json(path: Path) -> Any:
    """The decoded JSON of an answers file (UTF-8, size-capped, no key given twice)."""
    try:
        text = read_input(path, MAX_ANSWERS_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputRefused(f"{path.name}: " + _("the file is not UTF-8 text")) from None
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=lambda _c: _NotANumber(),
                          object_pairs_hook=unique_keys)
    except json.JSONDecodeError as error:
        raise InputRefused(f"{path.name}:{error.lineno}: " + _("not valid JSON ({reason})").format(
            reason=error.msg)) from None
    except RecursionError:
        raise InputRefused(f"{path.name}: " + _("not valid JSON (nested too deeply)")) from None
    except ValueError as error:  # e.g. an integer literal of thousands of digits
        raise InputRefused(f"{path.name}: " + _("not valid JSON ({reason})").format(
            reason=error)) from None
    return data


# what a follow-up of a sealed file's measures may say of each (整改进展, outside the seal)
FOLLOW_UP_KEYS = {"id", "status", "progress", "evidence", "deadline"}


def parse_follow_ups(data: Any, source: str, base: Path | None = None) -> list[LedgerUpdate]:
    """``{"measures": [{"id": 1, "status": "整改中", "progress": "…", "deadline": "2027-03-31",
    "evidence": ["x.pdf"]}]}`` for a sealed file → ledger updates, or InputRefused naming every
    problem (the measure's own text, owner and the rest are part of the sealed assessment:
    reopen the file to change them; a deadline put back is kept in the ledger beside the sealed
    one). Evidence paths are relative to ``base``, the answers file's folder."""
    problems: list[str] = []
    parser = _Parser((base or Path.cwd()).resolve())
    if not isinstance(data, dict) or not isinstance(data.get("measures"), list) or any(
            key not in ("measures", "filled_by") for key in data):
        extra = [str(key)[:40] for key in data if key not in ("measures", "filled_by")] \
            if isinstance(data, dict) else []
        raise InputRefused(f"{source}: " + _(
            "the file is sealed: only its measures' follow-up can change here "
            "(“measures”: [{“id”, “status”, “progress”, “deadline”, “evidence”}]); reopen "
            "it to change anything else") + (f" ({join_list(extra)})" if extra else ""))
    if "filled_by" in data and not isinstance(data["filled_by"], str):
        problems.append(f"{source}: filled_by: " + _("must be text"))
    updates = []
    for index, entry in enumerate(data["measures"], 1):
        where = f"{source}: " + _("measure {number}").format(number=index)
        if not isinstance(entry, dict):
            problems.append(f"{where}: " + _("must be an object"))
            continue
        if extra := sorted(set(entry) - FOLLOW_UP_KEYS):
            problems.append(f"{where}: " + _("{keys} belong to the sealed assessment: reopen the "
                                             "file to change them").format(keys="、".join(extra)))
        number = entry.get("id")
        if not isinstance(number, int) or isinstance(number, bool):
            problems.append(f"{where}: " + _("“id” must be the measure's number"))
            continue
        status, note = entry.get("status"), entry.get("progress") or ""  # null: no note
        if status is not None and not isinstance(status, str):
            problems.append(f"{where}: " + _("“status” must be text"))
            continue
        if not isinstance(note, str):
            problems.append(f"{where}: " + _("“progress” must be text"))
            continue
        try:
            keyword = status_keyword(status) if status is not None else None
        except InputRefused as error:
            problems.append(f"{where}: {error.problems[0]}")
            continue
        sources = None
        if "evidence" in entry:
            sources = parser.evidence(entry["evidence"], where)
        deadline = entry.get("deadline")
        if deadline is not None and not isinstance(deadline, str):
            problems.append(f"{where}: " + _("“deadline” must be a date written as 2027-06-30"))
            continue
        updates.append(LedgerUpdate(number, keyword, note, tuple(sources or ()),
                                    put_back(deadline) if deadline else None))
    problems += parser.problems
    if problems:
        raise InputRefused(problems)
    return updates
