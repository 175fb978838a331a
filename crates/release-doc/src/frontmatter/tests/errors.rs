//! Invalid YAML: syntax errors at their line, recovery, duplicate keys, YAML bombs, odd inputs.

use super::{get, line, read};
use crate::frontmatter::{read_entries, split, EntryValue};
use crate::problem::ProblemKind;

#[test]
fn duplicate_key() {
    let source = "---\nphase: deployment\nowner: Ana\nphase: planning\n---\n";
    let (entries, problems) = read(source);
    assert_eq!(entries.len(), 3);
    assert_eq!(problems.len(), 1);
    let p = &problems[0];
    assert_eq!(p.kind, ProblemKind::DuplicateKey);
    assert_eq!(line(source, p.span.start), 4);
    assert_eq!(p.span.text(source), "phase");
    assert!(
        p.message.contains("`phase`") && p.message.contains("line 2"),
        "{}",
        p.message
    );
}

#[test]
fn nested_duplicate_key() {
    let source = "---\nextra:\n  a: 1\n  a: 2\n---\n";
    let (_, problems) = read(source);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::DuplicateKey);
    assert_eq!(line(source, problems[0].span.start), 4);
}

#[test]
fn syntax_error_points_at_its_line_and_keeps_the_other_keys() {
    let source =
        "---\nphase: deployment\nowner: Ana\nstatus: a: b\nstage: ready\ntags: [x, \"y\"]\n---\n";
    let (entries, problems) = read(source);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let p = &problems[0];
    assert_eq!(p.kind, ProblemKind::InvalidYaml);
    assert_eq!(line(source, p.span.start), 4);
    assert!(
        p.message.starts_with("frontmatter is not valid YAML: "),
        "{}",
        p.message
    );
    assert!(!p.message.contains("line 4, column"), "{}", p.message);
    let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["phase", "owner", "status", "stage", "tags"]);
    assert_eq!(
        get(&entries, "stage").value,
        EntryValue::Text("ready".into())
    );
    assert_eq!(get(&entries, "stage").value_span.text(source), "ready");
    let EntryValue::List(items) = &get(&entries, "tags").value else {
        panic!("list");
    };
    assert_eq!(items[1].0, "y");
    assert_eq!(items[1].1.text(source), "\"y\"");
}

#[test]
fn unclosed_quote_is_reported_where_it_opens() {
    let source = "---\nphase: deployment\nowner: \"Ana\nstage: ready\n---\n";
    let (entries, problems) = read(source);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::InvalidYaml);
    assert_eq!(line(source, problems[0].span.start), 3);
    assert!(entries.iter().any(|e| e.key == "stage"));
}

#[test]
fn recovery_reads_block_lists_placeholders_and_nulls() {
    let source = "---\nbad: [\nowner: {{ owner }}\nempty:\ntags:\n  - a\n  - 'b c'\nname: \"x\\ty\" # note\n---\n";
    let (entries, problems) = read(source);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        get(&entries, "owner").value,
        EntryValue::Placeholder("owner".into())
    );
    assert_eq!(get(&entries, "empty").value, EntryValue::Null);
    let EntryValue::List(items) = &get(&entries, "tags").value else {
        panic!("list");
    };
    assert_eq!(items[1].0, "b c");
    assert_eq!(items[1].1.text(source), "'b c'");
    assert_eq!(get(&entries, "name").value, EntryValue::Text("x\ty".into()));
    assert_eq!(get(&entries, "name").value_span.text(source), "\"x\\ty\"");
}

#[test]
fn non_ascii_error_position() {
    let source = "---\nowner: Tomás\nteam: é: x\n---\n";
    let (entries, problems) = read(source);
    assert_eq!(problems.len(), 1);
    assert_eq!(line(source, problems[0].span.start), 3);
    assert!(source.is_char_boundary(problems[0].span.start));
    assert_eq!(
        get(&entries, "owner").value,
        EntryValue::Text("Tomás".into())
    );
}

#[test]
fn deep_nesting_bombs_fail_fast() {
    let depth = 10_000;
    let flow = format!(
        "---\na: {}{}\nb: c\n---\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let block = format!("---\na:\n  {}x\n---\n", "- ".repeat(depth));
    let maps = format!("---\n{}x{}\n---\n", "{a: ".repeat(depth), "}".repeat(depth));
    for source in [flow, block, maps] {
        let (_, problems) = read(&source);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].kind, ProblemKind::InvalidYaml);
        assert!(problems[0].span.end <= source.len());
        let message = &problems[0].message;
        assert!(
            message.contains("deep") || message.contains("recursion"),
            "{message}"
        );
    }
}

#[test]
fn billion_laughs_fails_fast() {
    let mut yaml = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let refs = vec![format!("*{}", pair[0]); 9].join(",");
        yaml.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
    }
    let source = format!("---\n{yaml}---\n");
    let (_, problems) = read(&source);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::InvalidYaml);
    assert!(
        problems[0].message.contains("bomb"),
        "{}",
        problems[0].message
    );
}

#[test]
fn never_panics_on_odd_inputs() {
    let inputs = [
        "---\n: x\n---\n",
        "---\n? [a]\n: b\n---\n",
        "---\n\"unterminated: x\n---\n",
        "---\na: *nope\n---\n",
        "---\n%YAML 1.2\n---\n",
        "---\n[a, b\n---\n",
        "---\n{{x}}: y\n---\n",
        "---\na: |\n---\n",
        "---\n'\n---\n",
        "---\na: \"\\u12\"\n---\n",
        "---\n- [\n---\n",
        "---\n\u{0}\n---\n",
    ];
    for source in inputs {
        let (split, _) = split(source);
        if let Some(block) = split.block {
            let (entries, problems) = read_entries(source, &block);
            for e in &entries {
                assert!(e.key_span.end <= source.len() && e.value_span.end <= source.len());
            }
            for p in &problems {
                assert!(p.span.end <= source.len(), "{source:?} {p:?}");
            }
        }
    }
}
