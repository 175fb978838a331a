use std::collections::BTreeMap;

use crate::declare_history_rule;
use crate::history::{self, Finding, History};
use crate::rules::history::place;

declare_history_rule! {
    /// ## What it does
    /// Reports two release documents of the same component and version, at the version
    /// of each of them. The component is the frontmatter's `component` (else the
    /// Overview's Component), compared without regard to case or repeated spaces; the
    /// version is the Release field's, compared as SemVer when it is one (`v2.4.0` and
    /// `2.4.0` are the same), else as written.
    ///
    /// It compares every document of the run, and those of the history folder
    /// (`--history DIR` or the config key `history`), but reports only documents of the
    /// run.
    ///
    /// ## Why it matters
    /// One release has one document: two of them split its sign-offs, incidents and
    /// outcome between two files, and the release history counts the release twice. A
    /// copied document whose version was not bumped is the usual cause.
    ///
    /// ## Example
    /// `releases/2026-11-30-payments.md`:
    /// ```markdown
    /// **Release**: Checkout revamp (v2.4.0)
    /// ```
    /// `releases/2026-12-07-payments.md`, for the same component:
    /// ```markdown
    /// **Release**: Refund flow (v2.4.0)
    /// ```
    ///
    /// ## How to fix
    /// Give the newer release its own version (`v2.5.0`), or merge the two documents
    /// into one when they describe the same release.
    pub(crate) struct DuplicateRelease {
        code: "RL701",
        name: "duplicate-release",
        severity: Error,
        summary: "Two release documents have the same component and version",
        check: check,
    }
}

fn check(set: &History, out: &mut Vec<Finding>) {
    let mut releases: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, facts) in set.facts().iter().enumerate() {
        if let (Some(component), Some(version)) = (facts.component_key(), &facts.version) {
            releases
                .entry((component, version.text.to_lowercase()))
                .or_default()
                .push(i);
        }
    }
    for same in releases.values().filter(|same| same.len() > 1) {
        for &i in same {
            let facts = &set.facts()[i];
            let (Some(component), Some(version)) = (&facts.component, &facts.version) else {
                continue;
            };
            let others: Vec<String> = same
                .iter()
                .filter(|&&j| j != i)
                .filter_map(|&j| {
                    let other = &set.facts()[j];
                    other
                        .version
                        .as_ref()
                        .map(|v| format!("`{}`", place(&other.path, v.at)))
                })
                .collect();
            let message = format!(
                "`{component}` {} is also released in {}; expected one release document per component and version",
                version.text,
                others.join(", "),
            );
            out.push(Finding {
                file: i,
                diagnostic: history::diagnostic(
                    &DuplicateRelease::META,
                    version.span,
                    "Overview",
                    message,
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::history::test_support::{findings, findings_with, release};
    use crate::settings::Settings;

    #[test]
    fn both_documents_are_reported() {
        let a = release(
            "Payments API",
            "v2.4.0",
            "Production",
            "2026-11-30",
            "success",
        );
        let b = release("payments  api", "2.4.0", "Production", "2026-12-07", "");
        let c = release("Payments API", "2.5.0", "Production", "2026-12-14", "");
        assert_eq!(
            findings("RL701", &[("a.md", &a), ("b.md", &b), ("c.md", &c)]),
            [
                "a.md:11: `Payments API` 2.4.0 is also released in `b.md:10:22`; expected one release document per component and version",
                "b.md:10: `payments  api` 2.4.0 is also released in `a.md:11:22`; expected one release document per component and version",
            ]
        );
    }

    #[test]
    fn other_components_and_versions_are_not_duplicates() {
        let a = release("Payments API", "2.4.0", "Production", "2026-11-30", "");
        let b = release("Ledger", "2.4.0", "Production", "2026-11-30", "");
        let c = release("Payments API", "2.4.1", "Production", "2026-11-30", "");
        assert!(findings("RL701", &[("a.md", &a), ("b.md", &b), ("c.md", &c)]).is_empty());
    }

    #[test]
    fn a_history_document_is_compared_but_not_reported() {
        let a = release("Payments API", "2.4.0", "Production", "2026-11-30", "");
        let old = release(
            "Payments API",
            "2.4.0",
            "Production",
            "2026-10-01",
            "success",
        );
        assert_eq!(
            findings_with(
                "RL701",
                &[("a.md", &a, true), ("releases/old.md", &old, false)],
                &Settings::default()
            ),
            ["a.md:10: `Payments API` 2.4.0 is also released in `releases/old.md:11:22`; expected one release document per component and version"]
        );
    }

    #[test]
    fn a_suppression_comment_hides_the_finding() {
        let a = release("Payments API", "2.4.0", "Production", "2026-11-30", "");
        let b = format!("{a}\n<!-- release-lint-disable-file duplicate-release -->\n");
        let docs = [("a.md", a.as_str()), ("b.md", b.as_str())];
        let found = findings("RL701", &docs);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("a.md:"), "{found:?}");
    }

    #[test]
    fn an_ignored_rule_reports_nothing() {
        let a = release("Payments API", "2.4.0", "Production", "2026-11-30", "");
        let settings = Settings {
            ignore: vec!["duplicate-release".to_owned()],
            ..Settings::default()
        };
        let docs = [("a.md", a.as_str(), true), ("b.md", a.as_str(), true)];
        assert!(findings_with("RL7", &docs, &settings).is_empty());
    }
}
