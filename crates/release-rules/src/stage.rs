//! Which stage a document is checked at, and why (spec section 2).
//!
//! First to last: the command line's `--stage`, the frontmatter's `stage`, the
//! template's own frontmatter `status` when its word names a stage (the table of
//! [`STATUS_WORDS`]), the document's evidence (real times in the Deployment Timeline:
//! `deployed`; a filled Retrospective and ticked Post-Release Activities: `closed`), the
//! configured `default-stage`, else `planned`.

use release_doc::values::Stage;
use release_doc::{ReleaseDoc, SectionId, Span};

use crate::settings::Settings;

/// The words of the frontmatter `status` that name a stage, with their synonyms. Matching
/// is case-insensitive and treats `-`, `_` and spaces alike (`Rolled_Back` is
/// `rolled back`).
pub const STATUS_WORDS: &[(&str, Stage)] = &[
    ("draft", Stage::Draft),
    ("wip", Stage::Draft),
    ("work in progress", Stage::Draft),
    ("planned", Stage::Planned),
    ("planning", Stage::Planned),
    ("proposed", Stage::Planned),
    ("in review", Stage::Planned),
    ("review", Stage::Planned),
    ("scheduled", Stage::Planned),
    ("ready", Stage::Ready),
    ("approved", Stage::Ready),
    ("go", Stage::Ready),
    ("deployed", Stage::Deployed),
    ("shipped", Stage::Deployed),
    ("released", Stage::Deployed),
    ("live", Stage::Deployed),
    ("rolled back", Stage::Deployed),
    ("rolledback", Stage::Deployed),
    ("failed", Stage::Deployed),
    ("closed", Stage::Closed),
    ("done", Stage::Closed),
    ("complete", Stage::Closed),
    ("completed", Stage::Closed),
    ("archived", Stage::Closed),
];

/// `text` lower-cased, with `-`, `_` and runs of white space made one space and the
/// surrounding quotes, backticks and asterisks dropped.
pub(crate) fn status_key(text: &str) -> String {
    let text = text
        .trim()
        .trim_matches(|c| matches!(c, '"' | '\'' | '`' | '*'));
    let spaced: String = text
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    spaced
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The stage a `status` word names, if it names one.
#[must_use]
pub fn stage_of_status(word: &str) -> Option<Stage> {
    let key = status_key(word);
    STATUS_WORDS
        .iter()
        .find(|(w, _)| *w == key)
        .map(|&(_, stage)| stage)
}

/// What in the document shows how far the release has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Evidence {
    /// The Deployment Timeline holds real start or end times.
    TimelineTimes,
    /// The Retrospective is filled and Post-Release Activities are ticked.
    Retrospective,
}

/// Where the stage of a check came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum StageSource {
    /// The command line's `--stage`.
    Flag,
    /// The frontmatter's `stage` key.
    StageKey,
    /// The frontmatter's `status` key, whose word (as written) names the stage.
    Status(String),
    /// The document's content.
    Evidence(Evidence),
    /// The configuration's `default-stage`.
    Config,
    /// Nothing said otherwise: `planned`.
    Default,
}

impl StageSource {
    /// A stable name for machine-readable output: `flag`, `stage`, `status`, `evidence`,
    /// `config` or `default`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            StageSource::Flag => "flag",
            StageSource::StageKey => "stage",
            StageSource::Status(_) => "status",
            StageSource::Evidence(_) => "evidence",
            StageSource::Config => "config",
            StageSource::Default => "default",
        }
    }
}

/// The stage a document is checked at, where it came from, and the `status` word that
/// named no stage, if the document has one (reported as an info).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageResolution {
    /// The stage.
    pub stage: Stage,
    /// Why that stage.
    pub source: StageSource,
    /// The frontmatter `status` value that names no stage (`active`), with where it is,
    /// when the stage was not taken from `--stage` or `stage:`.
    pub unknown_status: Option<(String, Span)>,
}

