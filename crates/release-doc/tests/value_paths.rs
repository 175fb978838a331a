//! The value types and parsers are at `release_doc::values::*`; the paths of release 0.1
//! (`values::enums::Stage`), hidden, still name the same items for one minor version.

use release_doc::values::{self, Duration, Moment, Quantity, Stage, Threshold, Unit};

#[test]
fn value_types_and_parsers_are_at_the_top_of_values() {
    assert_eq!(Stage::parse("Closed").ok(), Some(Stage::Closed));
    assert_eq!(
        values::parse_duration("1h 30m").ok(),
        Some(Duration { seconds: 5400 })
    );
    let moment: Moment = values::parse_moment("14:05 UTC").expect("a moment");
    assert_eq!(moment.zone.as_deref(), Some("UTC"));
    let limit: Threshold = values::parse_threshold("< 2%").expect("a threshold");
    assert_eq!(limit.comparator, values::Comparator::Lt);
    assert_eq!(
        values::parse_quantity("2%").ok(),
        Some(Quantity {
            value: 2.0,
            unit: Unit::Percent
        })
    );
    assert_eq!(
        values::parse_status("✅ Pass").ok(),
        Some(values::Status::Pass)
    );
    assert_eq!(
        values::parse_version("v2.4.0").map(|v| v.minor).ok(),
        Some(4)
    );
    assert_eq!(
        values::parse_calver("2024.05.1").map(|c| c.month).ok(),
        Some(5)
    );
}

#[test]
fn old_paths_name_the_same_items() {
    let stage: Stage = values::enums::Stage::Closed;
    let kind: values::ReleaseType = values::enums::ReleaseType::Major;
    let duration: Duration = values::datetime::Duration { seconds: 60 };
    let unit: Unit = values::quantity::Unit::Percent;
    let status: values::Status = values::status::Status::Pass;
    let comparator: values::Comparator = values::threshold::Comparator::Le;
    let calver: values::CalVer = values::version::CalVer {
        year: 2024,
        month: 5,
        micro: None,
    };
    assert_eq!(stage.as_str(), "closed");
    assert_eq!(kind.as_str(), "Major");
    assert_eq!(duration.minutes(), 1.0);
    assert_eq!(unit, Unit::Percent);
    assert_eq!(status, values::Status::Pass);
    assert_eq!(comparator.symbol(), "<=");
    assert_eq!(calver.year, 2024);
}
