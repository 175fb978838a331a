//! Nothing is lost: `check` writes nothing; `new -o`, `init` and `hook install` never
//! replace a file without `--force` and leave no temporary file behind when a write fails
//! (a read-only folder, or a target that cannot be replaced).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
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
    if !read_only_applies(&target) {
        set_mode(&target, 0o755);
        eprintln!("skipped: permissions do not apply (running as root)");
        return;
    }
    let new = release_lint(dir.path(), &["new", "-o", "out/release.md"]);
    let init = release_lint(dir.path(), &["init", "out"]);
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
