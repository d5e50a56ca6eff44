"""The package's import graph has no cycles between its modules' packages (the contracts in
pyproject.toml check the layers; this checks what import-linter's layers cannot)."""

from __future__ import annotations

import grimp


def test_no_import_cycle_between_packages():
    graph = grimp.build_graph("marsad")
    packages = sorted({m.rsplit(".", 1)[0] for m in graph.modules if m.count(".") >= 1} | {"marsad"})
    cycles = []
    for a in packages:
        for b in packages:
            if a < b and not a.startswith(b + ".") and not b.startswith(a + "."):
                ab = graph.chain_exists(importer=a, imported=b, as_packages=True)
                ba = graph.chain_exists(importer=b, imported=a, as_packages=True)
                if ab and ba:
                    cycles.append((a, b))
    assert cycles == []


def test_no_import_cycle_between_modules():
    graph = grimp.build_graph("marsad")
    cycles = []
    for m in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(m):
            if imported != m and graph.chain_exists(importer=imported, imported=m):
                cycles.append((m, imported))
    assert cycles == []
