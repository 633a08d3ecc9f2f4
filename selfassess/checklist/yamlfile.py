"""Reading checklist YAML safely, keeping line numbers and the exact text of numbers.

The loader is a ``yaml.SafeLoader`` (nothing is ever constructed from tags), with three changes:
numbers and dates stay text (so ``1.10`` stays ``1.10`` and points become exact Decimals later),
every mapping remembers its line, and duplicate keys, aliases and explicit tags are refused.
Aliases are refused outright: a hand-edited checklist never needs them, and refusing them is
what makes "billion laughs" files harmless.
"""

from __future__ import annotations

from typing import Any

import yaml

from selfassess.errors import ChecklistError
from selfassess.i18n import _

MAX_CHECKLIST_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 20  # a checklist nests about six levels

_ALLOWED_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "map", "seq", "bool", "null", "int", "float")
}
_TEXT_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp"}


class LocatedDict(dict[str, Any]):
    """A mapping that knows its lines in its YAML file: where it starts and where each key is."""

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.key_lines: dict[str, int] = {}


class _ChecklistLoader(yaml.SafeLoader):
    """SafeLoader that keeps numbers as text and records mapping lines."""


_ChecklistLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _TEXT_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _ChecklistLoader, node: yaml.MappingNode) -> LocatedDict:
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, _("keys must be text"), key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, _("duplicate key “{key}”").format(key=key), key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_ChecklistLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _located(source: str, mark: Any, message: str) -> str:
    line = getattr(mark, "line", None)
    return f"{source}:{line + 1}: {message}" if line is not None else f"{source}: {message}"


def parse_checklist_yaml(text: str, source: str) -> Any:
    """Parse YAML text into plain data, or raise ChecklistError with a located message."""
    if len(text.encode("utf-8")) > MAX_CHECKLIST_BYTES:
        raise ChecklistError(
            _("{source}: the checklist file is larger than {limit} MB").format(
                source=source, limit=MAX_CHECKLIST_BYTES // (1024 * 1024)
            )
        )
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_ChecklistLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:  # before the recursive build, not after 19 s of it
                    raise ChecklistError(_located(source, event.start_mark, _(
                        "nested deeper than {limit} levels").format(limit=MAX_DEPTH)))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.AliasEvent):
                raise ChecklistError(
                    _located(source, event.start_mark, _("YAML aliases (*name) are not allowed"))
                )
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in _ALLOWED_TAGS:
                raise ChecklistError(
                    _located(
                        source, event.start_mark, _("YAML tag {tag} is not allowed").format(tag=tag)
                    )
                )
        return yaml.load(text, Loader=_ChecklistLoader)  # a SafeLoader subclass: safe
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = (error.problem or error.context or str(error)).splitlines()[0]
        message = _("malformed YAML: {problem}").format(problem=problem)
        raise ChecklistError(_located(source, mark, message)) from None
    except yaml.YAMLError as error:
        message = _("malformed YAML: {problem}").format(problem=str(error).splitlines()[0])
        raise ChecklistError(f"{source}: {message}") from None
