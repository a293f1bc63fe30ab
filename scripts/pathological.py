#!/usr/bin/env python3
"""Writes notekit's pathological notes: one folder per case, each holding the generated
note beside a few normal notes (a copy of Notes/concepts), so every command runs on it as
it would inside a vault.

Usage: scripts/pathological.py [--scale S] [--only NAME[,NAME...]] FOLDER

The cases are issue 18's inputs (callouts, footnote references, definitions, wide tables,
second front-matter blocks, Obsidian syntax, backtick runs, deep nesting) and the
quadratic inputs of cmark's own test/pathological_tests.py, at sizes where a quadratic
code path takes seconds and a linear one milliseconds. --scale multiplies every size.
"""
import argparse
import os
import shutil
import sys

FRONT_MATTER = "---\ntitle: 'Pathological'\ntags:\n  - Bench\n---\n\n"
NORMAL_NOTES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Notes", "concepts")


def callouts(n):
    return "".join(f"> [!note] Callout {i}\n> A line of the callout body.\n\n" for i in range(n))


def query_callouts(n):
    return "".join(
        f"> [!info] **Perplexity Query** (2025-05-12T14:03:27.512Z)\n> **Question:**\n> Question {i}?\n>\n"
        f"> **Model:** sonar-pro\n\nAn answer.\n\n" for i in range(n))


def footnote_refs_one_line(n):
    return "Text" + "[^a]" * n + "\n\n[^a]: https://example.com/a\n"


def footnote_refs_per_line(n):
    return "".join(f"Line {i}[^a]\n" for i in range(n)) + "\n[^a]: https://example.com/a\n"


def definitions(n, same_url):
    refs = "".join(f"Claim {i}[^d{i}].\n" for i in range(n))
    defs = "".join(
        f"[^d{i}]: 2025, Apr 10. [Source {i}](https://example.com/{'same' if same_url else i}). Published: 2025-04-10\n"
        for i in range(n))
    return refs + "\n" + defs


def legacy_citations(n):
    return "".join(f"Said[{i % 50 + 1}] and[{i % 50 + 1}, {i % 49 + 1}].\n" for i in range(n)) + "\n" + "".join(
        f"[{i}]: https://example.org/legacy/{i}\n" for i in range(1, 51))


def table(columns, rows):
    line = "|" + "|".join(f" c{c} " for c in range(columns)) + "|\n"
    rule = "|" + "|".join(" --- " for _ in range(columns)) + "|\n"
    return line + rule + line * rows


def second_blocks(n):
    return "".join(f"---\nkey{i}: value\n---\n" for i in range(n))


def body(text):
    return FRONT_MATTER + text