/// A stage given outright (as `--stage` gives it).
impl From<Stage> for StageResolution {
    fn from(stage: Stage) -> Self {
        Self {
            stage,
            source: StageSource::Flag,
            unknown_status: None,
        }
    }
}

impl StageResolution {
    /// Why the stage was used, as the human output says it: `from status: shipped`,
    /// `from the Deployment Timeline's times`, `the default`.
    #[must_use]
    pub fn reason(&self) -> String {
        match &self.source {
            StageSource::Flag => "from --stage".to_owned(),
            StageSource::StageKey => format!("from stage: {}", self.stage),
            StageSource::Status(word) => format!("from status: {word}"),
            StageSource::Evidence(Evidence::TimelineTimes) => {
                "from the Deployment Timeline's times".to_owned()
            }
            StageSource::Evidence(Evidence::Retrospective) => {
                "from the filled Retrospective and Post-Release Activities".to_owned()
            }
            StageSource::Config => "from default-stage in the configuration".to_owned(),
            StageSource::Default => "the default".to_owned(),
        }
    }
}

/// The stage a document is checked at, and why (see the module docs for the order).
#[must_use]
pub fn resolve(doc: &ReleaseDoc, settings: &Settings) -> StageResolution {
    let found = |stage, source| StageResolution {
        stage,
        source,
        unknown_status: None,
    };
    if let Some(stage) = settings.stage {
        return found(stage, StageSource::Flag);
    }
    if let Some(stage) = doc.declared_stage() {
        return found(stage, StageSource::StageKey);
    }
    let status = doc
        .frontmatter
        .as_ref()
        .and_then(|f| Some((f.status.value()?, f.status.span()?)))
        .filter(|(word, _)| !word.trim().is_empty());
    if let Some((word, _)) = status {
        if let Some(stage) = stage_of_status(word) {
            return found(stage, StageSource::Status(word.trim().to_owned()));
        }
    }
    let mut resolution = if let Some(evidence) = evidence(doc) {
        let stage = match evidence {
            Evidence::TimelineTimes => Stage::Deployed,
            Evidence::Retrospective => Stage::Closed,
        };
        found(stage, StageSource::Evidence(evidence))
    } else if let Some(stage) = settings.default_stage {
        found(stage, StageSource::Config)
    } else {
        found(Stage::Planned, StageSource::Default)
    };
    resolution.unknown_status = status.map(|(word, span)| (word.trim().to_owned(), span));
    resolution
}

