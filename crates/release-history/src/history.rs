//! A history being built, one document at a time, and the report it gives.

use std::collections::BTreeMap;

use jiff::civil::Date;
use release_doc::ReleaseDoc;
use release_rules::settings::StandardTargets;
use serde::Serialize;

use crate::error::Result;
use crate::facts::{DatedTargets, Deployment, Facts};
use crate::figures::{Entry, Figures};
use crate::lead_time::Repositories;
use crate::period::{days_inclusive, PeriodKind};
use crate::standards::{judge, Judgement, Targets, Verdict};
use crate::time::utc_date;

/// A document that is not counted, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Its path, as shown.
    pub path: String,
    /// Why it does not count.
    pub reason: String,
}

/// The deployments and skipped documents seen so far, and the newest Quality Standards.
#[derive(Debug, Default)]
pub struct History {
    deployments: Vec<Deployment>,
    skipped: Vec<Skipped>,
    newest: Option<DatedTargets>,
}

/// How to cut and bound the report.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The periods (`--by`).
    pub by: PeriodKind,
    /// The first day counted (`--since`), UTC.
    pub since: Option<Date>,
    /// The last day counted (`--until`), UTC.
    pub until: Option<Date>,
}

/// The days the figures are over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    /// The first day.
    pub since: Date,
    /// The last day.
    pub until: Date,
    /// Days from the first to the last, both included.
    pub days: i64,
}

/// The figures of one component.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentFigures {
    /// The component.
    pub component: String,
    /// Its figures (deployment frequency over the whole window).
    pub metrics: Figures,
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodFigures {
    /// `2026-11`, `2026-W48`, `2026-Q4`.
    pub period: String,
    /// Its first day within the window.
    pub start: Date,
    /// Its last day within the window.
    pub end: Date,
    /// Its figures (deployment frequency over its days within the window).
    pub metrics: Figures,
    /// The standards its figures do not meet.
    pub not_met: Vec<&'static str>,
}

/// The report of a history: what `release-lint report --format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The version of this shape.
    pub version: u32,
    /// How the periods are cut.
    pub by: PeriodKind,
    /// The days counted; `None` without deployments or bounds.
    pub window: Option<Window>,
    /// Deployments counted.
    pub deployments: usize,
    /// Release documents that are not deployments.
    pub skipped: usize,
    /// Deployments outside `--since`/`--until`.
    pub outside_window: usize,
    /// The figures of all deployments counted.
    pub metrics: Figures,
    /// The standards, judged against `metrics`.
    pub standards: Vec<Judgement>,
    /// Figures per component, by name.
    pub components: Vec<ComponentFigures>,
    /// Figures per period, oldest first.
    pub periods: Vec<PeriodFigures>,
    /// Each skipped document and why.
    pub skipped_documents: Vec<Skipped>,
    /// The lead time of every commit counted, in minutes, ascending (for charts).
    #[serde(skip)]
    pub lead_time_samples: Vec<f64>,
}

impl History {
    /// An empty history.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Take what one document gives.
    pub fn add(&mut self, facts: Facts) {
        match facts.deployment {
            Ok(d) => self.deployments.push(d),
            Err(reason) => self.skipped.push(Skipped {
                path: facts.path,
                reason,
            }),
        }
        if let Some(standards) = facts.standards {
            let newer = self
                .newest
                .as_ref()
                .is_none_or(|n| (standards.date, &standards.path) > (n.date, &n.path));
            if newer {
                self.newest = Some(standards);
            }
        }
    }

    /// Note a document that is not counted, by path.
    pub fn skip(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            path: path.into(),
            reason: reason.into(),
        });
    }

    /// Where the targets come from: the newest document with Quality Standards.
    #[must_use]
    pub fn newest_standards(&self) -> Option<&DatedTargets> {
        self.newest.as_ref()
    }

    /// The report: figures overall, per component and per period, the standards judged
    /// (targets from the newest document, else `config`, else `template`) and lead time
    /// from `repos`.
    ///
    /// # Errors
    ///
    /// A repository's commits cannot be walked.
    pub fn report(
        mut self,
        options: &Options,
        repos: &Repositories,
        config: &StandardTargets,
        template: &ReleaseDoc,
    ) -> Result<Report> {
        self.deployments
            .sort_by(|a, b| (a.time, &a.path).cmp(&(b.time, &b.path)));
        self.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        let in_window = |d: &Deployment| {
            let day = utc_date(d.time);
            options.since.is_none_or(|s| day >= s) && options.until.is_none_or(|u| day <= u)
        };
        let total = self.deployments.len();
        let mut entries = Vec::new();
        for deployment in self.deployments.into_iter().filter(in_window) {
            let changes = repos.changes(&deployment)?;
            entries.push(Entry {
                deployment,
                changes,
            });
        }
        let first = entries.first().map(|e| utc_date(e.deployment.time));
        let last = entries.last().map(|e| utc_date(e.deployment.time));
        let window = match (options.since.or(first), options.until.or(last)) {
            (Some(since), Some(until)) => Some(Window {
                since,
                until,
                days: days_inclusive(since, until),
            }),
            _ => None,
        };
        let days = window.map_or(0, |w| w.days);
        let has_repos = !repos.is_empty();
        let metrics = Figures::of(&entries, days, has_repos);
        let newest = self.newest.as_ref().map_or(&[][..], |n| &n.targets[..]);
        let targets = Targets::resolve(newest, config, template);
        let standards = judge(&targets, &metrics);

        let mut by_component: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
        let mut by_period: BTreeMap<Date, (String, Date, Vec<&Entry>)> = BTreeMap::new();
        for entry in &entries {
            by_component
                .entry(&entry.deployment.component)
                .or_default()
                .push(entry);
            let (label, start, end) = options.by.of(utc_date(entry.deployment.time));
            by_period
                .entry(start)
                .or_insert_with(|| (label, end, Vec::new()))
                .2
                .push(entry);
        }
        let components = by_component
            .into_iter()
            .map(|(component, group)| ComponentFigures {
                component: component.to_owned(),
                metrics: Figures::of(group, days, has_repos),
            })
            .collect();
        let periods = by_period
            .into_iter()
            .map(|(start, (period, end, group))| {
                let (start, end) = match window {
                    Some(w) => (start.max(w.since), end.min(w.until)),
                    None => (start, end),
                };
                let metrics = Figures::of(group, days_inclusive(start, end), has_repos);
                let not_met = judge(&targets, &metrics)
                    .into_iter()
                    .filter(|j| j.status == Verdict::NotMet)
                    .map(|j| j.name)
                    .collect();
                PeriodFigures {
                    period,
                    start,
                    end,
                    metrics,
                    not_met,
                }
            })
            .collect();
        let mut lead_time_samples: Vec<f64> = entries
            .iter()
            .filter_map(|e| e.changes.as_ref())
            .flat_map(|c| c.minutes.iter().copied())
            .collect();
        lead_time_samples.sort_by(f64::total_cmp);
        Ok(Report {
            version: 1,
            by: options.by,
            window,
            deployments: entries.len(),
            skipped: self.skipped.len(),
            outside_window: total - entries.len(),
            metrics,
            standards,
            components,
            periods,
            skipped_documents: self.skipped,
            lead_time_samples,
        })
    }
}

impl Report {
    /// Whether a measured standard is not met (`--check-standards` fails).
    #[must_use]
    pub fn fails_standards(&self) -> bool {
        self.standards.iter().any(|j| j.status == Verdict::NotMet)
    }
}
