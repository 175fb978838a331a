//! RL409: a Business Impact `Change` that is not Post-Release minus Baseline.

use std::sync::LazyLock;

use regex::Regex;
use release_doc::internal::strip_wrapping;
use release_doc::values::{parse_quantity, Quantity, Unit};
use release_doc::Field;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::fix::table::replace_cell;

declare_rule! {
    /// ## What it does
    /// Checks each filled Business Impact Metrics row, at every stage: its Change must equal
    /// Post-Release − Baseline, in the values' unit, to the precision the Change is
    /// written with (`+0.6` is right for any difference from 0.55 to 0.65). A `%` change
    /// on values that are not percentages is the relative change, (Post-Release −
    /// Baseline) / Baseline × 100 (`4,120` → `4,236` is `+2.8%`). A `%` change on
    /// percentages may be either the difference in points (`71.8%` → `72.4%` is
    /// `+0.6%`) or the relative change (`+0.8%`): both are accepted, and so is a change
    /// in points written `pp`. A change without a unit on values with one is read in
    /// the Baseline's unit. Rows whose values are in units that do not compare are
    /// skipped.
    ///
    /// ## Why it matters
    /// The Change column is what stakeholders read. A change that does not follow from
    /// the numbers beside it (a sign flipped, a relative change written as absolute)
    /// reports a win that did not happen, or hides a loss.
    ///
    /// ## Example
    /// ```markdown
    /// | Metric | Baseline | Post-Release | Change |
    /// |--------|----------|--------------|--------|
    /// | Support Tickets | 86 | 74 | +12 |
    /// ```
    ///
    /// ## How to fix
    /// Write the change the numbers give (`-12` above), or correct the Baseline or
    /// Post-Release value that was mistyped.
    ///
    /// ## Fix
    /// Safe: `release-lint fix` writes the change the Baseline and Post-Release give, with
    /// its sign (`+`/`-`), the unit the Change is written in and as many decimals as it
    /// shows (at least one when the change is not whole: `+6%` becomes `+0.6%`); a note
    /// after the Change is kept. A `%` change on percentages becomes the difference in
    /// points, the values' unit. The table's padding is kept, or the column widened when
    /// the new text does not fit.
    pub(crate) struct BusinessChangeMismatch {
        code: "RL409",
        name: "business-change-mismatch",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "A Business Impact Change is not Post-Release minus Baseline",
        fix: Safe,
        check: check,
    }
}

/// The last number of a value as written, and the text after it (its unit).
static LAST_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[0-9][0-9,]*(?:\.(?<d>[0-9]+))?|\.(?<e>[0-9]+))(?<unit>[^0-9]*)$")
        .expect("valid regex")
});

/// Units that mean "percentage points".
const POINTS: &[&str] = &["pp", "pt", "pts", "point", "points"];

/// How a value is written: decimals and unit of its last number, and the factor from
/// that unit to the base unit of the model (`1000` for `s`).
struct Written {
    decimals: usize,
    unit: String,
    factor: f64,
}

fn written(raw: &str) -> Option<Written> {
    let caps = LAST_NUMBER.captures(strip_wrapping(raw))?;
    let decimals = caps
        .name("d")
        .or_else(|| caps.name("e"))
        .map_or(0, |m| m.as_str().len());
    let unit = caps.name("unit").map_or("", |m| m.as_str()).to_owned();
    let factor = parse_quantity(&format!("1{unit}")).ok()?.value;
    (factor > 0.0).then_some(Written {
        decimals,
        unit,
        factor,
    })
}

