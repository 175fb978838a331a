//! The hostile input matrix: each case is a file no release document should look like,
//! checked by the binary next to an ordinary document. Every case must end (a hang guard
//! of minutes kills a run that does not: `support::HANG_GUARD`) with status 1 or 2, name the hostile file in a finding or an error, and still
//! check the ordinary document. Inputs are built in a temporary folder at test time.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

mod support;

use support::run_command_bounded;

const BIN: &str = env!("CARGO_BIN_EXE_release-lint");

/// The ordinary document checked beside each hostile file, from the repository root.
const COMPANION: &str = "tests/data/docs/ready-open.md";

/// A document with a known finding (RL201), checked in every run: its findings show that
/// the hostile file did not stop the run.
fn companion() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(COMPANION);
    fs::read_to_string(path).expect("the companion document")
}

/// A folder with `good.md` (the companion) and a configuration that makes every file a
/// release document.
fn workspace() -> tempfile::TempDir {
    support::workspace_with(COMPANION)
}

/// Run `release-lint` in `dir`, killing it (and failing the test) if it hangs.
fn run_bounded(dir: &Path, args: &[&str]) -> Output {
    run_command_bounded(Command::new(BIN), dir, args).0
}

/// Check `name` (holding `bytes`) and `good.md`; assert the matrix's promises and return
/// the combined output.
fn check_hostile(name: &str, bytes: &[u8]) -> String {
    let dir = workspace();
    fs::write(dir.path().join(name), bytes).unwrap();
    check_paths(dir.path(), &[name, "good.md"], name, &[])
}

fn check_paths(dir: &Path, paths: &[&str], named: &str, extra: &[&str]) -> String {
    let mut args = vec!["check", "--format", "concise", "--color", "never"];
    args.extend_from_slice(extra);
    args.extend_from_slice(paths);
    let output = run_bounded(dir, &args);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let all = format!("{stdout}\n{stderr}");
    assert!(
        matches!(output.status.code(), Some(1 | 2)),
        "status {:?}\n{all}",
        output.status
    );
    assert!(
        all.contains(named),
        "the output does not name {named}:\n{all}"
    );
    assert!(
        stdout.contains("good.md:") && stdout.contains("RL201"),
        "the companion document was not checked:\n{all}"
    );
    assert!(!stderr.contains("panicked"), "{all}");
    all
}

#[test]
fn empty_file() {
    check_hostile("empty.md", b"");
}

#[test]
fn only_frontmatter() {
    check_hostile("front.md", b"---\nphase: deployment\n---\n");
}

#[test]
fn unterminated_frontmatter() {
    let all = check_hostile(
        "open.md",
        b"---\nphase: deployment\nstage: ready\n\n## Overview\n\n**Release**: X (v1)\n",
    );
    assert!(all.contains("open.md:1:1: error[RL001]"), "{all}");
}

#[test]
fn frontmatter_that_is_a_list_or_a_scalar() {
    let all = check_hostile(
        "list.md",
        b"---\n- phase\n- deployment\n---\n\n## Overview\n",
    );
    assert!(all.contains("list.md:2:1: error[RL001]"), "{all}");
    let all = check_hostile("scalar.md", b"---\njust words\n---\n\n## Overview\n");
    assert!(all.contains("error[RL001]"), "{all}");
}

#[test]
fn yaml_deep_nesting() {
    let depth = 10_000;
    let mut text = String::from("---\nphase: ");
    text.push_str(&"[".repeat(depth));
    text.push_str(&"]".repeat(depth));
    text.push_str("\n---\n\n## Overview\n");
    let all = check_hostile("deep.md", text.as_bytes());
    assert!(all.contains("recursion limit"), "{all}");
    let mut text = String::from("---\n");
    for level in 0..2_000 {
        text.push_str(&" ".repeat(level));
        text.push_str("a:\n");
    }
    text.push_str("---\n");
    check_hostile("deep-map.md", text.as_bytes());
}

