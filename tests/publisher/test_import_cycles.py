"""The publisher's modules import one another without a cycle.

A cycle works only while the import order happens to suit it, and it hides
which of two modules is the lower one. Every import that runs counts, inside a
function too (a late import only hides a cycle); an import under
`if TYPE_CHECKING:` does not, as it never runs. A package that imports its own
modules by name (`publisher.channels` finds its channels) depends on each of
them, though no import statement says so.
"""

import ast
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

PUBLISHER = Path(__file__).resolve().parents[2] / "publisher"


def module_name(path: Path, root: Path) -> str:
    """`publisher/channels/__init__.py` → `publisher.channels`."""
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def run_time_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node that may run: all but the bodies of `if TYPE_CHECKING:`."""
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        test = node.test if isinstance(node, ast.If) else None
        if getattr(test, "id", getattr(test, "attr", None)) == "TYPE_CHECKING":
            pending.extend(node.orelse)
        else:
            pending.extend(ast.iter_child_nodes(node))


def imported_modules(
    node: ast.AST, importer: str, is_package: bool, modules: set[str]
) -> set[str]:
    """Those of `modules` an import statement of module `importer` loads.

    `from . import derived` loads publisher.derived; `from .render import Helpers`
    loads publisher.render, Helpers being no module.
    """
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names} & modules
    if not isinstance(node, ast.ImportFrom):
        return set()
    if node.level:
        package = importer.split(".")[: None if is_package else -1]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, *filter(None, [node.module])])
    else:
        base = node.module or ""
    named = {f"{base}.{alias.name}" for alias in node.names}
    return {name if name in modules else base for name in named} & modules


def finds_its_modules(tree: ast.AST) -> bool:
    """Whether a package imports modules by name (`importlib.import_module`)."""
    return any(
        isinstance(node, ast.Call)
        and getattr(node.func, "attr", getattr(node.func, "id", None))
        == "import_module"
        for node in run_time_nodes(tree)
    )


def import_graph(root: Path) -> dict[str, set[str]]:
    """Each module of the package at `root` and those of it that it imports."""
    paths = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    modules = set(paths)
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in run_time_nodes(tree):
            targets |= imported_modules(node, name, is_package, modules)
        if is_package and finds_its_modules(tree):
            targets |= {other for other in modules if other.rpartition(".")[0] == name}
        graph[name] = targets - {name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of `graph` as [a, b, …, a], or [] when it has none."""
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> list[str]:
        if module in visiting:
            return [*visiting[visiting.index(module) :], module]
        if module in done:
            return []
        visiting.append(module)
        for imported in sorted(graph[module]):
            if cycle := visit(imported):
                return cycle
        visiting.pop()
        done.add(module)
        return []

    for module in sorted(graph):
        if cycle := visit(module):
            return cycle
    return []


def test_the_publisher_imports_without_a_cycle():
    cycle = find_cycle(import_graph(PUBLISHER))
    assert not cycle, "import cycle: " + " → ".join(cycle)


def test_every_module_is_seen():
    graph = import_graph(PUBLISHER)
    assert "publisher.channels.map" in graph["publisher.channels"]  # by name
    assert "publisher.render" in graph["publisher.site_outputs"]
    assert "publisher.build" in graph["publisher.cli"]  # inside a function


@pytest.fixture
def copy_of_the_publisher(tmp_path) -> Path:
    """The publisher's Python files, to break on purpose."""
    shutil.copytree(
        PUBLISHER, tmp_path / "publisher", ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path / "publisher"


@pytest.mark.parametrize(
    ("module", "line", "expected"),
    [
        # At the top: the model reaching up to rendering.
        ("sitemodel.py", "from .render import Helpers", "publisher.sitemodel"),
        # Late, inside a function.
        (
            "structured_data/facts.py",
            "def late():\n    from ..helpers import Helpers",
            "publisher.helpers",
        ),
        # Rendering importing the channels, which render with it.
        ("render.py", "from .channels import channel_outputs", "publisher.channels"),
    ],
)
def test_a_cycle_is_caught(copy_of_the_publisher, module, line, expected):
    target = copy_of_the_publisher / module
    target.write_text(target.read_text() + f"\n{line}\n")

    cycle = find_cycle(import_graph(copy_of_the_publisher))

    assert cycle[0] == cycle[-1] and expected in cycle, cycle


def test_an_import_for_type_checking_only_is_no_cycle(copy_of_the_publisher):
    target = copy_of_the_publisher / "sitemodel.py"
    target.write_text(
        target.read_text()
        + "\nif TYPE_CHECKING:\n    from .render import RenderContext\n"
    )

    assert find_cycle(import_graph(copy_of_the_publisher)) == []
