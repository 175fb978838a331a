"""`release-lint server` driven by a real LSP client over the binary's stdio."""

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound
from pytest_lsp import LanguageClient

from conftest import line_of, until

ITEM = "- [ ] Code review completed and approved"


def open_document(client: LanguageClient, path, text, version=1):
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=version, text=text
            )
        )
    )
    return uri


def codes(client: LanguageClient, uri):
    return [d.code for d in client.diagnostics.get(uri, [])]


def change(client: LanguageClient, uri, version, start, end, text):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=start, end=end), text=text
                )
            ],
        )
    )


@pytest.mark.asyncio
async def test_open_publishes_the_finding_at_its_range(client: LanguageClient, document):
    path, text = document
    uri = open_document(client, path, text)
    await until(lambda: uri in client.diagnostics, "diagnostics")
    [finding] = client.diagnostics[uri]
    line = line_of(text, ITEM)
    assert finding.code == "RL201"
    assert finding.source == "release-lint"
    assert finding.severity == types.DiagnosticSeverity.Error
    assert finding.range == types.Range(
        start=types.Position(line=line, character=0),
        end=types.Position(line=line, character=len(ITEM)),
    )
    assert finding.code_description.href.endswith("/docs/rules/RL201.md")
    assert "Code review completed and approved" in finding.message


@pytest.mark.asyncio
async def test_positions_are_in_the_negotiated_encoding(client: LanguageClient, document):
    path, text = document
    text = text.replace(ITEM, ITEM + " 🚀")
    uri = open_document(client, path, text)
    await until(lambda: uri in client.diagnostics, "diagnostics")
    [finding] = client.diagnostics[uri]
    utf8 = client.init_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    assert utf8 == client.offers_utf8
    rocket = 4 if utf8 else 2
    assert finding.range.end.character == len(ITEM) + 1 + rocket


@pytest.mark.asyncio
async def test_a_change_updates_the_diagnostics(client: LanguageClient, document):
    path, text = document
    uri = open_document(client, path, text)
    await until(lambda: codes(client, uri) == ["RL201"], "RL201")
    line = line_of(text, ITEM)
    # Tick the box: `[ ]` → `[x]`.
    change(client, uri, 2, types.Position(line=line, character=3), types.Position(line=line, character=4), "x")
    await until(lambda: codes(client, uri) == [], "no finding after the change")
    # And untick it again.
    change(client, uri, 3, types.Position(line=line, character=3), types.Position(line=line, character=4), " ")
    await until(lambda: codes(client, uri) == ["RL201"], "RL201 again")
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await until(lambda: list(client.diagnostics.get(uri, [None])) == [], "cleared diagnostics")


@pytest.mark.asyncio
async def test_a_code_action_applied_removes_the_finding(client: LanguageClient, document):
    path, text = document
    uri = open_document(client, path, text)
    await until(lambda: codes(client, uri) == ["RL201"], "RL201")
    [finding] = client.diagnostics[uri]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=finding.range,
            context=types.CodeActionContext(diagnostics=[finding]),
        )
    )
    titles = [a.title for a in actions]
    assert "Disable RL201 for this line" in titles, titles
    action = actions[titles.index("Disable RL201 for this line")]
    assert action.kind == types.CodeActionKind.QuickFix
    [edit] = action.edit.changes[uri]
    assert edit.new_text == "<!-- release-lint-disable-next-line RL201 -->\n"
    change(client, uri, 2, edit.range.start, edit.range.end, edit.new_text)
    await until(lambda: codes(client, uri) == [], "no finding after the edit")


@pytest.mark.asyncio
async def test_hover_explains_the_rule_and_lists_enum_options(client: LanguageClient, document):
    path, text = document
    uri = open_document(client, path, text)
    await until(lambda: uri in client.diagnostics, "diagnostics")
    on_finding = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line_of(text, ITEM), character=10),
        )
    )
    assert on_finding.contents.kind == types.MarkupKind.Markdown
    assert on_finding.contents.value.startswith("# RL201 unchecked-prerequisite")
    assert "## What it does" in on_finding.contents.value
    on_field = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line_of(text, "**Target Environment**"), character=4),
        )
    )
    assert "`Staging`" in on_field.contents.value
    assert "`DR`" in on_field.contents.value