#[test]
fn yaml_billion_laughs() {
    let mut text = String::from("---\nphase: deployment\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for n in 1..10 {
        let prev = n - 1;
        let refs = vec![format!("*a{prev}"); 9].join(",");
        text.push_str(&format!("a{n}: &a{n} [{refs}]\n"));
    }
    text.push_str("---\n\n## Overview\n");
    let all = check_hostile("lol.md", text.as_bytes());
    assert!(all.contains("resource bomb"), "{all}");
}

#[test]
fn non_utf8() {
    let all = check_hostile("latin1.md", b"## Overview\n\n**Release**: caf\xe9\n");
    assert!(
        all.contains("latin1.md:3:17: warning[RL008] byte 0xe9 is not UTF-8: the file looks like windows-1252"),
        "{all}"
    );
}

#[test]
fn utf16_without_a_byte_order_mark() {
    let bytes: Vec<u8> = "## Overview\n\n**Release**: v1\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    // ASCII text in UTF-16 is valid UTF-8 with a NUL after each character: RL007.
    let all = check_hostile("utf16.md", &bytes);
    assert!(all.contains("utf16.md:1:2: error[RL007]"), "{all}");
}

#[test]
fn binary_png_like() {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    bytes.extend((0..4096u32).map(|n| (n.wrapping_mul(2_654_435_761) >> 24) as u8));
    let all = check_hostile("image.md", &bytes);
    assert!(
        all.contains("image.md:2:1: error: binary data, not text (byte 0x1a)"),
        "{all}"
    );
}

#[test]
fn nul_bytes() {
    check_hostile(
        "nul.md",
        b"---\nphase: deploy\0ment\n---\n\n## Overview\n\n**Release**: \0\0 (v1)\n\0\n",
    );
}

#[test]
fn file_over_the_size_limit() {
    let line = "- [ ] a line of a very long release document\n";
    let text = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    let all = check_hostile("huge.md", text.as_bytes());
    assert!(
        all.contains("huge.md: error: larger than the limit of 10 MiB"),
        "{all}"
    );
}

#[test]
fn the_size_limit_is_configurable() {
    let dir = workspace();
    fs::write(dir.path().join("small.md"), "x".repeat(2048)).unwrap();
    let all = check_paths(
        dir.path(),
        &["small.md", "good.md"],
        "small.md",
        &["--max-file-size", "1KB"],
    );
    assert!(
        all.contains("small.md: error: larger than the limit of 1 KiB"),
        "{all}"
    );
}

/// A folder the walk cannot read is one failure of that folder, with the system's
/// reason once (not the walker's text, which repeats the path).
#[cfg(unix)]
#[test]
fn a_folder_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("doc.md"), companion()).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let mut command = Command::new(BIN);
    if fs::read_dir(&locked).is_ok() {
        // As root, permissions do not apply: run the binary as `nobody`.
        use std::os::unix::process::CommandExt;
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        command.uid(65_534).gid(65_534);
    }
    let (output, _) =
        run_command_bounded(command, dir.path(), &["check", "--format", "concise", "."]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    let failures: Vec<&str> = stdout.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(
        failures,
        ["locked: error: cannot read folder: Permission denied (os error 13)"],
        "{stdout}"
    );
    assert!(
        stdout.contains("good.md:") && stdout.contains("RL201"),
        "{stdout}"
    );
}

