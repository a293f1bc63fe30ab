"""notekit lsp as an editor drives it: open, incremental change, code actions, completion, rename, errors."""
import pathlib
import shutil
import subprocess

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound
from pytest_lsp import LanguageClient

from conftest import NOTEKIT, copy_of_notes

NOTE = "faults/Legacy Citations.md"


async def settled(client: LanguageClient, uri: str):
    """Waits for the answer to a request sent after the notifications so far: the server answers
    in order, so every diagnostic it published for them has arrived (the first publish of a note
    opened before the vault loads has its note rules' findings only, the next one all)."""
    await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))


async def open_note(client: LanguageClient, vault: pathlib.Path, path: str) -> str:
    uri = (vault / path).as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=(vault / path).read_text())))
    await client.wait_for_notification("textDocument/publishDiagnostics")
    await settled(client, uri)
    return uri


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Applies edits with UTF-8 byte columns (the encoding negotiated), last first."""
    lines = text.encode().split(b"\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    data = text.encode()
    offset = lambda p: min(starts[p.line] + p.character, len(data)) if p.line < len(starts) else len(data)
    for edit in sorted(edits, key=lambda e: (offset(e.range.start), offset(e.range.end)), reverse=True):
        data = data[: offset(edit.range.start)] + edit.new_text.encode() + data[offset(edit.range.end):]
    return data.decode()


async def test_diagnostics_carry_rule_ids_and_related_notes(client: LanguageClient, vault):
    uri = await open_note(client, vault, NOTE)
    diagnostics = client.diagnostics[uri]
    codes = {d.code for d in diagnostics}
    assert {"citation/legacy-numeric", "citation/missing-colon", "citation/id-conflict"} <= codes
    assert all(d.source == "notekit" and d.severity in (1, 2) for d in diagnostics)
    conflict = next(d for d in diagnostics if d.code == "citation/id-conflict")
    assert conflict.related_information and conflict.related_information[0].location.uri != uri


async def test_incremental_change_updates_diagnostics(client: LanguageClient, vault):
    uri = await open_note(client, vault, NOTE)
    assert not any(d.code == "citation/undefined" for d in client.diagnostics[uri])
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            text="Claim.[^nowhere1]\n\n")]))
    await settled(client, uri)
    undefined = [d for d in client.diagnostics[uri] if d.code == "citation/undefined"]
    assert len(undefined) == 1 and undefined[0].range.start == types.Position(line=0, character=6)


async def test_fix_all_gives_what_notekit_fix_gives(client: LanguageClient, vault):
    uri = await open_note(client, vault, NOTE)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert [a.title for a in actions] == ["Fix all safe fixes in this note"]
    fixed = apply((vault / NOTE).read_text(), actions[0].edit.changes[uri])
    other = copy_of_notes()
    # Exit 1: findings without a safe fix remain.
    subprocess.run([NOTEKIT, "fix", "--write", str(other / NOTE)], capture_output=True, cwd=other)
    assert fixed == (other / NOTE).read_text()
    shutil.rmtree(other.parent)


async def test_quick_fixes_label_unsafe_ones_and_offer_disabling(client: LanguageClient, vault):
    uri = await open_note(client, vault, NOTE)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=99, character=0)),
        context=types.CodeActionContext(diagnostics=[])))
    titles = [a.title for a in actions]
    assert any(t.endswith("(unsafe)") for t in titles)
    assert "Disable citation/missing-colon on this line" in titles


async def test_completion_after_caret_offers_vault_citations(client: LanguageClient, vault):
    uri = await open_note(client, vault, "concepts/Levelised Cost.md")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)), text="[^\n")]))
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2)))
    items = result.items if hasattr(result, "items") else result
    assert items and all(item.text_edit.new_text.endswith("]") for item in items)
    assert any("cited" in item.documentation.value for item in items)


async def test_rename_a_citation_id_across_the_note(client: LanguageClient, vault):
    uri = await open_note(client, vault, "essays/The Quiet Economics of Tidal Storage.md")
    text = (vault / "essays/The Quiet Economics of Tidal Storage.md").read_text()
    line = next(i for i, l in enumerate(text.split("\n")) if "[^" in l and not l.startswith("[^"))
    character = len(text.split("\n")[line].split("[^")[0].encode()) + 2
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character)))
    old = prepared.placeholder
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character), new_name="renamed1"))
    renamed = apply(text, edit.changes[uri])
    assert f"[^{old}]" not in renamed and "[^renamed1]:" in renamed


async def test_unknown_methods_are_method_not_found(client: LanguageClient):
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("notekit/nothing", {})
