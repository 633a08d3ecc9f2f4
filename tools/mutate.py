"""Mutation testing of the core, run by hand: ``python tools/mutate.py [MODULE …] [--jobs 2]``.

Plants one small bug at a time in a module — a comparison flipped, an ``and``/``or`` swapped, an
operand of a condition dropped, a ``not`` removed, a number or boolean changed, ``+``/``-`` or
``min``/``max`` swapped — and runs that module's tests against it in a scratch copy of the
repository. A mutant the tests do not notice *survives*: either the tests miss a bug a user
would meet, or the mutant changes nothing (it is *equivalent*) and is listed in
``tools/mutants-equivalent.txt`` with why (keyed by the line's text, so moves keep it). The
score is killed / (all − equivalent).

Why our own harness and not mutmut: the tests run the CLI in subprocesses (``python -m
selfassess``), which a trampoline inside the test process cannot reach; here the mutated module
sits in the copy that PYTHONPATH points every process at.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "tools" / "mutants-equivalent.txt"

# module → the tests that guard it (fast ones; the CLI tests run the real command)
MODULES: dict[str, list[str]] = {
    "selfassess/scoring.py": ["tests/test_scoring.py", "tests/test_guards.py"],
    "selfassess/completeness.py": ["tests/test_guards.py", "tests/test_store.py"],
    "selfassess/bureau/merge.py": ["tests/test_merge_table.py", "tests/test_bureau.py"],
    "selfassess/numbers.py": ["tests/test_guards.py", "tests/test_scoring.py"],
    "selfassess/store/changes.py": ["tests/test_changes.py", "tests/test_guards.py",
                                    "tests/test_store.py"],
}

SWAPS: dict[type, type] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq, ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn,
    ast.NotIn: ast.In, ast.And: ast.Or, ast.Or: ast.And, ast.Add: ast.Sub, ast.Sub: ast.Add,
    ast.Mult: ast.Div, ast.Div: ast.Mult,
}
NAME_SWAPS = {"min": "max", "max": "min", "any": "all", "all": "any"}


@dataclass(frozen=True)
class Mutant:
    """One planted bug: where, what, and the mutated source."""

    module: str
    line: int
    text: str  # the source line mutated, stripped
    what: str
    source: str

    @property
    def key(self) -> str:
        """Name in the equivalent list: ``module | source line | what`` (survives moves)."""
        return f"{self.module} | {self.text} | {self.what}"

    @property
    def place(self) -> str:
        """Where, for people: ``module:line what``."""
        return f"{self.module}:{self.line} {self.what}"


def _is_text(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Strings (messages, keys) are not mutated, nor ``@dataclass(frozen=True)``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    keyword = parents.get(node)
    return isinstance(keyword, ast.keyword) and keyword.arg == "frozen"


def _sites(tree: ast.Module) -> Iterator[tuple[ast.AST, str, object]]:
    """(node, description, replacement marker) for every mutation site."""
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for number, op in enumerate(node.ops):
                if type(op) in SWAPS:
                    yield node, f"{type(op).__name__}→{SWAPS[type(op)].__name__}", ("cmp", number)
        elif isinstance(node, ast.BoolOp):
            yield node, f"{type(node.op).__name__}→{SWAPS[type(node.op)].__name__}", ("boolop",)
            for number in range(len(node.values)):
                yield node, f"drop operand {number + 1} of {type(node.op).__name__}", (
                    "drop", number)
        elif isinstance(node, ast.BinOp | ast.AugAssign) and type(node.op) in SWAPS:
            yield node, f"{type(node.op).__name__}→{SWAPS[type(node.op)].__name__}", ("binop",)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "drop not", ("not",)
        elif isinstance(node, ast.Constant) and not _is_text(node, parents):
            if isinstance(node.value, bool):
                yield node, f"{node.value}→{not node.value}", ("const", not node.value)
            elif isinstance(node.value, int):
                new = node.value + 1 if node.value != 1 else 0
                yield node, f"{node.value}→{new}", ("const", new)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in NAME_SWAPS:
            yield node, f"{node.func.id}→{NAME_SWAPS[node.func.id]}", ("name",)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr == "strip" and not node.args:
            yield node, "drop .strip()", ("strip",)
        elif isinstance(node, ast.If) and isinstance(node.test, ast.Name) and \
                node.test.id == "TYPE_CHECKING":
            continue  # imports for the type checker only: nothing runs
        elif isinstance(node, ast.If | ast.IfExp | ast.While):
            yield node, "condition always true", ("test", True)
            yield node, "condition always false", ("test", False)


def _docstring_nodes(tree: ast.Module) -> set[ast.AST]:
    found: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(body[0].value)
    return found


def _apply(node: ast.AST, marker: tuple[object, ...]) -> None:
    kind = marker[0]
    if kind == "cmp":
        number = int(marker[1])  # type: ignore[call-overload]
        node.ops[number] = SWAPS[type(node.ops[number])]()  # type: ignore[attr-defined]
    elif kind in ("boolop", "binop"):
        node.op = SWAPS[type(node.op)]()  # type: ignore[attr-defined]
    elif kind == "drop":
        del node.values[int(marker[1])]  # type: ignore[attr-defined, call-overload]
    elif kind == "not":
        node.op = ast.UAdd()  # type: ignore[attr-defined]  # +x: truthiness unchanged → 'x'
    elif kind == "const":
        node.value = marker[1]  # type: ignore[attr-defined]
    elif kind == "name":
        node.func.id = NAME_SWAPS[node.func.id]  # type: ignore[attr-defined]
    elif kind == "strip":
        node.func = ast.Attribute(value=node.func.value, attr="__str__",  # type: ignore
                                  ctx=ast.Load())
    elif kind == "test":
        node.test = ast.Constant(value=marker[1])  # type: ignore[attr-defined]


class _Unplus(ast.NodeTransformer):
    """``+x`` left by "drop not" becomes ``x`` (``+`` would fail on strings and None)."""

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        return node.operand if isinstance(node.op, ast.UAdd) else node


def mutants(module: str) -> list[Mutant]:
    """Every mutant of a module, in source order."""
    source = (ROOT / module).read_text(encoding="utf-8")
    count = len(list(_sites(ast.parse(source))))
    found = []
    for number in range(count):
        tree = ast.parse(source)
        docstrings = _docstring_nodes(tree)
        node, what, marker = list(_sites(tree))[number]
        if node in docstrings:
            continue
        line = getattr(node, "lineno", 0)
        text = source.splitlines()[line - 1].strip()
        if "no mutate" in text:
            continue
        _apply(node, marker)  # type: ignore[arg-type]
        # a BoolOp left with one operand prints as that operand: a condition with a part dropped
        mutated = ast.unparse(_Unplus().visit(tree))
        found.append(Mutant(module, line, text, what, mutated))
    return found


def _copy(target: Path) -> None:
    for name in ("selfassess", "tests", "resources"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("conftest.py", "pyproject.toml"):
        shutil.copy2(ROOT / name, target / name)


def _run(copy: Path, tests: list[str], timeout: float) -> bool:
    """True when the tests fail (the mutant is killed)."""
    env = {**os.environ, "PYTHONPATH": str(copy), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
             "-W", "ignore::pytest.PytestUnraisableExceptionWarning", *tests],
            cwd=copy, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return True  # an endless loop is noticed too
    return result.returncode != 0


def equivalents() -> dict[str, str]:
    """``module:line what`` → why the mutant changes nothing a user could see."""
    known = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _sep, why = line.partition(" — ")
                known[key.strip()] = why.strip()
    return known


def run_module(module: str, jobs: int, known: dict[str, str]) -> tuple[str, list[Mutant]]:
    """Every mutant of one module against its tests, ``jobs`` at a time: the results table's
    row and the survivors not known to be equivalent."""
    tests = MODULES[module]
    todo = mutants(module)
    copies = [Path(tempfile.mkdtemp(prefix="mutate-")) for _ in range(jobs)]
    for copy in copies:
        _copy(copy)
    started = time.perf_counter()
    if _run(copies[0], tests, timeout=900):
        raise SystemExit(f"{module}: the tests fail without any mutant")
    timeout = max(30.0, (time.perf_counter() - started) * 5)
    survived: list[Mutant] = []
    lock = threading.Lock()
    queue = list(todo)

    def work(copy: Path) -> None:
        while True:
            with lock:
                if not queue:
                    return
                mutant = queue.pop(0)
            (copy / module).write_text(mutant.source, encoding="utf-8")
            killed = _run(copy, tests, timeout)
            with lock:
                if not killed:
                    survived.append(mutant)
                print(f"  {'killed  ' if killed else 'SURVIVED'} {mutant.place}", flush=True)

    threads = [threading.Thread(target=work, args=(copy,)) for copy in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for copy in copies:
        shutil.rmtree(copy, ignore_errors=True)
    keys = {m.key for m in todo}
    for key in sorted(k for k in known if k.startswith(f"{module} |") and k not in keys):
        print(f"{module}: listed as equivalent but no such mutant now: {key}")
    equivalent = sum(1 for m in survived if m.key in known)
    missed = sorted((m for m in survived if m.key not in known), key=lambda m: m.line)
    scored = len(todo) - equivalent
    score = (scored - len(missed)) / scored * 100 if scored else 100.0
    return (f"| {module} | {len(todo)} | {equivalent} | {scored - len(missed)} | {len(missed)} | "
            f"{score:.0f} % |"), missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(MODULES))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    known = equivalents()
    rows = []
    for module in args.modules:
        row, missed = run_module(module, args.jobs, known)
        rows.append(row)
        for mutant in missed:
            print(f"survived: {mutant.place}\n    {mutant.key}")
    print("\n| module | mutants | equivalent | killed | survived | score |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