#[test]
fn the_size_limit_is_configurable_in_the_config_file() {
    let dir = workspace();
    fs::write(
        dir.path().join("release-lint.toml"),
        "include = [\"**\"]\nmax-file-size = \"1KB\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("small.md"), "x".repeat(2048)).unwrap();
    let all = check_paths(dir.path(), &["small.md", "good.md"], "small.md", &[]);
    assert!(
        all.contains("small.md: error: larger than the limit of 1 KiB"),
        "{all}"
    );
    // The flag wins over the configuration: with a higher limit, the file is checked.
    let output = run_bounded(
        dir.path(),
        &[
            "check",
            "--format",
            "concise",
            "--max-file-size",
            "4KB",
            "small.md",
        ],
    );
    let all = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(1), "{all}");
    assert!(
        all.contains("small.md:") && !all.contains("larger than"),
        "{all}"
    );
    // A bad value fails the run with the file, line and column.
    fs::write(
        dir.path().join("release-lint.toml"),
        "include = [\"**\"]\nmax-file-size = \"1TB\"\n",
    )
    .unwrap();
    let output = run_bounded(dir.path(), &["check", "good.md"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    assert!(
        stdout.contains(
            "release-lint.toml:2:17: bad configuration: bad size `1TB` for `max-file-size`"
        ),
        "{stdout}"
    );
}

#[test]
fn table_of_100_000_rows() {
    let mut text = companion();
    text.push_str("\n## Rollback\n\n| Step | Owner | Status |\n|---|---|---|\n");
    for n in 0..100_000 {
        text.push_str(&format!("| step {n} | ops | [ ] |\n"));
    }
    check_hostile("table.md", text.as_bytes());
}

/// A line of a megabyte with 46 placeholders on it, in the human output: each finding's
/// snippet shows the line cut around its placeholder (miette panicked on the whole line,
/// and 46 copies of it made 46 MB).
#[test]
fn a_megabyte_line_with_many_findings_in_the_human_output() {
    let words = "word ".repeat(4_400);
    let line: Vec<String> = (0..46).map(|n| format!("{words}{{{{p{n}}}}}")).collect();
    let text = companion().replacen("## ", &format!("{}\n\n## ", line.join(" ")), 1);
    assert!(text.len() > 1_000_000);
    let dir = workspace();
    fs::write(dir.path().join("long.md"), &text).unwrap();
    let output = run_bounded(dir.path(), &["check", "--color", "never", "long.md"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stdout.len() < 200_000, "{} bytes of output", stdout.len());
    for n in [0, 23, 45] {
        assert!(stdout.contains(&format!("{{{{p{n}}}}}")), "p{n}");
    }
}

#[test]
fn nesting_10_000_deep() {
    let mut quotes = companion();
    quotes.push('\n');
    quotes.push_str(&"> ".repeat(10_000));
    quotes.push_str("deep\n");
    check_hostile("quotes.md", quotes.as_bytes());
    let mut lists = companion();
    lists.push('\n');
    lists.push_str(&"- ".repeat(10_000));
    lists.push_str("deep\n");
    check_hostile("lists.md", lists.as_bytes());
}

#[test]
fn lone_cr_line_endings() {
    let text = companion().replace('\n', "\r");
    check_hostile("cr.md", text.as_bytes());
}

#[cfg(unix)]
#[test]
fn directory_symlink_loop() {
    let dir = workspace();
    let sub = dir.path().join("docs");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("a.md"), companion()).unwrap();
    std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
    std::os::unix::fs::symlink(".", sub.join("self")).unwrap();
    // The loop is not an error of the run: the walk ends, and every document is checked.
    let all = check_paths(dir.path(), &["docs", "good.md"], "docs/a.md", &[]);
    assert!(all.contains("docs/a.md:"), "{all}");
}

#[cfg(unix)]
#[test]
fn fifo_is_reported_not_read() {
    let dir = workspace();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let all = check_paths(dir.path(), &["pipe.md", "good.md"], "pipe.md", &[]);
    assert!(all.contains("pipe.md: error: not a regular file"), "{all}");
}

/// Whether permissions apply to this process (they do not for root).
#[cfg(unix)]
fn permissions_apply(probe: &Path) -> bool {
    fs::File::open(probe).is_err()
}

#[cfg(unix)]
#[test]
fn file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    let path: PathBuf = dir.path().join("secret.md");
    fs::write(&path, companion()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if permissions_apply(&path) {
        let all = check_paths(dir.path(), &["secret.md", "good.md"], "secret.md", &[]);
        assert!(all.contains("secret.md: error: cannot read file"), "{all}");
        return;
    }
    // As root, permissions do not apply to this process: run the binary as `nobody`
    // (uid and gid 65534), for whom they do.
    use std::os::unix::process::CommandExt;
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let mut command = Command::new(BIN);
    command.uid(65_534).gid(65_534);
    let (output, _) = run_command_bounded(
        command,
        dir.path(),
        &["check", "--format", "concise", "secret.md", "good.md"],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("secret.md: error: cannot read file: Permission denied"),
        "{stdout}"
    );
    assert!(
        stdout.contains("good.md:") && stdout.contains("RL201"),
        "{stdout}"
    );
}

/// A path that does not exist, named next to a good file: the run goes on and says so.
#[test]
fn a_missing_file_named_on_the_command_line() {
    let dir = workspace();
    let all = check_paths(dir.path(), &["gone.md", "good.md"], "gone.md", &[]);
    assert!(
        all.contains("gone.md: error: no such file or directory"),
        "{all}"
    );
}

/// A file that vanishes between the walk and the read, made deterministic: a symbolic
/// link to a file that is gone is found like a file (when named, and by the walk) but
/// cannot be opened, which is exactly the state of a file removed after it was found.
#[cfg(unix)]
#[test]
fn a_file_gone_between_the_walk_and_the_read() {
    let dir = workspace();
    std::os::unix::fs::symlink("removed.md", dir.path().join("vanished.md")).unwrap();
    let all = check_paths(dir.path(), &["vanished.md", "good.md"], "vanished.md", &[]);
    assert!(
        all.contains("vanished.md: error: no such file (removed during the run"),
        "{all}"
    );
    let output = run_bounded(dir.path(), &["check", "--format", "concise", "."]);
    let all = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(2), "{all}");
    assert!(
        all.contains("vanished.md") && all.contains("good.md:"),
        "{all}"
    );
}

/// Files removed by another thread while runs walk and read them: however the race
/// falls, each run ends with status 1 or 2, without a panic, checks the file that stays,
/// and reports each vanished file it had found as gone. Which step the removal hits
/// (before the walk, between the walk and the read, after the read) varies from run to
/// run; the assertions hold for every one of them.
#[test]
fn files_removed_during_runs() {
    let dir = workspace();
    let victims = dir.path().join("victims");
    fs::create_dir(&victims).unwrap();
    let text = companion();
    let mut reported_gone = 0;
    for run in 0..8 {
        for n in 0..200 {
            fs::write(victims.join(format!("v{n}.md")), &text).unwrap();
        }
        // The run takes about a second in a debug build: start removing at a different
        // moment each time, one file a millisecond, so that some files are found by the
        // walk and gone by the time they are read.
        let remover = {
            let victims = victims.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(10 * run));
                for n in (0..200).rev() {
                    let _ = fs::remove_file(victims.join(format!("v{n}.md")));
                    std::thread::sleep(Duration::from_millis(1));
                }
            })
        };
        let output = run_bounded(
            dir.path(),
            &["check", "--format", "concise", "good.md", "victims"],
        );
        remover.join().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            matches!(output.status.code(), Some(1 | 2)),
            "{:?}\n{stderr}",
            output.status
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            stdout.contains("good.md:") && stdout.contains("RL201"),
            "{stdout}"
        );
        assert_eq!(stderr, "", "the concise report says each failure itself");
        // The lines of files that could not be checked: `path: error: message`.
        for line in stdout.lines().filter(|l| l.contains(": error: ")) {
            assert!(
                line.contains("victims/v") && line.to_lowercase().contains("no such file"),
                "an unexpected error: {line}\n{stdout}"
            );
            reported_gone += 1;
        }
    }
    eprintln!("{reported_gone} files reported gone over 8 runs");
}

#[test]
fn standard_input_over_the_size_limit() {
    use std::io::Write;
    let dir = workspace();
    let mut child = Command::new(BIN)
        .args([
            "check",
            "--format",
            "concise",
            "--max-file-size",
            "1KB",
            "--stdin-filename",
            "piped.md",
            "-",
            "good.md",
        ])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("release-lint runs");
    let mut stdin = child.stdin.take().unwrap();
    // The writer may see a broken pipe once the limit is reached; that is fine.
    let _ = stdin.write_all(&companion().repeat(100).into_bytes());
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let all = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(2), "{all}");
    assert!(
        all.contains("piped.md: error: larger than the limit of 1 KiB"),
        "{all}"
    );
    assert!(all.contains("good.md:") && all.contains("RL201"), "{all}");
}
