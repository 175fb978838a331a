//! `release-lint server`: a language server over standard input and output. Documents are
//! checked as `check` checks the files at their paths; findings are published as the
//! document is written, with hover, completion, code actions and document symbols.

mod analysis;
mod code_actions;
mod completion;
mod convert;
mod documents;
mod hover;
mod position;
mod slots;
mod symbols;
mod transport;

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CompletionOptions, CompletionParams, CompletionResponse, DidChangeTextDocumentParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, DocumentSymbolParams,
    DocumentSymbolResponse, FileSystemWatcher, GlobPattern, HoverParams, HoverProviderCapability,
    InitializeParams, InitializeResult, OneOf, PublishDiagnosticsParams, Registration,
    RegistrationParams, SaveOptions, ServerCapabilities, ServerInfo, TextDocumentIdentifier,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Url,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use self::analysis::Analysis;
use self::documents::Documents;
use self::position::Encoding;
use self::transport::log;
use crate::config::Configs;
use crate::Status;

/// How long after the last change of a document it is checked: typing checks once per
/// pause, not once per key.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// Serve on standard input and output until `exit`: status 0 after `shutdown`, 1 without
/// (as the protocol says).
pub fn run() -> anyhow::Result<Status> {
    let stdio = transport::Stdio::start()?;
    let clean = serve(&stdio.sender, &stdio.receiver);
    stdio.finish();
    // Exit status 1, which `Status::Findings` maps to, is the protocol's "exit without
    // shutdown".
    Ok(if clean {
        Status::Clean
    } else {
        Status::Findings
    })
}

/// The whole session on a connection; whether it ended with `shutdown` then `exit`.
pub fn serve(sender: &Sender<Message>, receiver: &Receiver<Message>) -> bool {
    serve_debounced(sender, receiver, DEBOUNCE)
}

/// [`serve`], checking a changed document `debounce` after its last change (the
/// benchmark measures the check itself, with none).
pub fn serve_debounced(
    sender: &Sender<Message>,
    receiver: &Receiver<Message>,
    debounce: Duration,
) -> bool {
    let Some(params) = initialize(sender, receiver) else {
        return false;
    };
    let mut server = Server::new(sender.clone(), &params);
    server.debounce = debounce;
    server.watch_configuration(&params);
    server.run(receiver)
}

/// A request's failure: an LSP error code and message.
#[derive(Debug)]
struct Failure {
    code: ErrorCode,
    message: String,
}

