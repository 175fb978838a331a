//! The known sections of the template, found by heading text.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// A heading of level 2 or deeper, in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Section {
    /// Which known section this is, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<SectionId>,
    /// The heading's text as written (inline markup removed).
    pub title: String,
    /// Heading level, 2 for `##`.
    pub level: u8,
    /// The heading line.
    pub span: Span,
    /// From the end of the heading to the next heading of the same or a higher level.
    pub body: Span,
    /// How a heading that is not the template's title was read as the known section
    /// `id`; `None` when the heading is the title itself (or no known section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<MatchedBy>,
}

/// How a renamed heading was matched to a known section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum MatchedBy {
    /// A configured alias (`[sections] aliases`): an exact match.
    Alias,
    /// Its words: one of the heading and the title holds the other's (`Rollback` for
    /// `Rollback Plan`, `Timeline (all times CEST)` for `Deployment Timeline`).
    Words,
    /// What it holds: a table whose columns identify the section.
    Content,
}

macro_rules! sections {
    ($($id:ident = $title:literal, $level:literal, $parent:expr;)*) => {
        /// A section of the template.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(rename_all = "kebab-case")]
        #[non_exhaustive]
        pub enum SectionId {
            $(
                #[doc = concat!("`", $title, "`")]
                $id,
            )*
        }

        impl SectionId {
            /// Every known section, in template order.
            pub const ALL: &'static [SectionId] = &[$(SectionId::$id,)*];

            /// The heading text the template uses.
            #[must_use]
            pub fn title(self) -> &'static str {
                match self { $(SectionId::$id => $title,)* }
            }

            /// The heading level the template uses.
            #[must_use]
            pub fn level(self) -> u8 {
                match self { $(SectionId::$id => $level,)* }
            }

            /// The enclosing section in the template, for level-3 sections.
            #[must_use]
            pub fn parent(self) -> Option<SectionId> {
                match self { $(SectionId::$id => $parent,)* }
            }
        }
    };
}

use SectionId as S;

sections! {
    Overview = "Overview", 2, None;
    PreDeploymentPlanning = "Pre-Deployment Planning", 2, None;
    ReleaseScope = "Release Scope & Impact", 3, Some(S::PreDeploymentPlanning);
    DeploymentPrerequisites = "Deployment Prerequisites", 3, Some(S::PreDeploymentPlanning);
    RiskAssessment = "Risk Assessment", 3, Some(S::PreDeploymentPlanning);
    RollbackPlan = "Rollback Plan", 3, Some(S::PreDeploymentPlanning);
    DeploymentExecution = "Deployment Execution", 2, None;
    DeploymentChecklist = "Deployment Checklist", 3, Some(S::DeploymentExecution);
    DeploymentTimeline = "Deployment Timeline", 3, Some(S::DeploymentExecution);
    DeploymentCommands = "Deployment Commands", 3, Some(S::DeploymentExecution);
    MonitoringDuringDeployment = "Monitoring During Deployment", 3, Some(S::DeploymentExecution);
    PostDeploymentValidation = "Post-Deployment Validation", 2, None;
    AutomatedValidation = "Automated Validation", 3, Some(S::PostDeploymentValidation);
    ManualValidation = "Manual Validation", 3, Some(S::PostDeploymentValidation);
    IncidentResponse = "Incident Response", 2, None;
    IssuesEncountered = "Issues Encountered", 3, Some(S::IncidentResponse);
    EmergencyProcedures = "Emergency Procedures", 3, Some(S::IncidentResponse);
    ReleaseNotes = "Release Notes", 2, None;
    NewFeatures = "New Features", 3, Some(S::ReleaseNotes);
    BugFixes = "Bug Fixes", 3, Some(S::ReleaseNotes);
    TechnicalImprovements = "Technical Improvements", 3, Some(S::ReleaseNotes);
    BreakingChanges = "Breaking Changes", 3, Some(S::ReleaseNotes);
    KnownIssues = "Known Issues", 3, Some(S::ReleaseNotes);
    PostReleaseActivities = "Post-Release Activities", 2, None;
    MonitoringAndSupport = "Monitoring & Support", 3, Some(S::PostReleaseActivities);
    CleanupTasks = "Cleanup Tasks", 3, Some(S::PostReleaseActivities);
    MetricsAndAnalytics = "Metrics & Analytics", 3, Some(S::PostReleaseActivities);
    Retrospective = "Retrospective & Improvements", 2, None;
    WhatWentWell = "What Went Well", 3, Some(S::Retrospective);
    WhatCouldBeImproved = "What Could Be Improved", 3, Some(S::Retrospective);
    ActionItems = "Action Items", 3, Some(S::Retrospective);
    CommunicationLog = "Communication Log", 2, None;
    RelatedDocumentation = "Related Documentation", 2, None;
    DeploymentGuidelines = "Deployment Guidelines", 2, None;
    ForReleaseCoordinators = "For Release Coordinators", 3, Some(S::DeploymentGuidelines);
    ForDevelopmentTeams = "For Development Teams", 3, Some(S::DeploymentGuidelines);
    ForOperationsTeams = "For Operations Teams", 3, Some(S::DeploymentGuidelines);
    QualityStandards = "Quality Standards", 3, Some(S::DeploymentGuidelines);
}

