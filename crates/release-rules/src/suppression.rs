//! Inline suppression comments:
//! `<!-- release-lint-disable CODE[,CODE] -->` … `<!-- release-lint-enable -->`,
//! `<!-- release-lint-disable-next-line CODE -->` and
//! `<!-- release-lint-disable-file CODE -->`. Codes may be rule codes, code prefixes or
//! rule names; a `disable` without codes covers every rule.

use std::sync::LazyLock;

use regex::Regex;
use release_doc::Span;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::registry;

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"<!--\s*release-lint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->",
    )
    .expect("valid regex")
});

#[derive(Debug)]
enum Scope {
    /// From line `from` to line `to` (inclusive), 1-based.
    Lines {
        from: usize,
        to: usize,
    },
    File,
}

#[derive(Debug)]
struct Suppression {
    span: Span,
    codes: Vec<String>,
    scope: Scope,
    used: bool,
}

/// A suppression that suppressed nothing.
#[derive(Debug)]
pub(crate) struct Unused {
    pub span: Span,
    pub message: String,
}

/// Whether `code` (a code, prefix or name) names history rules (`RL7xx`) and no other.
fn names_only_history(code: &str) -> bool {
    let upper = code.trim().to_ascii_uppercase();
    let named: Vec<_> = registry::metas()
        .filter(|m| m.name.eq_ignore_ascii_case(code.trim()) || m.code.starts_with(&upper))
        .collect();
    !named.is_empty()
        && named
            .iter()
            .all(|m| m.family == crate::rule::Family::History)
}

/// The suppressions of one document.
#[derive(Debug, Default)]
pub(crate) struct Suppressions {
    list: Vec<Suppression>,
}