/// The strongest evidence of how far the release has come: closed (a filled
/// Retrospective and at least one ticked Post-Release Activities item), else deployed (a
/// real start or end time in the Deployment Timeline), else none.
#[must_use]
pub fn evidence(doc: &ReleaseDoc) -> Option<Evidence> {
    let retrospective = &doc.retrospective;
    let retro_filled = retrospective
        .went_well
        .items
        .iter()
        .chain(&retrospective.could_improve.items)
        .any(|item| item.text.is_filled());
    let post_release_ticked = doc.checklists.iter().any(|g| {
        matches!(
            g.section,
            Some(
                SectionId::PostReleaseActivities
                    | SectionId::MonitoringAndSupport
                    | SectionId::CleanupTasks
            )
        ) && g.items.iter().any(|i| i.done)
    });
    if retro_filled && post_release_ticked {
        return Some(Evidence::Retrospective);
    }
    let timed = doc
        .timeline
        .rows
        .iter()
        .any(|row| row.start.value().is_some() || row.end.value().is_some());
    timed.then_some(Evidence::TimelineTimes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    fn resolve_text(text: &str) -> StageResolution {
        resolve(Document::parse(text).model(), &Settings::default())
    }

    #[test]
    fn status_words_and_synonyms_name_stages() {
        for (word, stage) in [
            ("closed", Stage::Closed),
            ("Done", Stage::Closed),
            ("COMPLETED", Stage::Closed),
            ("complete", Stage::Closed),
            ("shipped", Stage::Deployed),
            ("released", Stage::Deployed),
            ("rolled-back", Stage::Deployed),
            ("Rolled back", Stage::Deployed),
            ("rolled_back", Stage::Deployed),
            ("live", Stage::Deployed),
            ("approved", Stage::Ready),
            ("go", Stage::Ready),
            ("In Review", Stage::Planned),
            ("in-review", Stage::Planned),
            ("proposed", Stage::Planned),
            ("draft", Stage::Draft),
            ("\"deployed\"", Stage::Deployed),
        ] {
            assert_eq!(stage_of_status(word), Some(stage), "{word}");
        }
        for word in ["active", "", "goes", "in", "shipped soon"] {
            assert_eq!(stage_of_status(word), None, "{word}");
        }
    }

    #[test]
    fn the_order_is_flag_stage_status_evidence_config_default() {
        let doc = "---\nphase: deployment\nstatus: shipped\nstage: ready\n---\n";
        let r = resolve_text(doc);
        assert_eq!((r.stage, r.source), (Stage::Ready, StageSource::StageKey));
        let r = resolve_text("---\nphase: deployment\nstatus: Shipped\n---\n");
        assert_eq!(r.stage, Stage::Deployed);
        assert_eq!(r.reason(), "from status: Shipped");
        assert_eq!(r.unknown_status, None);
        let settings = Settings {
            stage: Some(Stage::Draft),
            ..Settings::default()
        };
        let parsed = Document::parse(doc);
        let r = resolve(parsed.model(), &settings);
        assert_eq!((r.stage, r.source), (Stage::Draft, StageSource::Flag));
        let r = resolve_text("---\nphase: deployment\nstatus: active\n---\n");
        assert_eq!(
            (r.stage, &r.source),
            (Stage::Planned, &StageSource::Default)
        );
        assert_eq!(
            r.unknown_status.as_ref().map(|(w, _)| w.as_str()),
            Some("active")
        );
        let settings = Settings {
            default_stage: Some(Stage::Ready),
            ..Settings::default()
        };
        let parsed = Document::parse("---\nphase: deployment\n---\n");
        let r = resolve(parsed.model(), &settings);
        assert_eq!((r.stage, r.source), (Stage::Ready, StageSource::Config));
    }

    const TIMELINE: &str = "## Deployment Execution\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration | Status | Notes |\n|---|---|---|---|---|---|\n| Application deployment | {start} | {{app_end}} | | | |\n";

    #[test]
    fn timeline_times_mean_deployed() {
        let doc = |start: &str| {
            format!(
                "---\nphase: deployment\nstatus: active\n---\n{}",
                TIMELINE.replace("{start}", start)
            )
        };
        let r = resolve_text(&doc("14:05"));
        assert_eq!(r.stage, Stage::Deployed);
        assert_eq!(r.source, StageSource::Evidence(Evidence::TimelineTimes));
        assert!(r.unknown_status.is_some());
        let r = resolve_text(&doc("{{app_start}}"));
        assert_eq!(r.stage, Stage::Planned);
    }

    #[test]
    fn a_filled_retrospective_and_ticked_post_release_items_mean_closed() {
        let retro = "## Post-Release Activities\n### Monitoring & Support\n\n- [x] 24-hour monitoring completed\n\n## Retrospective & Improvements\n### What Went Well\n\n- Canary caught the slow query\n";
        let r = resolve_text(&format!("---\nphase: deployment\n---\n{retro}"));
        assert_eq!(r.stage, Stage::Closed);
        assert_eq!(r.source, StageSource::Evidence(Evidence::Retrospective));
        // The Retrospective alone is not enough.
        let unticked = retro.replace("[x]", "[ ]");
        let r = resolve_text(&format!("---\nphase: deployment\n---\n{unticked}"));
        assert_eq!(r.stage, Stage::Planned);
    }
}
