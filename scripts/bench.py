#!/usr/bin/env python3
"""notekit benchmark: times notekit jobs over a folder of notes against the cmark-gfm CLI
converting the same files in one process, in the same run, interleaved.

Usage: scripts/bench.py [--runs N] [--notekit PATH] [--scratch DIR] [FOLDER]

Prints, per job: median wall time, files/s, MB/s, peak RSS, and the ratio of its wall time
to cmark-gfm's; then the workspace and `notekit watch` latencies (scripts/watch_bench.py).
Jobs whose tool is not installed (yamllint, pymarkdown) are skipped.

The jobs' output (rendered notes, sites, caches, reports) goes to a scratch folder in
--scratch, by default $BENCH_SCRATCH or else /dev/shm when it is a writable memory file
system, so that the state of a disk (ext4 slows creating files after many were deleted)
does not decide the figures; `--scratch /tmp` measures on the disk.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import watch_bench  # noqa: E402

CMARK_EXTENSIONS = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"]


def markdown_files(folder):
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, f) for f in sorted(files) if f.endswith(".md")]
    return found


def run(command, cwd=None, env=None):
    """Runs a command; returns (wall seconds, peak RSS in KiB of the child, exit code, CPU
    seconds of the child: user + system, on every core)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime


def front_matter_files(files, directory):
    """Writes each note's front matter to its own .yaml file, for yamllint."""
    written = []
    for index, path in enumerate(files):
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        if not text.startswith("---\n"):
            continue
        end = text.find("\n---", 4)
        if end < 0:
            continue
        target = os.path.join(directory, f"{index}.yaml")
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text[4:end + 1])
        written.append(target)
    return written


