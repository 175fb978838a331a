"""End-to-end tests of `release-lint server` with a real LSP client (pytest-lsp, pygls).

Run by scripts/test-lsp.sh, which builds the binary and sets RELEASE_LINT_BIN.
"""

import asyncio
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("RELEASE_LINT_BIN", str(REPO / "target" / "debug" / "release-lint"))

# Long enough for any check on a loaded machine; only a hung server reaches it.
PATIENCE = float(os.environ.get("LSP_TEST_PATIENCE", "120"))


def defective() -> str:
    """The clean `ready` fixture with one prerequisite left open: RL201 on its line."""
    clean = (REPO / "fixtures" / "clean" / "ready.md").read_text(encoding="utf-8")
    text = clean.replace(
        "- [x] Code review completed and approved",
        "- [ ] Code review completed and approved",
    )
    assert text != clean, "fixtures/clean/ready.md changed?"
    return text


def line_of(text: str, needle: str) -> int:
    """The 0-based line of the first line holding `needle`."""
    return text[: text.index(needle)].count("\n")


async def until(condition, what: str):
    """Wait until `condition()` holds (the server answers asynchronously)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PATIENCE
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def capabilities(name: str) -> types.ClientCapabilities:
    """The capabilities of a real client, as pytest-lsp recorded them; `utf-8` is the
    VS Code client offering UTF-8 positions too."""
    if name == "utf-8":
        caps = client_capabilities("visual-studio-code")
        caps.general = types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
        )
        return caps
    return client_capabilities(name)


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[BINARY, "server"]),
    params=["visual-studio-code", "neovim", "utf-8"],
)
async def client(lsp_client: LanguageClient, request):
    # The server registers a file watcher for its configuration; answer as an editor does
    # (pygls' client has no handler of its own, and an unanswered request fails a test
    # whenever the error is seen before the test ends).
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams):
        return None

    caps = capabilities(request.param)
    lsp_client.init_result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=caps)
    )
    offered = (caps.general and caps.general.position_encodings) or []
    lsp_client.offers_utf8 = types.PositionEncodingKind.Utf8 in offered
    yield
    await lsp_client.shutdown_session()
    # `shutdown` then `exit`: exit status 0.
    assert lsp_client._server.returncode == 0


@pytest.fixture
def document(tmp_path):
    """A defective release document on disk, in a folder of its own (no configuration
    above it but what a test writes)."""
    path = tmp_path / "releases" / "2026-11-30-mobile-gateway.md"
    path.parent.mkdir()
    text = defective()
    path.write_text(text, encoding="utf-8")
    return path, text
