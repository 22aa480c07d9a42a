"""Dependencies point one way, imports inside functions included: core/thai/util at the bottom, then media, then
storage, interchange, pdf and office, then ui and cli on top. Only pipun_desktop/ui imports Qt."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipun_desktop"

# a module may import its own layer or any lower one, never a higher one
LAYERS = {
    "core": 0,
    "thai": 0,
    "util": 0,
    "resources_path": 0,
    "media": 1,
    "storage": 2,
    "interchange": 2,
    "pdf": 2,
    "office": 2,
    "ui": 3,
    "cli": 3,
    "launch": 4,
    "__main__": 4,
    "__init__": 0,
}
QT = ("PySide6", "shiboken6")


def imports(path: Path, source: str | None = None):
    """(line, absolute module name) of every import in the file, at any depth."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = parts[:-1]
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join(base + ((node.module,) if node.module else ()))
                if not node.module:  # "from . import x": x is a module of that package, or a name in it
                    folder = PACKAGE.parent.joinpath(*name.split("."))
                    for alias in node.names:
                        is_module = (folder / alias.name).is_dir() or (folder / f"{alias.name}.py").is_file()
                        yield node.lineno, f"{name}.{alias.name}" if is_module else name
                    continue
                yield node.lineno, name
            else:
                yield node.lineno, node.module


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "pipun_desktop":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def modules():
    return sorted(p for p in PACKAGE.rglob("*.py"))


def test_every_top_level_part_has_a_layer():
    names = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in modules()}
    assert names <= set(LAYERS), names - set(LAYERS)


def test_no_lower_layer_imports_a_higher_one():
    wrong = []
    for path in modules():
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        for line, module in imports(path):
            other = layer_of(module)
            if other is not None and LAYERS[other] > LAYERS[own]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    assert wrong == []


def test_only_ui_imports_qt():
    wrong = []
    for path in modules():
        if path.relative_to(PACKAGE).parts[0] == "ui":
            continue
        for line, module in imports(path):
            if module.split(".")[0] in QT:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    assert wrong == []


def test_the_checker_sees_imports_inside_functions():
    """The old core/fingerprint.py imported interchange inside a function: the walk must see it."""
    source = "def f():\n    from ..interchange.json_format import report_to_dict\n    import PySide6\n"
    found = list(imports(PACKAGE / "core" / "fingerprint.py", source))
    assert (2, "pipun_desktop.interchange.json_format") in found and (3, "PySide6") in found


def test_a_name_from_a_package_is_the_package_a_module_is_the_module():
    """`from .. import __version__` imports the package's __init__; `from . import typeset` a module."""
    source = "from .. import __version__\nfrom . import typeset\n"
    found = list(imports(PACKAGE / "pdf" / "export.py", source))
    assert found == [(1, "pipun_desktop"), (2, "pipun_desktop.pdf.typeset")]
    assert layer_of(found[0][1]) == "__init__"
