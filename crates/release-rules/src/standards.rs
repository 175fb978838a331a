//! Quality-standard targets: from the document's Quality Standards section, then the
//! configuration, then the template's defaults.

use release_doc::values::{parse_threshold, Threshold};
use release_doc::{QualityTarget, ReleaseDoc, TargetKind};

use crate::settings::StandardTargets;

/// The resolved targets the quality rules compare against.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Standards {
    /// Deployment success rate.
    pub success_rate: Option<Threshold>,
    /// Mean time to recovery.
    pub mttr: Option<Threshold>,
    /// Change failure rate.
    pub change_failure_rate: Option<Threshold>,
    /// Lead time for changes.
    pub lead_time: Option<Threshold>,
}

impl Standards {
    /// Resolve each target: the document's, else the configured one, else the template's.
    #[must_use]
    pub fn resolve(doc: &ReleaseDoc, config: &StandardTargets, template: &ReleaseDoc) -> Self {
        let pick = |kind: TargetKind, configured: &Option<String>| {
            from_doc(&doc.quality_standards, kind)
                .or_else(|| configured.as_deref().and_then(|t| parse_threshold(t).ok()))
                .or_else(|| from_doc(&template.quality_standards, kind))
        };
        Self {
            success_rate: pick(TargetKind::SuccessRate, &config.success_rate),
            mttr: pick(TargetKind::Mttr, &config.mttr),
            change_failure_rate: pick(TargetKind::ChangeFailureRate, &config.change_failure_rate),
            lead_time: pick(TargetKind::LeadTime, &config.lead_time),
        }
    }
}

fn from_doc(targets: &[QualityTarget], kind: TargetKind) -> Option<Threshold> {
    targets
        .iter()
        .find(|t| t.kind == Some(kind))
        .and_then(|t| t.threshold.clone())
}