impl Failure {
    fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

fn params<P: DeserializeOwned>(method: &str, params: Value) -> Result<P, Failure> {
    serde_json::from_value(params)
        .map_err(|e| Failure::new(ErrorCode::InvalidParams, format!("{method}: {e}")))
}

fn send(sender: &Sender<Message>, message: impl Into<Message>) {
    // The writer is gone only when the client has gone.
    let _ = sender.send(message.into());
}

/// Wait for `initialize` and answer it. Requests before it are answered with
/// `ServerNotInitialized`, notifications dropped; `None` when the client leaves first.
fn initialize(sender: &Sender<Message>, receiver: &Receiver<Message>) -> Option<InitializeParams> {
    for message in receiver {
        match message {
            Message::Request(request) if request.method == req::Initialize::METHOD => {
                match params::<InitializeParams>(&request.method, request.params) {
                    Ok(init) => {
                        let encoding = Encoding::negotiate(
                            init.capabilities
                                .general
                                .as_ref()
                                .and_then(|g| g.position_encodings.as_deref()),
                        );
                        let result = InitializeResult {
                            capabilities: capabilities(encoding),
                            server_info: Some(ServerInfo {
                                name: "release-lint".to_owned(),
                                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
                            }),
                        };
                        send(sender, Response::new_ok(request.id, result));
                        return Some(init);
                    }
                    Err(f) => send(
                        sender,
                        Response::new_err(request.id, f.code as i32, f.message),
                    ),
                }
            }
            Message::Request(request) => send(
                sender,
                Response::new_err(
                    request.id,
                    ErrorCode::ServerNotInitialized as i32,
                    format!("{}: the server is not initialized yet", request.method),
                ),
            ),
            Message::Notification(n) if n.method == notif::Exit::METHOD => return None,
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
    None
}

/// What the server offers.
fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".to_owned(), "|".to_owned()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, code_actions::fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

/// The state of a session after `initialize`.
struct Server {
    sender: Sender<Message>,
    encoding: Encoding,
    documents: Documents,
    configs: Configs,
    /// The last analysis of each open document, with the version it is of.
    analyses: HashMap<Url, (i32, Analysis)>,
    /// Documents changed and not checked since, with when to check them.
    due: HashMap<Url, Instant>,
    /// How long after its last change a document is checked.
    debounce: Duration,
    shut_down: bool,
    next_id: i32,
}

impl Server {
    fn new(sender: Sender<Message>, params: &InitializeParams) -> Self {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        Self {
            sender,
            encoding: Encoding::negotiate(offered),
            documents: Documents::default(),
            configs: discover(),
            analyses: HashMap::new(),
            due: HashMap::new(),
            debounce: DEBOUNCE,
            shut_down: false,
            next_id: 0,
        }
    }

    /// Ask the client to report changes of configuration files, when it can.
    fn watch_configuration(&mut self, params: &InitializeParams) {
        let dynamic = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        if !dynamic {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/release-lint.toml".to_owned()),
                kind: None,
            }],
        };
        let registration = Registration {
            id: "release-lint-configuration".to_owned(),
            method: notif::DidChangeWatchedFiles::METHOD.to_owned(),
            register_options: serde_json::to_value(options).ok(),
        };
        self.next_id += 1;
        let request = Request::new(
            RequestId::from(format!("release-lint-{}", self.next_id)),
            req::RegisterCapability::METHOD.to_owned(),
            RegistrationParams {
                registrations: vec![registration],
            },
        );
        send(&self.sender, request);
    }

    /// Serve until `exit` or the end of the input; whether `shutdown` came first.
    fn run(&mut self, receiver: &Receiver<Message>) -> bool {
        loop {
            self.check_due();
            let next = self.due.values().min().copied();
            let message = match next {
                Some(at) => {
                    match receiver.recv_timeout(at.saturating_duration_since(Instant::now())) {
                        Ok(message) => message,
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => return self.shut_down,
                    }
                }
                None => match receiver.recv() {
                    Ok(message) => message,
                    Err(_) => return self.shut_down,
                },
            };
            match message {
                Message::Request(request) => self.request(request),
                Message::Notification(n) if n.method == notif::Exit::METHOD => {
                    return self.shut_down;
                }
                Message::Notification(n) => self.notification(n),
                // Answers to `client/registerCapability`: nothing to do either way.
                Message::Response(_) => {}
            }
        }
    }

    /// Answer a request; a panic while handling it is logged and answered as an internal
    /// error, and the server goes on.
    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        let method = request.method.clone();
        let answer = guarded(&method, || self.handle_request(request));
        let response = match answer {
            Ok(value) => Response::new_ok(id, value),
            Err(f) => Response::new_err(id, f.code as i32, f.message),
        };
        send(&self.sender, response);
    }

    fn handle_request(&mut self, request: Request) -> Result<Value, Failure> {
        let Request {
            method, params: p, ..
        } = request;
        if self.shut_down {
            return Err(Failure::new(
                ErrorCode::InvalidRequest,
                format!("{method}: the server is shut down"),
            ));
        }
        let json = |v: Result<Value, serde_json::Error>| {
            v.map_err(|e| Failure::new(ErrorCode::InternalError, e.to_string()))
        };
        match method.as_str() {
            req::Shutdown::METHOD => {
                self.shut_down = true;
                Ok(Value::Null)
            }
            req::Initialize::METHOD => Err(Failure::new(
                ErrorCode::InvalidRequest,
                "initialize: the server is already initialized",
            )),
            req::HoverRequest::METHOD => {
                let p: HoverParams = params(&method, p)?;
                let at = p.text_document_position_params;
                json(serde_json::to_value(self.with_checked(
                    &at.text_document,
                    |checked, enc| {
                        let offset = checked.lines.offset(checked.text(), at.position, enc);
                        hover::hover(checked, offset, enc)
                    },
                )))
            }
            req::Completion::METHOD => {
                let p: CompletionParams = params(&method, p)?;
                let at = p.text_document_position;
                let items = self
                    .with_checked(&at.text_document, |checked, enc| {
                        let offset = checked.lines.offset(checked.text(), at.position, enc);
                        completion::items(checked, offset, enc)
                    })
                    .unwrap_or_default();
                json(serde_json::to_value(CompletionResponse::Array(items)))
            }
            req::CodeActionRequest::METHOD => {
                let p: CodeActionParams = params(&method, p)?;
                let uri = p.text_document.uri.clone();
                let actions = self
                    .with_checked(&p.text_document, |checked, enc| {
                        code_actions::actions(
                            &uri,
                            checked,
                            p.range,
                            p.context.only.as_deref(),
                            enc,
                        )
                    })
                    .unwrap_or_default();
                json(serde_json::to_value(actions))
            }
            req::DocumentSymbolRequest::METHOD => {
                let p: DocumentSymbolParams = params(&method, p)?;
                let symbols = self
                    .with_checked(&p.text_document, symbols::placeholders)
                    .unwrap_or_default();
                json(serde_json::to_value(DocumentSymbolResponse::Nested(
                    symbols,
                )))
            }
            _ => Err(Failure::new(
                ErrorCode::MethodNotFound,
                format!("{method}: no such method"),
            )),
        }
    }

