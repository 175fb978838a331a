//! RL502: a critical incident that lasted longer than the MTTR target.

use release_doc::values::Duration;
use release_doc::values::{parse_threshold, Threshold};
use release_doc::values::{Quantity, Unit};
use release_doc::{Field, Span, TargetKind};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an Issues Encountered row whose Severity is critical (`Critical`, `SEV1`,
    /// `SEV-1` or `P0`, in any case, alone or as a word of the cell: `SEV1 (Critical)`,
    /// `P0 – outage`) and whose Duration does not meet the Mean Time to
    /// Recovery target, at every stage. The target is the document's
    /// Quality Standards `Mean Time to Recovery`, else the configured `mttr`, else the
    /// template's (`<15 minutes`).
    ///
    /// ## Why it matters
    /// MTTR is one of the team's quality standards: a critical incident that outlasted
    /// it is exactly what the retrospective has to explain and the action items have to
    /// prevent. Flagging it keeps it from being closed as a footnote.
    ///
    /// ## Example
    /// ```markdown
    /// | Time | Issue | Severity | Impact | Resolution | Duration |
    /// |------|-------|----------|--------|------------|----------|
    /// | 14:27 | Checkout returned 502 | SEV1 | All EU shoppers | Rolled back | 45m |
    /// ```
    ///
    /// ## How to fix
    /// Check the Duration and Severity (a typo is the cheapest fix). If they are right,
    /// explain the overrun in the retrospective and add an action item that shortens
    /// recovery; to silence it for this document, use
    /// `<!-- release-lint-disable-next-line RL502 -->` with a reason.
    pub(crate) struct IncidentExceedsMttr {
        code: "RL502",
        name: "incident-exceeds-mttr",
        family: Quality,
        severity: Error,
        since: Draft,
        summary: "A critical incident lasted longer than the MTTR target",
        check: check,
    }
}

/// Severity spellings that mean critical, compared word by word on lower-case letters
/// and digits.
const CRITICAL: &[&str] = &["critical", "sev1", "p0"];

/// Whether a Severity cell names a critical severity in one of its words (`SEV-1` is a
/// word; spaces, brackets, dashes with space around them and other punctuation are not).
fn is_critical(severity: &str) -> bool {
    severity
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect::<String>()
        })
        .any(|key| CRITICAL.contains(&key.as_str()))
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(target) = ctx.standards.mttr.as_ref() else {
        return;
    };
    let documented = documented_target(ctx, target);
    let target_text =
        documented.map_or_else(|| show_threshold(target), |(text, _)| text.to_owned());
    for row in &ctx.model().issues.rows {
        let Field::Value {
            raw: severity,
            span: severity_span,
            ..
        } = &row.severity
        else {
            continue;
        };
        if !is_critical(severity) {
            continue;
        }
        let Field::Value {
            value: duration,
            raw: duration_raw,
            span: duration_span,
            ..
        } = &row.duration
        else {
            continue;
        };
        if met(target, duration) != Some(false) {
            continue;
        }
        let issue = super::cell_text(&row.issue, "(unnamed)");
        let mut d = ctx
            .diagnostic(
                &IncidentExceedsMttr::META,
                *duration_span,
                format!(
                    "{severity} issue `{issue}` lasted `{duration_raw}`, beyond the MTTR target \
                     `{target_text}`; expected recovery within the target"
                ),
            )
            .with_label(*severity_span, format!("severity `{severity}`"));
        if let Some((text, span)) = documented {
            d = d.with_label(
                span,
                format!("the Quality Standards MTTR target is `{text}`"),
            );
        }
        out.push(d);
    }
}

/// Whether `duration` meets `target`; `None` when the target is not a time.
fn met(target: &Threshold, duration: &Duration) -> Option<bool> {
    let actual = Quantity {
        value: duration.seconds as f64 * 1000.0,
        unit: Unit::Millis,
    };
    target.is_met_by(&actual)
}

/// The document's own MTTR target, as written, when that is the one in force.
fn documented_target<'a>(ctx: &Context<'a>, target: &Threshold) -> Option<(&'a str, Span)> {
    ctx.model()
        .quality_standards
        .iter()
        .find(|t| t.kind == Some(TargetKind::Mttr) && t.threshold.as_ref() == Some(target))
        .map(|t| (leading_threshold(&t.text), t.span))
}

/// The threshold at the start of a target's text: `<15 minutes` of
/// `<15 minutes for critical issues`.
fn leading_threshold(text: &str) -> &str {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    (1..=words.len())
        .rev()
        .filter_map(|n| {
            let (start, last) = words.get(n - 1)?;
            text.get(..start + last.len())
        })
        .find(|prefix| parse_threshold(prefix).is_ok())
        .unwrap_or(text)
        .trim()
}

