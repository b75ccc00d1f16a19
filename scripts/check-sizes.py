#!/usr/bin/env python3
"""Fails when a Rust source file or function in `crates/` is too long to read in one go.

Checked: `crates/*/src/**/*.rs` except the migrations crate and test files (`*tests*.rs`).
`#[cfg(test)]` items (the usual `mod tests { … }`) are left out of both counts.

* a file over MAX_FILE_LINES lines (not counting its test items);
* a function over MAX_FN_LINES lines, from its `fn` line to its closing brace (methods and
  nested functions included, closures not).

Prints each offender as `path:line: …` and exits 1 if there is any. `--max-file` and `--max-fn`
override the limits.
"""
import argparse
import pathlib
import re
import sys

MAX_FILE_LINES = 450
MAX_FN_LINES = 80
EXCLUDED_CRATES = {"migration"}

FN = re.compile(
    r"^[ \t]*(?:pub(?:\([^)]*\))?\s+)?(?:default\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?"
    r"(?:extern\s+\"[^\"]*\"\s+)?fn\s+([A-Za-z_][A-Za-z0-9_]*)",
    re.M,
)
CFG_TEST = re.compile(r"#\[cfg\(test\)\]")


def blank_literals(text: str) -> str:
    """The text with comments, strings and char literals replaced by spaces (newlines kept), so
    that braces and semicolons in them do not count."""
    out = []
    i, n = 0, len(text)

    def blank(segment: str) -> str:
        return "".join("\n" if c == "\n" else " " for c in segment)

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(blank(text[i:end]))
            i = end
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(blank(text[i:j]))
            i = j
        elif raw := re.match(r'b?r(#*)"', text[i:]):
            if i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
                out.append(c)
                i += 1
                continue
            closing = '"' + raw.group(1)
            end = text.find(closing, i + raw.end())
            end = n if end < 0 else end + len(closing)
            out.append(blank(text[i:end]))
            i = end
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(blank(text[i : j + 1]))
            i = j + 1
        elif c == "'":
            # A char literal ('x', '\n', '\u{1F600}') or a lifetime ('a), which is left alone.
            literal = re.match(r"'(?:\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", text[i:])
            if literal:
                out.append(blank(literal.group(0)))
                i += literal.end()
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def matching_brace(text: str, open_at: int) -> int:
    depth = 0
    for j in range(open_at, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(text) - 1


def item_end(text: str, start: int) -> int | None:
    """Where the item starting at `start` ends: its body's closing brace, or the `;` of a
    declaration without a body (`fn f();`, `mod tests;`). `None` if neither is found."""
    nesting = 0
    for j in range(start, len(text)):
        c = text[j]
        if c in "([":
            nesting += 1
        elif c in ")]":
            nesting -= 1
        elif c == ";" and nesting == 0:
            return j
        elif c == "{" and nesting == 0:
            return matching_brace(text, j)
    return None


def without_test_items(text: str) -> tuple[str, int]:
    """Blanks every item marked `#[cfg(test)]` (keeping newlines, so line numbers stay); also
    answers how many lines those items took."""
    chars = list(text)
    removed = 0
    for mark in CFG_TEST.finditer(text):
        end = item_end(text, mark.end())
        if end is None:
            continue
        removed += text.count("\n", mark.start(), end) + 1
        for j in range(mark.start(), end + 1):
            if chars[j] != "\n":
                chars[j] = " "
    return "".join(chars), removed


def line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def check_file(path: pathlib.Path, shown: pathlib.Path, max_file: int, max_fn: int) -> list[str]:
    source = path.read_text(encoding="utf-8")
    text, test_lines = without_test_items(blank_literals(source))
    problems = []
    counted = len(source.splitlines()) - test_lines
    if counted > max_file:
        problems.append(f"{shown}:1: file has {counted} lines without its tests (max {max_file})")
    for match in FN.finditer(text):
        end = item_end(text, match.end())
        if end is None or text[end] != "}":
            continue
        first, last = line_of(text, match.start()), line_of(text, end)
        length = last - first + 1
        if length > max_fn:
            problems.append(f"{shown}:{first}: fn {match.group(1)} has {length} lines (max {max_fn})")
    return problems


def sources(root: pathlib.Path):
    for path in sorted(root.glob("crates/*/src/**/*.rs")):
        crate = path.relative_to(root / "crates").parts[0]
        if crate in EXCLUDED_CRATES or "tests" in path.name:
            continue
        yield path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-file", type=int, default=MAX_FILE_LINES)
    parser.add_argument("--max-fn", type=int, default=MAX_FN_LINES)
    parser.add_argument("root", nargs="?", default=".", help="the workspace root")
    args = parser.parse_args()
    root = pathlib.Path(args.root)
    problems = []
    for path in sources(root):
        problems.extend(check_file(path, path.relative_to(root), args.max_file, args.max_fn))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} oversized file(s) or function(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
