"""The output folder: replaced whole or not at all, and never a file the tool did not write."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time

import pytest

from sagemaker_iac import outtree
from sagemaker_iac.cli import main
from sagemaker_iac.outtree import MANIFEST, OutputFolderError, read_tree, write_tree
from support.cli import cli_runner
from support.paths import MINIMAL, SEED

# Two small catalogs whose trees differ (the built-in one takes far longer to write).


def run(*args: str, env: dict[str, str] | None = None):
    """The CLI in process. generate reads a two-algorithm catalog unless told otherwise:
    these tests are about the folder, and it writes every path they touch faster."""
    if args[0] == "generate" and "--catalog" not in args:
        args = (*args, "--catalog", str(MINIMAL))
    return cli_runner().invoke(main, list(args), env=env)


def snapshot(folder):
    """Every entry below folder (links not followed) with its bytes or link target."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, folder)
            if os.path.islink(path):
                found[rel] = ("link", os.readlink(path))
            elif os.path.isfile(path):
                found[rel] = ("file", open(path, "rb").read())
            else:
                found[rel] = ("dir", None)
    return found


def test_write_tree_replaces_whole_and_lists_what_it_wrote(tmp_path):
    root = tmp_path / "out"
    write_tree({"a.txt": "1\n", "d/b.txt": "2\n"}, root)
    write_tree({"c.txt": "3\n"}, root)
    assert read_tree(root) == {
        "c.txt": b"3\n",
        MANIFEST: outtree.manifest(["c.txt"]).encode(),
    }
    assert (root / MANIFEST).read_text().splitlines()[1:] == ["c.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_write_tree_failure_leaves_the_old_tree(tmp_path, monkeypatch):
    root = tmp_path / "out"
    write_tree({"a.txt": "old\n"}, root)
    before = read_tree(root)
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # moving the new tree into place
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(outtree.os, "replace", failing_replace)
    with pytest.raises(OutputFolderError, match="No space left"):
        write_tree({"a.txt": "new\n", "b.txt": "x\n"}, root)
    monkeypatch.undo()
    assert read_tree(root) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_write_tree_failure_while_writing_leaves_the_old_tree(tmp_path):
    root = tmp_path / "out"
    write_tree({"a.txt": "old\n"}, root)
    before = read_tree(root)
    with pytest.raises(OutputFolderError):
        write_tree({"a.txt": "new\n", "a.txt/under-a-file": "x\n"}, root)
    assert read_tree(root) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_regenerate_rewrites_only_the_files_that_changed(tmp_path):
    root = tmp_path / "out"
    write_tree({"same.txt": "1\n", "d/changed.txt": "old\n", "gone.txt": "x\n"}, root)
    before = {n: (root / n).stat() for n in ("same.txt", "d/changed.txt")}
    time.sleep(0.01)  # so that a rewrite would show in the mtime
    write_tree({"same.txt": "1\n", "d/changed.txt": "new\n", "added.txt": "2\n"}, root)
    same, changed = (root / "same.txt").stat(), (root / "d/changed.txt").stat()
    assert (same.st_ino, same.st_mtime_ns) == (
        before["same.txt"].st_ino,
        before["same.txt"].st_mtime_ns,
    )
    assert same.st_nlink == 1  # the old folder's link is gone with it
    assert changed.st_ino != before["d/changed.txt"].st_ino
    assert read_tree(root) == {
        "added.txt": b"2\n",
        "d/changed.txt": b"new\n",
        "same.txt": b"1\n",
        MANIFEST: outtree.manifest(["added.txt", "d/changed.txt", "same.txt"]).encode(),
    }


def test_a_file_linked_elsewhere_or_given_another_mode_is_written_afresh(tmp_path):
    root = tmp_path / "out"
    write_tree({"linked.txt": "1\n", "mode.txt": "2\n"}, root)
    elsewhere = tmp_path / "backup.txt"
    os.link(root / "linked.txt", elsewhere)
    os.chmod(root / "mode.txt", 0o400)
    umask = os.umask(0)
    os.umask(umask)
    write_tree({"linked.txt": "1\n", "mode.txt": "2\n"}, root)
    assert (root / "linked.txt").stat().st_ino != elsewhere.stat().st_ino
    assert (root / "linked.txt").stat().st_nlink == 1
    assert elsewhere.read_bytes() == b"1\n"
    assert stat.S_IMODE((root / "mode.txt").stat().st_mode) == 0o666 & ~umask


def test_without_hard_links_every_file_is_written(tmp_path, monkeypatch):
    root = tmp_path / "out"
    write_tree({"a.txt": "1\n"}, root)
    inode = (root / "a.txt").stat().st_ino

    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")  # as on FAT or some network shares

    monkeypatch.setattr(outtree.os, "link", no_links)
    write_tree({"a.txt": "1\n"}, root)
    assert (root / "a.txt").read_bytes() == b"1\n"
    assert (root / "a.txt").stat().st_ino != inode


def test_current_folder_and_repository_root_are_refused(tmp_path, monkeypatch):
    repo = tmp_path / "myrepo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (repo / "main.tf").write_text("# mine\n")
    before = snapshot(repo)
    monkeypatch.chdir(repo)
    result = run("generate", "--out", ".")
    assert result.exit_code == 2, result.stderr
    assert "is the current folder" in result.stderr and "Traceback" not in result.stderr
    monkeypatch.chdir(tmp_path)
    result = run("generate", "--out", str(repo))
    assert result.exit_code == 2
    assert "is the root of a repository" in result.stderr
    assert snapshot(repo) == before


def test_home_folder_is_refused(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / ".bashrc").write_text("# mine\n")
    result = run("generate", "--out", str(home), env={"HOME": str(home)})
    assert result.exit_code == 2 and "is your home folder" in result.stderr
    assert snapshot(home) == {".bashrc": ("file", b"# mine\n")}


def test_symlinks_are_refused_and_their_targets_left_alone(tmp_path):
    target = tmp_path / "precious"
    target.mkdir()
    (target / "data.txt").write_text("keep me\n")
    link = tmp_path / "out"
    link.symlink_to(target)
    result = run("generate", "--out", str(link))
    assert result.exit_code == 2 and "is a symbolic link" in result.stderr
    assert snapshot(target) == {"data.txt": ("file", b"keep me\n")}

    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "elsewhere" / "new")
    result = run("generate", "--out", str(dangling))
    assert result.exit_code == 2 and "is a symbolic link" in result.stderr
    assert not (tmp_path / "elsewhere").exists()


