"""Writing a checklist back out as YAML a person can edit (and ``checklist validate`` accepts)."""

from __future__ import annotations

from typing import Any

import yaml

from selfassess.checklist.canonical import checklist_mapping
from selfassess.checklist.model import Checklist
from selfassess.checklist.yamlfile import _TEXT_TAGS


class _Dumper(yaml.SafeDumper):
    """Writes numbers-as-text plainly (``4``, ``1.1``): the loader reads them back as text."""


_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _TEXT_TAGS]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _without_empty(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_empty(v) for k, v in value.items() if v not in ("", [], None)}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # written plainly, read back as text like every number
    return value


def checklist_yaml(checklist: Checklist) -> str:
    """YAML text of the checklist (empty optional fields left out; same fingerprint on load)."""
    header = (f"# {checklist.title} ({checklist.id} {checklist.version})\n"
              f"# fingerprint {checklist.fingerprint}\n")
    mapping = checklist_mapping(checklist)
    previous = mapping.pop("previous", None)
    plain = _without_empty(mapping)
    if previous is not None:  # kept whole: an item mapped to no code ([]) was removed
        plain["previous"] = previous
    body = yaml.dump(plain, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return header + body