/// What the Change may be, in the Change's written unit.
enum Expected {
    Difference(f64),
    Relative(f64),
    Either { points: f64, relative: f64 },
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for row in &ctx.model().business_metrics.rows {
        let (
            Field::Value {
                value: base,
                raw: base_raw,
                span: base_span,
                ..
            },
            Field::Value {
                value: post,
                raw: post_raw,
                span: post_span,
                ..
            },
            Field::Value {
                value: change,
                raw: change_raw,
                span,
                ..
            },
        ) = (&row.baseline, &row.post_release, &row.change)
        else {
            continue;
        };
        // A note after a value (`+55 (one day)`) is not part of how it is written.
        let change_text = row.change.value_text().unwrap_or(change_raw);
        let (Some(shown), Some(base_written)) = (
            written(change_text),
            written(row.baseline.value_text().unwrap_or(base_raw)),
        ) else {
            continue;
        };
        let Some(expected) = expected(base, post, change, &shown, &base_written) else {
            continue;
        };
        let tolerance = 0.5
            * 10f64
                .powi(i32::try_from(shown.decimals).unwrap_or(0))
                .recip();
        let actual = change.value / shown.factor;
        let fits = |v: f64| (actual - v).abs() <= tolerance + 1e-9 * v.abs().max(1.0);
        let show = |v: f64| format!("`{}`", number(v, &shown));
        let ok = match expected {
            Expected::Difference(v) | Expected::Relative(v) => fits(v),
            Expected::Either { points, relative } => fits(points) || fits(relative),
        };
        if ok {
            continue;
        }
        let message = match expected {
            Expected::Difference(v) => format!(
                "change `{change_raw}` does not equal Post-Release `{post_raw}` − Baseline `{base_raw}`; expected {}",
                show(v)
            ),
            Expected::Relative(v) => format!(
                "change `{change_raw}` is not the relative change from Baseline `{base_raw}` to Post-Release `{post_raw}`; expected {}",
                show(v)
            ),
            Expected::Either { points, relative } => format!(
                "change `{change_raw}` is neither the difference in points ({}) nor the relative change ({}) from Baseline `{base_raw}` to Post-Release `{post_raw}`",
                show(points),
                show(relative)
            ),
        };
        // On percentages, the change in the values' unit is the difference in points.
        let replacement = match expected {
            Expected::Difference(v)
            | Expected::Relative(v)
            | Expected::Either { points: v, .. } => number(v, &shown),
        };
        let value_span = release_doc::Span::new(span.start, span.start + change_text.len());
        let edits = if row.change.note().is_some() {
            vec![Edit {
                span: value_span,
                replacement: replacement.clone(),
            }]
        } else {
            replace_cell(ctx.source(), value_span, &replacement)
        };
        out.push(
            ctx.diagnostic(&BusinessChangeMismatch::META, *span, message)
                .with_label(*base_span, format!("baseline `{base_raw}`"))
                .with_label(*post_span, format!("post-release `{post_raw}`"))
                .with_fix(Fix {
                    message: format!("write the change `{replacement}`"),
                    applicability: Applicability::Safe,
                    edits,
                }),
        );
    }
}

/// The change the values give, in the written unit of `change`; `None` when the units
/// do not compare or a relative change has no baseline to divide by.
fn expected(
    base: &Quantity,
    post: &Quantity,
    change: &Quantity,
    shown: &Written,
    base_written: &Written,
) -> Option<Expected> {
    if !base.same_unit(post) {
        return None;
    }
    let difference = post.value - base.value;
    let relative = (base.value != 0.0).then(|| difference / base.value.abs() * 100.0);
    let points =
        matches!(&change.unit, Unit::Other(u) if POINTS.contains(&u.to_lowercase().as_str()));
    Some(match (&change.unit, &base.unit) {
        (Unit::Percent, Unit::Percent) => Expected::Either {
            points: difference,
            relative: relative?,
        },
        (Unit::Percent, _) => Expected::Relative(relative?),
        (_, Unit::Percent) if points => Expected::Difference(difference),
        (Unit::Count, _) => Expected::Difference(difference / base_written.factor),
        _ if change.same_unit(base) => Expected::Difference(difference / shown.factor),
        _ => return None,
    })
}

/// `v` with a sign, the change's decimals (at least one unless `v` is whole) and its unit
/// as written (`+2.8%`, `-12`, `0`).
fn number(v: f64, shown: &Written) -> String {
    let whole = (v - v.round()).abs() < 1e-9;
    let d = if whole {
        shown.decimals
    } else {
        shown.decimals.max(1)
    };
    let zero = v.abs() < 0.5 * 10f64.powi(i32::try_from(d).unwrap_or(0)).recip();
    let n = if zero {
        format!("{:.d$}", 0.0)
    } else {
        format!("{v:+.d$}")
    };
    format!("{n}{}", shown.unit)
}

#[cfg(test)]
mod tests;
