"""Files in .cache/ written whole: to a partial file of this process, then renamed. Two builds at
once (the tests run in parallel) never see half a file; the last to finish wins, with the same
content."""

from __future__ import annotations

import os
from pathlib import Path


def partial_path(path: Path) -> Path:
    """Where this process writes `path` before renaming it (os.replace) into place."""
    return path.with_name(f"{path.name}.{os.getpid()}.part")


def write_atomically(path: Path, data: bytes) -> None:
    partial = partial_path(path)
    partial.write_bytes(data)
    os.replace(partial, path)
