//! Property test of `fix`: for documents made from the clean fixtures and the default
//! template by random mutations (a Duration, Change or Status cell rewritten, a checkbox
//! upper-cased, an enum value lower-cased, a hint added, a component made a placeholder,
//! a line deleted, junk inserted), the fixed text, with safe and with unsafe fixes,
//! parses no worse than the input, has no more errors and warnings, and a second `fix`
//! changes nothing.

use std::path::Path;

use proptest::prelude::*;
use release_rules::fix::{fix, FixOptions};
use release_rules::{check, Document, Settings, Severity};

/// The documents the mutations start from.
fn bases() -> Vec<String> {
    let clean = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/clean");
    let mut names: Vec<_> = std::fs::read_dir(&clean)
        .expect("fixtures/clean")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    names.sort();
    let mut out: Vec<String> = names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("clean fixture"))
        .collect();
    out.push(release_doc::DEFAULT_TEMPLATE.to_owned());
    out
}

/// One random change of a document.
#[derive(Debug, Clone)]
enum Mutation {
    /// Rewrite a Duration-like cell (`12m`, `1h 2m`) as `n` minutes, spelled one of a few ways.
    Duration(usize, u32),
    /// Rewrite a signed Change cell (`+0.6%`, `-12`) as `+n%`.
    Change(usize, u32),
    /// Flip a status (`✅ Pass` and `❌ Fail`, `✅ Met` and `❌ Not met`, or an emoji).
    Status(usize),
    /// Tick a box with an upper-case `X`.
    UpperCheckbox(usize),
    /// Lower-case an enum option.
    LowerEnum(usize),
    /// Put a hint after a field that has none (or a second one).
    AddHint(usize),
    /// Make the Overview Component or the frontmatter `component` a placeholder.
    ComponentPlaceholder(bool),
    /// Delete a line.
    DeleteLine(usize),
    /// Insert junk at a byte position (moved to a character boundary).
    Junk(usize, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<usize>();
    prop_oneof![
        (index, 0u32..200).prop_map(|(i, n)| Mutation::Duration(i, n)),
        (index, 0u32..500).prop_map(|(i, n)| Mutation::Change(i, n)),
        index.prop_map(Mutation::Status),
        index.prop_map(Mutation::UpperCheckbox),
        index.prop_map(Mutation::LowerEnum),
        index.prop_map(Mutation::AddHint),
        any::<bool>().prop_map(Mutation::ComponentPlaceholder),
        index.prop_map(Mutation::DeleteLine),
        (
            index,
            prop::string::string_regex(r"[|\[\]{}x X:*`\-\n\r\t0-9a-zé✅❌\u{0}]{1,12}").unwrap()
        )
            .prop_map(|(i, s)| Mutation::Junk(i, s)),
    ]
}

/// The start of every match of any of `patterns` in `text`, in order.
fn matches(text: &str, patterns: &[&str]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = patterns
        .iter()
        .flat_map(|p| text.match_indices(p).map(|(at, m)| (at, at + m.len())))
        .collect();
    out.sort_unstable();
    out
}

/// `text` with the `index`-th (modulo) match of `patterns` replaced by `with(match)`.
fn replace_nth(
    text: &str,
    patterns: &[&str],
    index: usize,
    with: impl Fn(&str) -> String,
) -> String {
    let found = matches(text, patterns);
    if found.is_empty() {
        return text.to_owned();
    }
    let (start, end) = found[index % found.len()];
    format!(
        "{}{}{}",
        &text[..start],
        with(&text[start..end]),
        &text[end..]
    )
}

fn apply(text: &str, m: &Mutation) -> String {
    match m {
        Mutation::Duration(i, n) => {
            let spelled = match n % 4 {
                0 => format!("{n}m"),
                1 => format!("{n} min"),
                2 => format!("{}h {}m", n / 60, n % 60),
                _ => format!("{n} minutes"),
            };
            replace_nth(
                text,
                &["| 12m |", "| 8m |", "| 21m |", "| 1h 2m |", "| 16 min |"],
                *i,
                |_| format!("| {spelled} |"),
            )
        }
        Mutation::Change(i, n) => {
            let found = matches(text, &["| +", "| -"]);
            if found.is_empty() {
                return text.to_owned();
            }
            let (start, _) = found[i % found.len()];
            let end = text[start + 1..]
                .find('|')
                .map_or(text.len(), |e| start + 1 + e);
            format!("{}| +{n}% {}", &text[..start], &text[end..])
        }
        Mutation::Status(i) => replace_nth(
            text,
            &["✅ Pass", "❌ Fail", "✅ Met", "❌ Not met", "✅", "❌"],
            *i,
            |found| {
                match found {
                    "✅ Pass" => "❌ Fail",
                    "❌ Fail" => "✅ Pass",
                    "✅ Met" => "❌ Not met",
                    "❌ Not met" => "✅ Met",
                    "✅" => "❌",
                    _ => "✅",
                }
                .to_owned()
            },
        ),
        Mutation::UpperCheckbox(i) => {
            replace_nth(text, &["- [x]", "- [ ]"], *i, |_| "- [X]".to_owned())
        }
        Mutation::LowerEnum(i) => replace_nth(
            text,
            &[
                "Production",
                "Minor",
                "Major",
                "Patch",
                "Blue-Green",
                "Canary",
                "High",
                "Low",
            ],
            *i,
            str::to_lowercase,
        ),
        Mutation::AddHint(i) => {
            let fields = [
                ("**Release Type**: ", " (Major | Minor | Patch | Hotfix)"),
                ("**Target Environment**: ", " (Staging | Production | DR)"),
                (
                    "**Rollback Strategy**: ",
                    " (Blue-Green | Canary | Rolling | Immediate)",
                ),
            ];
            let labels: Vec<&str> = fields.iter().map(|(l, _)| *l).collect();
            let found = matches(text, &labels);
            if found.is_empty() {
                return text.to_owned();
            }
            let (start, end) = found[i % found.len()];
            let hint = fields
                .iter()
                .find(|(l, _)| *l == &text[start..end])
                .map_or("", |(_, h)| *h);
            let mut eol = text[end..].find('\n').map_or(text.len(), |e| end + e);
            if text[..eol].ends_with('\r') {
                eol -= 1;
            }
            format!("{}{hint}{}", &text[..eol], &text[eol..])
        }
        Mutation::ComponentPlaceholder(overview) => {
            let pattern = if *overview {
                "**Component**: "
            } else {
                "component: "
            };
            match text.find(pattern) {
                Some(at) => {
                    let start = at + pattern.len();
                    let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
                    format!("{}{{{{component}}}}{}", &text[..start], &text[end..])
                }
                None => text.to_owned(),
            }
        }
        Mutation::DeleteLine(i) => {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.is_empty() {
                return text.to_owned();
            }
            let gone = i % lines.len();
            lines
                .iter()
                .enumerate()
                .filter(|(n, _)| *n != gone)
                .map(|(_, l)| *l)
                .collect()
        }
        Mutation::Junk(i, junk) => {
            let mut at = i % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            format!("{}{junk}{}", &text[..at], &text[at..])
        }
    }
}

/// Errors and warnings: what a fix must never add.
fn serious(found: &[release_rules::Diagnostic]) -> usize {
    found
        .iter()
        .filter(|d| matches!(d.severity, Severity::Error | Severity::Warning))
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn fixing_a_mutated_document_settles_and_makes_nothing_worse(
        base in 0usize..7,
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let bases = bases();
        let mut text = bases[base % bases.len()].clone();
        for m in &mutations {
            text = apply(&text, m);
        }
        // The opt-in hint rule too, so that added hints are fixed.
        let settings = Settings {
            extend_select: vec!["RL310".to_owned()],
            ..Settings::default()
        };
        let input = Document::parse(text.clone());
        let problems = input.parsed().problems.len();
        let before = serious(&check(&input, &settings));
        for unsafe_fixes in [false, true] {
            let options = FixOptions {
                unsafe_fixes,
                today: Some(jiff::civil::date(2026, 12, 3)),
                ..FixOptions::default()
            };
            let fixed = fix(&text, &settings, &options);
            let reparsed = Document::parse(fixed.source().to_owned());
            prop_assert!(
                reparsed.parsed().problems.len() <= problems,
                "the fixed text parses worse: {:?}", reparsed.parsed().problems
            );
            prop_assert!(
                serious(&check(&reparsed, &settings)) <= before,
                "more errors and warnings after fix (unsafe: {unsafe_fixes}): {:?}", fixed.problems
            );
            let again = fix(fixed.source(), &settings, &options);
            prop_assert_eq!(again.source(), fixed.source(), "a second fix changes the text");
            prop_assert!(again.applied.is_empty());
        }
    }
}

/// The mutations do make documents that `fix` has work on: the property is not vacuous.
#[test]
fn each_mutation_of_a_clean_document_gives_fix_something_to_do() {
    let closed = bases().remove(0);
    let settings = Settings {
        extend_select: vec!["RL310".to_owned()],
        ..Settings::default()
    };
    let options = FixOptions {
        unsafe_fixes: true,
        ..FixOptions::default()
    };
    // Some matches of a pattern are not in the cells a rule reads (a ✅ in a checklist
    // note): one of the first few is.
    type Make = fn(usize) -> Mutation;
    let kinds: [(Make, &str); 7] = [
        (|i| Mutation::Duration(i, 30), "RL403"),
        (|i| Mutation::Change(i, 40), "RL409"),
        (Mutation::Status, "RL401"),
        (Mutation::UpperCheckbox, "RL206"),
        (Mutation::LowerEnum, "RL309"),
        (Mutation::AddHint, "RL310"),
        (|_| Mutation::ComponentPlaceholder(true), "RL410"),
    ];
    for (make, code) in kinds {
        let fixes = (0..20).any(|i| {
            let text = apply(&closed, &make(i));
            text != closed
                && fix(&text, &settings, &options)
                    .applied
                    .iter()
                    .any(|a| a.code == code)
        });
        assert!(fixes, "{:?} never gives {code} a fix", make(0));
    }
}
