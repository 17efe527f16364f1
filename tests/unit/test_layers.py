"""Each layer imports only from layers below it (model -> ingest/nlp ->
attribution -> speakers -> extraction -> store -> batch -> evaluation/output/training
-> commands -> cli)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "sayso"
LAYERS = ["model", "errors", "lexicon", "ingest", "nlp", "attribution", "speakers", "dating",
          "extraction", "component", "store", "accounts", "batch", "evaluation", "output", "training",
          "commands", "cli"]
# What each top-level part may import from sayso (besides itself).
ALLOWED = {
    "model": set(), "errors": set(), "lexicon": set(),
    "ingest": {"model", "errors"}, "nlp": {"errors"},
    "attribution": {"model", "errors", "lexicon", "nlp"},
    "speakers": {"model", "errors", "lexicon", "nlp"},
    "dating": {"model", "errors", "attribution"},
    "extraction": {"model", "errors", "nlp", "attribution", "speakers", "dating"},
    "component": {"extraction"},
    "store": {"model", "errors", "lexicon", "speakers"},
    "accounts": {"model", "errors", "store", "speakers"},  # speakers: its lexicons
    "batch": {"model", "errors", "extraction", "store"},
    "evaluation": {"model", "errors"},
    "output": {"model", "errors"},
    "training": {"model", "errors", "nlp", "attribution", "evaluation", "extraction"},
    "commands": {"model", "errors", "store", "accounts", "batch", "ingest"},
    "cli": set(LAYERS),
}


def part_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def sayso_imports(path: Path) -> set[str]:
    """Top-level sayso parts a module imports (relative or absolute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    depth_of_package = len(path.relative_to(PACKAGE).parts) - 1
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                up = node.level - 1
                base = list(path.relative_to(PACKAGE).parts[:depth_of_package])[:depth_of_package - up]
                parts = base + (node.module.split(".") if node.module else [])
                if not parts:
                    parts = [alias.name for alias in node.names]
                found.add(parts[0])
            elif node.module and node.module.startswith("sayso."):
                found.add(node.module.split(".")[1])
    return found


@pytest.mark.parametrize("path", sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"
                                        or p.parent != PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layers(path):
    part = part_of(path)
    if part not in ALLOWED:
        pytest.fail(f"{part} is not placed in a layer; add it to LAYERS/ALLOWED")
    illegal = sayso_imports(path) - ALLOWED[part] - {part}
    assert not illegal, f"{path.relative_to(PACKAGE)} imports {sorted(illegal)}"