# name -> the note's text at a scale. Cases are smaller where Debian's cmark-gfm (0.29.0.gfm.6)
# is itself quadratic on them (footnotes, definitions, wide tables, several of cmark's own cases),
# so that the run stays short.
CASES = {
    # issue 18's inputs
    "callouts": lambda s: body(callouts(int(10000 * s))),
    "query-callouts": lambda s: body(query_callouts(int(3000 * s))),
    "footnote-refs-one-line": lambda s: body(footnote_refs_one_line(int(50000 * s))),
    "footnote-refs-per-line": lambda s: body(footnote_refs_per_line(int(20000 * s))),
    "definitions-distinct-urls": lambda s: body(definitions(int(5000 * s), same_url=False)),
    "definitions-same-url": lambda s: body(definitions(int(5000 * s), same_url=True)),
    "legacy-citations": lambda s: body(legacy_citations(int(10000 * s))),
    "wide-table": lambda s: body(table(1000, int(30 * s))),
    "second-blocks": lambda s: body(second_blocks(int(20000 * s))),
    "wikilink-openers": lambda s: body("[[a" * int(100000 * s) + "\n"),
    "wikilink-brackets": lambda s: body("[[" * int(100000 * s) + "\n"),
    "wikilinks": lambda s: body("".join(f"[[Note {i % 100}#Part|alias]] " for i in range(int(50000 * s))) + "\n"),
    "embed-openers": lambda s: body("![[a|" * int(100000 * s) + "\n"),
    "comment-markers": lambda s: body("%%a " * int(100000 * s) + "\n"),
    "comment-lines": lambda s: body("%%\n" * int(100000 * s)),
    "highlight-markers": lambda s: body("==a " * int(100000 * s) + "\n"),
    "footnote-openers": lambda s: body("[^" * int(100000 * s) + "\n"),
    "footnote-openers-per-line": lambda s: body("[^a\n" * int(100000 * s)),
    "backtick-runs": lambda s: body("".join("e" + "`" * x for x in range(1, int(2500 * s)))),
    "nested-quotes-lines": lambda s: body("".join(">" * (i % 100) + " a\n" for i in range(int(20000 * s)))),
    # cmark's test/pathological_tests.py
    "cmark-nested-strong-emph": lambda s: body("*a **a " * int(32500 * s) + "b" + " a** a*" * int(32500 * s)),
    "cmark-emph-closers": lambda s: body("a_ " * int(32500 * s)),
    "cmark-emph-openers": lambda s: body("_a " * int(32500 * s)),
    "cmark-link-closers": lambda s: body("a]" * int(32500 * s)),
    "cmark-link-openers": lambda s: body("[a" * int(32500 * s)),
    "cmark-mismatched-emph": lambda s: body("*a_ " * int(25000 * s)),
    "cmark-issue-389": lambda s: body("*a " * int(5000 * s) + "_a*_ " * int(5000 * s)),
    "cmark-multiple-of-3": lambda s: body("a**b" + "c* " * int(25000 * s)),
    "cmark-link-openers-emph-closers": lambda s: body("[ a_" * int(25000 * s)),
    "cmark-bracket-paren": lambda s: body("[ (](" * int(40000 * s)),
    "cmark-image-links": lambda s: body("![[]()" * int(4000 * s)),
    "cmark-nested-brackets": lambda s: body("[" * int(25000 * s) + "a" + "]" * int(25000 * s)),
    "cmark-nested-quotes": lambda s: body("> " * int(25000 * s) + "a"),
    "cmark-nested-lists": lambda s: body("".join("  " * x + "* a\n" for x in range(int(500 * s)))),
    "cmark-unclosed-links-a": lambda s: body("[a](<b" * int(30000 * s)),
    "cmark-unclosed-links-b": lambda s: body("[a](b" * int(30000 * s)),
    "cmark-unclosed-comment": lambda s: body("</" + "<!--" * int(50000 * s)),
    "cmark-empty-lines-nested-lists": lambda s: body("- " * int(1000 * s) + "x" + "\n" * int(1000 * s)),
    "cmark-empty-lines-lists-in-quote": lambda s: body("> " + "- " * int(1000 * s) + "x\n" + ">\n" * int(1000 * s)),
    "cmark-emph-in-deep-quote": lambda s: body(">" * int(3000 * s) + "a*" * int(3000 * s)),
    "cmark-many-references": lambda s: body(
        "".join(f"[{x}]: u\n" for x in range(1, int(80000 * s))) + "[0] " * int(5000 * s)),
    "cmark-nested-inlines": lambda s: body("*" * int(20000 * s) + "a" + "*" * int(20000 * s)),
}


def write_case(folder, name, scale):
    """Writes one case's folder (the note `NAME.md` and the normal notes); returns its path."""
    case = os.path.join(folder, name)
    shutil.rmtree(case, ignore_errors=True)
    shutil.copytree(NORMAL_NOTES, os.path.join(case, "concepts"))
    with open(os.path.join(case, f"{name}.md"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(CASES[name](scale))
    return case


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--only", help="comma-separated case names")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        print(f"pathological: unknown case {', '.join(unknown)}", file=sys.stderr)
        return 2
    for name in names:
        path = write_case(args.folder, name, args.scale)
        print(f"{path}/{name}.md {os.path.getsize(os.path.join(path, name + '.md'))} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
