//! Every fixture document, fixed with its safe and its unsafe fixes: the fixes settle
//! with no fix reverted, the result has no more findings than the document, and a second
//! run changes nothing.

use std::path::{Path, PathBuf};

use release_rules::fix::{fix, FixOptions};
use release_rules::{check, Document, Settings};

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
