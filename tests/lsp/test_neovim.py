"""The Neovim configuration of docs/editors.md, in Neovim itself (headless)."""

import os
import pathlib
import subprocess

from conftest import BINARY, REPO, defective, line_of

HERE = pathlib.Path(__file__).resolve().parent / "neovim"


def test_the_documented_configuration_is_the_tested_one():
    docs = (REPO / "docs" / "editors.md").read_text(encoding="utf-8")
    assert (HERE / "init.lua").read_text(encoding="utf-8") in docs


def test_neovim_shows_the_finding_its_hover_and_its_actions(tmp_path):
    doc = tmp_path / "release.md"
    text = defective()
    doc.write_text(text, encoding="utf-8")
    env = dict(os.environ, PATH=f"{pathlib.Path(BINARY).parent}{os.pathsep}{os.environ['PATH']}",
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path),
               XDG_STATE_HOME=str(tmp_path))
    run = subprocess.run(
        ["nvim", "--headless", "-u", str(HERE / "init.lua"), str(doc),
         "-c", f"luafile {HERE / 'check.lua'}"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    # `print` in headless Neovim writes to standard error.
    lines = [l.strip() for l in (run.stderr + run.stdout).replace("\r", "\n").split("\n") if l.strip()]
    line = line_of(text, "- [ ] Code review completed and approved") + 1
    width = len("- [ ] Code review completed and approved")
    assert f"diagnostic {line}:1-{line}:{width + 1} RL201 release-lint" in lines, lines
    assert "hover # RL201 unchecked-prerequisite" in lines, lines
    assert "action Disable RL201 for this line" in lines, lines
