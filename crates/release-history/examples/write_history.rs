//! Write the generated history of the tests (release documents under `DIR/releases`,
//! git repositories under `DIR/repos`), for `scripts/test-report-html.sh` and for trying
//! `release-lint report` by hand:
//!
//! ```text
//! cargo run -p release-history --example write_history -- /tmp/history
//! release-lint report /tmp/history/releases --repo /tmp/history/repos/payments --repo /tmp/history/repos/ledger
//! ```

#[path = "../tests/support/mod.rs"]
mod support;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: write_history DIR");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    support::write_documents(&dir.join("releases"));
    support::write_repos(&dir.join("repos"));
}
