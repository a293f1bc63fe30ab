#!/usr/bin/env python3
"""The cases of YAML's conformance suite (github.com/yaml/yaml-test-suite, `data` branch)
that can be front matter: one document, not an error case, a mapping at the root, with an
in.json, and no `---`, `...` or `%` directive line (which would end the front matter).

Usage: scripts/yaml-suite.py DATA_DIR [--swift OUT.swift] [--pyyaml]

--swift writes the cases as Swift source (Tests/NoteParserTests/YAMLSuiteCases.swift, read
by YAMLSuiteTests); --pyyaml prints how many PyYAML reads as in.json says (with libyaml's
CSafeLoader when PyYAML has it, and its pure-Python SafeLoader).
"""
import argparse
import json
import os
import re
import sys

HEADER = """// The mapping-shaped single-document cases of the YAML test suite
// (https://github.com/yaml/yaml-test-suite, `data` branch), written by scripts/yaml-suite.py.
//
// MIT License
//
// Copyright (c) 2016-2020 Ingy döt Net
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.
"""


def cases(data):
    selected = []
    for root, dirs, files in os.walk(data):
        dirs[:] = [d for d in dirs if d not in ("name", "tags")]  # symlinks to the cases
        if "in.yaml" not in files or "in.json" not in files or "error" in files:
            continue
        events = open(os.path.join(root, "test.event"), encoding="utf-8").read().split("\n")
        starts = [i for i, line in enumerate(events) if line.startswith("+DOC")]
        if len(starts) != 1 or not events[starts[0] + 1].startswith("+MAP"):
            continue
        yaml = open(os.path.join(root, "in.yaml"), encoding="utf-8", newline="").read()
        if any(re.match(r"(---|\.\.\.)(\s|$)|%", line) for line in yaml.split("\n")):
            continue
        text = open(os.path.join(root, "in.json"), encoding="utf-8").read()
        selected.append((os.path.relpath(root, data), yaml, text))
    return sorted(selected)


def swift_string(text):
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 or ord(char) in (0x2028, 0x2029, 0xFEFF):
            out.append("\\u{%X}" % ord(char))
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def write_swift(selected, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEADER + "\n")
        out.write("/// (id, in.yaml, in.json) of each case.\n")
        out.write("let yamlSuiteCases: [(id: String, yaml: String, json: String)] = [\n")
        for case, yaml, text in selected:
            compact = json.dumps(json.loads(text), ensure_ascii=False)
            out.write("    (%s, %s, %s),\n" % (swift_string(case), swift_string(yaml), swift_string(compact)))
        out.write("]\n")


def pyyaml(selected):
    import yaml
    loaders = [("SafeLoader", yaml.SafeLoader)]
    if hasattr(yaml, "CSafeLoader"):
        loaders.insert(0, ("CSafeLoader (libyaml)", yaml.CSafeLoader))
    for name, loader in loaders:
        agreed = 0
        for _, text, expected in selected:
            try:
                value = json.loads(json.dumps(yaml.load(text, Loader=loader), default=str))
            except Exception:
                continue
            agreed += value == json.loads(expected)
        print(f"PyYAML {yaml.__version__} {name}: {agreed} of {len(selected)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data")
    parser.add_argument("--swift")
    parser.add_argument("--pyyaml", action="store_true")
    args = parser.parse_args()
    selected = cases(args.data)
    print(f"{len(selected)} cases", file=sys.stderr)
    if args.swift:
        write_swift(selected, args.swift)
    if args.pyyaml:
        pyyaml(selected)


if __name__ == "__main__":
    main()
