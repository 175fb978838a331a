//! Nothing is lost: `check` writes nothing; `new -o`, `init` and `hook install` never
//! replace a file without `--force` and leave no temporary file behind when a write fails
//! (a read-only folder, or a target that cannot be replaced).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod support;

use support::names;

const BIN: &str = env!("CARGO_BIN_EXE_release-lint");

fn release_lint(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("release-lint runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file and folder under `dir` with its contents and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).unwrap();
            let bytes = if meta.is_file() {
                fs::read(&path).unwrap()
            } else {
                Vec::new()
            };
            if meta.is_dir() {
                stack.push(path.clone());
            }
            out.insert(path, (bytes, meta.modified().unwrap()));
        }
    }
    out
}

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/docs")
}

#[test]
fn check_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(docs()).unwrap().flatten() {
        if !entry.path().is_file() {
            continue;
        }
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    fs::write(dir.path().join("release-lint.toml"), "include = [\"**\"]\n").unwrap();
    fs::write(dir.path().join("bad.md"), b"\xff\xfe").unwrap();
    let before = snapshot(dir.path());
    for format in ["human", "concise", "json", "sarif", "github"] {
        let output = release_lint(dir.path(), &["check", "--format", format]);
        assert!(
            matches!(output.status.code(), Some(1 | 2)),
            "{}",
            stderr(&output)
        );
    }
    let output = release_lint(dir.path(), &["check", "--statistics"]);
    assert!(output.status.code().is_some(), "{}", stderr(&output));
    assert_eq!(snapshot(dir.path()), before, "check changed the folder");
}

/// Whether permissions apply to this process (they do not for root): try to create a
/// file in `dir`, which has just been made read-only.
#[cfg(unix)]
fn read_only_applies(dir: &Path) -> bool {
    let probe = dir.join(".probe");
    match fs::write(&probe, b"") {
        Ok(()) => {
            let _ = fs::remove_file(probe);
            false
        }
        Err(_) => true,
    }
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out");
    fs::create_dir(&target).unwrap();
    set_mode(&target, 0o555);
    // As root, permissions do not apply to this process: run the binary as `nobody`
    // (uid and gid 65534), for whom they do.
    let as_nobody = !read_only_applies(&target);
    set_mode(dir.path(), 0o755);
    let run = |args: &[&str]| {
        use std::os::unix::process::CommandExt;
        let mut command = Command::new(BIN);
        if as_nobody {
            command.uid(65_534).gid(65_534);
        }
        command
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("release-lint runs")
    };
    let new = run(&["new", "-o", "out/release.md"]);
    let init = run(&["init", "out"]);
    set_mode(&target, 0o755);
    for (what, output) in [("new", new), ("init", init)] {
        assert_eq!(output.status.code(), Some(2), "{what}: {}", stderr(&output));
        assert!(
            stderr(&output).contains("out"),
            "{what}: {}",
            stderr(&output)
        );
    }
    assert!(
        names(&target).is_empty(),
        "left behind: {:?}",
        names(&target)
    );
}

/// A target that is a folder cannot be replaced by a file: the write fails after the
/// temporary file exists, which must then be removed. Works as root too.
#[test]
fn a_failed_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("release.md")).unwrap();
    for args in [
        &["new", "-o", "release.md", "--force"][..],
        &["new", "-o", "release.md"][..],
    ] {
        let output = release_lint(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("release.md"),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(names(dir.path()), ["release.md"], "{args:?}");
        assert!(dir.path().join("release.md").is_dir());
    }
}

#[test]
fn the_hook_is_not_replaced_by_a_failed_write() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
    };
    if !git(&["init", "-q"]).is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: git is not available");
        return;
    }
    let hooks = dir.path().join(".git/hooks");
    fs::create_dir_all(hooks.join("pre-commit")).unwrap();
    let before = names(&hooks);
    let output = release_lint(dir.path(), &["hook", "install", "--force"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("pre-commit"),
        "{}",
        stderr(&output)
    );
    assert_eq!(names(&hooks), before, "a temporary file was left behind");
}

/// Run `release-lint` as on a full disk: with a file size limit (`RLIMIT_FSIZE`) of 0,
/// every write to a regular file fails with `EFBIG`, as it would with `ENOSPC`. The
/// shell ignores `SIGXFSZ` first (an ignored signal stays ignored across `exec`), so the
/// write returns the error instead of killing the process.
#[cfg(unix)]
fn release_lint_on_a_full_disk(dir: &Path, args: &[&str]) -> Output {
    Command::new("sh")
        .args(["-c", "trap '' XFSZ; ulimit -f 0 && exec \"$@\"", "sh", BIN])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("sh runs")
}

#[cfg(unix)]
#[track_caller]
fn assert_failed_write(output: &Output, names: &str) {
    let stderr = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(names), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn a_full_disk_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // `new -o`: nothing is written, no temporary file is left.
    let output = release_lint_on_a_full_disk(dir.path(), &["new", "-o", "release.md"]);
    assert_failed_write(&output, "release.md");
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    // `new -o --force` over a document: the old one is kept as it was.
    fs::write(dir.path().join("release.md"), "# the old document\n").unwrap();
    let output = release_lint_on_a_full_disk(dir.path(), &["new", "-o", "release.md", "--force"]);
    assert_failed_write(&output, "release.md");
    assert_eq!(names(dir.path()), ["release.md"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("release.md")).unwrap(),
        "# the old document\n"
    );
    // `init`.
    let sub = dir.path().join("team");
    fs::create_dir(&sub).unwrap();
    let output = release_lint_on_a_full_disk(dir.path(), &["init", "team"]);
    assert_failed_write(&output, "release-lint.toml");
    assert!(names(&sub).is_empty(), "{:?}", names(&sub));
    // The same commands succeed without the limit: the limit is what failed them.
    let output = release_lint(dir.path(), &["init", "team"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_the_git_hook_alone() {
    let dir = tempfile::tempdir().unwrap();
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir.path())
        .output();
    if !git.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: git is not available");
        return;
    }
    let hooks = dir.path().join(".git/hooks");
    fs::create_dir_all(&hooks).unwrap();
    // No hook yet: none is written.
    let before = names(&hooks);
    let output = release_lint_on_a_full_disk(dir.path(), &["hook", "install"]);
    assert_failed_write(&output, "pre-commit");
    assert_eq!(names(&hooks), before, "a file was left behind");
    // A foreign hook replaced with --force: it is kept as it was.
    fs::write(hooks.join("pre-commit"), "#!/bin/sh\nexit 0\n").unwrap();
    let before = names(&hooks);
    let output = release_lint_on_a_full_disk(dir.path(), &["hook", "install", "--force"]);
    assert_failed_write(&output, "pre-commit");
    assert_eq!(names(&hooks), before, "a file was left behind");
    assert_eq!(
        fs::read_to_string(hooks.join("pre-commit")).unwrap(),
        "#!/bin/sh\nexit 0\n"
    );
}

#[test]
fn init_never_replaces_a_configuration() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(".release-lint.toml"), "# mine\n").unwrap();
    let output = release_lint(dir.path(), &["init"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );
    assert_eq!(names(dir.path()), [".release-lint.toml"]);
    assert_eq!(
        fs::read_to_string(dir.path().join(".release-lint.toml")).unwrap(),
        "# mine\n"
    );
}
