//! RL310: a filled value still followed by the template's `(A | B | C)` hint (opt-in).

use release_doc::internal::split_hint;
use release_doc::{Field, Span};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};

declare_rule! {
    /// ## What it does
    /// Reports, as an info, a filled Release Type, Target Environment or Rollback
    /// Strategy that still carries the template's list of options after its value:
    /// `Minor (Major | Minor | Patch | Hotfix)`. The value is read as `Minor` either way,
    /// so nothing is wrong with it.
    ///
    /// This rule is off by default: the format allows a filled value to keep its hint,
    /// and many teams keep it on purpose, as a reminder of the options. Turn it on for a
    /// team that wants the values alone, with `--extend-select RL310` (or `--select`,
    /// `extend-select` in the config, or `ALL`).
    ///
    /// ## Why it matters
    /// Once a value is chosen, the list of the other options is noise for the reader
    /// and for anything that copies the value (release notes, dashboards).
    ///
    /// ## Example
    /// ```markdown
    /// **Release Type**: Minor (Major | Minor | Patch | Hotfix)
    /// ```
    ///
    /// ## How to fix
    /// Delete the hint in parentheses and keep the value: `**Release Type**: Minor`.
    ///
    /// ## Fix
    /// Safe: `release-lint fix --extend-select RL310` removes the space and the
    /// parenthesised hint after the value, and nothing else.
    pub(crate) struct TemplateHintKept {
        code: "RL310",
        name: "template-hint-kept",
        family: Values,
        severity: Info,
        since: Draft,
        summary: "A filled value still carries the template's hint of options in parentheses",
        fix: Safe,
        default: false,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let overview = &model.overview;
    push(ctx, "Release Type", &overview.release_type, out);
    push(ctx, "Target Environment", &overview.target_environment, out);
    push(ctx, "Rollback Strategy", &model.rollback.strategy, out);
}

/// A finding, with the fix that removes the hint, when the filled `field` keeps one.
fn push<T>(ctx: &Context<'_>, what: &str, field: &Field<T>, out: &mut Vec<Diagnostic>) {
    // Only a value that was read: an unfilled placeholder keeps its hint until it is
    // filled, and an invalid value keeps the options that say what to write.
    let Field::Value { span, .. } = field else {
        return;
    };
    let text = span.text(ctx.source());
    let (written, options) = split_hint(text);
    if options.is_empty() || written.is_empty() {
        return;
    }
    let lead = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    // `split_hint` takes the last `(` of a text ending in `)`: the same one here.
    let Some(open) = trimmed.rfind('(') else {
        return;
    };
    let value_end = trimmed[..open].trim_end().len();
    let base = span.start + lead;
    let hint = Span::new(base + open, base + trimmed.len());
    let removed = Span::new(base + value_end, hint.end);
    out.push(
        ctx.diagnostic(
            &TemplateHintKept::META,
            hint,
            format!(
                "{what} `{written}` keeps the template's hint `{}`; expected the value alone",
                hint.text(ctx.source())
            ),
        )
        .with_fix(Fix {
            message: format!("remove the hint, keeping `{written}`"),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: removed,
                replacement: String::new(),
            }],
        }),
    );
}

#[cfg(test)]
mod tests {
    use crate::fix::{fixed_text, FixOptions};
    use crate::registry;
    use crate::test_support::{check_rule, diagnostics};
    use crate::{check, Document, Settings};

    const DOC: &str = "---\nphase: deployment\nstage: draft\n---\n## Overview\n\n**Release Type**: Minor (Major | Minor | Patch | Hotfix)\n\n**Target Environment**: {{target_environment}} (Staging | Production | DR)\n\n## Pre-Deployment Planning\n\n### Rollback Plan\n\n**Rollback Strategy**: **Blue-Green**  ( Blue-Green | Canary | Rolling | Immediate )  \n";

    fn selected(patterns: &[&str]) -> Settings {
        Settings {
            select: patterns.iter().map(|p| (*p).to_owned()).collect(),
            ..Settings::default()
        }
    }

    #[test]
    fn a_filled_value_with_its_hint_is_reported_on_the_hint() {
        assert_eq!(check_rule("RL310", DOC, None), ["RL310:7", "RL310:15"]);
        let found = diagnostics("RL310", DOC, None);
        assert_eq!(found[0].span.text(DOC), "(Major | Minor | Patch | Hotfix)");
        assert_eq!(
            found[0].message,
            "Release Type `Minor` keeps the template's hint `(Major | Minor | Patch | Hotfix)`; expected the value alone"
        );
        assert_eq!(
            found[1].span.text(DOC),
            "( Blue-Green | Canary | Rolling | Immediate )"
        );
    }

    #[test]
    fn the_fix_removes_the_hint_and_nothing_else() {
        let fixed = fixed_text(DOC, &selected(&["RL310"]), &FixOptions::default());
        assert_eq!(
            fixed,
            DOC.replace("Minor (Major | Minor | Patch | Hotfix)", "Minor")
                .replace(
                    "**Blue-Green**  ( Blue-Green | Canary | Rolling | Immediate )  \n",
                    "**Blue-Green**  \n"
                )
        );
        assert!(check_rule("RL310", &fixed, None).is_empty());
    }

    #[test]
    fn crlf_and_a_byte_order_mark_are_kept() {
        let crlf = format!("\u{feff}{}", DOC.replace('\n', "\r\n"));
        let fixed = fixed_text(&crlf, &selected(&["RL310"]), &FixOptions::default());
        let expected = format!(
            "\u{feff}{}",
            DOC.replace("Minor (Major | Minor | Patch | Hotfix)", "Minor")
                .replace(
                    "**Blue-Green**  ( Blue-Green | Canary | Rolling | Immediate )  \n",
                    "**Blue-Green**  \n"
                )
                .replace('\n', "\r\n")
        );
        assert_eq!(fixed, expected);
    }

    #[test]
    fn it_runs_only_when_selected() {
        let doc = Document::parse(DOC);
        let runs = |settings: &Settings| check(&doc, settings).iter().any(|d| d.code == "RL310");
        assert!(!registry::find("RL310").unwrap().meta().default);
        assert!(!runs(&Settings::default()), "off by default");
        for on in [&["RL310"][..], &["template-hint-kept"], &["RL3"], &["ALL"]] {
            assert!(runs(&selected(on)), "{on:?}");
        }
        let extended = Settings {
            extend_select: vec!["RL310".to_owned()],
            ..Settings::default()
        };
        assert!(runs(&extended));
        let found = check(&doc, &extended);
        assert!(
            found.iter().any(|d| d.code != "RL310"),
            "extend-select keeps the default rules"
        );
        let ignored = Settings {
            ignore: vec!["RL310".to_owned()],
            ..selected(&["ALL"])
        };
        assert!(!runs(&ignored), "ignore wins");
    }
}
