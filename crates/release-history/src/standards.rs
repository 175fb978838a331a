//! The quality standards judged against a history's figures: each is `met`, `not met`
//! or `not measured`, with the figure's DORA band.
//!
//! The targets are resolved as `check` resolves them
//! ([`release_rules::standards::Standards`]): the newest document's Quality Standards,
//! else the configuration's `[standards]`, else the template's. Deployment frequency,
//! which the template writes as words (`Multiple deployments per day`), is read from
//! the document, else the template, and judged where its words are clear.

use release_doc::internal::parse_leading_threshold;
use release_doc::values::{Comparator, Threshold};
use release_doc::values::{Quantity, Unit};
use release_doc::{QualityTarget, ReleaseDoc, TargetKind};
use release_rules::settings::StandardTargets;
use release_rules::standards::Standards;
use serde::Serialize;

use crate::bands::{self, Band};
use crate::figures::Figures;

/// Whether a standard is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Verdict {
    /// The figure meets the target.
    #[serde(rename = "met")]
    Met,
    /// It does not.
    #[serde(rename = "not met")]
    NotMet,
    /// There is no figure, or no target that can be compared with it.
    #[serde(rename = "not measured")]
    NotMeasured,
}

impl Verdict {
    /// `met`, `not met` or `not measured`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::NotMet => "not met",
            Verdict::NotMeasured => "not measured",
        }
    }
}

/// A target: the threshold it is compared with, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The threshold, when the text has one or its words are clear.
    pub threshold: Option<Threshold>,
    /// The target as written (a threshold as `> 95%`).
    pub text: String,
}

/// The five targets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Targets {
    /// Deployment success rate.
    pub success_rate: Option<Target>,
    /// Change failure rate.
    pub change_failure_rate: Option<Target>,
    /// Deployment frequency.
    pub deployment_frequency: Option<Target>,
    /// Mean time to recovery.
    pub mttr: Option<Target>,
    /// Lead time for changes.
    pub lead_time: Option<Target>,
}

impl Targets {
    /// Resolve the targets from the newest document's Quality Standards, the configured
    /// ones and the template's.
    #[must_use]
    pub fn resolve(
        newest: &[QualityTarget],
        config: &StandardTargets,
        template: &ReleaseDoc,
    ) -> Self {
        let mut doc = ReleaseDoc::default();
        doc.quality_standards = newest.to_vec();
        let standards = Standards::resolve(&doc, config, template);
        let target = |t: Option<Threshold>| {
            t.map(|t| Target {
                text: threshold_text(&t),
                threshold: Some(t),
            })
        };
        let frequency = find(newest, TargetKind::DeploymentFrequency)
            .or_else(|| find(&template.quality_standards, TargetKind::DeploymentFrequency))
            .map(|t| Target {
                threshold: t.threshold.clone().or_else(|| frequency_meaning(&t.text)),
                text: t.text.trim().to_owned(),
            });
        Self {
            success_rate: target(standards.success_rate),
            change_failure_rate: target(standards.change_failure_rate),
            deployment_frequency: frequency,
            mttr: target(standards.mttr),
            lead_time: target(standards.lead_time),
        }
    }
}

/// A threshold as people write a target: times in minutes or hours (`< 15 min`,
/// `< 1 h`), not in the milliseconds it is kept in.
#[must_use]
pub fn threshold_text(threshold: &Threshold) -> String {
    let q = &threshold.quantity;
    let number = |v: f64| {
        let rounded = (v * 100.0).round() / 100.0;
        rounded.to_string()
    };
    let value = match q.unit {
        Unit::Millis if q.value >= 3_600_000.0 && q.value % 3_600_000.0 == 0.0 => {
            format!("{} h", number(q.value / 3_600_000.0))
        }
        Unit::Millis => format!("{} min", number(q.value / 60_000.0)),
        Unit::PerDay => format!("{}/day", number(q.value)),
        _ => q.to_string(),
    };
    format!("{} {value}", threshold.comparator)
}

fn find(targets: &[QualityTarget], kind: TargetKind) -> Option<&QualityTarget> {
    targets.iter().find(|t| t.kind == Some(kind))
}

/// A deployment frequency written in words, as a threshold per day: `Multiple
/// deployments per day` is more than one a day, `Daily` at least one a day, `Weekly`
/// at least one a week; else the number it starts with (`> 2/day`).
#[must_use]
pub fn frequency_meaning(text: &str) -> Option<Threshold> {
    let t = text.to_lowercase();
    let per_day = |comparator, value| {
        Some(Threshold {
            comparator,
            quantity: Quantity {
                value,
                unit: Unit::PerDay,
            },
        })
    };
    let daily = ["per day", "a day", "daily", "each day", "every day"]
        .iter()
        .any(|w| t.contains(w));
    let several = ["multiple", "several", "many"]
        .iter()
        .any(|w| t.contains(w));
    let weekly = ["per week", "a week", "weekly", "every week"]
        .iter()
        .any(|w| t.contains(w));
    if daily && several {
        per_day(Comparator::Gt, 1.0)
    } else if daily && !t.contains(char::is_numeric) {
        per_day(Comparator::Ge, 1.0)
    } else if weekly && !several && !t.contains(char::is_numeric) {
        per_day(Comparator::Ge, 1.0 / 7.0)
    } else {
        parse_leading_threshold(text.trim())
            .map(|(t, _)| t)
            .filter(|t| t.quantity.unit == Unit::PerDay)
    }
}

