//! The server over in-memory channels: the messages a client sends, the answers it gets.

use std::thread::JoinHandle;

use crossbeam_channel::unbounded;
use serde_json::json;

use super::*;

/// The clean `ready` fixture with one prerequisite left open (RL201 on its line).
fn defective() -> String {
    include_str!("../../fixtures/clean/ready.md").replace(
        "- [x] Code review completed and approved",
        "- [ ] Code review completed and approved",
    )
}

/// The 0-based line of the first line holding `needle`.
fn line_of(text: &str, needle: &str) -> u32 {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    u32::try_from(text[..at].matches('\n').count()).unwrap_or(u32::MAX)
}

/// Long enough for any check, short of a hung server.
const PATIENCE: Duration = Duration::from_secs(120);

struct Client {
    to_server: Sender<Message>,
    from_server: Receiver<Message>,
    server: JoinHandle<bool>,
    next_id: i32,
    /// Notifications received while waiting for a response.
    notifications: Vec<Notification>,
}

impl Client {
    fn start(capabilities: Value) -> (Self, Value) {
        let (to_server, server_in) = unbounded();
        let (server_out, from_server) = unbounded();
        let server = std::thread::spawn(move || serve(&server_out, &server_in));
        let mut client = Self {
            to_server,
            from_server,
            server,
            next_id: 0,
            notifications: Vec::new(),
        };
        let result = client.request("initialize", json!({ "capabilities": capabilities }));
        let result = result.unwrap_or_else(|e| panic!("initialize failed: {e:?}"));
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn receive(&self) -> Message {
        self.from_server
            .recv_timeout(PATIENCE)
            .unwrap_or_else(|e| panic!("the server said nothing: {e}"))
    }

    fn request(&mut self, method: &str, params: Value) -> Result<Value, lsp_server::ResponseError> {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        send(
            &self.to_server,
            Request::new(id.clone(), method.to_owned(), params),
        );
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => return r.response_result,
                Message::Notification(n) => self.notifications.push(n),
                _ => {}
            }
        }
    }

    fn notify(&self, method: &str, params: Value) {
        send(
            &self.to_server,
            Notification::new(method.to_owned(), params),
        );
    }

    /// The next diagnostics published (first those received while waiting for a response).
    fn published(&mut self) -> PublishDiagnosticsParams {
        let n = match self
            .notifications
            .iter()
            .position(|n| n.method == notif::PublishDiagnostics::METHOD)
        {
            Some(i) => self.notifications.remove(i),
            None => loop {
                if let Message::Notification(n) = self.receive() {
                    if n.method == notif::PublishDiagnostics::METHOD {
                        break n;
                    }
                }
            },
        };
        serde_json::from_value(n.params).unwrap_or_else(|e| panic!("bad publish: {e}"))
    }

    /// The diagnostics published for `version`, skipping those of earlier versions.
    fn published_for(&mut self, version: i32) -> PublishDiagnosticsParams {
        let mut published = self.published();
        while published.version != Some(version) {
            assert!(
                published.version.is_some_and(|v| v < version),
                "a publish for a later version than {version}: {published:?}"
            );
            published = self.published();
        }
        published
    }

    fn open(&self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    /// `shutdown` then `exit`; whether the server ended cleanly.
    fn stop(mut self) -> bool {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer.ok(), Some(Value::Null));
        self.notify("exit", Value::Null);
        self.server.join().unwrap_or(false)
    }
}

const URI: &str = "untitled:release.md";

