//! Consistency rules (`RL4xx`): parts of the document that contradict each other.
//!
//! Every rule reads only filled values (`Field::Value`) of content that is due, and
//! points with secondary labels at the other side of each contradiction.

use crate::rule::Rule;

pub(crate) mod breaking_change_in_non_major;
pub(crate) mod business_change_mismatch;
pub(crate) mod component_mismatch;
pub(crate) mod fired_trigger_with_success;
pub(crate) mod major_without_breaking_changes;
pub(crate) mod release_type_contradicts_version;
pub(crate) mod status_contradicts_value;
pub(crate) mod timeline_duration_mismatch;
pub(crate) mod timeline_end_before_start;
pub(crate) mod timeline_phase_overlap;
pub(crate) mod trigger_threshold_mismatch;
pub(crate) mod updated_before_created;
pub(crate) mod updated_not_today;

mod timeline;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[
    &status_contradicts_value::StatusContradictsValue,
    &timeline_end_before_start::TimelineEndBeforeStart,
    &timeline_duration_mismatch::TimelineDurationMismatch,
    &timeline_phase_overlap::TimelinePhaseOverlap,
    &trigger_threshold_mismatch::TriggerThresholdMismatch,
    &release_type_contradicts_version::ReleaseTypeContradictsVersion,
    &breaking_change_in_non_major::BreakingChangeInNonMajor,
    &major_without_breaking_changes::MajorWithoutBreakingChanges,
    &business_change_mismatch::BusinessChangeMismatch,
    &component_mismatch::ComponentMismatch,
    &updated_before_created::UpdatedBeforeCreated,
    &fired_trigger_with_success::FiredTriggerWithSuccess,
    &updated_not_today::UpdatedNotToday,
];

/// Document text quoted as inline code for a message, shortened to about 60
/// characters: `` `text` ``, or ``` `` a `b` `` ``` when the text holds a backtick.
pub(super) fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let text = text.trim();
    let short = match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    };
    if short.contains('`') {
        format!("`` {short} ``")
    } else {
        format!("`{short}`")
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_as_inline_code() {
        assert_eq!(quote(" None "), "`None`");
        assert_eq!(quote("`GET /v1` removed"), "`` `GET /v1` removed ``");
        let long = "a".repeat(70);
        assert_eq!(quote(&long), format!("`{}…`", "a".repeat(60)));
    }
}
