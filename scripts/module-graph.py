#!/usr/bin/env python3
"""Import graph of app/src, the way the `module_graph` unit test reads it.

Prints the arrows between top-level areas (`app/src/<area>/` or `app/src/<file>.rs`), the
strongly connected components of that graph, and file-level cycles. Exit status 1 on any cycle.
Usage: scripts/module-graph.py [--files] [--why AREA AREA]
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "app", "src")


def modules():
    out = {}
    for dirpath, _, files in os.walk(ROOT):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), ROOT).replace(os.sep, "/")
            m = rel[: -len(".rs")]
            if m.endswith("/mod"):
                m = m[: -len("/mod")]
            m = "" if m == "lib" else m.replace("/", "::")
            text = open(os.path.join(dirpath, f), encoding="utf-8").read()
            code = text.split("#[cfg(test)]")[0]
            code = "\n".join(l.split("//")[0] for l in code.splitlines())
            out[m] = code
    return out


def is_ident(c):
    return c.islower() or c.isdigit() or c == "_"


def paths_after(code, prefix):
    out = []
    for mt in re.finditer(re.escape(prefix), code):
        at = mt.start()
        if at > 0 and (is_ident(code[at - 1]) or code[at - 1] == ":"):
            continue
        rest = code[at + len(prefix):]
        if rest.startswith("{"):
            group = rest[1:]
            end = group.find(";")
            group = group[: end if end >= 0 else len(group)]
            out += [p.strip(":") for p in re.split(r"[^a-z0-9_:]", group) if p.strip(":")]
        else:
            m = re.match(r"[a-z0-9_:]*", rest)
            out.append(m.group(0).rstrip(":"))
    return out


def graph(mods):
    def resolve(path):
        parts = path.split("::")
        for n in range(len(parts), 0, -1):
            k = "::".join(parts[:n])
            if k in mods:
                return k
        return None

    edges = {}
    for module, code in mods.items():
        base = [s for s in module.split("::") if s]
        base = base[:-1]
        to = set()
        paths = list(paths_after(code, "crate::"))
        for p in paths_after(code, "super::"):
            ups = p.count("super::")
            stem = base[: max(0, len(base) - ups)]
            paths.append("::".join(["::".join(stem), p.replace("super::", "")]))
        for p in paths:
            t = resolve(p.lstrip(":"))
            if t is not None and t != module and t != "":
                to.add(t)
        edges[module] = to
    return edges


def area(module):
    return module.split("::")[0]


def sccs(edges):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return out


def main():
    mods = modules()
    edges = graph(mods)
    arrows = {}
    for m, tos in edges.items():
        for t in tos:
            a, b = area(m), area(t)
            if m and a != b:
                arrows.setdefault((a, b), []).append(f"{m} → {t}")
    areas = sorted({area(m) for m in mods if m})
    aedges = {a: set() for a in areas}
    for a, b in arrows:
        aedges[a].add(b)
    if "--why" in sys.argv:
        i = sys.argv.index("--why")
        a, b = sys.argv[i + 1], sys.argv[i + 2]
        for line in sorted(arrows.get((a, b), [])):
            print(line)
        return 0
    if "--arrows" in sys.argv:
        for (a, b), why in sorted(arrows.items()):
            print(f"{a} → {b}  ({len(why)})")
    file_cycles = [c for c in sccs(edges) if len(c) > 1]
    area_cycles = [c for c in sccs(aedges) if len(c) > 1]
    print(f"files: {len(edges)}, file arrows: {sum(len(v) for v in edges.values())}, file cycles (SCCs > 1): {len(file_cycles)}")
    print(f"areas: {len(areas)}, arrows between areas: {len(arrows)}, largest area SCC: {max((len(c) for c in sccs(aedges)), default=0)}")
    for c in area_cycles:
        print("area cycle:", ", ".join(c))
    for c in file_cycles:
        print("file cycle:", ", ".join(c))
    return 1 if file_cycles or area_cycles else 0


if __name__ == "__main__":
    sys.exit(main())