fn codes(published: &PublishDiagnosticsParams) -> Vec<String> {
    published
        .diagnostics
        .iter()
        .filter_map(|d| match &d.code {
            Some(lsp_types::NumberOrString::String(code)) => Some(code.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn open_publishes_findings_at_their_lines_and_close_clears_them() {
    let (mut client, init) = Client::start(json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let text = defective();
    client.open(URI, &text);
    let published = client.published();
    assert_eq!(published.version, Some(1));
    assert_eq!(codes(&published), ["RL201"]);
    let d = &published.diagnostics[0];
    let line = line_of(&text, "- [ ] Code review");
    assert_eq!(d.range.start, lsp_types::Position::new(line, 0));
    let item = "- [ ] Code review completed and approved";
    let width = u32::try_from(item.len()).unwrap_or_default();
    assert_eq!(d.range.end, lsp_types::Position::new(line, width));
    assert_eq!(d.source.as_deref(), Some("release-lint"));
    assert_eq!(d.severity, Some(lsp_types::DiagnosticSeverity::ERROR));
    let href = d.code_description.as_ref().map(|c| c.href.to_string());
    assert!(href.is_some_and(|h| h.ends_with("/docs/rules/RL201.md")));

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let cleared = client.published();
    assert!(cleared.diagnostics.is_empty());
    assert!(client.stop());
}

#[test]
fn documents_that_are_not_release_documents_get_no_findings() {
    let (mut client, _) = Client::start(json!({}));
    client.open(
        "untitled:README.md",
        "# Project\n\n- [ ] a todo\n\n**Owner**: {{owner}}\n",
    );
    assert!(client.published().diagnostics.is_empty());
    assert!(client.stop());
}

#[test]
fn changes_are_applied_and_checked_at_their_latest_version() {
    let (mut client, _) = Client::start(json!({}));
    let text = defective();
    client.open(URI, &text);
    assert_eq!(codes(&client.published()), ["RL201"]);
    let line = line_of(&text, "- [ ] Code review");
    // Two edits in a row: tick the box, then untick and tick again.
    for (version, mark) in [(2, "x"), (3, " "), (4, "x")] {
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": 3}, "end": {"line": line, "character": 4}}, "text": mark}],
            }),
        );
    }
    // Whatever was published in between, the last publish is of version 4, clean.
    let published = client.published_for(4);
    assert!(
        published.diagnostics.is_empty(),
        "{:?}",
        published.diagnostics
    );
    assert!(client.stop());
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (mut client, init) =
        Client::start(json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let text = defective().replace(
        "- [ ] Code review completed and approved",
        "- [ ] Code review completed and approved 🚀🚀",
    );
    client.open(URI, &text);
    let d = client.published().diagnostics.remove(0);
    let item = "- [ ] Code review completed and approved 🚀🚀";
    assert_eq!(
        d.range.end.character,
        u32::try_from(item.len()).unwrap_or_default()
    );
    assert!(client.stop());
}

#[test]
fn code_actions_offer_the_suppression_comment_above_the_line() {
    let (mut client, _) = Client::start(json!({}));
    let text = defective();
    client.open(URI, &text);
    client.published();
    let line = line_of(&text, "- [ ] Code review");
    let at = json!({"line": line, "character": 2});
    let actions = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}}),
        )
        .unwrap_or_default();
    let disable = &actions[0];
    assert_eq!(disable["title"], "Disable RL201 for this line");
    assert_eq!(disable["kind"], "quickfix");
    let edit = &disable["edit"]["changes"][URI][0];
    assert_eq!(
        edit["newText"],
        "<!-- release-lint-disable-next-line RL201 -->\n"
    );
    assert_eq!(
        edit["range"]["start"],
        json!({"line": line, "character": 0})
    );

    // Applied, the finding is gone.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": edit["range"], "text": edit["newText"]}]}),
    );
    let published = client.published_for(2);
    assert!(
        published.diagnostics.is_empty(),
        "{:?}",
        published.diagnostics
    );

    // Only `source` actions: no quick fix; no safe fix, so no fix-all either.
    let only = client
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": {"start": at, "end": at}, "context": {"diagnostics": [], "only": ["source"]}}),
        )
        .unwrap_or_default();
    assert_eq!(only, json!([]));
    assert!(client.stop());
}

