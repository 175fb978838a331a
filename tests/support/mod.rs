//! Helpers shared by the end-to-end test files (each `tests/*.rs` is its own crate and
//! uses only some of them).
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long a run may take before it is taken for a hang: minutes, far above what any
/// case needs even in a debug build on a machine whose cores are all busy. It catches
/// hangs and runaway loops, not slowness: a limit of seconds made the suite fail under
/// load. The work of every case is bounded by its input's size instead (size limits,
/// nesting and fuel budgets, linear rules), which the cases themselves check.
pub const HANG_GUARD: Duration = Duration::from_secs(5 * 60);

/// Run `command` (`release-lint`, perhaps as another user) in `dir`, killing it (and
/// failing the test) after [`HANG_GUARD`]; its output and how long it took.
pub fn run_command_bounded(mut command: Command, dir: &Path, args: &[&str]) -> (Output, Duration) {
    let limit = HANG_GUARD;
    let mut child = command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("release-lint runs");
    // Drain the pipes on threads so a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut buf).map(|_| buf)
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut buf).map(|_| buf)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("release-lint {args:?} took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    let output = Output {
        status,
        stdout: out.join().unwrap().unwrap(),
        stderr: err.join().unwrap().unwrap(),
    };
    (output, took)
}

/// Every name in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A folder holding `good.md` (the text of the repository file `companion`) and a
/// configuration that makes every file a release document, so that a hostile file put
/// beside it is read rather than skipped as "not a release document".
pub fn workspace_with(companion: &str) -> tempfile::TempDir {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(companion);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("good.md"), text).unwrap();
    fs::write(dir.path().join("release-lint.toml"), "include = [\"**\"]\n").unwrap();
    dir
}
