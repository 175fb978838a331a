//! Sections a team renamed: a heading that is not a template title but names a known
//! section the document lacks, by its words (`### Rollback` for `### Rollback Plan`,
//! `### Timeline (all times CEST)` for `### Deployment Timeline`) or by what it holds (a
//! table with Phase, Start and End columns is the Deployment Timeline); and the renames a
//! configuration states outright ([`crate::ParseOptions::aliases`]).

use std::collections::BTreeSet;

use crate::model::{normalize_title, MatchedBy, ReleaseDoc, SectionId};

/// A heading (by its normalised title) read as a known section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rename {
    /// The heading's normalised title.
    pub title: String,
    /// The section it is read as.
    pub id: SectionId,
    /// How the match was made.
    pub by: MatchedBy,
}

/// The tables that identify a section, by words their header cells contain.
const TABLE_SHAPES: &[(&[&str], SectionId)] = &[
    (&["phase", "start", "end"], SectionId::DeploymentTimeline),
    (
        &["metric", "threshold"],
        SectionId::MonitoringDuringDeployment,
    ),
    (
        &["risk", "probability", "impact"],
        SectionId::RiskAssessment,
    ),
    (
        &["issue", "severity", "resolution"],
        SectionId::IssuesEncountered,
    ),
    (&["action", "owner", "due"], SectionId::ActionItems),
    (
        &["audience", "message", "channel"],
        SectionId::CommunicationLog,
    ),
];

/// Words too common in the template's titles to identify a section alone.
const COMMON_WORDS: &[&str] = &["&", "deployment", "release", "post", "pre", "during", "for"];

/// The words of a title that can identify it: normalised, parenthesised parts and
/// punctuation dropped, a plural `s` cut, common words left out.
fn key_words(title: &str) -> BTreeSet<String> {
    let mut plain = String::with_capacity(title.len());
    let mut depth = 0usize;
    for c in title.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(if c.is_alphanumeric() || c == '&' {
                c
            } else {
                ' '
            }),
            _ => {}
        }
    }
    normalize_title(&plain)
        .split(' ')
        .filter(|w| !w.is_empty() && !COMMON_WORDS.contains(w))
        .map(|w| {
            w.strip_suffix('s')
                .filter(|stem| stem.len() >= 3)
                .unwrap_or(w)
                .to_owned()
        })
        .collect()
}

/// The known sections whose key words and a heading's agree: one set holds the other.
fn by_words(title: &str, candidates: &[SectionId]) -> Vec<SectionId> {
    let heading = key_words(title);
    if heading.is_empty() {
        return Vec::new();
    }
    candidates
        .iter()
        .copied()
        .filter(|id| {
            let known = key_words(id.title());
            !known.is_empty() && (heading.is_subset(&known) || known.is_subset(&heading))
        })
        .collect()
}

/// The known section a table's header identifies.
fn by_table(columns: &[String]) -> Option<SectionId> {
    TABLE_SHAPES
        .iter()
        .find(|(words, _)| {
            words
                .iter()
                .all(|w| columns.iter().any(|c| c.to_lowercase().contains(w)))
        })
        .map(|&(_, id)| id)
}

/// The renames of a first reading of a document: each heading that is no known section,
/// read as the one known section the document lacks that its table identifies, else that
/// its words name. A section is taken at most once; guidance sections never.
pub(crate) fn detect(doc: &ReleaseDoc) -> Vec<Rename> {
    let present: BTreeSet<SectionId> = doc.sections.iter().filter_map(|s| s.id).collect();
    let mut missing: Vec<SectionId> = SectionId::ALL
        .iter()
        .copied()
        .filter(|id| !present.contains(id) && !id.is_guidance())
        .collect();
    let mut renames = Vec::new();
    let titles: Vec<String> = doc
        .unknown_sections
        .iter()
        .map(|u| normalize_title(&u.title))
        .collect();
    for (unknown, title) in doc.unknown_sections.iter().zip(&titles) {
        // A heading written twice is the team's own repeated section, not a rename.
        if titles.iter().filter(|t| *t == title).count() > 1 {
            continue;
        }
        let by_content = unknown.tables.iter().find_map(|t| {
            let columns: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
            by_table(&columns)
        });
        let found = match by_content.filter(|id| missing.contains(id)) {
            Some(id) => Some((id, MatchedBy::Content)),
            None => match by_words(&unknown.title, &missing)[..] {
                [id] if id.level() == unknown.level => Some((id, MatchedBy::Words)),
                _ => None,
            },
        };
        if let Some((id, by)) = found {
            missing.retain(|m| *m != id);
            renames.push(Rename {
                title: title.clone(),
                id,
                by,
            });
        }
    }
    renames
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_a_shorter_or_longer_title() {
        let all = SectionId::ALL;
        assert_eq!(by_words("Rollback", all), [SectionId::RollbackPlan]);
        assert_eq!(
            by_words("Timeline (all times CEST)", all),
            [SectionId::DeploymentTimeline]
        );
        assert_eq!(by_words("Risks", all), [SectionId::RiskAssessment]);
        assert!(by_words("Deployment", all).is_empty());
        assert!(by_words("Appendix", all).is_empty());
        // Two candidates: no match by words alone.
        assert!(by_words("Monitoring", all).len() > 1);
    }

    #[test]
    fn tables_name_their_section() {
        let cols = |c: &[&str]| c.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            by_table(&cols(&["Phase", "Start (CEST)", "End (CEST)", "Took"])),
            Some(SectionId::DeploymentTimeline)
        );
        assert_eq!(by_table(&cols(&["Name", "Value"])), None);
    }

    #[test]
    fn a_renamed_section_is_read_as_the_section() {
        let doc = "## Deployment Execution\n\n### Timeline (all times CEST)\n\n| Phase | Start | End | Duration | Status | Notes |\n|---|---|---|---|---|---|\n| Application deployment | 14:20 | 14:41 | 21m | ✅ | |\n\n## Pre-Deployment Planning\n\n### Rollback\n\n**Rollback Strategy**: Canary\n\n## Appendix\n\ntext\n";
        let model = crate::parse(doc).value;
        assert_eq!(model.timeline.rows.len(), 1);
        assert!(model.rollback.strategy.value().is_some());
        let timeline = model
            .section(SectionId::DeploymentTimeline)
            .map(|s| s.matched_by);
        assert_eq!(timeline, Some(Some(MatchedBy::Content)));
        let rollback = model.section(SectionId::RollbackPlan).map(|s| s.matched_by);
        assert_eq!(rollback, Some(Some(MatchedBy::Words)));
        assert_eq!(model.unknown_sections.len(), 1);
        // The template's own title is no rename; an alias is exact.
        let exact = crate::parse("### Rollback Plan\n").value;
        assert_eq!(exact.sections[0].matched_by, None);
        let options = crate::ParseOptions::with_aliases(vec![(
            "Appendix".into(),
            SectionId::RelatedDocumentation,
        )]);
        let aliased =
            crate::parse_with("## Appendix\n\n- **Runbook**: [[Runbook]]\n", &options).value;
        assert_eq!(
            aliased.sections[0].id,
            Some(SectionId::RelatedDocumentation)
        );
        assert_eq!(aliased.sections[0].matched_by, Some(MatchedBy::Alias));
    }
}
