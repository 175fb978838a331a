//! `docs/rules/` is generated from the rules' own docs: one page per rule and an index.
//! The test fails when a page is stale, missing, or belongs to no rule.
//!
//! Regenerate with `RELEASE_LINT_BLESS=1 cargo test -p release-rules`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use release_rules::docs::{rule_markdown, rules_index_markdown};
use release_rules::registry;

fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules")
}

fn bless() -> bool {
    std::env::var_os("RELEASE_LINT_BLESS").is_some_and(|v| v != "0")
}

/// Every file `docs/rules/` must hold, by name, with its content.
fn expected() -> BTreeMap<String, String> {
    let mut files: BTreeMap<String, String> = registry::metas()
        .map(|meta| (format!("{}.md", meta.code), rule_markdown(meta)))
        .collect();
    files.insert("README.md".to_owned(), rules_index_markdown());
    files
}

#[test]
fn rule_docs_are_current() {
    let dir = rules_dir();
    let expected = expected();
    let present: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    if bless() {
        std::fs::create_dir_all(&dir).expect("docs/rules/");
        for name in present.iter().filter(|n| !expected.contains_key(*n)) {
            std::fs::remove_file(dir.join(name)).expect("remove a page of no rule");
        }
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).expect("write a page");
        }
        return;
    }
    let mut problems = Vec::new();
    for name in present.iter().filter(|n| !expected.contains_key(*n)) {
        problems.push(format!("docs/rules/{name} documents no rule"));
    }
    for (name, text) in &expected {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(found) if &found == text => {}
            Ok(_) => problems.push(format!("docs/rules/{name} is stale")),
            Err(_) => problems.push(format!("docs/rules/{name} is missing")),
        }
    }
    assert!(
        problems.is_empty(),
        "{}\nregenerate with `RELEASE_LINT_BLESS=1 cargo test -p release-rules`",
        problems.join("\n")
    );
}

#[test]
fn a_rule_page_has_its_title_facts_and_docs() {
    let meta = registry::find("RL201").expect("RL201 exists").meta();
    let page = rule_markdown(meta);
    let mut lines = page.lines();
    assert_eq!(lines.next(), Some("# RL201 unchecked-prerequisite"));
    assert_eq!(lines.next(), Some(""));
    assert_eq!(
        lines.next(),
        Some("Family: checklists · Default severity: error · Due from `ready` · No fix")
    );
    let value_rule = rule_markdown(registry::find("RL406").expect("RL406 exists").meta());
    assert!(
        value_rule.contains("· Checks filled values at every stage · No fix\n"),
        "{value_rule}"
    );
    let fixing_rule = rule_markdown(registry::find("RL403").expect("RL403 exists").meta());
    assert!(fixing_rule.contains("· Safe fix\n"), "{fixing_rule}");
    assert!(fixing_rule.contains("\n## Fix\n"), "{fixing_rule}");
    for heading in [
        "## What it does",
        "## Why it matters",
        "## Example",
        "## How to fix",
    ] {
        assert!(
            page.lines().any(|l| l == heading),
            "{heading} is not a heading line"
        );
    }
    assert!(!page
        .lines()
        .any(|l| l.starts_with(' ') && l.trim_start().starts_with("##")));
}

#[test]
fn the_index_links_every_rule() {
    let index = rules_index_markdown();
    for meta in registry::metas() {
        assert!(
            index.contains(&format!("| [{0}]({0}.md) | `{1}` |", meta.code, meta.name)),
            "{} is not in the index",
            meta.code
        );
    }
}
