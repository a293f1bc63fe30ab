#!/usr/bin/env python3
"""Prints the man page notekit(1) of a built notekit, from the command tree the binary
describes with `--experimental-dump-help` (swift-argument-parser): every command with its
abstract, discussion, arguments and options. Usage: scripts/manpage.py [NOTEKIT] > notekit.1"""
import json
import subprocess
import sys


def roff(text: str) -> str:
    """`text` as roff body text: backslashes escaped, no line starting a request."""
    lines = text.replace("\\", "\\e").replace("-", "\\-").split("\n")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in lines)


def synopsis(argument: dict) -> str:
    names = argument.get("names") or []
    preferred = argument.get("preferredName") or (names[0] if names else None)
    value = argument.get("valueName", "")
    if argument["kind"] == "positional":
        text = value.upper()
    else:
        dashes = "-" if preferred and preferred["kind"] == "short" else "--"
        text = dashes + (preferred["name"] if preferred else value)
        if argument["kind"] == "option":
            text += " " + value.upper()
    if argument.get("isRepeating"):
        text += "..."
    return f"[{text}]" if argument.get("isOptional") else text


def visible(command: dict) -> list:
    return [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)
            and not any(n["name"] in ("help", "version") for n in a.get("names") or [])]


def section(command: dict, path: list, out: list) -> None:
    arguments = visible(command)
    out.append(f'.SS "{roff(" ".join(path + [synopsis(a) for a in arguments]))}"')
    for text in (command.get("abstract"), command.get("discussion")):
        if text:
            out += [".PP", roff(text)]
    for argument in arguments:
        out += [".TP", f"\\fB{roff(synopsis(argument).strip('[]'))}\\fR"]
        help = argument.get("abstract", "")
        if argument.get("defaultValue") and argument["kind"] == "option":
            help += f" (default: {argument['defaultValue']})"
        out.append(roff(help) or "\\&")
    for sub in command.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            section(sub, path + [sub["commandName"]], out)


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else "notekit"
    root = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True,
                                     capture_output=True, text=True).stdout)["command"]
    version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    out = [f'.TH NOTEKIT 1 "" "notekit {roff(version)}" "User Commands"',
           ".SH NAME", f"notekit \\- {roff(root.get('abstract', ''))}",
           ".SH SYNOPSIS", ".B notekit", ".I COMMAND", "[OPTIONS] [PATH...]",
           ".SH COMMANDS"]
    for sub in root.get("subcommands", []):
        if sub.get("shouldDisplay", True) and sub["commandName"] != "help":
            section(sub, ["notekit", sub["commandName"]], out)
    out += [".SH EXIT STATUS",
            "0 success, 1 findings or file errors, 2 usage, configuration or I/O failure.",
            ".SH SEE ALSO",
            "The README and docs/ of the notekit repository; \\fBnotekit rules\\fR and "
            "\\fBnotekit explain RULE\\fR for the lint rules."]
    print("\n".join(out))


main()
