//! `release-lint fix --unsafe-fixes` over the hostile inputs of `hostile_inputs.rs`, each
//! next to an ordinary document with a fixable finding: the run ends without a panic,
//! the ordinary document is fixed, a hostile file is either left as it was or written as
//! text that parses no worse than before, and the exit status is the one `check` gives
//! for the hostile file (`2` when it could not be checked).

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

mod support;

use release_rules::Document;
use support::run_command_bounded;

const BIN: &str = env!("CARGO_BIN_EXE_release-lint");

/// The ordinary document checked beside each hostile file, from the repository root.
const COMPANION: &str = "fixtures/rules/RL403/bad.md";

/// The ordinary document: two Durations that `fix` recomputes.
fn companion() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(COMPANION);
    fs::read_to_string(path).expect("the companion document")
}

/// A folder with `good.md` (the companion) and a configuration that makes every file a
/// release document.
fn workspace() -> tempfile::TempDir {
    support::workspace_with(COMPANION)
}

fn run(command: Command, dir: &Path, args: &[&str]) -> Output {
    run_command_bounded(command, dir, args).0
}

fn release_lint() -> Command {
    let mut command = Command::new(BIN);
    command
        .env("NO_COLOR", "1")
        .env("RELEASE_LINT_TODAY", "2026-12-03");
    command
}

/// How many structural problems the bytes parse with, when they are text at all.
fn problems(bytes: &[u8]) -> Option<usize> {
    Document::from_bytes(bytes.to_vec())
        .ok()
        .map(|d| d.parsed().problems.len())
}

/// What a run of [`fix_hostile`] gave.
struct Ran {
    /// The exit status.
    code: Option<i32>,
    /// Standard output and standard error.
    all: String,
    /// The hostile file's bytes after the run.
    after: Vec<u8>,
}

/// Fix `name` (holding `bytes`) and `good.md` with `extra` flags; assert the promises of
/// the module and return what the run gave.
fn fix_hostile(name: &str, bytes: &[u8], extra: &[&str]) -> Ran {
    let dir = workspace();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    let mut args = vec!["fix", "--unsafe-fixes", "--format", "concise"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[name, "good.md"]);
    let output = run(release_lint(), dir.path(), &args);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let all = format!("{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{all}");
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "status {:?}\n{all}",
        output.status
    );
    assert!(
        all.contains(name),
        "the output does not name {name}:\n{all}"
    );
    let good = fs::read_to_string(dir.path().join("good.md")).unwrap();
    assert!(
        good.contains("| 14:12 | 14:20 | 8m |"),
        "the ordinary document was not fixed:\n{all}"
    );
    let after = fs::read(&path).unwrap();
    if after != bytes {
        let before = problems(bytes).expect("a file fix wrote was text");
        let now = problems(&after).expect("fix wrote text that does not read back");
        assert!(now <= before, "{name} parses worse after fix:\n{all}");
    } else {
        // Nothing written: the status is check's for the file alone.
        let alone = |verb: &str| {
            let mut args = vec![verb];
            args.extend_from_slice(extra);
            args.push(name);
            run(release_lint(), dir.path(), &args)
        };
        let fixed = alone("fix");
        let checked = alone("check");
        assert_eq!(
            fixed.status.code(),
            checked.status.code(),
            "fix and check disagree on {name}:\n{}",
            String::from_utf8_lossy(&fixed.stdout)
        );
        assert_eq!(
            fs::read(&path).unwrap(),
            bytes,
            "{name} written by the second run"
        );
    }
    Ran {
        code: output.status.code(),
        all,
        after,
    }
}

#[test]
fn empty_and_frontmatter_only() {
    fix_hostile("empty.md", b"", &[]);
    fix_hostile("front.md", b"---\nphase: deployment\n---\n", &[]);
}

#[test]
fn broken_yaml() {
    let Ran { all, .. } = fix_hostile(
        "open.md",
        b"---\nphase: deployment\nstage: ready\n\n## Overview\n\n**Release**: X (v1)\n",
        &[],
    );
    assert!(all.contains("open.md:1:1: error[RL001]"), "{all}");
    fix_hostile(
        "list.md",
        b"---\n- phase\n- deployment\n---\n\n## Overview\n",
        &[],
    );
    let mut deep = String::from("---\nphase: ");
    deep.push_str(&"[".repeat(10_000));
    deep.push_str(&"]".repeat(10_000));
    deep.push_str("\n---\n\n## Overview\n");
    fix_hostile("deep.md", deep.as_bytes(), &[]);
    let mut lol = String::from("---\nphase: deployment\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for n in 1..10 {
        let refs = vec![format!("*a{}", n - 1); 9].join(",");
        lol.push_str(&format!("a{n}: &a{n} [{refs}]\n"));
    }
    lol.push_str("---\n\n## Overview\n");
    fix_hostile("lol.md", lol.as_bytes(), &[]);
}