impl SectionId {
    /// The known section whose heading text is `title`: case-insensitive, surrounding
    /// space, a trailing `:` and inline markup ignored, `and` and `&` alike.
    #[must_use]
    pub fn from_title(title: &str) -> Option<SectionId> {
        with_normalized(title, |wanted| {
            NORMALIZED_TITLES
                .iter()
                .find(|(normal, _)| normal == wanted)
                .map(|(_, id)| *id)
        })
    }

    /// Whether this section is part of the optional guidance (`Deployment Guidelines`).
    #[must_use]
    pub fn is_guidance(self) -> bool {
        self == S::DeploymentGuidelines || self.parent() == Some(S::DeploymentGuidelines)
    }
}

/// Every known section's normalised title, computed once.
static NORMALIZED_TITLES: std::sync::LazyLock<Vec<(String, SectionId)>> =
    std::sync::LazyLock::new(|| {
        SectionId::ALL
            .iter()
            .map(|id| (normalize_title(id.title()), *id))
            .collect()
    });

/// The comparable form of a heading or label: lower case, `&` for `and`, no markup
/// (`*`, `_`, `` ` ``), collapsed white space, no trailing colon.
/// `normalize_title("**Code and Testing**:")` is `"code & testing"`.
#[must_use]
pub fn normalize_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    normalize_into(title, &mut out);
    out
}

/// [`normalize_title`] into `out` (cleared first), so a caller that only compares can
/// reuse one buffer.
pub(crate) fn normalize_into(title: &str, out: &mut String) {
    out.clear();
    let title = title.trim().trim_end_matches(':');
    if !plain_words_into(title, out) {
        out.clear();
        words_into(title, out);
    }
}

/// The words of `title` as [`words_into`] writes them, one byte at a time, when `title`
/// is ASCII without markup (most titles and labels); `false` when it is not, with `out`
/// partly written.
fn plain_words_into(title: &str, out: &mut String) -> bool {
    let is_space = crate::trim::is_ascii_space;
    let bytes = title.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if is_space(bytes[at]) {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && !is_space(bytes[at]) {
            if !bytes[at].is_ascii() || matches!(bytes[at], b'*' | b'_' | b'`') {
                return false;
            }
            at += 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        // `start` and `at` are next to ASCII bytes: character boundaries.
        let word = title.get(start..at).unwrap_or_default();
        if word.eq_ignore_ascii_case("and") {
            out.push('&');
        } else {
            let word_start = out.len();
            out.push_str(word);
            out[word_start..].make_ascii_lowercase();
        }
    }
    true
}

/// The words of any (trimmed) `title`, lower-cased and without `*`, `_` and `` ` ``, one
/// space apart, `and` as `&`.
fn words_into(title: &str, out: &mut String) {
    crate::words::lower_words_into(
        title,
        out,
        |c| matches!(c, '*' | '_' | '`'),
        |word| (word == "and").then_some("&"),
    );
}

/// Call `f` with the normalised form of `title` (see [`normalize_title`]), built in a
/// buffer reused across calls on this thread.
pub(crate) fn with_normalized<R>(title: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            normalize_into(title, &mut buffer);
            f(&buffer)
        }
        // Re-entered from inside `f`: fall back to a fresh buffer.
        Err(_) => f(&normalize_title(title)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_loosely() {
        assert_eq!(
            SectionId::from_title("Release Scope and Impact:"),
            Some(S::ReleaseScope)
        );
        assert_eq!(
            SectionId::from_title("  risk ASSESSMENT "),
            Some(S::RiskAssessment)
        );
        assert_eq!(SectionId::from_title("Rollout"), None);
        for id in SectionId::ALL {
            assert_eq!(SectionId::from_title(id.title()), Some(*id));
        }
    }

    proptest::proptest! {
        /// The byte-at-a-time path normalises as the general one does, or declines.
        #[test]
        fn plain_titles_normalise_as_any_title_does(title in "[aAnNdDé* \t\x0b\u{a0}:&x-]{0,16}") {
            let (mut plain, mut any) = (String::new(), String::new());
            words_into(&title, &mut any);
            if plain_words_into(&title, &mut plain) {
                proptest::prop_assert_eq!(plain, any);
            } else {
                proptest::prop_assert!(!title.is_ascii() || title.contains(['*', '_', '`']));
            }
        }
    }
}