/// A time threshold in friendly units (`< 15m`), other thresholds as they display.
fn show_threshold(target: &Threshold) -> String {
    match target.quantity.unit {
        Unit::Millis if target.quantity.value >= 1000.0 => {
            let seconds = (target.quantity.value / 1000.0).round() as u64;
            format!("{} {}", target.comparator, Duration { seconds })
        }
        _ => target.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::settings::Settings;
    use crate::test_support::{check_rule, diagnostics};

    const HEAD: &str = "---\nphase: deployment\nstage: deployed\n---\n## Incident Response\n### Issues Encountered\n\n| Time | Issue | Severity | Impact | Resolution | Duration |\n|------|-------|----------|--------|------------|----------|\n";

    fn doc(rows: &str, standards: &str) -> String {
        format!("{HEAD}{rows}{standards}")
    }

    const STANDARDS: &str = "\n## Deployment Guidelines\n\n### Quality Standards\n\n- **Mean Time to Recovery**: <30 minutes for critical issues\n";

    #[test]
    fn critical_issue_over_the_template_target_is_reported_at_its_duration() {
        let source = doc(
            "| 14:27 | Checkout 502 | SEV-1 | All shoppers | Rolled back | 45m |\n\
             | 14:50 | Slow search | Medium | Some | Cache | 2h |\n\
             | 15:10 | Login loop | p0 | All | Fixed | 15 min |\n\
             | 15:40 | Queue stuck | **Critical** | Payouts | Restarted | 10m |\n",
            "",
        );
        assert_eq!(check_rule("RL502", &source, None), ["RL502:10", "RL502:12"]);
        let found = diagnostics("RL502", &source, None);
        assert_eq!(found[0].span.text(&source), "45m");
        assert_eq!(
            found[0].message,
            "SEV-1 issue `Checkout 502` lasted `45m`, beyond the MTTR target `< 15m`; \
             expected recovery within the target"
        );
        assert_eq!(found[0].labels.len(), 1);
    }

    #[test]
    fn the_documents_target_wins_and_is_labelled() {
        let source = doc(
            "| 14:27 | Checkout 502 | SEV1 | All | Rolled back | 45m |\n\
             | 15:10 | Login loop | Critical | All | Fixed | 20m |\n",
            STANDARDS,
        );
        let found = diagnostics("RL502", &source, None);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("target `<30 minutes`"));
        assert_eq!(
            found[0].labels[1].message,
            "the Quality Standards MTTR target is `<30 minutes`"
        );
    }

    #[test]
    fn configured_target_applies_without_document_target() {
        let source = doc(
            "| 15:10 | Login loop | Critical | All | Fixed | 20m |\n",
            "",
        );
        let mut settings = Settings {
            select: vec!["RL502".to_owned()],
            ..Settings::default()
        };
        settings.standards.mttr = Some("< 1 hour".to_owned());
        let doc = crate::document::Document::parse(source);
        assert!(crate::check(&doc, &settings).is_empty());
    }

    #[test]
    fn silent_when_unfilled_invalid() {
        let source = doc(
            "| 14:27 | Checkout 502 | {{severity}} | All | Rolled back | 45m |\n\
             | 14:27 | Checkout 502 | SEV1 | All | Rolled back | {{duration}} |\n\
             | 14:27 | Checkout 502 | SEV1 | All | Rolled back | a while |\n\
             | 14:27 | Checkout 502 | SEV2 | All | Rolled back | 3h |\n",
            "",
        );
        assert!(check_rule("RL502", &source, None).is_empty());
        let late = doc(
            "| 14:27 | Checkout 502 | SEV1 | All | Rolled back | 45m |\n",
            "",
        );
        assert!(
            !check_rule("RL502", &late, Some(Stage::Ready)).is_empty(),
            "filled values are checked at every stage"
        );
    }

    #[test]
    fn critical_as_a_word_of_the_severity_cell() {
        for critical in [
            "SEV1 (Critical)",
            "Critical (SEV-1)",
            "P0 – outage",
            "**Critical**",
        ] {
            assert!(super::is_critical(critical), "{critical}");
        }
        for other in ["SEV2 (High)", "Non-critical", "P1", "Medium", "SEV10"] {
            assert!(!super::is_critical(other), "{other}");
        }
        let source = doc(
            "| 14:27 | Flag sync stalled | SEV1 (Critical) | All | Restarted | 35m |\n",
            "",
        );
        assert_eq!(check_rule("RL502", &source, None), ["RL502:10"]);
    }

    #[test]
    fn leading_threshold_of_target_text() {
        assert_eq!(
            super::leading_threshold("<15 minutes for critical issues"),
            "<15 minutes"
        );
        assert_eq!(super::leading_threshold("< 1h"), "< 1h");
    }
}
