#!/usr/bin/env python3
"""French typography in the French catalogues: a no-break space before ; : ! ? » and after «."""
import json, pathlib, re, sys

NBSP = "\u00a0"

def fix(text: str) -> str:
    text = re.sub(r"[ \u00a0\u202f]+([;:!?»])", NBSP + r"\1", text)
    text = re.sub(r"«[ \u00a0\u202f]*", "«" + NBSP, text)
    return text

def walk(value):
    if isinstance(value, dict):
        return {k: walk(v) for k, v in value.items()}
    return fix(value) if isinstance(value, str) else value

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "app/locales/fr")
for path in sorted(root.glob("*.json")):
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(walk(data), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
