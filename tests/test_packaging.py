"""pyproject.toml: the entry points exist and run the program; the tests need no sys.path edits."""

import importlib
import subprocess
import sys
import tomllib

from conftest import ROOT, SAMPLE

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _resolve(spec: str):
    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)


def test_the_pipun_commands_run_what_main_py_runs():
    project = PYPROJECT["project"]
    scripts = {**project["scripts"], **project["gui-scripts"]}
    assert set(scripts) == {"pipun", "pipun-cli"}
    from pipun_desktop.launch import main

    assert all(_resolve(spec) is main for spec in scripts.values())


def test_python_dash_m_runs_a_subcommand(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "pipun_desktop", "fingerprint", str(SAMPLE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0 and len(out.stdout.strip()) == 19, out.stderr


def test_conftest_leaves_sys_path_alone():
    text = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    assert not any(edit in text for edit in ("sys.path.insert", "sys.path.append", "sys.path ="))
    assert PYPROJECT["tool"]["pytest"]["ini_options"]["pythonpath"] == ["."]
    assert not (ROOT / "pytest.ini").exists()  # it would take precedence over pyproject.toml


def test_ci_runs_the_linter_the_formatter_check_and_the_type_checker_before_the_tests():
    steps = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith((".venv/bin/", "QT_QPA_PLATFORM", "bash .ci/setup"))
    ]
    order = [
        next(i for i, s in enumerate(steps) if key in s)
        for key in ("setup --dev", "ruff check", "ruff format --check", "mypy", "pytest")
    ]
    assert order == sorted(order)


def test_the_commit_hooks_run_the_pinned_tools():
    hooks = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    pins = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    for tool in ("ruff", "mypy", "pre-commit"):
        assert f"\n{tool}==" in pins
    assert "entry: .venv/bin/ruff check" in hooks and "entry: .venv/bin/ruff format" in hooks
    assert "entry: .venv/bin/mypy" in hooks and "pass_filenames: false" in hooks
