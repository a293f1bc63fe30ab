#!/usr/bin/env python3
"""Checks a site built by `notekit render --site`: every internal link and asset of every HTML
page resolves to a file of the site, and every `#fragment` to an id on its page. External URLs
(with a scheme) are not fetched.

The links notekit makes (pages `*.html`, `assets/...`, feeds, the search script, fragments) must
all resolve. A relative link an author wrote in plain Markdown to a file that is not a note
(`[x](notes.txt)`, `[x](url)`, `[x](/docs/a)`) is published as written; with --authors-links-as-written those that resolve
nowhere are counted, not failed (a corpus written elsewhere holds such links).

Usage: check_site_links.py [--authors-links-as-written] DIR [DIR...]; exits 1 on a broken link."""
import html.parser
import pathlib
import sys
import urllib.parse


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if value is not None and name in ("href", "src"):
                self.links.append((tag, name, value))


NOTEKIT_SUFFIXES = (".html", ".xml", ".js", ".json", ".css")


def made_by_notekit(path: str) -> bool:
    """True for the shapes of link notekit writes: pages, feeds, scripts, the stylesheet, copied assets."""
    bare = path
    while bare.startswith("../"):
        bare = bare[3:]
    return not path.startswith("/") and (bare.endswith(NOTEKIT_SUFFIXES) or bare.startswith("assets/"))


def check(root: pathlib.Path, authors_as_written: bool) -> list[str]:
    pages = {}
    for file in sorted(root.rglob("*.html")):
        page = Page()
        page.feed(file.read_text(encoding="utf-8"))
        pages[file.resolve()] = page
    problems, checked, as_written = [], 0, 0
    for file, page in pages.items():
        for tag, attribute, value in page.links:
            parsed = urllib.parse.urlsplit(value)
            if parsed.scheme or parsed.netloc:
                continue  # external
            if authors_as_written and parsed.path and not made_by_notekit(parsed.path):
                as_written += 1
                continue
            checked += 1
            target = (file.parent / urllib.parse.unquote(parsed.path)).resolve() if parsed.path else file
            if root.resolve() not in target.parents and target != root.resolve():
                problems.append(f"{file.relative_to(root.resolve())}: <{tag} {attribute}={value!r}> leads outside the site")
            elif not target.is_file():
                problems.append(f"{file.relative_to(root.resolve())}: <{tag} {attribute}={value!r}>: no file {target}")
            elif parsed.fragment and target.suffix == ".html" and urllib.parse.unquote(parsed.fragment) not in pages[target].ids:
                problems.append(f"{file.relative_to(root.resolve())}: <{tag} {attribute}={value!r}>: no id {parsed.fragment!r}")
    print(f"{root}: {len(pages)} pages, {checked} internal links and assets checked, {len(problems)} broken"
          + (f", {as_written} relative links written by authors left as written" if authors_as_written else ""))
    return problems


if __name__ == "__main__":
    arguments = sys.argv[1:]
    authors = "--authors-links-as-written" in arguments
    folders = [argument for argument in arguments if argument != "--authors-links-as-written"]
    problems = [problem for folder in folders for problem in check(pathlib.Path(folder), authors)]
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems or not folders else 0)