impl Suppressions {
    /// Read every suppression comment of `source`.
    pub fn read(source: &str) -> Self {
        if memchr::memmem::find(source.as_bytes(), b"release-lint-").is_none() {
            return Self::default();
        }
        let lines = release_doc::LineIndex::new(source);
        let line_of = |offset: usize| lines.line_col(source, offset).line;
        let last_line = lines.line_count();
        let mut list: Vec<Suppression> = Vec::new();
        for caps in COMMENT.captures_iter(source) {
            let (Some(whole), Some(kind)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let span = Span::new(whole.start(), whole.end());
            let codes: Vec<String> = caps
                .get(2)
                .map_or("", |m| m.as_str())
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            let line = line_of(span.start);
            match kind.as_str() {
                "disable-next-line" => list.push(Suppression {
                    span,
                    codes,
                    scope: Scope::Lines {
                        from: line + 1,
                        to: line + 1,
                    },
                    used: false,
                }),
                "disable-file" => list.push(Suppression {
                    span,
                    codes,
                    scope: Scope::File,
                    used: false,
                }),
                "disable" => list.push(Suppression {
                    span,
                    codes,
                    scope: Scope::Lines {
                        from: line,
                        to: last_line,
                    },
                    used: false,
                }),
                _ => {
                    // `enable` closes the open `disable` regions it names (all when bare).
                    for open in list.iter_mut().rev() {
                        if let Scope::Lines { from, to } = &mut open.scope {
                            let closes =
                                codes.is_empty() || open.codes.iter().any(|c| codes.contains(c));
                            if *to == last_line && *from < line && closes && *from != *to {
                                *to = line;
                            }
                        }
                    }
                }
            }
        }
        Self { list }
    }

    /// Whether suppression code `code` (a rule code, code prefix or name) names `meta`.
    pub fn names(code: &str, meta: &crate::rule::RuleMeta) -> bool {
        code.eq_ignore_ascii_case(meta.name) || meta.code.starts_with(&code.to_ascii_uppercase())
    }

    /// Whether `d` is suppressed; marks the suppressions that cover it as used.
    pub fn suppresses(&mut self, doc: &Document, d: &Diagnostic) -> bool {
        let line = doc.line_col(d.span.start).line;
        let mut suppressed = false;
        for s in &mut self.list {
            let in_scope = match s.scope {
                Scope::File => true,
                Scope::Lines { from, to } => (from..=to).contains(&line),
            };
            let names = s.codes.is_empty()
                || s.codes.iter().any(|c| {
                    c.eq_ignore_ascii_case(d.name) || d.code.starts_with(&c.to_ascii_uppercase())
                });
            if in_scope && names {
                s.used = true;
                suppressed = true;
            }
        }
        suppressed
    }

    /// The suppressions that suppressed nothing, and each code a suppression names that
    /// is no rule (which could never suppress anything). `runs(code)`: whether a rule the
    /// code (or prefix, or name) names runs at the document's stage; a suppression whose
    /// rules are not yet due is not unused, since it is needed once they are.
    pub fn unused(&self, runs: impl Fn(&str) -> bool) -> Vec<Unused> {
        let mut out = Vec::new();
        for s in &self.list {
            let (known, unknown): (Vec<&String>, Vec<&String>) =
                s.codes.iter().partition(|c| registry::selects_any(c));
            for code in &unknown {
                out.push(Unused {
                    span: s.span,
                    message: format!(
                        "this suppression names `{code}`, which is no rule{}; expected a rule code (`RL201`), a code prefix (`RL2`) or a rule name",
                        registry::did_you_mean(code)
                    ),
                });
            }
            // History rules run after this check, over every document: whether their
            // suppressions are used is not known here.
            let history_only = !known.is_empty() && known.iter().all(|c| names_only_history(c));
            if s.used || (known.is_empty() && !unknown.is_empty()) || history_only {
                continue;
            }
            if !known.is_empty() && !known.iter().any(|c| runs(c)) {
                continue;
            }
            let what = if known.is_empty() {
                "any rule".to_owned()
            } else {
                known
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out.push(Unused {
                span: s.span,
                message: format!("this suppression of {what} suppresses nothing; expected a finding it covers, or remove it"),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::settings::Settings;

    const HEAD: &str = "---\nphase: deployment\nstage: ready\n---\n## Pre-Deployment Planning\n### Deployment Prerequisites\n\n**Code & Testing**:\n\n";

    fn found(body: &str) -> Vec<String> {
        let source = format!("{HEAD}{body}");
        let doc = Document::parse(source);
        let settings = Settings {
            select: vec!["RL201".into(), "RL009".into()],
            ..Settings::default()
        };
        crate::check(&doc, &settings)
            .iter()
            .map(|d| format!("{}:{}", d.code, doc.line_col(d.span.start).line))
            .collect()
    }

    #[test]
    fn without_comments_every_open_item_is_reported() {
        assert_eq!(found("- [ ] a\n- [ ] b\n"), ["RL201:10", "RL201:11"]);
    }

    #[test]
    fn next_line_suppresses_only_the_next_line() {
        assert_eq!(
            found("<!-- release-lint-disable-next-line RL201 -->\n- [ ] a\n- [ ] b\n"),
            ["RL201:12"]
        );
    }

    #[test]
    fn a_region_ends_at_enable() {
        let body = "<!-- release-lint-disable RL201 -->\n- [ ] a\n<!-- release-lint-enable -->\n\n- [ ] b\n";
        assert_eq!(found(body), ["RL201:14"]);
    }

    #[test]
    fn names_prefixes_and_the_whole_file() {
        assert!(found(
            "<!-- release-lint-disable-file unchecked-prerequisite -->\n\n- [ ] a\n- [ ] b\n"
        )
        .is_empty());
        assert!(found("<!-- release-lint-disable-file RL2 -->\n\n- [ ] a\n").is_empty());
        assert!(found("<!-- release-lint-disable -->\n- [ ] a\n").is_empty());
    }

    #[test]
    fn a_suppression_that_suppresses_nothing_is_reported() {
        assert_eq!(
            found("<!-- release-lint-disable-next-line RL201 -->\n- [x] a\n"),
            ["RL009:10"]
        );
        assert_eq!(
            found("<!-- release-lint-disable-file RL405 -->\n\n- [x] a\n"),
            ["RL009:10"]
        );
    }

    #[test]
    fn a_suppression_of_a_rule_not_yet_due_is_not_unused() {
        let planned = HEAD.replace("stage: ready", "stage: planned");
        let doc = Document::parse(format!(
            "{planned}<!-- release-lint-disable-next-line RL201 -->\n- [ ] a\n"
        ));
        let settings = Settings {
            select: vec!["RL201".into(), "RL009".into()],
            ..Settings::default()
        };
        assert!(crate::check(&doc, &settings).is_empty());
        // At `ready` it suppresses the open item: used.
        assert!(found("<!-- release-lint-disable-next-line RL201 -->\n- [ ] a\n").is_empty());
    }

    #[test]
    fn a_suppression_of_history_rules_is_left_to_the_history_pass() {
        for comment in ["RL701", "duplicate-release", "RL7"] {
            let body = format!("<!-- release-lint-disable-file {comment} -->\n\n- [x] a\n");
            assert!(found(&body).is_empty(), "{comment}");
        }
        // Naming other rules as well, it is reported as before.
        assert_eq!(
            found("<!-- release-lint-disable-file RL701, RL405 -->\n\n- [x] a\n"),
            ["RL009:10"]
        );
    }

    #[test]
    fn a_code_that_is_no_rule_is_reported_with_the_nearest_rule() {
        let source =
            format!("{HEAD}<!-- release-lint-disable-next-line RL2011, RL9 -->\n- [ ] a\n");
        let doc = Document::parse(source);
        let settings = Settings {
            select: vec!["RL201".into(), "RL009".into()],
            ..Settings::default()
        };
        let messages: Vec<String> = crate::check(&doc, &settings)
            .into_iter()
            .map(|d| {
                format!(
                    "{}:{} {}",
                    d.code,
                    doc.line_col(d.span.start).line,
                    d.message
                )
            })
            .collect();
        assert_eq!(
            messages,
            [
                "RL009:10 this suppression names `RL2011`, which is no rule (did you mean `RL201`?); expected a rule code (`RL201`), a code prefix (`RL2`) or a rule name",
                "RL009:10 this suppression names `RL9`, which is no rule (did you mean `RL009`?); expected a rule code (`RL201`), a code prefix (`RL2`) or a rule name",
                "RL201:11 prerequisite `a` (Code & Testing) is not done at stage `ready`; expected `[x]` or `N/A: reason`",
            ]
        );
        // A known code next to an unknown one still suppresses, and is not unused.
        assert_eq!(
            found("<!-- release-lint-disable-next-line RL201,RL2O1 -->\n- [ ] a\n"),
            ["RL009:10"]
        );
    }
}
