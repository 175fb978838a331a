use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::declare_history_rule;
use crate::history::{self, Facts, Finding, History};
use crate::rules::history::place;

declare_history_rule! {
    /// ## What it does
    /// Reports a release whose SemVer version is lower than that of an earlier
    /// deployment of the same component to the same environment. Releases are ordered
    /// by their deployment time: the Start of the first Deployment Timeline row, else
    /// the Scheduled Date (in UTC; a time without a zone is read as UTC). A release
    /// that was rolled back or failed (its `outcome`, or what the document says) does
    /// not raise the mark: going back below it is what a rollback does.
    ///
    /// It compares every document of the run and of the history folder
    /// (`--history DIR` or the config key `history`), reports only documents of the
    /// run, and skips versions that are not SemVer and documents without a date.
    ///
    /// ## Why it matters
    /// Versions only go up: a later release with a lower version is a typo in the
    /// version, a document filed under the wrong component, or a downgrade that nobody
    /// wrote down as one. Each of them makes the release history wrong.
    ///
    /// ## Example
    /// `releases/2026-11-10-payments.md`, deployed with `outcome: success`:
    /// ```markdown
    /// **Release**: Checkout revamp (v2.4.0)
    /// **Scheduled Date**: 2026-11-10
    /// ```
    /// `releases/2026-11-20-payments.md`, the same component and environment:
    /// ```markdown
    /// **Release**: Refund flow (v2.3.0)
    /// **Scheduled Date**: 2026-11-20
    /// ```
    ///
    /// ## How to fix
    /// Correct the version (`v2.5.0`) or the component. When the earlier release was in
    /// fact undone, say so in its document (`outcome: rolled-back`).
    pub(crate) struct VersionRegression {
        code: "RL702",
        name: "version-regression",
        severity: Error,
        summary: "A later deployment of a component has a lower version than an earlier one",
        check: check,
    }
}

fn check(set: &History, out: &mut Vec<Finding>) {
    // Per component and environment, the releases in deployment order.
    let mut lines: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, facts) in set.facts().iter().enumerate() {
        let semver = facts.version.as_ref().and_then(|v| v.semver.as_ref());
        if let (Some(component), Some(_), Some(_)) =
            (facts.component_key(), semver, facts.deployed_at)
        {
            let environment = facts.environment.map(|e| e.to_string()).unwrap_or_default();
            lines.entry((component, environment)).or_default().push(i);
        }
    }
    for line in lines.values_mut() {
        line.sort_by_key(|&i| (set.facts()[i].deployed_at, i));
        let mut mark: Option<&Facts> = None;
        for &i in line.iter() {
            let facts = &set.facts()[i];
            let (Some(version), Some(at)) = (&facts.version, facts.deployed_at) else {
                continue;
            };
            let Some(semver) = &version.semver else {
                continue;
            };
            if let Some(high) = mark {
                let (Some(high_version), Some(high_at)) = (&high.version, high.deployed_at) else {
                    continue;
                };
                let lower = high_version
                    .semver
                    .as_ref()
                    .is_some_and(|h| semver.cmp_precedence(h) == Ordering::Less);
                if lower && at > high_at {
                    let message = format!(
                        "`{}` {} (deployed {}) is lower than {}, deployed {} in `{}`; expected a version above {} for a later release",
                        facts.component.as_deref().unwrap_or_default(),
                        version.text,
                        day(at),
                        high_version.text,
                        day(high_at),
                        place(&high.path, high_version.at),
                        high_version.text,
                    );
                    out.push(Finding {
                        file: i,
                        diagnostic: history::diagnostic(
                            &VersionRegression::META,
                            version.span,
                            "Overview",
                            message,
                        ),
                    });
                    continue;
                }
            }
            let higher = mark
                .and_then(|m| m.version.as_ref())
                .and_then(|v| v.semver.as_ref())
                .is_none_or(|h| semver.cmp_precedence(h) == Ordering::Greater);
            if !facts.was_undone() && higher {
                mark = Some(facts);
            }
        }
    }
}

/// `2026-11-20 14:00 UTC`, or `2026-11-20` at midnight.
fn day(at: jiff::Timestamp) -> String {
    let civil = jiff::tz::TimeZone::UTC.to_datetime(at);
    if civil.time() == jiff::civil::Time::midnight() {
        civil.date().to_string()
    } else {
        format!("{} {} UTC", civil.date(), civil.time().strftime("%H:%M"))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::history::test_support::{findings, release};

    #[test]
    fn a_later_lower_version_is_reported_at_the_later_one() {
        let a = release(
            "Payments API",
            "2.4.0",
            "Production",
            "2026-11-10",
            "success",
        );
        let b = release(
            "Payments API",
            "2.3.0",
            "Production",
            "2026-11-20",
            "success",
        );
        // Given in the other order: the deployment date decides, not the file order.
        assert_eq!(
            findings("RL702", &[("b.md", &b), ("a.md", &a)]),
            ["b.md:11: `Payments API` 2.3.0 (deployed 2026-11-20) is lower than 2.4.0, deployed 2026-11-10 in `a.md:11:22`; expected a version above 2.4.0 for a later release"]
        );
    }

    #[test]
    fn a_rolled_back_release_is_not_the_mark() {
        let a = release(
            "Payments API",
            "2.3.0",
            "Production",
            "2026-11-01",
            "success",
        );
        let b = release(
            "Payments API",
            "2.4.0",
            "Production",
            "2026-11-10",
            "rolled-back",
        );
        let c = release(
            "Payments API",
            "2.3.1",
            "Production",
            "2026-11-20",
            "success",
        );
        assert!(findings("RL702", &[("a.md", &a), ("b.md", &b), ("c.md", &c)]).is_empty());
        // A later 2.3.0 is still below the 2.3.1 that stuck.
        let d = release("Payments API", "2.3.0", "Production", "2026-11-30", "");
        let found = findings(
            "RL702",
            &[("a.md", &a), ("b.md", &b), ("c.md", &c), ("d.md", &d)],
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with(
                "d.md:10: `Payments API` 2.3.0 (deployed 2026-11-30) is lower than 2.3.1"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn other_environments_components_and_pre_releases() {
        let prod = release(
            "Payments API",
            "2.4.0",
            "Production",
            "2026-11-10",
            "success",
        );
        let staging = release("Payments API", "2.3.0", "Staging", "2026-11-20", "success");
        let other = release("Ledger", "1.0.0", "Production", "2026-11-20", "success");
        let pre = release(
            "Payments API",
            "2.5.0-rc.1",
            "Production",
            "2026-11-25",
            "success",
        );
        let docs = [
            ("p.md", prod.as_str()),
            ("s.md", &staging),
            ("o.md", &other),
            ("r.md", &pre),
        ];
        assert!(findings("RL702", &docs).is_empty());
        let later_pre = release(
            "Payments API",
            "2.4.0-rc.1",
            "Production",
            "2026-11-20",
            "success",
        );
        assert_eq!(
            findings("RL702", &[("p.md", &prod), ("l.md", &later_pre)]).len(),
            1
        );
    }

    #[test]
    fn the_same_day_is_not_later() {
        let a = release(
            "Payments API",
            "2.4.0",
            "Production",
            "2026-11-10",
            "success",
        );
        let b = release(
            "Payments API",
            "2.3.9",
            "Production",
            "2026-11-10",
            "success",
        );
        assert!(findings("RL702", &[("a.md", &a), ("b.md", &b)]).is_empty());
    }
}
