#!/usr/bin/env python3
"""Checks a site built by `notekit render --site`: every internal link and asset of every HTML
page resolves to a file of the site, and every `#fragment` to an id on its page. External URLs
(with a scheme) are not fetched. Usage: check_site_links.py DIR [DIR...]; exits 1 on any broken link."""
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


def check(root: pathlib.Path) -> list[str]:
    pages = {}
    for file in sorted(root.rglob("*.html")):
        page = Page()
        page.feed(file.read_text(encoding="utf-8"))
        pages[file.resolve()] = page
    problems, checked = [], 0
    for file, page in pages.items():
        for tag, attribute, value in page.links:
            parsed = urllib.parse.urlsplit(value)
            if parsed.scheme or parsed.netloc:
                continue  # external
            checked += 1
            target = (file.parent / urllib.parse.unquote(parsed.path)).resolve() if parsed.path else file
            if root.resolve() not in target.parents and target != root.resolve():
                problems.append(f"{file.relative_to(root.resolve())}: <{tag} {attribute}={value!r}> leads outside the site")
            elif not target.is_file():
                problems.append(f"{file.relative_to(root.resolve())}: <{tag} {attribute}={value!r}>: no file {target}")
            elif parsed.fragment and target.suffix == ".html" and urllib.parse.unquote(parsed.fragment) not in pages[target].ids:
                problems.append(f"{file.relative_to(root.resolve())}: <{tag} {attribute}={value!r}>: no id {parsed.fragment!r}")
    print(f"{root}: {len(pages)} pages, {checked} internal links and assets checked, {len(problems)} broken")
    return problems


if __name__ == "__main__":
    problems = [problem for folder in sys.argv[1:] for problem in check(pathlib.Path(folder))]
    for problem in problems:
        print(problem, file=sys.stderr)
    sys.exit(1 if problems or len(sys.argv) < 2 else 0)
