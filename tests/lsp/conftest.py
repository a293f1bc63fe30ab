"""pytest-lsp drives `notekit lsp` (the debug binary, or $NOTEKIT_BIN) over stdio on a copy of Notes/."""
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

REPO = pathlib.Path(__file__).resolve().parents[2]
NOTEKIT = os.environ.get("NOTEKIT_BIN", str(REPO / ".build/debug/notekit"))


def copy_of_notes() -> pathlib.Path:
    folder = pathlib.Path(tempfile.mkdtemp(prefix="notekit-lsp-e2e-")) / "Notes"
    shutil.copytree(REPO / "Notes", folder)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


VAULT = copy_of_notes()


@pytest.fixture
def vault() -> pathlib.Path:
    return VAULT


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[NOTEKIT, "lsp"]))
async def client(lsp_client: LanguageClient):
    markdown = [types.MarkupKind.Markdown, types.MarkupKind.PlainText]
    capabilities = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=["utf-8", "utf-16"]),
        text_document=types.TextDocumentClientCapabilities(
            completion=types.CompletionClientCapabilities(completion_item=types.ClientCompletionItemOptions(documentation_format=markdown)),
            hover=types.HoverClientCapabilities(content_format=markdown)))
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities, root_uri=VAULT.as_uri()))
    assert result.capabilities.position_encoding == "utf-8"
    yield
    await lsp_client.shutdown_session()
