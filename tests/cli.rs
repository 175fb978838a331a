//! End-to-end tests of the binary that do not fit a `tests/cmd` case: SARIF against the
//! OASIS schema, a closed stdout pipe, files that could not be checked in every format,
//! `--output-file` and `--exit-zero`, documents in other encodings, colour, the listing
//! commands, `init`, and the native git hook.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_release-lint");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn docs() -> PathBuf {
    root().join("tests/data/docs")
}

fn release_lint(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("release-lint runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let output = release_lint(
        &docs(),
        &[
            "check",
            "--select",
            "RL201,RL009",
            "--format",
            "sarif",
            "ready-open.md",
            "suppressed.md",
            "crlf.md",
            "ready-done.md",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does reject what is not SARIF.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));

    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let rl201 = rules.iter().find(|r| r["id"] == "RL201").unwrap();
    assert_eq!(rl201["name"], "unchecked-prerequisite");
    assert_eq!(rl201["defaultConfiguration"]["level"], "error");
    assert!(rl201["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("## What it does"));
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3, "{results:#?}");
    let first = &results[0];
    assert_eq!(first["ruleId"], "RL201");
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "RL201"
    );
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "crlf.md");
    assert_eq!(location["region"]["startLine"], 10);
    assert_eq!(location["region"]["startColumn"], 1);
    // `- [ ] Código revisado` is 21 characters (22 bytes): columns count characters.
    assert_eq!(location["region"]["endColumn"], 22);
    assert!(results.iter().any(|r| r["level"] == "warning"));
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

fn schema_errors(log: &serde_json::Value) -> Vec<String> {
    sarif_validator()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Each rule links to its page: `<docs-url>/<CODE>.md`, by default under the repository
/// of Cargo.toml, and the driver to the repository.
#[test]
fn sarif_rules_link_to_their_docs() {
    let output = release_lint(&docs(), &["check", "--format", "sarif", "ready-done.md"]);
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let driver = &log["runs"][0]["tool"]["driver"];
    let repository = env!("CARGO_PKG_REPOSITORY");
    assert_eq!(driver["informationUri"], repository);
    let rl201 = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "RL201")
        .unwrap();
    assert_eq!(
        rl201["helpUri"],
        format!("{repository}/docs/rules/RL201.md")
    );
    assert!(root().join("docs/rules/RL201.md").is_file());

    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(docs().join("ready-done.md"), dir.path().join("doc.md")).unwrap();
    std::fs::write(
        dir.path().join("release-lint.toml"),
        "docs-url = \"https://docs.example.com/release-lint/rules/\"\n",
    )
    .unwrap();
    let output = release_lint(dir.path(), &["check", "--format", "sarif", "doc.md"]);
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.iter().all(|r| r["helpUri"]
        == format!(
            "https://docs.example.com/release-lint/rules/{}.md",
            r["id"].as_str().unwrap()
        )));
    assert!(schema_errors(&log).is_empty(), "{:#?}", schema_errors(&log));
}

