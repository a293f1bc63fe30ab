#!/usr/bin/env python3
"""Builds a synthetic vault of N notes from the shapes of a corpus of real notes (stdlib only).

Usage: scripts/synth_vault.py [--notes N] [--corpus FOLDER] DEST

The corpus (default ../shared/corpus) is copied again and again into DEST/copy-000/,
DEST/copy-001/, ... until N notes (default 100,000) are written; the last copy takes the
corpus' first notes in path order. Copy 0 is the corpus as it is. In every other copy k,
what the vault-wide rules compare is made unique with the suffix `-ck`, so that the vault
is one realistic vault rather than many copies of the same duplicates:

- file names (`Note.md` becomes `Note-c7.md`), and every wikilink and embed target with them
  (`[[Note#Part|shown]]` becomes `[[Note-c7#Part|shown]]`), and `aliases:` items: a link
  that resolves in the corpus resolves within its copy, one that does not still does not;
- `title:` values;
- UUIDs and UUID-shaped values (hex digits replaced by ones derived from it and k, version,
  variant and stray letters kept);
- footnote labels that are not numbers: 6-character base36 ids get another vault-unique
  id of the same form, others the suffix (numeric labels are per note and stay);
- URLs: their host gets the prefix `ck.`, so a source cited in several copies is one
  source per copy, as citation ids are.

The notes of the corpus are never changed; DEST must not exist or be empty.
"""
import argparse
import hashlib
import os
import re
import sys

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus")
WIKILINK = re.compile(r"(!?\[\[)([^\]\n|#^]*)")
FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
BASE36_ID = re.compile(r"[0-9a-z]{6}")
# UUIDs, and UUID-shaped values with a stray letter (still compared by the duplicate rule).
UUID = re.compile(r"\b[0-9a-zA-Z]{8}-[0-9a-zA-Z]{4}-[0-9a-zA-Z]{4}-[0-9a-zA-Z]{4}-[0-9a-zA-Z]{12}\b")
URL_HOST = re.compile(r"(https?://)(?=[A-Za-z0-9])")
ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def markdown_files(folder):
    """The corpus' notes, relative to it, in path order."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.relpath(os.path.join(root, f), folder) for f in sorted(files) if f.endswith(".md")]
    return sorted(found)


def digest(*parts):
    return hashlib.sha1("\0".join(parts).encode()).digest()


def suffixed_name(name, suffix):
    """A file or link name with the suffix before a `.md` extension, else at its end."""
    stripped = name.rstrip()
    trailing = name[len(stripped):]
    if stripped.lower().endswith(".md"):
        return stripped[:-3] + suffix + stripped[-3:] + trailing
    return stripped + suffix + trailing if stripped else name


class Copier:
    """Rewrites notes for copy k; ids stay unique across every copy of one run."""

    def __init__(self, corpus_ids):
        self.used = set(corpus_ids)
        self.ids = {}

    def citation_id(self, label, k):
        key = (label, k)
        if key not in self.ids:
            attempt = 0
            while True:
                raw = digest("id", label, str(k), str(attempt))
                new = "".join(ALPHABET[b % 36] for b in raw[:6])
                attempt += 1
                if new not in self.used and not new.isdigit():
                    break
            self.used.add(new)
            self.ids[key] = new
        return self.ids[key]

    def rewrite(self, text, k):
        if k == 0:
            return text
        suffix = f"-c{k}"
        text = self.front_matter(text, suffix)
        text = WIKILINK.sub(lambda m: m.group(1) + self.link_target(m.group(2), suffix), text)
        text = FOOTNOTE.sub(lambda m: "[^" + self.label(m.group(1), k, suffix) + "]", text)
        text = UUID.sub(lambda m: self.uuid(m.group(0), k), text)
        return URL_HOST.sub(lambda m: m.group(1) + f"c{k}.", text)

    @staticmethod
    def link_target(target, suffix):
        if not target.strip():
            return target  # [[#heading]]: a link within the note
        head, _, last = target.rpartition("/")
        return (head + "/" if head else "") + suffixed_name(last, suffix)

    def label(self, label, k, suffix):
        if label.isdigit():
            return label
        if BASE36_ID.fullmatch(label):
            return self.citation_id(label, k)
        return label + suffix

    @staticmethod
    def uuid(value, k):
        """Another value of the same shape: hex digits replaced, other letters, version and variant kept."""
        fresh = digest("uuid", value.lower(), str(k)).hex()
        upper = any(c in "ABCDEF" for c in value) and not any(c in "abcdef" for c in value)
        chars, digit = [], 0
        for index, char in enumerate(value):
            if char == "-" or index in (14, 19) or char not in "0123456789abcdefABCDEF":
                chars.append(char)
            else:
                chars.append(fresh[digit].upper() if upper else fresh[digit])
            digit += char != "-"
        return "".join(chars)

    def front_matter(self, text, suffix):
        """`title:` and `aliases:` values suffixed, in a leading `---` block."""
        if not text.startswith("---\n"):
            return text
        end = text.find("\n---", 3)
        if end < 0:
            return text
        lines = text[4:end].split("\n")
        in_aliases = False
        for index, line in enumerate(lines):
            if in_aliases and re.match(r"\s*- ", line):
                dash, _, item = line.partition("- ")
                lines[index] = dash + "- " + self.scalar(item, suffix)
                continue
            in_aliases = False
            key, colon, value = line.partition(":")
            if not colon or key != key.strip():
                continue
            if key == "title" and value.strip():
                lines[index] = key + ": " + self.scalar(value.strip(), suffix)
            elif key == "aliases":
                stripped = value.strip()
                if stripped.startswith("[") and stripped.endswith("]"):
                    items = [self.scalar(item.strip(), suffix) for item in stripped[1:-1].split(",") if item.strip()]
                    lines[index] = key + ": [" + ", ".join(items) + "]"
                elif stripped:
                    lines[index] = key + ": " + self.scalar(stripped, suffix)
                else:
                    in_aliases = True
        return "---\n" + "\n".join(lines) + text[end:]

    @staticmethod
    def scalar(value, suffix):
        """A YAML scalar with the suffix inside its quotes, if any."""
        stripped = value.rstrip()
        if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "\"'":
            return stripped[:-1] + suffix + stripped[-1]
        return stripped + suffix if stripped else value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dest", help="the folder to write the vault into (created; must be empty)")
    parser.add_argument("--notes", type=int, default=100_000, help="how many notes (default 100,000)")
    parser.add_argument("--corpus", default=CORPUS, help="the notes to copy (default ../shared/corpus)")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit(f"synth_vault: no corpus at {args.corpus}")
    if os.path.isdir(args.dest) and os.listdir(args.dest):
        sys.exit(f"synth_vault: {args.dest} is not empty")
    files = markdown_files(args.corpus)
    if not files:
        sys.exit(f"synth_vault: no notes in {args.corpus}")
    texts = []
    for path in files:
        with open(os.path.join(args.corpus, path), "rb") as handle:
            texts.append(handle.read().decode("utf-8", errors="surrogateescape"))
    corpus_ids = {m.group(1) for text in texts for m in FOOTNOTE.finditer(text) if BASE36_ID.fullmatch(m.group(1))}
    copier = Copier(corpus_ids)
    written = 0
    k = 0
    while written < args.notes:
        for path, text in zip(files, texts):
            if written == args.notes:
                break
            folder, name = os.path.split(path)
            if k:
                name = suffixed_name(name, f"-c{k}")
            target = os.path.join(args.dest, f"copy-{k:03d}", folder, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(copier.rewrite(text, k).encode("utf-8", errors="surrogateescape"))
            written += 1
        k += 1
    print(f"synth_vault: {written} notes in {k} copies of {len(files)} under {args.dest}")


if __name__ == "__main__":
    main()
