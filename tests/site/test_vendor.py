"""Every vendored third-party file is present, licensed and unchanged."""

from __future__ import annotations

import hashlib

import pytest
import yaml
from conftest import ROOT

VENDORED = yaml.safe_load((ROOT / "vendor.yml").read_text(encoding="utf-8"))
FILES = [(entry["name"], path, digest) for entry in VENDORED for path, digest in entry["files"].items()]


def test_each_vendored_package_states_version_licence_and_origin():
    for entry in VENDORED:
        assert {"name", "version", "licence", "origin", "files"} <= set(entry)
        assert any("LICENSE" in path.upper() for path in entry["files"]), entry["name"]


@pytest.mark.parametrize("name,path,digest", FILES, ids=[f[1] for f in FILES])
def test_vendored_file_matches_its_checksum(name, path, digest):
    data = (ROOT / path).read_bytes()
    assert hashlib.sha256(data).hexdigest() == digest, f"{path} ({name}) differs from vendor.yml"
