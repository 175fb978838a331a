//! Every fixture document, fixed with its safe and its unsafe fixes: the fixes settle
//! with no fix reverted, the result has no more findings than the document, and a second
//! run changes nothing. And every rule that declares a fix has a fixture that its fix
//! repairs (`fixtures/rules/<CODE>/bad*.md`, or `fix*.md` for a rule that reports only
//! while fixing), whose fixed text is snapshotted as a diff.

use std::path::{Path, PathBuf};

use release_rules::fix::{fix, FixOptions};
use release_rules::{check, registry, Document, Settings};

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("fixture folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            fixtures(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

#[test]
fn fixing_any_fixture_settles_and_adds_no_finding() {
    let mut paths = Vec::new();
    fixtures(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures"),
        &mut paths,
    );
    assert!(paths.len() > 50, "the fixtures are found");
    let settings = Settings::default();
    for unsafe_fixes in [false, true] {
        let options = FixOptions {
            unsafe_fixes,
            ..FixOptions::default()
        };
        for path in &paths {
            let Ok(document) = Document::from_bytes(std::fs::read(path).expect("readable")) else {
                continue;
            };
            if document.transcoded().is_some() {
                continue; // not fixed: see docs/fix.md
            }
            let before = check(&document, &settings).len();
            let fixed = fix(document.source(), &settings, &options);
            assert!(
                fixed.problems.is_empty(),
                "{}: {:?}",
                path.display(),
                fixed.problems
            );
            assert!(fixed.remaining.len() <= before, "{}", path.display());
            let again = fix(fixed.source(), &settings, &options);
            assert_eq!(again.source(), fixed.source(), "{}", path.display());
            assert!(again.applied.is_empty(), "{}", path.display());
        }
    }
}

/// The fixtures of a rule that its fix must repair: `bad*.md` and `fix*.md`, by name.
fn repairable(code: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/rules")
        .join(code);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                        (n.starts_with("bad") || n.starts_with("fix")) && n.ends_with(".md")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

#[test]
fn every_fix_repairs_its_bad_fixture_once_and_for_all() {
    // Every rule that runs by default, the rule itself (it may be opt-in), unsafe fixes,
    // and a fixed day of the run for RL413.
    let options = FixOptions {
        unsafe_fixes: true,
        today: Some(jiff::civil::date(2026, 12, 3)),
        ..FixOptions::default()
    };
    let fixable: Vec<_> = registry::metas().filter(|m| m.fix.is_some()).collect();
    assert!(fixable.len() >= 9, "the fixable rules are found");
    for meta in fixable {
        let code = meta.code;
        let settings = Settings {
            extend_select: vec![code.to_owned()],
            ..Settings::default()
        };
        let mut repaired = 0;
        for path in repairable(code) {
            let document = Document::from_bytes(std::fs::read(&path).expect("readable"))
                .expect("fixture is text");
            if document.transcoded().is_some() {
                continue;
            }
            let fixed = fix(document.source(), &settings, &options);
            let shown = path.display();
            assert!(fixed.problems.is_empty(), "{shown}: {:?}", fixed.problems);
            if !fixed.applied.iter().any(|a| a.code == code) {
                continue;
            }
            repaired += 1;
            assert!(
                !fixed.remaining.iter().any(|d| d.code == code
                    && d.fix
                        .as_ref()
                        .is_some_and(|f| options.applies(f.applicability))),
                "{shown}: a fix of {code} is left"
            );
            let again = fix(fixed.source(), &settings, &options);
            assert_eq!(
                again.source(),
                fixed.source(),
                "{shown}: a second fix changes it"
            );
            assert!(again.applied.is_empty(), "{shown}");
            let name = path.file_stem().and_then(|n| n.to_str()).expect("name");
            let diff = similar::TextDiff::from_lines(document.source(), fixed.source())
                .unified_diff()
                .context_radius(1)
                .header(&format!("{code}/{name}.md"), "fixed")
                .to_string();
            insta::with_settings!({ snapshot_suffix => "", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(format!("fixed-{code}-{name}"), diff);
            });
        }
        assert!(
            repaired > 0,
            "{code} declares a fix, but no fixtures/rules/{code}/bad*.md (or fix*.md) is repaired by it"
        );
    }
}
