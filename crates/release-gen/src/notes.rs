//! Release notes derived from a document: a [Keep a Changelog](https://keepachangelog.com)
//! section, `## [version] - date`, with its changes grouped by type.
//!
//! The document's five Release Notes lists map to the changelog's types:
//!
//! | Document list          | Changelog type                                             |
//! |------------------------|------------------------------------------------------------|
//! | New Features           | Added                                                      |
//! | Bug Fixes              | Fixed; Security when the item names a CVE or starts with "Security" |
//! | Technical Improvements | Changed                                                    |
//! | Breaking Changes       | Changed, or Removed when the item starts with Remove/Drop/Delete; always prefixed **BREAKING:** |
//! | Known Issues           | Known Issues (not a Keep a Changelog type, kept last)      |
//!
//! Items that say there is nothing (`None`, `N/A`, `—`) and items still unfilled
//! (`{{ placeholder }}`, `TBD`) are dropped. The version is the Overview's release
//! version (SemVer, without a leading `v`); the date is its Scheduled Date. Without a
//! version the heading is `## [Unreleased]`.

use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;
use release_doc::internal::placeholder::says_not_applicable;
use release_doc::{Field, List, ReleaseDoc};
use serde::Serialize;

/// A change type of Keep a Changelog (plus Known Issues).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeType {
    /// New features.
    Added,
    /// Changes in existing functionality.
    Changed,
    /// Removed features.
    Removed,
    /// Bug fixes.
    Fixed,
    /// Vulnerabilities fixed.
    Security,
    /// Problems the release ships with.
    KnownIssues,
}

impl ChangeType {
    /// Every type, in the order a section lists them.
    pub const ALL: &'static [ChangeType] = &[
        ChangeType::Added,
        ChangeType::Changed,
        ChangeType::Removed,
        ChangeType::Fixed,
        ChangeType::Security,
        ChangeType::KnownIssues,
    ];

    /// The subsection heading.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            ChangeType::Added => "Added",
            ChangeType::Changed => "Changed",
            ChangeType::Removed => "Removed",
            ChangeType::Fixed => "Fixed",
            ChangeType::Security => "Security",
            ChangeType::KnownIssues => "Known Issues",
        }
    }
}

/// One entry of the notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Its type.
    #[serde(rename = "type")]
    pub kind: ChangeType,
    /// The item's text as written in the document.
    pub text: String,
    /// It came from Breaking Changes.
    pub breaking: bool,
}

/// The release notes of one release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseNotes {
    /// The version (`2.4.0`), or `None` when the document does not give one.
    pub version: Option<String>,
    /// The scheduled date (`2026-11-04`), if given.
    pub date: Option<String>,
    /// The entries, grouped by type in [`ChangeType::ALL`] order, document order within.
    pub entries: Vec<Entry>,
}

static SECURITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bCVE-\d{4}-\d{4,}\b|^\W*security\b").expect("valid regex"));
static REMOVAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(remov|drop|delet)(e|es|ed|ing)?\b").expect("valid regex")
});

/// The release notes of a document.
#[must_use]
pub fn release_notes(doc: &ReleaseDoc) -> ReleaseNotes {
    let notes = &doc.release_notes;
    let mut entries = Vec::new();
    let mut add = |list: &List, classify: &dyn Fn(&str) -> (ChangeType, bool)| {
        for text in filled_items(list) {
            let (kind, breaking) = classify(&text);
            entries.push(Entry {
                kind,
                text,
                breaking,
            });
        }
    };
    add(&notes.new_features, &|_| (ChangeType::Added, false));
    add(&notes.bug_fixes, &|t| {
        let kind = if SECURITY.is_match(t) {
            ChangeType::Security
        } else {
            ChangeType::Fixed
        };
        (kind, false)
    });
    add(&notes.technical_improvements, &|_| {
        (ChangeType::Changed, false)
    });
    add(&notes.breaking_changes, &|t| {
        let kind = if REMOVAL.is_match(t) {
            ChangeType::Removed
        } else {
            ChangeType::Changed
        };
        (kind, true)
    });
    add(&notes.known_issues, &|_| (ChangeType::KnownIssues, false));
    // Stable: document order within a type; breaking changes first among Changed.
    entries.sort_by_key(|e| (e.kind, !e.breaking));
    let version = match &doc.overview.release_version {
        Field::Value { value, .. } => Some(value.to_string()),
        Field::Invalid { raw, .. } => Some(raw.trim_start_matches(['v', 'V']).to_owned()),
        _ => None,
    };
    let date = doc.overview.scheduled_date.value().map(ToString::to_string);
    ReleaseNotes {
        version,
        date,
        entries,
    }
}

fn filled_items(list: &List) -> impl Iterator<Item = String> + '_ {
    list.items.iter().filter_map(|item| match &item.text {
        Field::Value { raw, .. } if !says_not_applicable(raw) => Some(raw.clone()),
        _ => None,
    })
}

impl ReleaseNotes {
    /// The notes as a Keep a Changelog section in Markdown.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let mut out = match (&self.version, &self.date) {
            (Some(v), Some(d)) => format!("## [{v}] - {d}\n"),
            (Some(v), None) => format!("## [{v}]\n"),
            (None, Some(d)) => format!("## [Unreleased] - {d}\n"),
            (None, None) => "## [Unreleased]\n".to_owned(),
        };
        for kind in ChangeType::ALL {
            let mut entries = self.entries.iter().filter(|e| e.kind == *kind).peekable();
            if entries.peek().is_none() {
                continue;
            }
            let _ = write!(out, "\n### {}\n\n", kind.title());
            for entry in entries {
                let prefix = if entry.breaking { "**BREAKING:** " } else { "" };
                let _ = writeln!(out, "- {prefix}{}", entry.text);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_map_to_changelog_types() {
        let doc = release_doc::parse(
            "## Overview\n\n**Release**: Pay (v2.0.0)\n\n**Scheduled Date**: 2026-11-30\n\n\
             ## Release Notes\n\n### New Features\n\n- Refunds\n\n### Bug Fixes\n\n- Fix A\n- Patch CVE-2026-12345 in parser\n\n\
             ### Technical Improvements\n\n- Faster\n\n### Breaking Changes\n\n- Removed v1 API\n- Renamed field\n\n\
             ### Known Issues\n\n- None\n",
        )
        .value;
        let notes = release_notes(&doc);
        assert_eq!(notes.version.as_deref(), Some("2.0.0"));
        assert_eq!(
            notes.to_markdown(),
            "## [2.0.0] - 2026-11-30\n\n### Added\n\n- Refunds\n\n### Changed\n\n- **BREAKING:** Renamed field\n- Faster\n\n\
             ### Removed\n\n- **BREAKING:** Removed v1 API\n\n### Fixed\n\n- Fix A\n\n### Security\n\n- Patch CVE-2026-12345 in parser\n"
        );
    }

    #[test]
    fn unfilled_and_none_items_are_dropped() {
        let doc = release_doc::parse(
            "## Release Notes\n\n### New Features\n\n- {{ feature }}\n- N/A\n- TBD\n",
        )
        .value;
        let notes = release_notes(&doc);
        assert!(notes.entries.is_empty());
        assert_eq!(notes.to_markdown(), "## [Unreleased]\n");
    }
}