#[test]
fn broken_yaml_over_a_fixable_document_keeps_the_yaml_as_it_is() {
    // The frontmatter does not parse; the timeline below it is still fixed, and the
    // broken YAML comes back byte for byte.
    let text = companion().replacen(
        "component: \"Payments API\"\n",
        "component: \"Payments API\" (team)\n",
        1,
    );
    let dir = workspace();
    fs::write(dir.path().join("yaml.md"), &text).unwrap();
    let output = run(release_lint(), dir.path(), &["fix", "yaml.md"]);
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
    let after = fs::read_to_string(dir.path().join("yaml.md")).unwrap();
    assert!(
        after.starts_with("---\ncomponent: \"Payments API\" (team)\n"),
        "{after}"
    );
    assert_eq!(problems(after.as_bytes()), problems(text.as_bytes()));
}

#[test]
fn other_encodings_are_checked_but_not_written() {
    let Ran { all, .. } = fix_hostile("latin1.md", b"## Overview\n\n**Release**: caf\xe9\n", &[]);
    assert!(
        all.contains("not fixed: the file is windows-1252 text"),
        "{all}"
    );
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(companion().encode_utf16().flat_map(u16::to_le_bytes));
    let Ran { all, .. } = fix_hostile("utf16.md", &utf16, &[]);
    assert!(
        all.contains("utf16.md: not fixed: the file is UTF-16"),
        "{all}"
    );
    let bare: Vec<u8> = "## Overview\n\n**Release**: v1\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fix_hostile("utf16-bare.md", &bare, &[]);
}

#[test]
fn binary_and_nul_bytes() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec();
    png.extend((0..4096u32).map(|n| (n.wrapping_mul(2_654_435_761) >> 24) as u8));
    fix_hostile("image.md", &png, &[]);
    fix_hostile(
        "nul.md",
        b"---\nphase: deploy\0ment\n---\n\n## Overview\n\n**Release**: \0\0 (v1)\n\0\n",
        &[],
    );
    let with_nul = companion().replacen("| 21m |", "| 21m\0 |", 1);
    let ran = fix_hostile("fixable-nul.md", with_nul.as_bytes(), &[]);
    assert_eq!(ran.code, Some(1), "RL007 is an error: {}", ran.all);
}

#[test]
fn huge_lines_and_deep_nesting() {
    let words = "word ".repeat(4_400);
    let line: Vec<String> = (0..46).map(|n| format!("{words}{{{{p{n}}}}}")).collect();
    let long = companion().replacen("## ", &format!("{}\n\n## ", line.join(" ")), 1);
    assert!(long.len() > 1_000_000);
    fix_hostile("long.md", long.as_bytes(), &[]);
    let mut quotes = companion();
    quotes.push('\n');
    quotes.push_str(&"> ".repeat(10_000));
    quotes.push_str("deep\n");
    fix_hostile("quotes.md", quotes.as_bytes(), &[]);
}

#[test]
fn lone_cr_and_crlf_documents() {
    fix_hostile("cr.md", companion().replace('\n', "\r").as_bytes(), &[]);
    let crlf = companion().replace('\n', "\r\n");
    let ran = fix_hostile("crlf.md", crlf.as_bytes(), &[]);
    let fixed = String::from_utf8(ran.after).unwrap();
    assert!(fixed.contains("| 14:12 | 14:20 | 8m |"), "{}", ran.all);
    assert_eq!(fixed.matches("\r\n").count(), crlf.matches("\r\n").count());
}

#[test]
fn a_file_over_the_size_limit_fails_the_run_and_the_others_are_fixed() {
    let big = companion().repeat(4);
    let ran = fix_hostile("big.md", big.as_bytes(), &["--max-file-size", "2KB"]);
    assert_eq!(ran.code, Some(2), "{}", ran.all);
    let all = ran.all;
    assert!(
        all.contains("big.md: error: larger than the limit of 2 KiB"),
        "{all}"
    );
}

/// A file that cannot be read fails the run (status 2); the others are still fixed.
#[cfg(unix)]
#[test]
fn a_file_without_read_permission_fails_the_run_and_the_others_are_fixed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    let locked = dir.path().join("locked.md");
    fs::write(&locked, companion()).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let mut command = release_lint();
    if fs::read(&locked).is_ok() {
        // As root, permissions do not apply: run the binary as `nobody`, who may write
        // the folder and `good.md` but not read `locked.md`.
        use std::os::unix::process::CommandExt;
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
        let good = dir.path().join("good.md");
        fs::set_permissions(&good, fs::Permissions::from_mode(0o666)).unwrap();
        fs::set_permissions(
            dir.path().join("release-lint.toml"),
            fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        command.uid(65_534).gid(65_534);
    }
    let output = run(
        command,
        dir.path(),
        &["fix", "--format", "concise", "locked.md", "good.md"],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("locked.md: error:"), "{stdout}");
    let good = fs::read_to_string(dir.path().join("good.md")).unwrap();
    assert!(good.contains("| 14:12 | 14:20 | 8m |"), "{stdout}");
}