def default_scratch():
    """A writable memory file system when there is one, else the system's temporary folder."""
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK):
        return shm
    return tempfile.gettempdir()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default="../shared/corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--notekit", default=".build/release/notekit")
    parser.add_argument("--scratch", default=os.environ.get("BENCH_SCRATCH") or default_scratch(),
                        help="where the jobs write (default: /dev/shm when writable)")
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        print(f"bench: {args.folder} not found; nothing to measure", file=sys.stderr)
        return 2
    files = markdown_files(args.folder)
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    scratch = tempfile.mkdtemp(prefix="notekit-bench-", dir=args.scratch)
    notekit = os.path.abspath(args.notekit)
    jobs = [
        ("cmark-gfm CLI (reference, 1 process)", ["cmark-gfm", *CMARK_EXTENSIONS, *files]),
        ("notekit parse", [notekit, "parse", "--format", "json", args.folder]),
        ("notekit lint (all rules)", [notekit, "lint", "--no-cache", "--quiet", "--format", f"json:{scratch}/lint.json", args.folder]),
        ("notekit citations report", [notekit, "citations", "report", "--format", "json", "--output", f"{scratch}/citations.json", args.folder]),
        ("notekit render (md)", [notekit, "render", "--format", "md", "--output", f"{scratch}/render", args.folder]),
    ]
    # What each job reads, for its rates: the whole folder unless it is a sample.
    inputs = {}
    subcommands = subprocess.run([notekit, "--help"], capture_output=True, text=True).stdout
    if "\n  fix " in subcommands:
        jobs.append(("notekit fix --diff", [notekit, "fix", "--diff", args.folder]))
    if shutil.which("yamllint"):
        yaml_files = front_matter_files(files, scratch)
        jobs.append((f"yamllint ({len(yaml_files)} front matters)", ["yamllint", "-d", "relaxed", *yaml_files]))
        inputs[jobs[-1][0]] = yaml_files
    if shutil.which("pymarkdown"):
        sample = files[:100]
        jobs.append((f"pymarkdown scan (first {len(sample)} files)", ["pymarkdown", "scan", *sample]))
        inputs[jobs[-1][0]] = sample
    # The lint cache (docs/workspace.md) on a copy of the folder, with its cache in the scratch
    # folder: a run on the unchanged vault, and a run after one note was touched.
    vault = os.path.join(scratch, "vault")
    shutil.copytree(args.folder, vault, ignore=shutil.ignore_patterns(".*"))
    cached_env = dict(os.environ, XDG_CACHE_HOME=os.path.join(scratch, "cache"))
    cached_lint = [notekit, "lint", "--quiet", "--format", f"json:{scratch}/lint-cached.json", vault]
    touched = os.path.join(vault, os.path.relpath(files[len(files) // 2], args.folder))
    original = open(touched, "rb").read()

    def touch_one_note(run_index):
        with open(touched, "wb") as handle:
            handle.write(original + (f"\n\nTouched {run_index}.\n".encode() if run_index % 2 == 0 else b""))

    cache_jobs = {"notekit lint, cache warm (unchanged vault)": None, "notekit lint, cache after touching one note": touch_one_note}
    jobs += [(name, cached_lint) for name in cache_jobs]
    # Output of an earlier run is moved aside, not deleted, and deleted only after every run:
    # deleting thousands of files just before a timed run makes that run's file creation
    # several times slower on ext4 (the freed inodes are still being released), which would
    # time the file system's clean-up of the bench, not the job.
    aside = os.path.join(scratch, "aside")
    os.makedirs(aside)

    def set_aside(path):
        if os.path.exists(path):
            os.rename(path, os.path.join(aside, f"{len(os.listdir(aside))}"))

    def empty_render(run_index):
        set_aside(f"{scratch}/render")

    render_jobs = {"notekit render (md)": empty_render}
    # render --site (docs/site.md) of every note: a full site into an empty folder, and the
    # rebuild after one essay was edited (the site up to date before the edit).
    site_vault = os.path.join(scratch, "site-vault")
    shutil.copytree(args.folder, site_vault, ignore=shutil.ignore_patterns(".*"))
    with open(os.path.join(site_vault, ".notekit.yml"), "w") as handle:
        handle.write('site:\n  title: Bench\n  collections:\n    All: "**"\n')
    site_output = os.path.join(scratch, "site")
    site = [notekit, "render", "--site", "--output", site_output, site_vault]
    site_notes = markdown_files(site_vault)
    essays = [f for f in site_notes if f"{os.sep}essays{os.sep}" in f] or site_notes
    edited = essays[len(essays) // 2]
    edited_original = open(edited, "rb").read()

    def empty_site(run_index):
        # A cold build: no site and no cache of note facts (docs/site.md, "Incremental builds").
        set_aside(site_output)
        set_aside(os.path.join(site_vault, ".notekit_cache"))

    def edit_one_essay(run_index):
        run(site)
        with open(edited, "wb") as handle:
            handle.write(edited_original + f"\n\nEdited {run_index}.\n".encode())

    site_jobs = {"notekit render --site (full site)": empty_site, "notekit render --site, one essay edited": edit_one_essay}
    jobs += [(name, site) for name in site_jobs]
    run(cached_lint, env=cached_env)  # fills the cache
    times = {name: [] for name, _ in jobs}
    cpu_times = {name: [] for name, _ in jobs}
    memory = {name: 0 for name, _ in jobs}
    for index in range(args.runs):
        for name, command in jobs:
            env = None
            if name in cache_jobs:
                env = cached_env
                run(cached_lint, env=env)  # the cache as the previous run left it
                if cache_jobs[name]:
                    cache_jobs[name](index)
            if name in site_jobs:
                site_jobs[name](index)
            if name in render_jobs:
                render_jobs[name](index)
            # What earlier jobs and the set-up wrote reaches the disk before the clock starts.
            os.sync()
            wall, rss, _, cpu = run(command, env=env)
            times[name].append(wall)
            cpu_times[name].append(cpu)
            memory[name] = max(memory[name], rss)
    reference = statistics.median(times[jobs[0][0]])
    reference_cpu = statistics.median(cpu_times[jobs[0][0]])
    print(f"{len(files)} files, {megabytes:.1f} MB, {args.runs} interleaved runs each, {os.cpu_count()} cores; "
          f"median wall time and median CPU time (user + system, all cores); output in {args.scratch}")
    print(f"{'job':44} {'wall s':>8} {'files/s':>9} {'MB/s':>7} {'peak RSS MB':>12} {'/ cmark':>8} {'CPU s':>7} {'CPU / cmark':>12}")
    for name, _ in jobs:
        wall = statistics.median(times[name])
        cpu = statistics.median(cpu_times[name])
        read = inputs.get(name, files)
        read_megabytes = sum(os.path.getsize(f) for f in read) / 1e6
        print(f"{name:44} {wall:8.3f} {len(read) / wall:9.0f} {read_megabytes / wall:7.1f} {memory[name] / 1024:12.1f} {wall / reference:8.2f}"
              f" {cpu:7.3f} {cpu / reference_cpu:12.2f}")
    cold = statistics.median(times["notekit lint (all rules)"])
    lint_cpu = statistics.median(cpu_times["notekit lint (all rules)"])
    print(f"lint CPU: {lint_cpu / reference_cpu:.2f}x the cmark-gfm CLI's CPU (aim 0.8x)")
    for name in cache_jobs:
        print(f"{name}: {statistics.median(times[name]) / cold:.0%} of the cold lint (--no-cache)")
    full_site, rebuild = (statistics.median(times[name]) for name in site_jobs)
    print(f"render --site: full site {full_site / reference:.2f}x the cmark-gfm CLI (target 2x); "
          f"one edited essay rebuilt in {rebuild * 1000:.0f} ms (target 200 ms)")
    # The workspace (docs/workspace.md): one essay edited again and again, in one process.
    workspace = subprocess.run([notekit, "bench-workspace", "--edits", "200", args.folder], capture_output=True, text=True)
    print(workspace.stdout.strip() or workspace.stderr.strip())
    # notekit lsp (docs/lsp.md): first diagnostics after initialize, didChange, completion, memory.
    lsp = subprocess.run([notekit, "bench-lsp", "--edits", "200", args.folder], capture_output=True, text=True)
    print(lsp.stdout.strip() or lsp.stderr.strip())
    shutil.rmtree(scratch, ignore_errors=True)
    # notekit watch (docs/watch.md): settle -> findings printed, and a 1,000-note checkout.
    lines, one_batch = watch_bench.measure(notekit, args.folder)
    print("\n".join(lines))
    return 0 if one_batch else 1


if __name__ == "__main__":
    sys.exit(main())