#[test]
fn hover_explains_the_rule_and_lists_the_options_of_an_enum_field() {
    let (mut client, _) = Client::start(json!({}));
    let text = defective();
    client.open(URI, &text);
    client.published();
    let hover = |client: &mut Client, line: u32, character: u32| {
        client
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}}),
            )
            .unwrap_or_default()
    };
    let on_finding = hover(&mut client, line_of(&text, "- [ ] Code review"), 8);
    let value = on_finding["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        value.starts_with("# RL201 unchecked-prerequisite"),
        "{value}"
    );
    assert!(value.contains("## What it does"), "{value}");

    let on_field = hover(&mut client, line_of(&text, "**Rollback Strategy**"), 25);
    let value = on_field["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        value.contains("`Blue-Green`") && value.contains("`Immediate`"),
        "{value}"
    );
    assert_eq!(hover(&mut client, 0, 0), Value::Null);
    assert!(client.stop());
}

#[test]
fn completion_offers_the_values_of_the_field_and_symbols_list_placeholders() {
    let (mut client, _) = Client::start(json!({}));
    let text = defective().replace(
        "**Release Type**: Patch (Major | Minor | Patch | Hotfix)",
        "**Release Type**: {{release_type}} (Major | Minor | Patch | Hotfix)",
    );
    client.open(URI, &text);
    client.published();
    let line = line_of(&text, "**Release Type**");
    let items = client
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": 20}}),
        )
        .unwrap_or_default();
    let labels: Vec<&str> = items
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["label"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(labels, ["Major", "Minor", "Patch", "Hotfix"]);
    let edit = &items[0]["textEdit"];
    let start = "**Release Type**: ".len();
    let end = start + "{{release_type}}".len();
    assert_eq!(edit["range"]["start"]["character"], start);
    assert_eq!(edit["range"]["end"]["character"], end);

    let symbols = client
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap_or_default();
    assert_eq!(symbols[0]["name"], "{{release_type}}");
    assert_eq!(symbols[0]["detail"], "Overview");
    assert_eq!(
        symbols[0]["range"]["start"],
        json!({"line": line, "character": start})
    );
    assert!(client.stop());
}

#[test]
fn configuration_is_reloaded_when_it_changes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let config = dir.path().join("release-lint.toml");
    let path = dir.path().join("release.md");
    let uri = Url::from_file_path(&path)
        .map(|u| u.to_string())
        .unwrap_or_default();
    let (mut client, _) = Client::start(json!({}));
    client.open(&uri, &defective());
    assert_eq!(codes(&client.published()), ["RL201"]);
    std::fs::write(&config, "[rules]\nignore = [\"RL201\"]\n").unwrap_or_else(|e| panic!("{e}"));
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": Url::from_file_path(&config).map(|u| u.to_string()).unwrap_or_default(), "type": 1}]}),
    );
    assert!(client.published().diagnostics.is_empty());
    // A document over the configured size limit is not checked, and says so.
    std::fs::write(&config, "max-file-size = \"1KB\"\n").unwrap_or_else(|e| panic!("{e}"));
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": []}));
    let published = client.published();
    assert_eq!(published.diagnostics.len(), 1);
    assert!(
        published.diagnostics[0]
            .message
            .contains("larger than the limit of 1 KiB"),
        "{:?}",
        published.diagnostics
    );
    // A bad configuration is said at the top of the document.
    std::fs::write(&config, "[rules]\nignor = 1\n").unwrap_or_else(|e| panic!("{e}"));
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": []}));
    let published = client.published();
    assert_eq!(published.diagnostics.len(), 1);
    assert!(
        published.diagnostics[0]
            .message
            .contains("bad configuration"),
        "{:?}",
        published.diagnostics
    );
    assert!(client.stop());
}