def test_a_folder_with_files_the_tool_did_not_write_is_refused(tmp_path):
    out = tmp_path / "out"
    assert run("generate", "--out", str(out)).exit_code == 0
    (out / "terraform" / "notes.md").write_text("mine\n")
    (out / "link").symlink_to(tmp_path)
    before = snapshot(out)
    result = run("generate", "--out", str(out))
    assert result.exit_code == 2
    assert "did not write (link, terraform/notes.md)" in result.stderr
    assert snapshot(out) == before


def test_a_folder_of_someone_elses_files_is_refused(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "catalog.json").write_text("{}\n")  # a name we write, but beside a stranger
    (docs / "index.html").write_text("<html/>\n")
    result = run("generate", "--out", str(docs))
    assert result.exit_code == 2 and "(index.html)" in result.stderr
    assert (docs / "catalog.json").read_text() == "{}\n"


def test_earlier_output_is_replaced_with_or_without_a_manifest(tmp_path):
    out = tmp_path / "out"
    assert run("generate", "--out", str(out)).exit_code == 0
    first = read_tree(out)
    # A file an older catalog produced, listed in the manifest: replaced, so removed.
    (out / "cloudformation" / "training" / "retired.yaml").write_text("old\n")
    with open(out / MANIFEST, "a", encoding="utf-8") as handle:
        handle.write("cloudformation/training/retired.yaml\n")
    assert run("generate", "--out", str(out)).exit_code == 0
    assert read_tree(out) == first
    # Output of a version that wrote no manifest: every file is one it would write.
    (out / MANIFEST).unlink()
    assert run("generate", "--out", str(out)).exit_code == 0
    assert read_tree(out) == first


