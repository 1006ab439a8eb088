"""No untranslated string: every message id in the code and templates has its Chinese translation.

The catalog is rebuilt the way the integrator builds it (scripts/build-translations.sh: makemessages,
then the translations of locale/parts/*.po as a compendium) on a temporary copy of the source, so the
working tree is never touched; then gettext's msgattrib must find nothing untranslated or fuzzy.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

BASE = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("bureau", "meetings", "procurement", "assets", "property_services", "templates")
SOURCE_SUFFIXES = {".py", ".html", ".txt"}


def _copy_tree(target):
    for name in SOURCE_DIRS:
        for path in (BASE / name).rglob("*"):
            if path.is_file() and path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                destination = target / path.relative_to(BASE)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, destination)
    shutil.copy2(BASE / "manage.py", target / "manage.py")
    shutil.copytree(BASE / "scripts", target / "scripts")
    if (BASE / "locale").exists():
        shutil.copytree(BASE / "locale", target / "locale", ignore=shutil.ignore_patterns("*.mo"))


def _entries(output):
    """Message ids in msgattrib output, without the header."""
    return [line for line in output.splitlines() if line.startswith("msgid ") and line != 'msgid ""']


@pytest.fixture(scope="module")
def rebuilt_catalog(tmp_path_factory):
    tree = tmp_path_factory.mktemp("source")
    _copy_tree(tree)
    result = subprocess.run(
        ["bash", "scripts/build-translations.sh", sys.executable], cwd=tree, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return tree / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def _msgattrib(option, po):
    result = subprocess.run(["msgattrib", option, "--no-wrap", str(po)], capture_output=True, text=True, check=True)
    return _entries(result.stdout)


def test_every_message_id_has_a_chinese_translation(rebuilt_catalog):
    assert len(_entries(rebuilt_catalog.read_text(encoding="utf-8"))) > 150
    untranslated = _msgattrib("--untranslated", rebuilt_catalog)
    assert not untranslated, (
        "message ids without a Chinese translation (add them to locale/parts/<branch>.po):\n" + "\n".join(untranslated)
    )


def test_no_fuzzy_translation(rebuilt_catalog):
    fuzzy = _msgattrib("--only-fuzzy", rebuilt_catalog)
    assert not fuzzy, "fuzzy (unchecked) translations:\n" + "\n".join(fuzzy)


def test_committed_catalog_is_complete():
    """The committed django.po (compiled at set-up) already holds every translation: the build was run."""
    po = BASE / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    assert not _msgattrib("--untranslated", po) and not _msgattrib("--only-fuzzy", po)


def test_compiled_catalog_gives_chinese():
    with translation.override("zh-hans"):
        assert translation.gettext("Registers") == "基础信息"
        assert translation.gettext("Room occupancy") == "房间使用"
        assert translation.gettext("Void") == "作废"
        assert translation.gettext("Department heads") == "部门负责人"
    with translation.override("en"):
        assert translation.gettext("Registers") == "Registers"
