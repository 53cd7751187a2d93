"""The output folder: read it, diff it byte for byte, and replace it whole or not at all.

The folder is users' property as much as ours, so a replace is refused unless every file
in it is one this tool wrote (listed in its manifest) or would write now.
"""

from __future__ import annotations

import difflib
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from .errors import UserError
from .files import Files

# Lists every file of the last write, so the next one knows what it may replace.
MANIFEST = ".sagemaker-iac-manifest"
_MANIFEST_HEADER = "# Files written by sagemaker-iac generate; it replaces only these.\n"
# How many unknown files a refusal names.
_NAMED = 5


class OutputFolderError(UserError):
    """An output folder the tool must not replace or cannot read."""


def manifest(paths: Iterable[str]) -> str:
    return _MANIFEST_HEADER + "".join(f"{p}\n" for p in sorted(set(paths) - {MANIFEST}))


def with_manifest(files: Files) -> Files:
    """`files` plus the manifest that lists them: what a full generate leaves in the folder."""
    return dict(sorted({**files, MANIFEST: manifest(files)}.items()))


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file below root, by relative POSIX path, as bytes."""
    if not root.is_dir():
        return {}
    try:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }
    except OSError as exc:
        raise OutputFolderError(f"cannot read {exc.filename or root}: {exc.strerror}") from None


def diff_tree(expected: Files, root: Path, scope: tuple[str, ...] | None = None) -> str:
    """A unified diff from what is in root to `expected` ('' when byte-identical).

    With `scope`, only paths starting with one of its prefixes are compared (a partial
    target leaves the rest of the folder alone, so it does not judge it either).
    """
    actual = read_tree(root)
    if scope is not None:
        actual = {k: v for k, v in actual.items() if k.startswith(scope)}
    chunks: list[str] = []
    for name in sorted(set(expected) | set(actual)):
        new = expected[name].encode("utf-8") if name in expected else None
        old = actual.get(name)
        if old != new:
            chunks.append(_file_diff(name, old, new))
    return "".join(chunks)


def _file_diff(name: str, old: bytes | None, new: bytes | None) -> str:
    try:
        old_text = (old or b"").decode("utf-8")
        new_text = (new or b"").decode("utf-8")
    except UnicodeDecodeError:
        return f"Binary files a/{name} and b/{name} differ\n"
    lines = difflib.unified_diff(
        old_text.splitlines(keepends=True),
        new_text.splitlines(keepends=True),
        fromfile=f"a/{name}" if old is not None else "/dev/null",
        tofile=f"b/{name}" if new is not None else "/dev/null",
    )
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    # Bytes differ but no line does: only line endings or a missing final newline.
    return text or f"Files a/{name} and b/{name} differ (line endings)\n"


def write_tree(files: Files, root: Path, keep: tuple[str, ...] = ()) -> None:
    """Replace root with exactly `files` and their manifest: whole, or not at all.

    Paths under the prefixes in `keep` are carried over from the old folder unchanged.
    Refuses (OutputFolderError) a root that is a symlink, the home folder, the working
    folder, a repository root, or that holds any file this tool did not write.
    """
    _refuse_dangerous(root)
    root = root.resolve()
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        with locked(root.parent):
            _recover(root)
            kept = _owned_files(root, set(files))
            carried = [p for p in kept if p.startswith(keep)] if keep else []
            _swap(files, carried, root)
    except OSError as exc:
        raise OutputFolderError(
            f"cannot write {exc.filename or root}: {exc.strerror or exc}"
        ) from None


def _refuse_dangerous(root: Path) -> None:
    if root.is_symlink():
        raise OutputFolderError(
            f"{root} is a symbolic link; pass the folder it points to, or a new path"
        )
    resolved = root.resolve()
    forbidden = {
        Path(resolved.anchor): "the file system root",
        Path.home().resolve(): "your home folder",
        Path.cwd().resolve(): "the current folder",
    }
    if resolved in forbidden:
        raise OutputFolderError(
            f"{root} is {forbidden[resolved]}; generate replaces its output folder whole, "
            "so give it a folder of its own, such as out"
        )
    if resolved.exists() and not resolved.is_dir():
        raise OutputFolderError(f"{root} exists and is not a folder")
    if (resolved / ".git").exists():
        raise OutputFolderError(
            f"{root} is the root of a repository; give generate a folder of its own, such as out"
        )


def _owned_files(root: Path, new: set[str]) -> list[str]:
    """The files in root, once each is known to be ours (in the manifest or about to be)."""
    if not root.exists():
        return []
    listed = _read_manifest(root / MANIFEST)
    present, foreign = [], []
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath)
        for name in dirnames + filenames:
            path = base / name
            rel = path.relative_to(root).as_posix()
            mode = path.lstat().st_mode
            if stat.S_ISDIR(mode):
                continue
            if not stat.S_ISREG(mode) or (rel not in listed and rel not in new):
                foreign.append(rel)  # symlinks, sockets and strangers are never ours
            else:
                present.append(rel)
    if foreign:
        named = ", ".join(sorted(foreign)[:_NAMED])
        more = f" and {len(foreign) - _NAMED} more" if len(foreign) > _NAMED else ""
        raise OutputFolderError(
            f"{root} holds files that sagemaker-iac did not write ({named}{more}); "
            "generate replaces the folder whole, so move them out or choose another --out"
        )
    return present


def _read_manifest(path: Path) -> set[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line for line in text.splitlines() if line and not line.startswith("#")} | {MANIFEST}


def _staging_names(root: Path, kind: str) -> list[Path]:
    return sorted(root.parent.glob(f".{root.name}.{kind}-*"))


def _recover(root: Path) -> None:
    """Undo what a killed run left: restore the old tree if the swap stopped halfway."""
    backups = _staging_names(root, "old")
    if not root.exists() and backups:
        os.replace(backups[-1], root)
        backups = backups[:-1]
    for leftover in [*_staging_names(root, "new"), *backups]:
        shutil.rmtree(leftover, ignore_errors=True)


def _swap(files: Files, carried: list[str], root: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.new-", dir=root.parent))
    backup = staging.with_name(staging.name.replace(".new-", ".old-"))
    try:
        # mkdtemp makes 0700; the folder gets the old one's mode, else the umask's.
        mode = stat.S_IMODE(root.stat().st_mode) if root.exists() else 0o777 & ~umask
        os.chmod(staging, mode)
        made = {staging}
        for name, text in files.items():
            # Names come from catalog keys: none may reach outside the folder. The staging
            # folder is new and only this loop makes folders in it, so no link can intervene.
            relative = PurePosixPath(name)
            if relative.is_absolute() or ".." in relative.parts or "\\" in name or not name:
                raise OutputFolderError(f"refusing to write {name!r}: outside the output folder")
            target = staging.joinpath(*relative.parts)
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            # Bytes as rendered: \n on every platform, so output is byte-identical.
            data = text.encode("utf-8")
            if not _link_unchanged(root.joinpath(*relative.parts), target, data, 0o666 & ~umask):
                target.write_bytes(data)
        for name in carried:
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / name, staging / name)
        with open(staging / MANIFEST, "w", encoding="utf-8", newline="") as handle:
            handle.write(manifest([*files, *carried]))
        if root.exists():
            os.replace(root, backup)
        try:
            os.replace(staging, root)
        except OSError:
            if backup.exists():
                os.replace(backup, root)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(backup, ignore_errors=True)


def _link_unchanged(old: Path, new: Path, data: bytes, mode: int) -> bool:
    """Hard-link the old folder's file as the new one where it already holds `data`, as a
    file of its own with the mode a fresh write gets: a regenerate then writes only what
    changed (disks are slow to write and free), and unchanged files keep their mtime."""
    try:
        status = old.lstat()
        if not (
            stat.S_ISREG(status.st_mode)
            and status.st_nlink == 1  # a link elsewhere would tie that file to ours
            and stat.S_IMODE(status.st_mode) == mode
            and status.st_size == len(data)
            and old.read_bytes() == data
        ):
            return False
        os.link(old, new)
    except OSError:  # no old file, or a file system without hard links: write it
        return False
    return True


# Folders this thread holds locked: a refresh holds its catalog's folder while its
# generate locks out/'s parent, often the same folder, and flock would wait on itself.
_local = threading.local()


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One run at a time per folder (another process or thread waits for the first);
    re-entrant within a thread."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; runs are not serialized there
        yield
        return
    held: set[tuple[int, int]] = _local.__dict__.setdefault("held", set())
    fd = os.open(folder, os.O_RDONLY)
    status = os.fstat(fd)
    key = (status.st_dev, status.st_ino)
    try:
        if key in held:
            yield
            return
        fcntl.flock(fd, fcntl.LOCK_EX)
        held.add(key)
        try:
            yield
        finally:
            held.discard(key)
    finally:
        os.close(fd)


@contextmanager
def replacing(path: Path, text: str) -> Iterator[None]:
    """Stage TEXT beside PATH (a link's target, if a link), and when the block ends without
    an error, put it in PATH's place with one rename: a reader, or a run killed at any
    moment, finds the old file or the new one whole. Leftovers of a killed run go at the
    next, so the caller holds locked() on the folder."""
    target = path.resolve()
    try:
        status = target.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    else:
        if not stat.S_ISREG(status.st_mode):
            raise UserError(f"{path} is not a regular file; refused")
        mode = stat.S_IMODE(status.st_mode)
    for leftover in target.parent.glob(f".{target.name}.new-*"):
        leftover.unlink(missing_ok=True)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.new-", dir=target.parent)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    staged = Path(name)
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(staged, mode)
        except OSError as exc:  # a full disk or a file-size limit: the old file stays
            raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
        yield
        try:
            os.replace(staged, target)
        except OSError as exc:
            raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        staged.unlink(missing_ok=True)
