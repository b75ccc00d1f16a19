#!/usr/bin/env python3
"""Fails when two modules of one crate import each other, directly or around a loop.

A module is a file under `src/` (`a/b.rs` and `a/b/mod.rs` are both `a::b`). An edge
`a::b -> c::d` is any `crate::c::d…` path in `a/b.rs` (in `use` lines or inline code; comments,
doc links included, are not dependencies). Parents and
children are one family: `a` naming `a::b` (re-exports, `mod` lines) and `a::b` naming its parent
`a` are not counted, since `mod.rs` files declare their children. Test modules are ignored.
"""
import pathlib
import re
import sys

ROOTS = ["crates/domain/src", "crates/store/src", "crates/api/src", "crates/server/src"]
PATH = re.compile(r"\b(crate|super)::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)")
# a `use crate::x::{a, b::c}` group: the names in braces are paths below x
GROUP = re.compile(r"\b(crate|super)::((?:[a-z_][a-z0-9_]*::)*)\{([^}]*)\}", re.S)


def module_of(src: pathlib.Path, file: pathlib.Path) -> str:
    parts = list(file.relative_to(src).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return "::".join(parts)


def strip_tests(text: str) -> str:
    """The code without its test module and without comments: a doc link to another module
    (`[`super::pipeline::run`]`) explains, it does not depend."""
    index = text.find("#[cfg(test)]")
    code = text if index < 0 else text[:index]
    return re.sub(r"//[^\n]*", "", code)


def resolve(path: str, modules: set) -> str | None:
    parts = path.split("::")
    while parts:
        candidate = "::".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def related(a: str, b: str) -> bool:
    return a == b or a == "" or b == "" or a.startswith(b + "::") or b.startswith(a + "::")


def edges_of(src: pathlib.Path):
    files = {module_of(src, f): f for f in src.rglob("*.rs")}
    modules = set(files)
    edges = {m: set() for m in modules}
    for module, file in files.items():
        text = strip_tests(file.read_text(encoding="utf-8"))
        parent = module.rsplit("::", 1)[0] if "::" in module else ""

        def absolute(anchor, rest):
            if anchor == "super" and parent:
                return parent + "::" + rest
            return rest

        paths = [absolute(m.group(1), m.group(2)) for m in PATH.finditer(text)]
        for group in GROUP.finditer(text):
            prefix = absolute(group.group(1), group.group(2))
            for name in re.split(r"[,\s]+", group.group(3)):
                name = name.strip().split(" as ")[0]
                if name and name != "self" and re.match(r"^[a-z_][a-z0-9_:]*$", name):
                    paths.append(prefix + name)
                elif name == "self":
                    paths.append(prefix.rstrip(":"))
        for path in paths:
            target = resolve(path, modules)
            if target is not None and not related(module, target):
                edges[module].add(target)
    return edges


def cycles(edges):
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def main() -> int:
    failed = False
    for root in ROOTS:
        src = pathlib.Path(root)
        if not src.is_dir():
            continue
        edges = edges_of(src)
        for component in cycles(edges):
            failed = True
            print(f"{root}: import cycle between modules: {', '.join(component)}")
            for member in component:
                inside = sorted(t for t in edges[member] if t in component)
                print(f"    {member} -> {', '.join(inside)}")
    if not failed:
        print("no import cycles between modules")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
