"""Files in .cache/ written whole: to a partial file of this process, then renamed. Two builds at
once (the tests run in parallel) never see half a file; the last to finish wins, with the same
content. And the hash of what a cached file is made from."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ENGINE = Path(__file__).parent


def partial_path(path: Path) -> Path:
    """Where this process writes `path` before renaming it (os.replace) into place."""
    return path.with_name(f"{path.name}.{os.getpid()}.part")


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(path)
    partial.write_bytes(data)
    os.replace(partial, path)


def inputs_hash(root: Path, names, *extra: str) -> str:
    """A hash of the files (and folders) named, relative to `root` (absolute paths too), and of
    `extra` texts. Folders are read whole, without Python's byte-code caches."""
    digest = hashlib.sha256()
    for name in names:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.exists() and "__pycache__" not in file.parts:
                label = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()
                digest.update(label.encode() + b"\0" + file.read_bytes() + b"\0")
    for text in extra:
        digest.update(text.encode() + b"\0")
    return digest.hexdigest()
