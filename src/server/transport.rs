//! The stdio transport: lsp-server's message framing, read and written on two threads.
//! Unlike `lsp_server::Connection::stdio`, a message that cannot be read (a bad header,
//! a body that is not JSON or not a JSON-RPC message) is logged and skipped instead of
//! ending the connection.

use std::io::{self, ErrorKind, Write};
use std::thread::{self, JoinHandle};

use crossbeam_channel::{unbounded, Receiver, Sender};
use lsp_server::Message;

/// The two ends of the connection and the writer thread, to wait for when done.
pub struct Stdio {
    /// Messages to the client.
    pub sender: Sender<Message>,
    /// Messages from the client.
    pub receiver: Receiver<Message>,
    writer: JoinHandle<()>,
}

impl Stdio {
    /// Start reading standard input and writing standard output.
    pub fn start() -> io::Result<Self> {
        let (to_server, receiver) = unbounded::<Message>();
        thread::Builder::new()
            .name("lsp-reader".to_owned())
            .spawn(move || read(&mut io::stdin().lock(), &to_server))?;
        let (sender, from_server) = unbounded::<Message>();
        let writer = thread::Builder::new()
            .name("lsp-writer".to_owned())
            .spawn(move || {
                let mut out = io::stdout().lock();
                for message in from_server {
                    if message.write(&mut out).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Self {
            sender,
            receiver,
            writer,
        })
    }

    /// Close the server's end and wait until every message sent has been written.
    pub fn finish(self) {
        drop(self.sender);
        let _ = self.writer.join();
    }
}

/// Read messages from `input` into `to_server` until the end of the input, the `exit`
/// notification, or the server's end being closed.
pub fn read(input: &mut impl io::BufRead, to_server: &Sender<Message>) {
    loop {
        match Message::read(input) {
            Ok(Some(message)) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || exit {
                    return;
                }
            }
            Ok(None) => return,
            Err(err) if err.kind() == ErrorKind::InvalidData => {
                log(&format!("skipped a message that could not be read: {err}"));
            }
            Err(err) => {
                log(&format!("stopped reading: {err}"));
                return;
            }
        }
    }
}

/// A line on standard error, where editors collect a server's log.
pub fn log(line: &str) {
    let _ = writeln!(io::stderr(), "release-lint server: {line}");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn unreadable_messages_are_skipped() {
        let input = [
            framed("{not json"),
            framed(r#"{"jsonrpc":"2.0","what":1}"#),
            framed(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
            framed(r#"{"jsonrpc":"2.0","method":"exit"}"#),
            framed(r#"{"jsonrpc":"2.0","id":2,"method":"after exit"}"#),
        ]
        .concat();
        let (sender, receiver) = unbounded();
        read(&mut input.as_bytes(), &sender);
        let methods: Vec<String> = receiver
            .try_iter()
            .map(|m| match m {
                Message::Request(r) => r.method,
                Message::Notification(n) => n.method,
                Message::Response(_) => "response".to_owned(),
            })
            .collect();
        assert_eq!(methods, ["shutdown", "exit"]);
    }

    #[test]
    fn a_truncated_message_ends_the_input() {
        let (sender, receiver) = unbounded();
        read(&mut "Content-Length: 99\r\n\r\n{}".as_bytes(), &sender);
        assert_eq!(receiver.try_iter().count(), 0);
    }
}