@pytest.mark.asyncio
async def test_completion_offers_the_release_types(client: LanguageClient, document):
    path, text = document
    text = text.replace(
        "**Release Type**: Patch", "**Release Type**: {{release_type}}"
    )
    uri = open_document(client, path, text)
    await until(lambda: uri in client.diagnostics, "diagnostics")
    line = line_of(text, "**Release Type**")
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=len("**Release Type**: {{rel")),
        )
    )
    items = result.items if hasattr(result, "items") else result
    assert [i.label for i in items] == ["Major", "Minor", "Patch", "Hotfix"]
    assert items[0].text_edit.range.start == types.Position(line=line, character=len("**Release Type**: "))
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    names = [s.name for s in symbols]
    # In document order: the Overview's first, then those the `ready` fixture leaves
    # for later stages (the Deployment Timeline).
    assert names[0] == "{{release_type}}"
    assert symbols[0].range.start == types.Position(line=line, character=len("**Release Type**: "))
    assert "{{pre_start}}" in names


@pytest.mark.asyncio
async def test_a_configuration_change_is_picked_up(client: LanguageClient, document):
    path, text = document
    uri = open_document(client, path, text)
    await until(lambda: codes(client, uri) == ["RL201"], "RL201")
    config = path.parent / "release-lint.toml"
    config.write_text('[rules]\nignore = ["RL201"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    await until(lambda: codes(client, uri) == [], "RL201 ignored by the new configuration")
    config.unlink()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Deleted)]
        )
    )
    await until(lambda: codes(client, uri) == ["RL201"], "RL201 back without the configuration")


@pytest.mark.asyncio
async def test_other_markdown_gets_no_diagnostics(client: LanguageClient, tmp_path):
    readme = tmp_path / "README.md"
    text = "# Project\n\n- [ ] an open todo\n\n**Owner**: {{owner}}\n"
    uri = open_document(client, readme, text)
    await until(lambda: uri in client.diagnostics, "a publish")
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_bad_input_is_survived(client: LanguageClient, document):
    path, text = document
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("release-lint/no-such-method", {})
    # A message that is not JSON, straight onto the server's standard input.
    client._server.stdin.write(b"Content-Length: 9\r\n\r\n{not json")
    # Hostile text and a request about a document that is not open.
    uri = open_document(client, path, "---\nphase: deployment\n---\n\x00\ufeff|\u202e{{\n## Overview\r\r\n")
    await until(lambda: uri in client.diagnostics, "diagnostics of the hostile text")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=(path.parent / "nowhere.md").as_uri()),
            position=types.Position(line=0, character=0),
        )
    )
    assert hover is None


TIMELINE = """---
phase: deployment
stage: draft
---
## Deployment Execution

### Deployment Timeline

| Phase | Start Time | End Time | Duration | Status | Notes |
|---|---|---|---|---|---|
| Database migration | 14:12 | 14:20 | 18m | ✅ | |
"""


@pytest.mark.asyncio
async def test_a_rule_fix_is_a_quick_fix_that_removes_the_finding(client: LanguageClient, tmp_path):
    # RL403's safe fix (Duration from Start and End), from the rule itself.
    uri = open_document(client, tmp_path / "timeline.md", TIMELINE)
    await until(lambda: "RL403" in codes(client, uri), "RL403")
    [finding] = [d for d in client.diagnostics[uri] if d.code == "RL403"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=finding.range,
            context=types.CodeActionContext(diagnostics=[finding]),
        )
    )
    fixes = [a for a in actions if a.kind == types.CodeActionKind.QuickFix and "Disable" not in a.title]
    assert fixes, [a.title for a in actions]
    [edit] = fixes[0].edit.changes[uri]
    assert edit.new_text.strip() == "8m"
    change(client, uri, 2, edit.range.start, edit.range.end, edit.new_text)
    await until(lambda: "RL403" not in codes(client, uri), "no RL403 after the fix")
