#!/usr/bin/env python3
"""notekit at scale: `lint` on the corpus and on a synthetic vault of N notes built from it.

Usage: scripts/bench_scale.py [--notes N] [--scratch DIR] [--notekit PATH] [--corpus FOLDER]

Builds the vault with scripts/synth_vault.py in DIR/vault (default /tmp/notekit-scale; a
vault of the same size already there is reused), then runs
`notekit lint --no-cache --format json` on the corpus and on the vault, and the cmark-gfm CLI
over the same files (in batches of 1,000 files a process for the vault). Prints for each:
notes, wall time, CPU time (user + system), peak RSS, CPU per note; then the per-note cost
of the vault against the corpus (the issue's target: within 1.2) and lint's CPU against
cmark-gfm's (the target: 0.8). Exits 1 when lint fails (exit code above 1).
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import synth_vault  # noqa: E402

CMARK = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"]
BATCH = 1000


def measure(commands):
    """Runs commands one after the other: (wall s, CPU s, peak RSS MB of the largest, worst exit code)."""
    start = time.perf_counter()
    cpu, rss, code = 0.0, 0, 0
    for command in commands:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        cpu += usage.ru_utime + usage.ru_stime
        rss = max(rss, usage.ru_maxrss)
        code = max(code, os.waitstatus_to_exitcode(status))
    return time.perf_counter() - start, cpu, rss / 1024, code


def vault(scratch, notes, corpus):
    """DIR/vault with `notes` notes, built unless a vault of that size is there."""
    folder = os.path.join(scratch, "vault")
    marker = os.path.join(scratch, "notes")
    if os.path.isdir(folder) and os.path.exists(marker) and open(marker).read().strip() == f"{notes} {corpus}":
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(scratch, exist_ok=True)
    subprocess.run([sys.executable, os.path.join(HERE, "synth_vault.py"), "--notes", str(notes), "--corpus", corpus, folder],
                   check=True)
    with open(marker, "w") as handle:
        handle.write(f"{notes} {corpus}\n")
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--scratch", default="/tmp/notekit-scale")
    parser.add_argument("--notekit", default=os.path.join(HERE, "..", ".build", "release", "notekit"))
    parser.add_argument("--corpus", default=synth_vault.CORPUS)
    args = parser.parse_args()
    corpus = os.path.abspath(args.corpus)
    if not os.path.isdir(corpus):
        sys.exit(f"bench_scale: no corpus at {corpus}")
    folders = [("corpus", corpus), (f"synthetic vault", vault(args.scratch, args.notes, corpus))]
    rows = []
    failed = False
    for name, folder in folders:
        files = [os.path.join(folder, path) for path in synth_vault.markdown_files(folder)]
        batches = [CMARK + files[start:start + BATCH] for start in range(0, len(files), BATCH)]
        cmark = measure(batches)
        lint = measure([[args.notekit, "lint", "--no-cache", "--format", "json", folder]])
        if lint[3] > 1:
            print(f"bench_scale: lint exited {lint[3]} on {folder}", file=sys.stderr)
            failed = True
        rows.append((name, len(files), lint, cmark))
    print(f"{'job':<34} {'notes':>7} {'wall s':>8} {'CPU s':>8} {'RSS MB':>8} {'CPU ms/note':>12}")
    for name, count, lint, cmark in rows:
        for job, (wall, cpu, rss, _) in ((f"lint, {name}", lint), (f"cmark-gfm, {name}", cmark)):
            print(f"{job:<34} {count:>7} {wall:>8.2f} {cpu:>8.2f} {rss:>8.0f} {1000 * cpu / count:>12.3f}")
    (_, small, small_lint, small_cmark), (_, large, large_lint, large_cmark) = rows
    print(f"per-note cost, vault / corpus: CPU {large_lint[1] / large / (small_lint[1] / small):.2f}, "
          f"wall {large_lint[0] / large / (small_lint[0] / small):.2f} (target: within 1.2)")
    for name, lint, cmark in (("corpus", small_lint, small_cmark), ("vault", large_lint, large_cmark)):
        print(f"lint CPU / cmark-gfm CPU, {name}: {lint[1] / cmark[1]:.2f} (target: 0.8)")
    print(f"lint peak RSS, vault: {large_lint[2]:.0f} MB (target: at most 1,024)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
