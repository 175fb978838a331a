//! The value parsers fail with a `ValueError`: its message is what the model keeps in
//! `Field::Invalid { expected }`, and its range is the bad text inside the input.

use release_doc::values::{
    parse_calver, parse_date, parse_duration, parse_moment, parse_quantity, parse_status,
    parse_threshold, parse_version, ReleaseType, Stage, ValueError,
};
use release_doc::Field;

/// The message and the bad text of a failed parse of `input`.
fn failure<T: std::fmt::Debug>(input: &str, parsed: Result<T, ValueError>) -> (String, &str) {
    let error = parsed.expect_err(input);
    let bad = input
        .get(error.range.clone())
        .expect("a range inside the input");
    (error.to_string(), bad)
}

#[test]
fn every_parser_says_what_it_expected_and_where_the_bad_text_is() {
    let input = "  **soon**  ";
    let cases = [
        (failure(input, parse_date(input)), "a date like 2026-11-30"),
        (
            failure(input, parse_moment(input)),
            "a time like 14:05, 14:05 UTC or 2026-11-30 14:05",
        ),
        (
            failure(input, parse_duration(input)),
            "a duration like 45m, 1h 30m, 1:30 or PT1H30M",
        ),
        (
            failure(input, parse_quantity(input)),
            "a number with an optional unit, like 2%, 180ms or 1,200",
        ),
        (
            failure(input, parse_threshold(input)),
            "a comparator and a number, like < 1% or <= 200ms",
        ),
        (
            failure(input, parse_status(input)),
            "a status such as ✅ Pass, ⚠️ Warning, ❌ Fail or Pending",
        ),
        (
            failure(input, parse_version(input)),
            "a SemVer version like 2.4.0",
        ),
        (
            failure(input, parse_calver(input)),
            "a CalVer version like 2024.05.1 (year.month, then a number)",
        ),
        (
            failure(input, ReleaseType::parse(input)),
            "a release type (Major, Minor, Patch or Hotfix)",
        ),
        (
            failure(input, Stage::parse(input)),
            "a stage (draft, planned, ready, deployed or closed)",
        ),
    ];
    for ((message, bad), expected) in cases {
        assert_eq!(message, expected);
        assert_eq!(bad, "soon", "{expected}");
    }
}

#[test]
fn text_without_markup_is_bad_as_a_whole() {
    let error = parse_duration("ninety minutes").expect_err("not a duration");
    assert_eq!(error.range, 0..14);
    let error = parse_date("").expect_err("empty");
    assert_eq!(error.range, 0..0);
}

#[test]
fn the_model_keeps_the_message_as_the_expected_text() {
    let doc = release_doc::parse("## Overview\n\n**Scheduled Date**: `soon`\n").value;
    match &doc.overview.scheduled_date {
        Field::Invalid { expected, .. } => {
            let error = parse_date("soon").expect_err("not a date");
            assert_eq!(expected, &error.to_string());
        }
        other => panic!("expected an invalid date, found {other:?}"),
    }
}