#[test]
fn bad_requests_get_errors_and_the_server_goes_on() {
    let (mut client, _) = Client::start(json!({}));
    let unknown = client.request("release-lint/nothing", json!({})).err();
    assert_eq!(
        unknown.map(|e| e.code),
        Some(ErrorCode::MethodNotFound as i32)
    );
    let bad = client
        .request("textDocument/hover", json!({"nonsense": true}))
        .err();
    assert_eq!(bad.map(|e| e.code), Some(ErrorCode::InvalidParams as i32));
    // Requests about documents that are not open answer nothing.
    let position = json!({"textDocument": {"uri": "file:///nowhere.md"}, "position": {"line": 0, "character": 0}});
    assert_eq!(
        client.request("textDocument/hover", position.clone()).ok(),
        Some(Value::Null)
    );
    assert_eq!(
        client.request("textDocument/completion", position).ok(),
        Some(json!([]))
    );
    // A change of a document that is not open, and hostile text, are survived.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere.md", "version": 2}, "contentChanges": [{"text": "x"}]}),
    );
    client.open(URI, "---\nphase: deployment\n---\n\u{0}\u{feff}| | |\n|-\n**Release**: \u{202e}{{\n## Overview\n\r\r\n");
    let published = client.published();
    assert_eq!(published.version, Some(1));
    assert!(client.stop());
}

#[test]
fn requests_before_initialize_and_after_shutdown_are_refused() {
    let (to_server, server_in) = unbounded();
    let (server_out, from_server) = unbounded();
    let server = std::thread::spawn(move || serve(&server_out, &server_in));
    send(
        &to_server,
        Request::new(
            RequestId::from(1),
            "textDocument/hover".to_owned(),
            json!({}),
        ),
    );
    let Ok(Message::Response(early)) = from_server.recv_timeout(PATIENCE) else {
        panic!("no answer before initialize");
    };
    assert_eq!(
        early.response_result.err().map(|e| e.code),
        Some(ErrorCode::ServerNotInitialized as i32)
    );
    // `exit` without `shutdown`: not a clean end.
    send(
        &to_server,
        Notification::new("exit".to_owned(), Value::Null),
    );
    assert!(!server.join().unwrap_or(true));

    let (mut client, _) = Client::start(json!({}));
    assert!(client.request("shutdown", Value::Null).is_ok());
    let late = client.request("textDocument/hover", json!({})).err();
    assert_eq!(late.map(|e| e.code), Some(ErrorCode::InvalidRequest as i32));
    client.notify("exit", Value::Null);
    assert!(client.server.join().unwrap_or(false));
}

#[test]
fn a_panicking_handler_is_answered_as_an_internal_error() {
    let answer: Result<(), Failure> = guarded("textDocument/hover", || panic!("boom"));
    let failure = answer
        .err()
        .unwrap_or_else(|| panic!("the panic was not caught"));
    assert_eq!(failure.code as i32, ErrorCode::InternalError as i32);
    assert_eq!(failure.message, "textDocument/hover: internal error: boom");
}

/// `text` with `edits` applied (from the end, so offsets hold); shared with the code
/// actions' unit tests.
pub(super) fn apply_text_edits(text: &str, edits: &[lsp_types::TextEdit]) -> String {
    let lines = position::Lines::new(text);
    let mut spans: Vec<(release_doc::Span, &str)> = edits
        .iter()
        .map(|e| {
            (
                lines.span(text, e.range, Encoding::Utf16),
                e.new_text.as_str(),
            )
        })
        .collect();
    spans.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = text.to_owned();
    for (span, replacement) in spans {
        out.replace_range(span.start..span.end, replacement);
    }
    out
}

/// Apply the edits of a code action (as JSON) to `text`.
fn apply(text: &str, action: &Value, uri: &str) -> String {
    let edits: Vec<lsp_types::TextEdit> =
        serde_json::from_value(action["edit"]["changes"][uri].clone()).unwrap_or_default();
    apply_text_edits(text, &edits)
}

