//! The seeded-defect documents of `fixtures/defects/`: realistic documents at every stage,
//! each with the defects a reviewer seeded at known lines (`NAME.expected`, one `LINE CODE`
//! a line; empty for the clean documents).
//!
//! Checked with default settings (stage from the frontmatter), every expected `LINE CODE`
//! must be found (an error or warning of that code starting on that line), and there must
//! be no error or warning that is not expected; infos are fine. `KNOWN_GAPS.md` lists, as
//! `FILE LINE CODE — cause`, the linter's known false negatives and false positives: those
//! are skipped, and a listed gap that no longer occurs fails the test, so the list stays
//! honest.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use release_rules::{check, resolve_stage, Document, Settings, Severity};

type Key = (String, usize, String);

fn fixtures(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(folder)
}

/// The `# stage: STAGE` line of a `.expected` file: the stage the document must be
/// checked at when it declares none.
fn read_expected_stage(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines()
        .find_map(|l| l.trim().strip_prefix("# stage:"))
        .map(|s| s.trim().to_owned())
}

/// `LINE CODE` lines of a `.expected` file.
fn read_expected(path: &Path) -> BTreeSet<(usize, String)> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (every document needs a .expected)", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let line = parts
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{}: bad line `{l}`", path.display()));
            let code = parts
                .next()
                .unwrap_or_else(|| panic!("{}: no code in `{l}`", path.display()));
            (line, code.to_owned())
        })
        .collect()
}

/// Entries `FILE LINE CODE — cause` of `KNOWN_GAPS.md` (optionally as list items).
fn read_gaps(path: &Path) -> BTreeMap<Key, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeMap::new();
    };
    let mut gaps = BTreeMap::new();
    for l in text.lines() {
        let l = l.trim().trim_start_matches("- ").trim();
        let Some((head, cause)) = l.split_once(" — ") else {
            continue;
        };
        let parts: Vec<&str> = head.split_whitespace().collect();
        let [file, line, code] = parts[..] else {
            continue;
        };
        if !file.ends_with(".md") || !code.starts_with("RL") {
            continue;
        }
        let line = line
            .parse()
            .unwrap_or_else(|_| panic!("KNOWN_GAPS.md: bad line number in `{l}`"));
        let key = (file.to_owned(), line, code.to_owned());
        assert!(
            gaps.insert(key, cause.to_owned()).is_none(),
            "KNOWN_GAPS.md lists `{head}` twice"
        );
    }
    gaps
}

#[test]
fn seeded_defects_are_found_and_nothing_else() {
    check_folder("defects", 15, true);
}

/// The documents of `fixtures/as-written/`, filled in as teams fill the template without
/// reading the spec: no `stage` key (the stage comes from `status` or the document's
/// evidence, and must be the one their `.expected` names), natural values, prose N/A,
/// renamed sections, CRLF.
#[test]
fn documents_as_written_are_checked_at_their_stage() {
    check_folder("as-written", 7, false);
}

/// Check every document of `fixtures/<folder>` (at least `at_least` of them) against its
/// `.expected`; `declared`: every document declares its stage, else none does and each
/// `.expected` names the stage it must be checked at.
fn check_folder(folder: &str, at_least: usize, declared: bool) {
    let dir = fixtures(folder);
    let gaps = read_gaps(&dir.join("KNOWN_GAPS.md"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixtures folder exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md")
                && p.file_name()
                    .is_some_and(|n| n != "README.md" && n != "KNOWN_GAPS.md")
        })
        .collect();
    files.sort();
    assert!(
        files.len() >= at_least,
        "expected at least {at_least} documents in {folder}, found {}",
        files.len()
    );

    let mut misses = Vec::new();
    let mut extras = Vec::new();
    let mut gaps_seen = BTreeSet::new();
    let (mut n_expected, mut n_found) = (0, 0);
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("file name")
            .to_owned();
        let expected = read_expected(&path.with_extension("expected"));
        // Read as `release-lint check` reads files: bytes, decoded when not UTF-8.
        let doc = Document::from_bytes(std::fs::read(path).expect("readable fixture"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if declared {
            assert!(
                doc.model().declared_stage().is_some(),
                "{name} declares no stage"
            );
        } else {
            assert!(
                doc.model().declared_stage().is_none(),
                "{name} declares a stage"
            );
            let wanted = read_expected_stage(&path.with_extension("expected"))
                .unwrap_or_else(|| panic!("{name}.expected has no `# stage:` line"));
            let stage = resolve_stage(&doc, &Settings::default()).stage;
            assert_eq!(
                stage.to_string(),
                wanted,
                "{name} is checked at the wrong stage"
            );
        }
        let findings: Vec<(usize, String, String)> = check(&doc, &Settings::default())
            .into_iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| {
                let line = doc.line_col(d.span.start).line;
                (
                    line,
                    d.code.to_string(),
                    format!("{}[{}] {}", d.severity, d.code, d.message),
                )
            })
            .collect();
        let found: BTreeSet<(usize, String)> =
            findings.iter().map(|(l, c, _)| (*l, c.clone())).collect();

        for (line, code) in &expected {
            n_expected += 1;
            let key = (name.clone(), *line, code.clone());
            if found.contains(&(*line, code.clone())) {
                n_found += 1;
            } else if gaps.contains_key(&key) {
                gaps_seen.insert(key);
            } else {
                let near: Vec<String> = findings
                    .iter()
                    .filter(|(l, c, _)| c == code || l.abs_diff(*line) <= 1)
                    .map(|(l, _, m)| format!("\n      (line {l}: {m})"))
                    .collect();
                misses.push(format!(
                    "{name}:{line}: {code} not reported{}",
                    near.concat()
                ));
            }
        }
        let mut reported = BTreeSet::new();
        for (line, code, message) in &findings {
            if expected.contains(&(*line, code.clone())) || !reported.insert((*line, code.clone()))
            {
                continue;
            }
            let key = (name.clone(), *line, code.clone());
            if gaps.contains_key(&key) {
                gaps_seen.insert(key);
            } else {
                extras.push(format!("{name}:{line}: unexpected {message}"));
            }
        }
    }

    let stale: Vec<String> = gaps
        .iter()
        .filter(|(k, _)| !gaps_seen.contains(*k))
        .map(|((f, l, c), cause)| format!("{f} {l} {c} — {cause}"))
        .collect();

    let mut report = String::new();
    let _ = writeln!(
        report,
        "{folder}: {} documents, {n_found}/{n_expected} expected findings reported, \
         {} known gaps skipped",
        files.len(),
        gaps_seen.len()
    );
    for (title, list) in [
        ("MISSES (expected, not reported)", &misses),
        ("EXTRAS (reported, not expected)", &extras),
        (
            "STALE KNOWN GAPS (no longer occur: remove them from KNOWN_GAPS.md)",
            &stale,
        ),
    ] {
        if !list.is_empty() {
            let _ = writeln!(report, "\n{title}: {}", list.len());
            for item in list {
                let _ = writeln!(report, "  {item}");
            }
        }
    }
    println!("{report}");
    assert!(
        misses.is_empty() && extras.is_empty() && stale.is_empty(),
        "{} misses, {} extras, {} stale known gaps (report above)",
        misses.len(),
        extras.len(),
        stale.len()
    );
}
