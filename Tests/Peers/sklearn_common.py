"""Helpers shared by the reference scripts in Tests/Peers (no scikit-learn logic here)."""
import json
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _compact(value, indent=0):
    """JSON with one key per line but every list of scalars on a single line (diff-friendly)."""
    pad = " " * indent
    if isinstance(value, dict):
        items = [f'{pad} {json.dumps(k)}: {_compact(v, indent + 1).lstrip()}' for k, v in value.items()]
        return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and all(isinstance(v, (dict, list)) for v in value):
        return pad + "[\n" + ",\n".join(_compact(v, indent + 1) for v in value) + "\n" + pad + "]"
    return pad + json.dumps(value)


def write_fixture(name, value):
    """Writes Tests/Fixtures/NAME with floats in Python's shortest round-trip form."""
    path = os.path.join(ROOT, "Tests", "Fixtures", name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(_compact(value) + "\n")
    print("wrote", os.path.relpath(path, ROOT))