/// One standard, judged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Judgement {
    /// The standard's name (`Change Failure Rate`).
    pub name: &'static str,
    /// The figure it reads, by its JSON name (`change_failure_rate`).
    pub figure: &'static str,
    /// The target as written, when there is one.
    pub target: Option<String>,
    /// The target's number in the figure's unit (a fraction, minutes, per day), when
    /// it has one.
    pub target_value: Option<f64>,
    /// The figure (a fraction for rates, minutes for times, per day for frequency).
    pub actual: Option<f64>,
    /// `true` met, `false` not met, `null` not measured.
    pub met: Option<bool>,
    /// `met`, `not met` or `not measured`.
    pub status: Verdict,
    /// Why it is not measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The figure's DORA band (not for the success rate, which DORA does not band).
    pub band: Option<Band>,
}

/// Judge every standard against `figures`.
#[must_use]
pub fn judge(targets: &Targets, figures: &Figures) -> Vec<Judgement> {
    let percent = |v: f64| Quantity {
        value: v * 100.0,
        unit: Unit::Percent,
    };
    let minutes = |v: f64| Quantity {
        value: v * 60_000.0,
        unit: Unit::Millis,
    };
    let per_day = |v: f64| Quantity {
        value: v,
        unit: Unit::PerDay,
    };
    vec![
        one(
            "Deployment Success Rate",
            "deployment_success_rate",
            targets.success_rate.as_ref(),
            figures.deployment_success_rate,
            figures,
            percent,
            |_| None,
            "a percentage",
        ),
        one(
            "Mean Time to Recovery",
            "mttr_minutes",
            targets.mttr.as_ref(),
            figures.mttr_minutes,
            figures,
            minutes,
            |v| Some(bands::mttr(v)),
            "a time",
        ),
        one(
            "Change Failure Rate",
            "change_failure_rate",
            targets.change_failure_rate.as_ref(),
            figures.change_failure_rate,
            figures,
            percent,
            |v| Some(bands::change_failure_rate(v)),
            "a percentage",
        ),
        one(
            "Deployment Frequency",
            "deployment_frequency_per_day",
            targets.deployment_frequency.as_ref(),
            figures.deployment_frequency_per_day,
            figures,
            per_day,
            |v| Some(bands::deployment_frequency(v)),
            "a rate per day",
        ),
        one(
            "Lead Time for Changes",
            "lead_time_minutes",
            targets.lead_time.as_ref(),
            figures.lead_time_minutes,
            figures,
            minutes,
            |v| Some(bands::lead_time(v)),
            "a time",
        ),
    ]
}

#[allow(clippy::too_many_arguments)]
fn one(
    name: &'static str,
    figure: &'static str,
    target: Option<&Target>,
    actual: Option<f64>,
    figures: &Figures,
    quantity: impl Fn(f64) -> Quantity,
    band: impl Fn(f64) -> Option<Band>,
    dimension: &str,
) -> Judgement {
    let (met, reason) = match (target, actual) {
        (None, _) => (None, Some("no target".to_owned())),
        (Some(_), None) => (
            None,
            Some(figures.reason(figure).unwrap_or("no figure").to_owned()),
        ),
        (
            Some(Target {
                threshold: None,
                text,
            }),
            Some(_),
        ) => (
            None,
            Some(format!(
                "the target `{text}` gives no number to compare with"
            )),
        ),
        (
            Some(Target {
                threshold: Some(t),
                text,
            }),
            Some(v),
        ) => match t.is_met_by(&quantity(v)) {
            Some(met) => (Some(met), None),
            None => (
                None,
                Some(format!("the target `{text}` is not {dimension}")),
            ),
        },
    };
    Judgement {
        name,
        figure,
        target: target.map(|t| t.text.clone()),
        target_value: target.and_then(|t| t.threshold.as_ref()).and_then(|t| {
            match t.quantity.unit {
                Unit::Percent => Some(t.quantity.value / 100.0),
                Unit::Millis => Some(t.quantity.value / 60_000.0),
                Unit::PerDay => Some(t.quantity.value),
                _ => None,
            }
        }),
        actual,
        met,
        status: match met {
            Some(true) => Verdict::Met,
            Some(false) => Verdict::NotMet,
            None => Verdict::NotMeasured,
        },
        reason,
        band: actual.and_then(band),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_words_are_read() {
        let more = frequency_meaning("Multiple deployments per day").unwrap();
        assert_eq!(
            (more.comparator, more.quantity.value),
            (Comparator::Gt, 1.0)
        );
        let daily = frequency_meaning("Daily").unwrap();
        assert_eq!(
            (daily.comparator, daily.quantity.value),
            (Comparator::Ge, 1.0)
        );
        assert!(frequency_meaning("As often as the business needs").is_none());
    }

    #[test]
    fn template_defaults_are_the_last_resort() {
        let template = release_rules::Schema::default_template().template();
        let targets = Targets::resolve(&[], &StandardTargets::default(), template);
        assert_eq!(targets.change_failure_rate.unwrap().text, "< 5%");
        assert_eq!(targets.success_rate.unwrap().text, "> 95%");
        assert_eq!(targets.mttr.unwrap().text, "< 15 min");
        assert_eq!(targets.lead_time.unwrap().text, "< 1 h");
        let frequency = targets.deployment_frequency.unwrap();
        assert_eq!(frequency.text, "Multiple deployments per day");
        assert!(frequency.threshold.is_some());
        let config = StandardTargets {
            change_failure_rate: Some("< 10%".into()),
            ..StandardTargets::default()
        };
        let targets = Targets::resolve(&[], &config, template);
        assert_eq!(targets.change_failure_rate.unwrap().text, "< 10%");
    }
}
