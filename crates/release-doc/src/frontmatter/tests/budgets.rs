//! The single event pass: its budgets and syntax errors, and the serde-saphyr check that runs
//! only for tags, anchors, aliases and merge keys.

use super::{get, line, read};
use crate::frontmatter::tree::Tree;
use crate::frontmatter::EntryValue;
use crate::problem::ProblemKind;

/// The message of the only problem of `source`, which must be InvalidYaml, and its line.
fn invalid(source: &str) -> (String, usize) {
    let (_, problems) = read(source);
    assert_eq!(problems.len(), 1, "{source:?}: {problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::InvalidYaml);
    (
        problems[0].message.clone(),
        line(source, problems[0].span.start),
    )
}

#[test]
fn plain_yaml_is_parsed_once() {
    let yaml = "owner: {{owner}}\ntags: [a, \"b\"]\nextra: {x: 1}\n";
    let tree = Tree::build(yaml).expect("valid YAML");
    assert!(!tree.extended);
    for yaml in [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "<<: {a: 1}\n",
        "a: [!!int 1]\n",
    ] {
        let tree = Tree::build(yaml).expect("valid YAML");
        assert!(tree.extended, "{yaml:?}");
    }
}

#[test]
fn nesting_is_limited_to_64_levels() {
    let nest = |depth: usize| format!("---\na: {}{}\n---\n", "[".repeat(depth), "]".repeat(depth));
    let (_, problems) = read(&nest(63));
    assert!(problems.is_empty(), "{problems:?}");
    let (message, at) = invalid(&nest(64));
    assert!(message.contains("more than 64 levels deep"), "{message}");
    assert_eq!(at, 2);
}

#[test]
fn too_many_values_is_a_resource_bomb() {
    let items = vec!["x"; 20_001].join(", ");
    let source = format!("---\nname: ok\nlist: [{items}]\n---\n");
    let (message, at) = invalid(&source);
    assert!(message.contains("resource bomb"), "{message}");
    assert_eq!(at, 3);
}

#[test]
fn a_second_document_is_refused() {
    let (message, at) = invalid("---\na: 1\n--- b\n---\n");
    assert!(message.contains("more than one YAML document"), "{message}");
    assert_eq!(at, 3);
}

#[test]
fn many_keys_still_report_duplicates_at_the_second_occurrence() {
    let mut yaml: String = (0..40).map(|i| format!("k{i}: v\n")).collect();
    yaml.push_str("k3: again\nk39: again\n");
    let source = format!("---\n{yaml}---\n");
    let (entries, problems) = read(&source);
    assert_eq!(entries.len(), 42);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().all(|p| p.kind == ProblemKind::DuplicateKey));
    assert_eq!(line(&source, problems[0].span.start), 42);
    assert!(
        problems[0].message.contains("line 5"),
        "{}",
        problems[0].message
    );
    assert_eq!(line(&source, problems[1].span.start), 43);
    assert!(
        problems[1].message.contains("line 41"),
        "{}",
        problems[1].message
    );
}

#[test]
fn tagged_values_are_checked_by_serde_saphyr() {
    let (message, at) = invalid("---\nname: ok\ncount: !!int many\n---\n");
    assert!(message.contains("invalid"), "{message}");
    assert_eq!(at, 3);
    let (entries, problems) = read("---\ncount: !!int 12\nname: !!str 3\n---\n");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(get(&entries, "name").value, EntryValue::Text("3".into()));
}

#[test]
fn bad_aliases_are_reported_at_their_line() {
    let (message, at) = invalid("---\nname: ok\nowner: *nobody\n---\n");
    assert!(message.contains("unknown"), "{message}");
    assert_eq!(at, 3);
    let (message, at) = invalid("---\nname: ok\nloop: &l [*l]\n---\n");
    assert!(message.contains("ecursive"), "{message}");
    assert_eq!(at, 3);
    let (message, _) = invalid("---\nname: ok\n<<: 1\n---\n");
    assert!(message.contains("merge"), "{message}");
}

#[test]
fn many_aliases_of_one_anchor_are_an_alias_bomb() {
    let aliases = vec!["*a"; 100].join(", ");
    let (message, _) = invalid(&format!("---\na: &a x\nb: [{aliases}]\n---\n"));
    assert!(message.contains("alias bomb"), "{message}");
}
