//! The figures of a set of deployments over a window of days (spec section 9).

use serde::Serialize;

use crate::facts::Deployment;
use crate::lead_time::Changes;

/// A deployment with the commits it shipped, when they are known.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The deployment.
    pub deployment: Deployment,
    /// Its commits, from its git tag.
    pub changes: Option<Changes>,
}

/// The figures of a group of deployments. Rates are fractions from 0 to 1; a figure
/// that cannot be measured is `None`, with its reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Production deployments with an outcome.
    pub deployments: usize,
    /// Those whose outcome is `success`.
    pub successes: usize,
    /// Those whose outcome is `rolled-back` or `failed`.
    pub failures: usize,
    /// Days of the window (first to last day, both included).
    pub days: i64,
    /// Deployments per day of the window.
    pub deployment_frequency_per_day: Option<f64>,
    /// Deployments per week (7 days) of the window.
    pub deployment_frequency_per_week: Option<f64>,
    /// Failures ÷ deployments.
    pub change_failure_rate: Option<f64>,
    /// Successes ÷ deployments.
    pub deployment_success_rate: Option<f64>,
    /// Mean Duration of the Critical/SEV1 issues, in minutes.
    pub mttr_minutes: Option<f64>,
    /// How many Critical/SEV1 issues the mean is over.
    pub critical_incidents: usize,
    /// Median of deployment time − commit time over the shipped commits, in minutes.
    pub lead_time_minutes: Option<f64>,
    /// How many commits the median is over.
    pub lead_time_commits: usize,
    /// How many deployments had a matching tag.
    pub lead_time_deployments: usize,
    /// Why a figure is not measured, by figure name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_measured: Vec<NotMeasured>,
}

/// A figure that is not measured, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotMeasured {
    /// The figure's JSON name (`lead_time_minutes`).
    pub figure: &'static str,
    /// Why.
    pub reason: String,
}

impl Figures {
    /// The figures of `entries` over a window of `days` days. `repos` is whether any git
    /// repository was given (the lead time's reason when it is not measured).
    #[must_use]
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a Entry>, days: i64, repos: bool) -> Self {
        let mut deployments = 0;
        let mut successes = 0;
        let mut failures = 0;
        let mut incident_seconds: u64 = 0;
        let mut incidents = 0;
        let mut commits: Vec<f64> = Vec::new();
        let mut tagged = 0;
        for entry in entries {
            let d = &entry.deployment;
            deployments += 1;
            if d.failed() {
                failures += 1;
            } else {
                successes += 1;
            }
            incidents += d.incidents.len();
            incident_seconds = incident_seconds.saturating_add(d.incidents.iter().sum());
            if let Some(changes) = &entry.changes {
                tagged += 1;
                commits.extend(&changes.minutes);
            }
        }
        let mut not_measured = Vec::new();
        let share = |n: usize| (deployments > 0).then(|| n as f64 / deployments as f64);
        let per_day = (days > 0 && deployments > 0).then(|| deployments as f64 / days as f64);
        if deployments == 0 {
            for figure in [
                "deployment_frequency_per_day",
                "change_failure_rate",
                "deployment_success_rate",
            ] {
                not_measured.push(NotMeasured {
                    figure,
                    reason: "no deployments".into(),
                });
            }
        }
        let mttr = (incidents > 0).then(|| incident_seconds as f64 / 60.0 / incidents as f64);
        if mttr.is_none() {
            not_measured.push(NotMeasured {
                figure: "mttr_minutes",
                reason: "no Critical or SEV1 issue in Issues Encountered".into(),
            });
        }
        let lead_time = median(&mut commits);
        if lead_time.is_none() {
            let reason = if !repos {
                "no git repository given (--repo DIR or [report] repos): a document holds no commit times"
            } else if tagged == 0 {
                "no deployment's version has a matching tag in the repositories"
            } else {
                "the matching tags hold no new commits"
            };
            not_measured.push(NotMeasured {
                figure: "lead_time_minutes",
                reason: reason.into(),
            });
        }
        Self {
            deployments,
            successes,
            failures,
            days,
            deployment_frequency_per_day: per_day,
            deployment_frequency_per_week: per_day.map(|d| d * 7.0),
            change_failure_rate: share(failures),
            deployment_success_rate: share(successes),
            mttr_minutes: mttr,
            critical_incidents: incidents,
            lead_time_minutes: lead_time,
            lead_time_commits: commits.len(),
            lead_time_deployments: tagged,
            not_measured,
        }
    }

    /// Why `figure` is not measured, if it is not.
    #[must_use]
    pub fn reason(&self, figure: &str) -> Option<&str> {
        self.not_measured
            .iter()
            .find(|n| n.figure == figure)
            .map(|n| n.reason.as_str())
    }
}

/// The median (the mean of the two middle values for an even count).
fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use release_doc::values::Outcome;

    fn entry(outcome: Outcome, incidents: Vec<u64>, minutes: Option<Vec<f64>>) -> Entry {
        Entry {
            deployment: Deployment {
                path: "x.md".into(),
                component: "X".into(),
                version: None,
                time: jiff::Timestamp::UNIX_EPOCH,
                outcome,
                incidents,
            },
            changes: minutes.map(|minutes| Changes {
                tag: "v1".into(),
                previous: None,
                minutes,
            }),
        }
    }

    #[test]
    fn figures_of_a_small_history() {
        let entries = [
            entry(Outcome::Success, vec![], Some(vec![30.0, 90.0])),
            entry(Outcome::RolledBack, vec![600, 1200], Some(vec![10.0])),
            entry(Outcome::Failed, vec![1800], None),
            entry(Outcome::Success, vec![], Some(vec![1000.0])),
        ];
        let f = Figures::of(&entries, 8, true);
        assert_eq!((f.deployments, f.successes, f.failures), (4, 2, 2));
        assert_eq!(f.deployment_frequency_per_day, Some(0.5));
        assert_eq!(f.deployment_frequency_per_week, Some(3.5));
        assert_eq!(f.change_failure_rate, Some(0.5));
        assert_eq!(f.deployment_success_rate, Some(0.5));
        assert_eq!(f.mttr_minutes, Some(20.0));
        assert_eq!(f.critical_incidents, 3);
        assert_eq!(f.lead_time_minutes, Some(60.0));
        assert_eq!((f.lead_time_commits, f.lead_time_deployments), (4, 3));
        assert!(f.not_measured.is_empty());
    }

    #[test]
    fn what_cannot_be_measured_says_why() {
        let f = Figures::of(&[entry(Outcome::Success, vec![], None)], 1, false);
        assert_eq!(f.mttr_minutes, None);
        assert_eq!(f.lead_time_minutes, None);
        assert!(f.reason("lead_time_minutes").unwrap().contains("--repo"));
        assert!(f.reason("mttr_minutes").unwrap().contains("SEV1"));
        let none = Figures::of(&[], 0, true);
        assert_eq!(none.change_failure_rate, None);
        assert_eq!(none.reason("change_failure_rate"), Some("no deployments"));
    }
}