    /// Run `f` on the current analysis of an open, checked release document; `None` for a
    /// document that is not open or not checked.
    fn with_checked<T>(
        &mut self,
        document: &TextDocumentIdentifier,
        f: impl FnOnce(&analysis::Checked, Encoding) -> T,
    ) -> Option<T> {
        let uri = &document.uri;
        self.analyse(uri)?;
        match self.analyses.get(uri) {
            Some((_, Analysis::Checked(checked))) => Some(f(checked, self.encoding)),
            _ => None,
        }
    }

    /// Make sure the analysis of `uri` is of its current version; `None` when not open.
    fn analyse(&mut self, uri: &Url) -> Option<()> {
        let document = self.documents.get(uri)?;
        let fresh = self
            .analyses
            .get(uri)
            .is_some_and(|(version, _)| *version == document.version);
        if !fresh {
            let analysis = analysis::analyse(uri, &document.text, &self.configs);
            self.analyses
                .insert(uri.clone(), (document.version, analysis));
        }
        Some(())
    }

    fn notification(&mut self, n: Notification) {
        let method = n.method.clone();
        if let Err(f) = guarded(&method, || self.handle_notification(n)) {
            log(&f.message);
        }
    }

    fn handle_notification(&mut self, n: Notification) -> Result<(), Failure> {
        let Notification { method, params: p } = n;
        match method.as_str() {
            notif::DidOpenTextDocument::METHOD => {
                let p: DidOpenTextDocumentParams = params(&method, p)?;
                let uri = p.text_document.uri;
                self.documents
                    .open(uri.clone(), p.text_document.text, p.text_document.version);
                self.analyses.remove(&uri);
                self.publish(&uri);
            }
            notif::DidChangeTextDocument::METHOD => {
                let p: DidChangeTextDocumentParams = params(&method, p)?;
                let uri = p.text_document.uri;
                let Some(document) = self.documents.get_mut(&uri) else {
                    return Err(Failure::new(
                        ErrorCode::InvalidParams,
                        format!("{method}: {uri} is not open"),
                    ));
                };
                document.apply(p.text_document.version, p.content_changes, self.encoding);
                self.due.insert(uri, Instant::now() + self.debounce);
            }
            notif::DidSaveTextDocument::METHOD => {
                let p: DidSaveTextDocumentParams = params(&method, p)?;
                self.publish(&p.text_document.uri);
            }
            notif::DidCloseTextDocument::METHOD => {
                let p: DidCloseTextDocumentParams = params(&method, p)?;
                let uri = p.text_document.uri;
                self.documents.close(&uri);
                self.analyses.remove(&uri);
                self.due.remove(&uri);
                self.send_diagnostics(uri, Vec::new(), None);
            }
            notif::DidChangeWatchedFiles::METHOD => {
                // Whatever changed, configuration is found and loaded afresh and every
                // open document checked again with it.
                self.configs = discover();
                self.analyses.clear();
                for uri in self.documents.uris() {
                    self.publish(&uri);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Check the documents whose pause after a change is over.
    fn check_due(&mut self) {
        let now = Instant::now();
        let ready: Vec<Url> = self
            .due
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in ready {
            let _ = guarded("check", || {
                self.publish(&uri);
                Ok(())
            });
        }
    }

    /// Check the current version of `uri` and publish its diagnostics, for that version.
    fn publish(&mut self, uri: &Url) {
        self.due.remove(uri);
        if self.analyse(uri).is_none() {
            return;
        }
        let Some((version, analysis)) = self.analyses.get(uri) else {
            return;
        };
        let diagnostics = match analysis {
            Analysis::Skipped => Vec::new(),
            Analysis::Failed(failure) => vec![convert::failure(failure)],
            Analysis::Checked(checked) => convert::diagnostics(uri, checked, self.encoding),
        };
        let version = *version;
        self.send_diagnostics(uri.clone(), diagnostics, Some(version));
    }

    fn send_diagnostics(
        &self,
        uri: Url,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        send(
            &self.sender,
            Notification::new(notif::PublishDiagnostics::METHOD.to_owned(), params),
        );
    }
}

/// Configuration discovery as `check` does it without `--config`.
fn discover() -> Configs {
    Configs::new(None, false).unwrap_or(Configs::Disabled)
}

/// Run `handle`, turning a panic into an internal error (logged with the method).
fn guarded<T>(method: &str, handle: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(handle)) {
        Ok(result) => result,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_owned());
            let message = format!("{method}: internal error: {what}");
            log(&message);
            Err(Failure::new(ErrorCode::InternalError, message))
        }
    }
}

#[cfg(test)]
mod tests;
