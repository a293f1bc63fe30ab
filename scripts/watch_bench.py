#!/usr/bin/env python3
"""notekit watch latency (issue 15): on a temporary git copy of a folder of notes (the corpus),
runs `notekit watch --format jsonl --timings` and measures

- settle → findings printed for one edited note: the time from the moment the debounce
  expired to the findings written, as the watcher's hidden --timings reports it, over EDITS
  edits of one note typing a sentence (target: 20 ms), then EDITS edits adding a wikilink
  (the link rules run again over the notes holding the names it looks up);
- a checkout of a branch that changes 1,000 notes: handled in one batch, and how long that
  batch took after settling.

Usage: scripts/watch_bench.py [--notekit PATH] [--edits N] [--debounce S] [FOLDER]
Exits 1 when a checkout takes more than one batch or the watcher does not answer.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

TIMING = re.compile(r"notekit watch: timing: (\d+) paths handled and printed in ([0-9.]+) ms after settling")


class Watch:
    """A running `notekit watch`, its standard output and error collected by threads."""

    def __init__(self, command, cwd):
        self.process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.out, self.err, self.lock = [], [], threading.Lock()
        for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err)):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()

    def _read(self, stream, lines):
        for line in stream:
            with self.lock:
                lines.append(line.decode("utf-8", "replace").rstrip("\n"))

    def timings(self):
        with self.lock:
            return [(int(m.group(1)), float(m.group(2))) for m in map(TIMING.search, self.err) if m]

    def batches(self):
        with self.lock:
            return [line for line in self.out if line.startswith('{"batch"')]

    def wait(self, condition, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.01)
        return condition()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def git(vault, *arguments):
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com", *arguments],
                   cwd=vault, check=True, stdout=subprocess.DEVNULL)


def measure(notekit, folder, edits=20, debounce=0.3, checkout_files=1000):
    """Runs the measures; returns lines to print and whether the checkout was one batch."""
    scratch = tempfile.mkdtemp(prefix="notekit-watch-bench-")
    vault = os.path.join(scratch, "vault")
    try:
        shutil.copytree(folder, vault, ignore=shutil.ignore_patterns(".*"))
        notes = sorted(os.path.relpath(os.path.join(root, name), vault)
                       for root, dirs, files in os.walk(vault) for name in files if name.endswith(".md"))
        git(vault, "init", "-q", "-b", "main")
        git(vault, "add", "-A")
        git(vault, "commit", "-qm", "corpus")
        # The branch a checkout brings in: a line added to the first 1,000 notes.
        changed = notes[:checkout_files]
        git(vault, "checkout", "-q", "-b", "bench-other")
        for note in changed:
            with open(os.path.join(vault, note), "a", encoding="utf-8") as handle:
                handle.write("\nA line from another branch.\n")
        git(vault, "commit", "-qam", "other")
        git(vault, "checkout", "-q", "main")

        started = time.monotonic()
        watch = Watch([notekit, "watch", "--format", "jsonl", "--debounce", str(debounce), "--timings", "."], vault)
        if not watch.wait(lambda: any("notekit watch: watching" in line for line in watch.err)):
            return [f"watch: did not start: {watch.err[-5:]}"], False
        load = time.monotonic() - started
        edited = os.path.join(vault, notes[len(notes) // 2])
        original = open(edited, encoding="utf-8").read()
        # Typing (a sentence appended: no vault rule's facts change), then a new wikilink each
        # time (the link rules run again over the vault).
        for index in range(2 * edits):
            count = len(watch.timings())
            added = f"Edit {index} adds a sentence." if index < edits else f"Edit {index} links [[a missing note {index}]]."
            with open(edited, "w", encoding="utf-8") as handle:
                handle.write(original + "\n" + added + "\n")
            if not watch.wait(lambda: len(watch.timings()) > count, timeout=30):
                return ["watch: no batch for an edit"], False
        prose = [milliseconds for _, milliseconds in watch.timings()[:edits]]
        links = [milliseconds for _, milliseconds in watch.timings()[edits:2 * edits]]
        # The note as committed again, so that the checkout finds a clean working tree.
        count = len(watch.timings())
        with open(edited, "w", encoding="utf-8") as handle:
            handle.write(original)
        watch.wait(lambda: len(watch.timings()) > count, timeout=30)

        before = len(watch.timings())
        git(vault, "checkout", "-q", "bench-other")
        one_batch = watch.wait(lambda: len(watch.timings()) > before, timeout=120)
        time.sleep(debounce * 4 + 1)
        checkout = watch.timings()[before:]
        watch.stop()
        lines = [
            f"notekit watch on {len(notes)} notes (loaded in {load:.1f} s), debounce {debounce} s:",
            f"  one note, a sentence typed, settle -> findings printed: median {statistics.median(prose):.1f} ms, "
            f"max {max(prose):.1f} ms over {len(prose)} edits (target 20 ms)",
            f"  one note, a new wikilink, settle -> findings printed: median {statistics.median(links):.1f} ms, "
            f"max {max(links):.1f} ms over {len(links)} edits",
        ]
        if checkout:
            lines.append(f"  checkout of {len(changed)} changed notes: {len(checkout)} batch(es), "
                         f"{checkout[0][0]} paths, handled and printed in {checkout[0][1]:.0f} ms after settling")
        return lines, one_batch and len(checkout) == 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default="../shared/corpus")
    parser.add_argument("--notekit", default=".build/release/notekit")
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--debounce", type=float, default=0.3)
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        print(f"watch bench: {args.folder} not found; nothing to measure", file=sys.stderr)
        return 2
    lines, one_batch = measure(os.path.abspath(args.notekit), args.folder, args.edits, args.debounce)
    print("\n".join(lines))
    if not one_batch:
        print("watch bench: the checkout was not handled in one batch", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
