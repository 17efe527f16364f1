"""docs/schema.md describes every table and column the store creates."""

from pathlib import Path

from sayso.store import schema

DOC = (Path(__file__).resolve().parents[3] / "docs" / "schema.md").read_text(encoding="utf-8")


def test_every_table_and_column_is_documented():
    missing = []
    for table in schema.metadata.sorted_tables:
        if f"## {table.name}" not in DOC:
            missing.append(table.name)
        section = DOC.split(f"## {table.name}", 1)[-1].split("\n## ", 1)[0]
        missing += [f"{table.name}.{c.name}" for c in table.columns
                    if f"| {c.name} |" not in section and f"| {c.name}," not in section
                    and f", {c.name} |" not in section and f", {c.name}," not in section]
    assert not missing, f"undocumented in docs/schema.md: {missing}"
