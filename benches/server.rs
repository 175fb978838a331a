//! `release-lint server`: the server time from a `didChange` of a 16 KB document to the
//! publication of its diagnostics (apply the edit, parse, check, convert), over in-memory
//! channels with no debounce. The target is under 5 ms (issue 16).
//! Run with `cargo bench --bench server`.

use std::thread;
use std::time::Duration;

use crossbeam_channel::{unbounded, Receiver, Sender};
use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::json;

fn main() {
    divan::main();
}

/// The `closed` fixture: 16 KB, every section filled in.
const DOCUMENT: &str = include_str!("../fixtures/clean/closed.md");
const URI: &str = "untitled:closed.md";

struct Session {
    to_server: Sender<Message>,
    from_server: Receiver<Message>,
    server: thread::JoinHandle<bool>,
}

impl Session {
    fn start() -> Self {
        let (to_server, server_in) = unbounded();
        let (server_out, from_server) = unbounded();
        let server = thread::spawn(move || {
            release_lint::server::serve_debounced(&server_out, &server_in, Duration::ZERO)
        });
        let session = Self {
            to_server,
            from_server,
            server,
        };
        session.request(1, "initialize", json!({"capabilities": {}}));
        session.notify("initialized", json!({}));
        session.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": DOCUMENT}}),
        );
        session.published();
        session
    }

    fn notify(&self, method: &str, params: serde_json::Value) {
        let _ = self
            .to_server
            .send(Notification::new(method.to_owned(), params).into());
    }

    fn request(&self, id: i32, method: &str, params: serde_json::Value) {
        let _ = self
            .to_server
            .send(Request::new(RequestId::from(id), method.to_owned(), params).into());
        for message in &self.from_server {
            if matches!(message, Message::Response(_)) {
                return;
            }
        }
    }

    fn published(&self) {
        for message in &self.from_server {
            if matches!(&message, Message::Notification(n) if n.method == "textDocument/publishDiagnostics")
            {
                return;
            }
        }
    }

    fn stop(self) {
        self.request(2, "shutdown", serde_json::Value::Null);
        self.notify("exit", serde_json::Value::Null);
        let _ = self.server.join();
    }
}

#[divan::bench(sample_count = 50)]
fn did_change_to_publish(bencher: divan::Bencher<'_, '_>) {
    let session = Session::start();
    // A character typed at the end of the Business Owner's name, then deleted: a new
    // version each time, so that every iteration is checked afresh.
    let (line, text) = DOCUMENT
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with("**Business Owner**"))
        .unwrap_or_default();
    let column = text.len();
    let mut version = 1;
    bencher.bench_local(|| {
        version += 1;
        let (mark, end) = if version % 2 == 0 { ("x", column) } else { ("", column + 1) };
        session.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": end}}, "text": mark}],
            }),
        );
        session.published();
    });
    session.stop();
}