/// A file that could not be checked is in every format's report, and counted, so that a
/// tool reading only the report sees the run fail.
#[test]
fn every_format_carries_the_files_that_could_not_be_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(docs().join("ready-open.md"), dir.path().join("good.md")).unwrap();
    std::fs::write(
        dir.path().join("image.md"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let args = |format: &'static str| {
        vec![
            "check", "--select", "RL201", "--format", format, "image.md", "gone.md", "good.md",
        ]
    };

    let json = release_lint(dir.path(), &args("json"));
    assert_eq!(json.status.code(), Some(2), "{}", stderr(&json));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["gone.md", "good.md", "image.md"]);
    assert_eq!(
        files[0]["error"],
        serde_json::json!({"message": "no such file or directory", "line": null, "column": null})
    );
    assert_eq!(files[0]["stage"], serde_json::Value::Null);
    assert_eq!(files[1]["error"], serde_json::Value::Null);
    assert_eq!(files[2]["error"]["line"], 2);
    assert_eq!(files[2]["error"]["column"], 1);
    assert!(files[2]["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("binary data, not text"));
    assert_eq!(report["summary"]["failed"], 2);
    assert_eq!(report["summary"]["files"], 1);
    // Beside a report for machines, the failures are said on standard error too.
    assert!(
        stderr(&json).contains("release-lint: error: image.md:2:1: binary data"),
        "{}",
        stderr(&json)
    );

    let sarif = release_lint(dir.path(), &args("sarif"));
    assert_eq!(sarif.status.code(), Some(2));
    let log: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert!(schema_errors(&log).is_empty(), "{:#?}", schema_errors(&log));
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0]["level"], "error");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "gone.md"
    );
    assert_eq!(
        notes[1]["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 1);

    let github = release_lint(dir.path(), &args("github"));
    assert!(
        stdout(&github).contains(
            "::error file=gone.md,title=release-lint%3A not checked::no such file or directory\n"
        ),
        "{}",
        stdout(&github)
    );
    assert!(
        stdout(&github).contains("::error file=image.md,line=2,col=1,"),
        "{}",
        stdout(&github)
    );

    let concise = release_lint(dir.path(), &args("concise"));
    assert_eq!(concise.status.code(), Some(2));
    let text = stdout(&concise);
    assert!(
        text.starts_with("gone.md: error: no such file or directory\ngood.md:"),
        "{text}"
    );
    assert!(
        text.contains("\nimage.md:2:1: error: binary data, not text"),
        "{text}"
    );
    assert!(
        text.ends_with("1 error in 1 release document (2 files not checked)\n"),
        "{text}"
    );
    // Shown once: the report on the terminal already says it.
    assert_eq!(stderr(&concise), "");

    let human = release_lint(dir.path(), &args("human"));
    let text = stdout(&human);
    assert!(
        text.contains("not checked") && text.contains("× gone.md: no such file or directory"),
        "{text}"
    );
    assert!(text.contains("× image.md:2:1: binary data"), "{text}");
}

/// A run that checked nothing prints its errors, not "no findings in 0 release documents".
#[test]
fn a_failed_run_prints_only_its_errors() {
    for format in ["human", "concise"] {
        let output = release_lint(&docs(), &["check", "--format", format, "nope.md"]);
        assert_eq!(output.status.code(), Some(2));
        let text = stdout(&output);
        assert!(
            text.contains("nope.md") && text.contains("no such file or directory"),
            "{text}"
        );
        assert!(!text.contains("release document"), "{text}");
    }
    let output = release_lint(
        &docs(),
        &["check", "--config", "missing.toml", "ready-done.md"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "release-lint: error: missing.toml: no such configuration file\n"
    );
}

/// `--output-file`: the report goes to the file, replaced in one step, and the terminal
/// gets the summary line; `--exit-zero` keeps findings from failing the run, but not a
/// file that could not be checked.
#[test]
fn the_report_can_go_to_a_file_and_findings_need_not_fail() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(docs().join("ready-open.md"), dir.path().join("open.md")).unwrap();
    std::fs::write(dir.path().join("out"), "").unwrap();
    std::fs::write(dir.path().join("out/report.json"), "old").unwrap_err();
    std::fs::remove_file(dir.path().join("out")).unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::fs::write(dir.path().join("out/report.json"), "old").unwrap();
    let args = [
        "check",
        "--select",
        "RL201",
        "--format",
        "json",
        "--output-file",
        "out/report.json",
        "open.md",
    ];
    let output = release_lint(dir.path(), &args);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stdout(&output), "1 error in 1 release document\n");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/report.json")).unwrap())
            .unwrap();
    assert_eq!(report["files"][0]["diagnostics"][0]["code"], "RL201");
    // No temporary file is left beside it.
    assert_eq!(
        std::fs::read_dir(dir.path().join("out")).unwrap().count(),
        1
    );

    let mut quiet = args.to_vec();
    quiet.extend(["--exit-zero", "--quiet"]);
    let output = release_lint(dir.path(), &quiet);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");

    let mut failing = quiet.clone();
    failing.push("nope.md");
    let output = release_lint(dir.path(), &failing);
    assert_eq!(output.status.code(), Some(2));
    // The report is in the file: the error is said on the terminal.
    assert_eq!(
        stderr(&output),
        "release-lint: error: nope.md: no such file or directory\n"
    );
    let report = std::fs::read_to_string(dir.path().join("out/report.json")).unwrap();
    assert!(report.contains("\"failed\": 1"), "{report}");

    // A folder that cannot take the file fails the run before anything is checked.
    let output = release_lint(
        dir.path(),
        &["check", "--output-file", "missing/report.txt", "open.md"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("missing/report.txt: cannot write (--output-file)"),
        "{}",
        stderr(&output)
    );
}

/// UTF-16 (with a byte order mark) and Windows-1252 files are checked as decoded, with
/// a `not-utf8` warning at the first byte that is not UTF-8 and true line numbers.
#[test]
fn utf16_and_windows_1252_documents_are_checked_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(docs().join("ready-open.md")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        text.replace('\n', "\r\n")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(dir.path().join("utf16.md"), utf16).unwrap();
    let cp1252 = text.replacen("Code review completed", "Code review compl\u{e9}ted", 1);
    let cp1252: Vec<u8> = cp1252
        .chars()
        .map(|c| match c {
            '\u{e9}' => 0xE9,
            '\u{2014}' => 0x97,
            c => u8::try_from(c).ok().filter(u8::is_ascii).expect("ASCII"),
        })
        .collect();
    std::fs::write(dir.path().join("cp1252.md"), cp1252).unwrap();
    let output = release_lint(
        dir.path(),
        &[
            "check",
            "--select",
            "RL201,RL008",
            "--format",
            "concise",
            "cp1252.md",
            "utf16.md",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "cp1252.md:17:1: error[RL201] prerequisite `Code review compl\u{e9}ted and approved` (Code & Testing) is not done at stage `ready`; expected `[x]` or `N/A: reason`",
            "cp1252.md:17:24: warning[RL008] byte 0xe9 is not UTF-8: the file looks like windows-1252 and was decoded as such, but UTF-8 is expected: save it as UTF-8",
            "utf16.md:1:1: warning[RL008] the file is UTF-16LE (it starts with a UTF-16 byte order mark, byte 0xff), not UTF-8; it was decoded to check it, but UTF-8 is required: save it as UTF-8",
            "utf16.md:17:1: error[RL201] prerequisite `Code review completed and approved` (Code & Testing) is not done at stage `ready`; expected `[x]` or `N/A: reason`",
            "2 errors, 2 warnings in 2 release documents",
        ],
        "{text}"
    );
}

/// `parse` reads files as `check` does: UTF-16 decoded, binary data refused.
#[test]
fn parse_decodes_utf16_and_refuses_binary_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xFE, 0xFF];
    utf16.extend(
        "---\nphase: deployment\n---\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes),
    );
    std::fs::write(dir.path().join("utf16.md"), utf16).unwrap();
    std::fs::write(dir.path().join("image.md"), b"\x89PNG\r\n\x1a\n\0").unwrap();
    let output = release_lint(dir.path(), &["parse", "utf16.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let model: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        model["document"]["frontmatter"]["phase"]["value"],
        "deployment"
    );
    let output = release_lint(dir.path(), &["parse", "image.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("release-lint: error: image.md:2:1: binary data, not text"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn sarif_of_a_clean_run_is_valid_too() {
    let output = release_lint(&docs(), &["check", "--format", "sarif", "notes.md"]);
    assert_eq!(output.status.code(), Some(0));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    assert!(jsonschema::is_valid(&schema, &log));
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

/// `check … | head -c 16`: the writing stops quietly, and the run still exits with the
/// status its findings give (1 here), so a closed pipe never turns errors into success.
#[test]
fn a_closed_stdout_pipe_ends_quietly_with_the_status_of_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = String::from(
        "---\nphase: deployment\nstage: ready\n---\n\n## Pre-Deployment Planning\n\n### Deployment Prerequisites\n\n",
    );
    for i in 0..5000 {
        doc.push_str(&format!("- [ ] Open prerequisite number {i}\n"));
    }
    std::fs::write(dir.path().join("many.md"), doc).unwrap();
    for (format, extra, status) in [
        ("human", None, 1),
        ("concise", None, 1),
        ("json", None, 1),
        ("sarif", None, 1),
        ("github", None, 1),
        ("concise", Some("--exit-zero"), 0),
    ] {
        let mut args = vec!["check", "--select", "RL201", "--format", format, "many.md"];
        args.extend(extra);
        let mut child = Command::new(BIN)
            .args(&args)
            .current_dir(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read a little, then close the pipe, as `| head -1` does.
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        std::io::Read::read_exact(&mut out, &mut first).unwrap();
        drop(out);
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(status),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(stderr(&output), "", "{args:?}");
    }
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let args = ["check", "--select", "RL201", "ready-open.md"];
    let plain = release_lint(&docs(), &args);
    assert!(
        !stdout(&plain).contains('\u{1b}'),
        "not a terminal: no colour"
    );

    let always = [&args[..], &["--color", "always"]].concat();
    let coloured = Command::new(BIN)
        .args(&always)
        .current_dir(docs())
        // An explicit flag wins over NO_COLOR.
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        stdout(&coloured).contains("\u{1b}["),
        "{}",
        stdout(&coloured)
    );

    let never = [&args[..], &["--color", "never"]].concat();
    assert!(!stdout(&release_lint(&docs(), &never)).contains('\u{1b}'));
}

#[test]
fn rules_lists_every_rule_as_json() {
    let output = release_lint(&docs(), &["rules", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(rules.len() >= 2);
    for rule in &rules {
        for key in ["code", "name", "severity", "summary", "since", "family"] {
            assert!(rule[key].is_string(), "{key} missing in {rule}");
        }
    }
    let codes: Vec<&str> = rules.iter().map(|r| r["code"].as_str().unwrap()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(codes, sorted);
    assert!(codes.contains(&"RL201") && codes.contains(&"RL009"));

    let text = stdout(&release_lint(&docs(), &["rules"]));
    assert!(text
        .lines()
        .any(|l| l.starts_with("RL201") && l.contains("unchecked-prerequisite")));
}

#[test]
fn explain_prints_the_rule_docs_by_code_or_name() {
    for wanted in ["RL201", "rl201", "unchecked-prerequisite"] {
        let output = release_lint(&docs(), &["explain", wanted]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains("RL201"), "{text}");
        assert!(text.contains("unchecked-prerequisite"), "{text}");
        assert!(text.contains("## What it does"), "{text}");
    }
    let index = stdout(&release_lint(&docs(), &["explain"]));
    assert!(
        index.contains("RL201") && index.contains("RL009"),
        "{index}"
    );
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = release_lint(&docs(), &["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        assert!(stdout(&output).contains("release-lint"), "{shell}");
    }
    let bash = stdout(&release_lint(&docs(), &["completions", "bash"]));
    assert!(bash.contains("--stdin-filename"));
    let man = release_lint(&docs(), &["man"]);
    assert_eq!(man.status.code(), Some(0));
    let man = stdout(&man);
    assert!(man.contains(".TH release-lint"), "{man}");
    assert!(man.contains("check"), "{man}");
    let check = stdout(&release_lint(&docs(), &["man", "check"]));
    assert!(check.contains(".TH release-lint-check"), "{check}");
    assert!(check.contains("stdin\\-filename"), "{check}");
    assert_eq!(
        release_lint(&docs(), &["man", "nope"]).status.code(),
        Some(2)
    );
}

#[test]
fn init_writes_a_config_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = release_lint(dir.path(), &["init"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let path = dir.path().join("release-lint.toml");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with('#'), "a commented file: {written}");

    std::fs::write(&path, "# mine\n").unwrap();
    let second = release_lint(dir.path(), &["init"]);
    assert_eq!(second.status.code(), Some(2));
    assert!(
        stderr(&second).contains("already exists"),
        "{}",
        stderr(&second)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
    // Only the configuration is left: no temporary file.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A temporary git repository with an identity, and no global hooks or signing.
fn git_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["init", "-q"][..],
        &["config", "user.name", "Test"],
        &["config", "user.email", "test@example.invalid"],
        &["config", "commit.gpgsign", "false"],
        &["config", "core.hooksPath", ".git/hooks"],
    ] {
        git(dir.path(), args);
    }
    dir
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .output()
        .expect("git runs");
    output
}

fn commit(dir: &Path, message: &str) -> Output {
    git(dir, &["commit", "-q", "-m", message])
}

/// The clean `ready` fixture (no error or warning from any rule), and a copy with one
/// Deployment Prerequisites item left open.
fn clean_and_defective() -> (String, String) {
    let clean = std::fs::read_to_string(root().join("fixtures/clean/ready.md")).unwrap();
    let defective = clean.replacen(
        "- [x] Code review completed and approved",
        "- [ ] Code review completed and approved",
        1,
    );
    assert_ne!(clean, defective);
    (clean, defective)
}

#[test]
fn the_git_hook_checks_the_staged_version() {
    let repo = git_repo();
    let dir = repo.path();
    let install = release_lint(dir, &["hook", "install"]);
    assert_eq!(install.status.code(), Some(0), "{}", stderr(&install));
    let hook = dir.join(".git/hooks/pre-commit");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&hook).unwrap().permissions().mode();
        assert_eq!(mode & 0o111, 0o111, "executable");
    }
    // Installing again is harmless.
    assert_eq!(
        release_lint(dir, &["hook", "install"]).status.code(),
        Some(0)
    );

    let (clean, defective) = clean_and_defective();
    std::fs::create_dir(dir.join("releases")).unwrap();
    let doc = dir.join("releases/2026-11-30 ledger.md");
    std::fs::write(&doc, &defective).unwrap();
    git(dir, &["add", "."]);
    // The working tree is fixed, but the index still holds the defect: the commit stops.
    std::fs::write(&doc, &clean).unwrap();
    let stopped = commit(dir, "defective");
    assert!(!stopped.status.success(), "the hook must stop the commit");
    let said = format!("{}{}", stdout(&stopped), stderr(&stopped));
    assert!(said.contains("RL201"), "{said}");
    assert!(said.contains("releases/2026-11-30 ledger.md"), "{said}");

    // Staging the fixed version, with an ordinary README, lets it through.
    std::fs::write(dir.join("README.md"), "# Project\n\n- [ ] a todo\n").unwrap();
    git(dir, &["add", "."]);
    let passed = commit(dir, "clean");
    assert!(passed.status.success(), "{}", stderr(&passed));

    let uninstall = release_lint(dir, &["hook", "uninstall"]);
    assert_eq!(uninstall.status.code(), Some(0), "{}", stderr(&uninstall));
    assert!(!hook.exists());
}

#[test]
fn the_git_hook_never_replaces_a_foreign_hook_without_force() {
    let repo = git_repo();
    let dir = repo.path();
    let hooks = dir.join(".git/hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    let hook = hooks.join("pre-commit");
    std::fs::write(&hook, "#!/bin/sh\necho mine\n").unwrap();

    let refused = release_lint(dir, &["hook", "install"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--force"), "{}", stderr(&refused));
    assert_eq!(
        std::fs::read_to_string(&hook).unwrap(),
        "#!/bin/sh\necho mine\n"
    );

    let not_ours = release_lint(dir, &["hook", "uninstall"]);
    assert_eq!(not_ours.status.code(), Some(2));
    assert!(hook.exists());

    let forced = release_lint(dir, &["hook", "install", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(std::fs::read_to_string(&hook)
        .unwrap()
        .contains("release-lint"));
    // The foreign hook is kept, and the user is told where.
    let backup = hooks.join("pre-commit.release-lint-backup");
    assert_eq!(
        std::fs::read_to_string(&backup).unwrap(),
        "#!/bin/sh\necho mine\n"
    );
    assert!(
        stderr(&forced).contains(&format!(
            "the previous pre-commit hook is kept as {}",
            Path::new(".git/hooks/pre-commit.release-lint-backup").display()
        )),
        "{}",
        stderr(&forced)
    );
    // A second foreign hook forced over never replaces the first backup.
    std::fs::write(&hook, "#!/bin/sh\necho other\n").unwrap();
    let again = release_lint(dir, &["hook", "install", "--force"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(&backup).unwrap(),
        "#!/bin/sh\necho mine\n"
    );
    assert_eq!(
        std::fs::read_to_string(hooks.join("pre-commit.release-lint-backup.1")).unwrap(),
        "#!/bin/sh\necho other\n"
    );
}

#[test]
fn hook_outside_a_repository_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(BIN)
        .args(["hook", "install"])
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not inside a git repository"));
}

#[test]
fn stdin_can_be_combined_with_files() {
    let mut child = Command::new(BIN)
        .args([
            "check",
            "--select",
            "RL201",
            "--format",
            "json",
            "--stdin-filename",
            "in/stdin.md",
            "-",
            "ready-done.md",
        ])
        .current_dir(docs())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(docs().join("ready-open.md")).unwrap())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["in/stdin.md", "ready-done.md"]);
}

#[test]
fn no_output_format_shows_a_secret() {
    for format in ["human", "concise", "json", "sarif", "github"] {
        let output = release_lint(
            &docs(),
            &["check", "--select", "RL6", "--format", format, "secret.md"],
        );
        assert_eq!(
            output.status.code(),
            Some(1),
            "{format}: {}",
            stderr(&output)
        );
        let text = stdout(&output);
        assert!(text.contains("RL601"), "{format}: {text}");
        // SARIF carries the rule docs, whose example is this very key: look at the results.
        let shown = if format == "sarif" {
            let log: serde_json::Value = serde_json::from_str(&text).unwrap();
            log["runs"][0]["results"].to_string()
        } else {
            text
        };
        assert!(!shown.contains("IOSFODNN7EXAMPLE"), "{format}: {shown}");
    }
    let human = stdout(&release_lint(
        &docs(),
        &["check", "--select", "RL6", "secret.md"],
    ));
    assert!(human.contains("AKIA****************"), "{human}");
}

/// `fix --diff` in a format for programs: standard output holds only the diffs, and the
/// report with the fixes each file would get goes to `--output-file`.
#[test]
fn diff_keeps_standard_output_for_the_diffs_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        std::fs::read_to_string(root().join("fixtures/defects/clean-planned-route-optimizer.md"))
            .unwrap();
    std::fs::write(dir.path().join("doc.md"), &source).unwrap();
    for format in ["json", "sarif", "github", "concise"] {
        let out = release_lint(dir.path(), &["fix", "--diff", "--format", format, "doc.md"]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let diff = stdout(&out);
        assert!(
            diff.starts_with("--- a/doc.md\n+++ b/doc.md\n@@ "),
            "{format}: {diff}"
        );
        assert!(
            diff.lines().all(|l| l.starts_with(['-', '+', ' ', '@'])),
            "{format}: {diff}"
        );
        assert!(
            stderr(&out).starts_with("release-lint: would fix "),
            "{format}: {}",
            stderr(&out)
        );
    }
    let report = dir.path().join("report.json");
    let out = release_lint(
        dir.path(),
        &[
            "fix",
            "--diff",
            "--format",
            "json",
            "--output-file",
            "report.json",
            "doc.md",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let fixed = json["files"][0]["fixed"].as_array().unwrap();
    assert!(fixed.iter().any(|f| f["code"] == "RL309"), "{json}");
    // Nothing was written to the document.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("doc.md")).unwrap(),
        source
    );
}
