//! RL104: no frontmatter, or a key of the template's frontmatter (or `outcome` once the
//! release is deployed) missing from it.

use release_doc::values::Outcome;
use release_doc::{Frontmatter, ProblemKind, Span};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::due;
use crate::markdown::line_span;

declare_rule! {
    /// ## What it does
    /// Reports a document without frontmatter (once, at line 1), and every key of the
    /// template's frontmatter (`component`, `type`, `phase`, `status`, `created`,
    /// `updated`, `owner`, `tags` in the default template) that the frontmatter lacks,
    /// at its closing `---`. With `require-outcome = true` in the configuration, `outcome` is
    /// required too from `deployed` on; without it, the outcome is read from the document
    /// (its `status`, a fired rollback trigger, a phase or incident that says it was
    /// rolled back, else `success`) and never reported missing. A frontmatter
    /// that cannot be read at all is reported by `invalid-frontmatter` instead.
    ///
    /// ## Why it matters
    /// Tools find, sort and report on release documents by these keys: a document
    /// without `component` or `owner` drops out of every dashboard.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// component: "Payments API"
    /// phase: "deployment"
    /// stage: "deployed"
    /// ---
    /// ```
    ///
    /// ## How to fix
    /// Add the missing keys with their values (`owner: "Ana Lima"`,
    /// `outcome: "success"`); start a document without frontmatter from the template's
    /// block.
    pub(crate) struct MissingFrontmatterKey {
        code: "RL104",
        name: "missing-frontmatter-key",
        family: Completeness,
        severity: Error,
        since: Planned,
        summary: "The frontmatter, or a required key of it, is missing",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // A frontmatter that never closes or is not a mapping is `invalid-frontmatter`'s.
    let unreadable = ctx.doc.parsed().problems.iter().any(|p| {
        matches!(
            p.kind,
            ProblemKind::UnterminatedFrontmatter | ProblemKind::FrontmatterNotMapping
        )
    });
    if unreadable {
        return;
    }
    let mut required: Vec<&str> = ctx
        .schema
        .template()
        .frontmatter
        .iter()
        .flat_map(|f| f.keys.iter().map(|k| k.key.as_str()))
        .collect();
    let outcome_due = ctx.settings.require_outcome && ctx.stage >= due::OUTCOME;
    if outcome_due && !required.contains(&"outcome") {
        required.push("outcome");
    }
    if required.is_empty() {
        return;
    }
    let Some(fm) = &ctx.model().frontmatter else {
        let keys: Vec<String> = required.iter().map(|k| format!("`{k}`")).collect();
        out.push(ctx.diagnostic(
            &MissingFrontmatterKey::META,
            line_span(ctx.source(), 0),
            format!(
                "the document has no frontmatter; expected a `---` block at the top with the keys {}",
                keys.join(", ")
            ),
        ));
        return;
    };
    let closing = closing_line(ctx.source(), fm);
    for key in required {
        if fm.keys.iter().any(|k| k.key == key) {
            continue;
        }
        let message = if key == "outcome" && outcome_due {
            let options: Vec<String> = Outcome::ALL.iter().map(|o| format!("`{o}`")).collect();
            format!(
                "frontmatter key `outcome` is missing at stage `{}`; expected `outcome:` with one of {}",
                ctx.stage,
                options.join(", ")
            )
        } else {
            format!("frontmatter key `{key}` is missing; expected `{key}:` as in the template")
        };
        out.push(ctx.diagnostic(&MissingFrontmatterKey::META, closing, message));
    }
}

/// The closing `---` line of the frontmatter block.
fn closing_line(source: &str, fm: &Frontmatter) -> Span {
    let block = fm.span.text(source).trim_end_matches(['\n', '\r']);
    line_span(source, fm.span.start + block.len())
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};
    use crate::{Document, Settings};

    const FULL: &str = "---\ncomponent: \"Ledger\"\ntype: \"workflow\"\nphase: \"deployment\"\nstatus: \"active\"\ncreated: \"2026-11-24\"\nupdated: \"2026-11-25\"\nowner: \"Aiko Tanaka\"\ntags: [\"deployment\"]\n";

    #[test]
    fn missing_key_is_reported_at_the_closing_line() {
        let doc = FULL.replace("owner: \"Aiko Tanaka\"\n", "") + "---\n\n## Overview\n";
        assert_eq!(check_rule("RL104", &doc, Some(Stage::Planned)), ["RL104:9"]);
        let found = diagnostics("RL104", &doc, Some(Stage::Planned));
        assert!(found[0].message.contains("`owner`"), "{}", found[0].message);
    }

    #[test]
    fn outcome_is_never_missing_unless_required() {
        let doc = format!("{FULL}---\n");
        for stage in Stage::ALL {
            assert!(
                check_rule("RL104", &doc, Some(*stage)).is_empty(),
                "{stage}"
            );
        }
    }

    #[test]
    fn outcome_is_required_from_deployed_when_configured() {
        let check = |doc: &str, stage| {
            let settings = Settings {
                stage: Some(stage),
                require_outcome: true,
                select: vec!["RL104".into()],
                ..Settings::default()
            };
            let doc = Document::parse(doc);
            crate::check(&doc, &settings)
                .iter()
                .map(|d| doc.line_col(d.span.start).line)
                .collect::<Vec<_>>()
        };
        let doc = format!("{FULL}---\n");
        assert!(check(&doc, Stage::Ready).is_empty());
        assert_eq!(check(&doc, Stage::Deployed), [10]);
        let doc = format!("{FULL}outcome: success\n---\n");
        assert!(check(&doc, Stage::Closed).is_empty());
    }

    #[test]
    fn no_frontmatter_is_one_finding_at_line_1() {
        let doc = "## Overview\n\n**Release**: Ledger (1.0.0)\n";
        assert_eq!(check_rule("RL104", doc, Some(Stage::Planned)), ["RL104:1"]);
        assert!(check_rule("RL104", doc, Some(Stage::Draft)).is_empty());
    }

    #[test]
    fn unreadable_frontmatter_is_left_to_rl001() {
        let doc = "---\nphase: deployment\n\n## Overview\n";
        assert!(check_rule("RL104", doc, Some(Stage::Planned)).is_empty());
    }

    #[test]
    fn an_unfilled_key_is_not_missing() {
        let doc = FULL.replace("\"Aiko Tanaka\"", "{{owner}}") + "---\n";
        assert!(check_rule("RL104", &doc, Some(Stage::Planned)).is_empty());
    }
}