def test_the_folder_keeps_the_users_umask(tmp_path):
    old = os.umask(0o027)
    try:
        assert run("generate", "--out", str(tmp_path / "out")).exit_code == 0
    finally:
        os.umask(old)
    out = tmp_path / "out"
    assert stat.S_IMODE(out.stat().st_mode) == 0o750
    assert stat.S_IMODE((out / "terraform").stat().st_mode) == 0o750
    assert stat.S_IMODE((out / "catalog.json").stat().st_mode) == 0o640
    os.chmod(out, 0o755)  # an existing folder keeps its own mode
    assert run("generate", "--out", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o755


def test_one_target_leaves_the_other_targets_files_alone(tmp_path):
    out = tmp_path / "out"
    assert run("generate", "--out", str(out)).exit_code == 0
    full = read_tree(out)
    (out / "cloudformation" / "sagemaker-images.yaml").write_text("edited\n")
    assert run("generate", "--out", str(out), "--target", "terraform").exit_code == 0
    after = read_tree(out)
    assert after["cloudformation/sagemaker-images.yaml"] == b"edited\n"
    assert {k: v for k, v in after.items() if k.startswith("terraform/")} == {
        k: v for k, v in full.items() if k.startswith("terraform/")
    }
    assert after[MANIFEST] == full[MANIFEST]
    assert run("generate", "--out", str(out), "--target", "terraform", "--check").exit_code == 0
    assert run("generate", "--out", str(out), "--check").exit_code == 1  # the edit is seen

    fresh = tmp_path / "fresh"
    assert run("generate", "--out", str(fresh), "--target", "terraform").exit_code == 0
    tops = {k.split("/")[0] for k in read_tree(fresh)}
    reports = {
        "catalog.json",
        "availability.md",
        "availability.svg",
        "availability-frameworks.md",
        "availability-jumpstart.md",
    }
    assert tops == {"terraform", *reports, MANIFEST}


def test_an_unwritable_place_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x\n")
    result = run("generate", "--out", str(blocker / "out"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot write") and "Traceback" not in result.stderr
    result = run("generate", "--out", str(blocker))
    assert result.exit_code == 2 and "is a file" in result.stderr  # click's own check
    with pytest.raises(OutputFolderError, match="is not a folder"):
        write_tree({"a.txt": "1\n"}, blocker)
    assert blocker.read_text() == "x\n"


def test_check_compares_bytes(tmp_path):
    out = tmp_path / "out"
    assert run("generate", "--out", str(out)).exit_code == 0
    victim = out / "terraform" / "sagemaker-images" / "main.tf"
    original = victim.read_bytes()
    victim.write_bytes(original.replace(b"\n", b"\r\n"))
    result = run("generate", "--out", str(out), "--check")
    assert result.exit_code == 1 and "terraform/sagemaker-images/main.tf" in result.output
    victim.write_bytes(original.replace(b"\n", b"\r", 1))
    assert run("generate", "--out", str(out), "--check").exit_code == 1
    victim.write_bytes(original.rstrip(b"\n"))
    result = run("generate", "--out", str(out), "--check")
    assert result.exit_code == 1 and "main.tf" in result.output
    victim.write_bytes(b"\xff\xfe\x00binary")
    result = run("generate", "--out", str(out), "--check")
    assert result.exit_code == 1
    assert "Binary files a/terraform/sagemaker-images/main.tf and b/" in result.output
    victim.write_bytes(original)
    assert run("generate", "--out", str(out), "--check").exit_code == 0


def test_a_run_killed_between_the_two_renames_is_undone_by_the_next(tmp_path):
    root = tmp_path / "out"
    write_tree({"a.txt": "old\n"}, root)
    # A child that dies (kill -9 has the same effect) right after moving the old tree aside.
    child = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from sagemaker_iac import outtree\n"
        "real = os.replace\n"
        "def once(src, dst):\n"
        "    real(src, dst)\n"
        "    os._exit(9)\n"
        "outtree.os.replace = once\n"
        "outtree.write_tree({'a.txt': 'new\\n'}, Path(sys.argv[1]))\n"
    )
    result = subprocess.run([sys.executable, "-c", child, str(root)], check=False)
    assert result.returncode == 9
    assert not root.exists()  # the window the recovery is for
    (tmp_path / ".out.new-leftover").mkdir()
    write_tree({"b.txt": "newer\n"}, root)
    assert read_tree(root)[MANIFEST].decode().splitlines()[1:] == ["b.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_the_old_tree_is_back_when_the_next_run_only_recovers(tmp_path):
    root = tmp_path / "out"
    write_tree({"a.txt": "old\n"}, root)
    os.replace(root, tmp_path / ".out.old-abc")
    with pytest.raises(OutputFolderError):
        write_tree({"a.txt": "x\n", "a.txt/b": "y\n"}, root)  # fails after recovering
    assert read_tree(root)["a.txt"] == b"old\n"


def test_concurrent_runs_leave_one_whole_tree(tmp_path):
    root = tmp_path / "out"
    trees = [{f"{n}/{i}.txt": f"{n}\n" for i in range(200)} for n in ("a", "b", "c", "d")]
    errors = []

    def write(files):
        try:
            write_tree(files, root)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in trees]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    written = read_tree(root)
    written.pop(MANIFEST)
    assert any(written == {k: v.encode() for k, v in t.items()} for t in trees)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("name", ["../escape.txt", "a/../../escape.txt", "/tmp/abs.txt"])
def test_no_name_reaches_outside_the_folder(tmp_path, name):
    root = tmp_path / "out"
    with pytest.raises(OutputFolderError, match="outside the output folder"):
        write_tree({"a.txt": "1\n", name: "x\n"}, root)
    assert not (tmp_path / "escape.txt").exists() and not root.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "sagemaker_iac.cli", *args]


def test_kill_9_at_any_moment_leaves_old_or_new_and_the_next_run_cleans_up(tmp_path):
    """Seeded random kills of generate, alternating two catalogs whose trees differ."""
    import random

    catalogs = {"seed": ["--catalog", str(SEED)], "minimal": ["--catalog", str(MINIMAL)]}
    out = tmp_path / "out"
    trees = {}
    for name, catalog in catalogs.items():
        subprocess.run(_cli("generate", "--out", str(out), *catalog), check=True)
        trees[name] = read_tree(out)
    assert trees["seed"] != trees["minimal"]
    rng = random.Random(20261126)
    for attempt in range(16):
        catalog = catalogs["minimal" if attempt % 2 else "seed"]
        process = subprocess.Popen(
            _cli("generate", "--out", str(out), *catalog),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # A run lasts about 0.3 s here: any moment of it, writing included.
        time.sleep(rng.uniform(0.0, 0.35))
        process.kill()
        process.wait()
        if out.exists():
            assert read_tree(out) in trees.values(), attempt
        else:  # killed between the two renames: the old tree waits beside it
            assert list(tmp_path.glob(".out.old-*")), attempt
    subprocess.run(_cli("generate", "--out", str(out), *catalogs["seed"]), check=True)
    assert read_tree(out) == trees["seed"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_two_generate_processes_at_once_leave_one_whole_tree(tmp_path):
    seed = ["--catalog", str(SEED)]
    minimal = ["--catalog", str(MINIMAL)]
    out = tmp_path / "out"
    runs = [
        subprocess.Popen(_cli("generate", "--out", str(out), *extra), stderr=subprocess.PIPE)
        for extra in (seed, minimal, seed, minimal)
    ]
    for run_ in runs:
        _, err = run_.communicate(timeout=60)
        assert run_.returncode == 0, err
    written = read_tree(out)
    references = []
    for name, extra in (("ref1", seed), ("ref2", minimal)):
        assert run("generate", "--out", str(tmp_path / name), *extra).exit_code == 0
        references.append(read_tree(tmp_path / name))
    assert references[0] != references[1]
    assert written in references
    assert not list(tmp_path.glob(".out.*"))