#[test]
fn each_kind_of_suppression_silences_its_finding_and_is_used() {
    let clean = include_str!("../../fixtures/clean/ready.md");
    let cases = [
        // A checklist item, a table cell and a frontmatter value.
        (defective(), "Disable RL201 for this line"),
        (
            clean.replacen(
                "| Medium | Medium | Canary held",
                "| Hgh | Medium | Canary held",
                1,
            ),
            "for this table",
        ),
        (
            clean.replacen("created: \"2026-11-19\"", "created: \"someday\"", 1),
            "for this file",
        ),
    ];
    for (text, wanted) in cases {
        let (mut client, _) = Client::start(json!({}));
        client.open(URI, &text);
        let published = client.published();
        let [finding] = published.diagnostics.as_slice() else {
            panic!(
                "expected one finding for {wanted:?}: {:?}",
                published.diagnostics
            );
        };
        let actions = client
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": URI}, "range": finding.range, "context": {"diagnostics": []}}),
            )
            .unwrap_or_default();
        let action = actions
            .as_array()
            .and_then(|a| {
                a.iter()
                    .find(|a| a["title"].as_str().is_some_and(|t| t.contains(wanted)))
            })
            .cloned()
            .unwrap_or_else(|| panic!("no {wanted:?} in {actions}"));
        let fixed = apply(&text, &action, URI);
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": fixed}]}),
        );
        let published = client.published_for(2);
        // Gone, and the suppression is used (no unused-suppression finding either).
        assert!(
            published.diagnostics.is_empty(),
            "{wanted}: {:?}",
            published.diagnostics
        );
        assert!(client.stop());
    }
}

#[test]
fn a_thousand_open_close_cycles_leave_nothing_behind() {
    let (sender, receiver) = unbounded();
    let mut server = Server::new(sender, &InitializeParams::default());
    // A small release document: the cycles, not the checks, are under test.
    let text = "---\nphase: deployment\n---\n\n## Overview\n\n**Release**: x (1.0.0)\n";
    for i in 0..1_000 {
        let uri = format!("untitled:doc-{}.md", i % 7);
        let open = json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}});
        server.notification(Notification::new("textDocument/didOpen".to_owned(), open));
        let change =
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "x"}]});
        server.notification(Notification::new(
            "textDocument/didChange".to_owned(),
            change,
        ));
        let close = json!({"textDocument": {"uri": uri}});
        server.notification(Notification::new("textDocument/didClose".to_owned(), close));
    }
    // Every document, analysis and pending check is dropped on close.
    assert!(server.documents.uris().is_empty());
    assert!(server.analyses.is_empty());
    assert!(server.due.is_empty());
    // One publish on each open and one (empty) on each close.
    assert_eq!(receiver.try_iter().count(), 2_000);
}

#[test]
fn include_and_exclude_decide_as_for_check() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("release-lint.toml"),
        "include = [\"notes/*.md\"]\nexclude = [\"archive/**\"]\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let uri = |name: &str| {
        Url::from_file_path(dir.path().join(name))
            .map(|u| u.to_string())
            .unwrap_or_default()
    };
    let (mut client, _) = Client::start(json!({}));
    // Not a release document by its content, but included: checked (and found wanting).
    client.open(&uri("notes/plain.md"), "# Notes\n\nNothing here.\n");
    assert!(!client.published().diagnostics.is_empty());
    // A release document, but excluded: nothing.
    client.open(&uri("archive/old.md"), &defective());
    assert!(client.published().diagnostics.is_empty());
    assert!(client.stop());
}

#[test]
fn save_publishes_at_once() {
    let (mut client, _) = Client::start(json!({}));
    client.open(URI, &defective());
    assert_eq!(codes(&client.published()), ["RL201"]);
    // A change and a save right after it: the save checks the changed text without
    // waiting for the pause.
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "---\nphase: deployment\n---\n"}]}),
    );
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": URI}}),
    );
    let published = client.published();
    assert_eq!(published.version, Some(2));
    assert!(!codes(&published).contains(&"RL201".to_owned()));
    assert!(client.stop());
}
