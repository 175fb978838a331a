//! Where a placeholder can sit in the model, what belongs there, and when it is due:
//! frontmatter values, `**Label**: value` fields, checklist items, list items, links and
//! command code. List items are in [`super::lists`], table cells in [`super::cells`].

use std::borrow::Cow;

use release_doc::values::{Outcome, Stage};
use release_doc::{SectionId, Span};

use super::cells;
use crate::context::Context;
use crate::due;
use crate::outline::normalize;

/// A piece of text of the model that may still hold a placeholder.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    /// The text (a value, cell, item, or one placeholder of a code block).
    pub span: Span,
    /// Where it is, for messages (`Overview › Release`).
    pub place: Cow<'static, str>,
    /// What belongs there (`the release's version, like \`2.4.0\``).
    pub expected: Cow<'static, str>,
    /// When it is due; `None`: never (the text is only marked as read).
    pub due: Option<Stage>,
}

impl Site {
    /// A site described (where it is, what belongs there) only when it is due and its
    /// text may hold something to report; any other is kept only as read text. Most
    /// sites are filled in, and describing each cost more than checking it. `read`: the
    /// model's raw text (`Field::raw`) of the labeled field, table cell, list item or
    /// labeled item at `span`: the parser reads those with `Field::read`, which gives raw
    /// text only when it found no placeholder or placeholder-like text; checklist items
    /// pass their text when the parser's `ChecklistItem::unfilled` is `None`. Other sites
    /// pass `None`.
    pub(crate) fn described_if_needed(
        ctx: &Context<'_>,
        span: Span,
        read: Option<&str>,
        due: Option<Stage>,
        describe: impl FnOnce() -> (String, String),
    ) -> Site {
        if !ctx.is_due(due) {
            return Site::read(span);
        }
        let text = span.text(ctx.source());
        // The parser already found no placeholder in these very (trimmed) words: only the
        // configured words can still make them unfilled.
        let filled = read.is_some_and(|raw| raw == text.trim());
        if text.contains('{') || ctx.is_unfilled(text, filled) {
            let (place, expected) = describe();
            Site {
                span,
                place: place.into(),
                expected: expected.into(),
                due,
            }
        } else {
            Site::read(span)
        }
    }

    /// A site only marked as read: never due, never described.
    pub(crate) fn read(span: Span) -> Site {
        Site {
            span,
            place: Cow::Borrowed(""),
            expected: Cow::Borrowed(""),
            due: None,
        }
    }
}

/// Every site of the document's model, in no particular order.
pub(crate) fn collect(ctx: &Context<'_>) -> Vec<Site> {
    // A filled-in template has a few hundred sites: room for them up front saves copying
    // a growing vector of them several times over.
    let mut sites = Vec::with_capacity(512);
    frontmatter(ctx, &mut sites);
    fields(ctx, &mut sites);
    checklists(ctx, &mut sites);
    super::lists::collect(ctx, &mut sites);
    code(ctx, &mut sites);
    cells::collect(ctx, &mut sites);
    sites
}

fn frontmatter(ctx: &Context<'_>, sites: &mut Vec<Site>) {
    let Some(fm) = &ctx.model().frontmatter else {
        return;
    };
    let source = ctx.source();
    for key in &fm.keys {
        let raw = key.value_span.text(source);
        // A quoted scalar: look inside the quotes; an empty value: nothing to look at.
        let start = key.value_span.start;
        let span = if key.value.is_null() {
            Span::new(start, start)
        } else if let Some((_, inner)) = release_doc::internal::quoted_scalar(raw) {
            Span::new(start + inner.start, start + inner.end)
        } else {
            key.value_span
        };
        let expected = match key.key.as_str() {
            "created" | "updated" => "a date like `2026-11-30`".to_owned(),
            "component" => "the component's name".to_owned(),
            "owner" => "the owner's name".to_owned(),
            "stage" => one_of(Stage::ALL),
            "outcome" => one_of(Outcome::ALL),
            other => format!("a value for `{other}`"),
        };
        // `outcome` is only known once the release is out.
        let due = if key.key == "outcome" {
            due::OUTCOME
        } else {
            Stage::Planned
        };
        sites.push(Site {
            span,
            place: format!("frontmatter `{}`", key.key).into(),
            expected: expected.into(),
            due: Some(due),
        });
    }
}

fn fields(ctx: &Context<'_>, sites: &mut Vec<Site>) {
    let overview = &ctx.model().overview;
    for field in &ctx.model().fields {
        let Some(span) = field.value.span() else {
            continue;
        };
        let place = || {
            if field.section_title.is_empty() {
                field.label.clone()
            } else {
                format!("{} › {}", field.section_title, field.label)
            }
        };
        let due = ctx.due_at(field.label_span.start);
        let inside =
            |part: Option<Span>| part.filter(|p| span.start <= p.start && p.end <= span.end);
        let name = inside(overview.release_name.span());
        if field.section == Some(SectionId::Overview)
            && name.is_some()
            && normalize(&field.label) == "release"
        {
            // `name (version)`: two values, each with its own expectation.
            let parts = [
                (name, "the release's name"),
                (
                    inside(overview.release_version.span()),
                    "the release's version, like `2.4.0`",
                ),
            ];
            for (part, expected) in parts {
                if let Some(part) = part {
                    sites.push(Site::described_if_needed(ctx, part, None, due, || {
                        (place(), expected.to_owned())
                    }));
                }
            }
            sites.push(Site::read(span));
            continue;
        }
        sites.push(Site::described_if_needed(
            ctx,
            span,
            field.value.raw(),
            due,
            || {
                (
                    place(),
                    field_expected(ctx, field, &normalize(&field.label)),
                )
            },
        ));
    }
}

/// What belongs in a `**Label**: value` field.
fn field_expected(ctx: &Context<'_>, field: &release_doc::LabeledField, label: &str) -> String {
    let options = field
        .section
        .map(|id| ctx.schema.options(id, &field.label))
        .filter(|o| !o.is_empty());
    match (options, label) {
        (Some(options), _) => format!(
            "one of {}",
            options
                .iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (None, "component") => "the component's name".to_owned(),
        (None, "scheduled date") => "a date like `2026-11-30`".to_owned(),
        (None, "release coordinator" | "business owner") => "a person's name".to_owned(),
        (None, _) => format!("a value for `{}`", field.label),
    }
}

fn checklists(ctx: &Context<'_>, sites: &mut Vec<Site>) {
    for group in &ctx.model().checklists {
        let label = normalize(&group.label);
        let (due, expected) = match group.section {
            // Triggers are conditions, not tasks, but their thresholds are part of the plan.
            Some(SectionId::RollbackPlan) if label.contains("trigger") => (
                due::section(SectionId::RollbackPlan),
                "the trigger's threshold",
            ),
            Some(SectionId::ManualValidation) if label.contains("sign") => (
                due::checklist_group(group, ctx.outcome()),
                "who signed off and when, like `Ana Lima (2026-11-04)`",
            ),
            Some(_) => (
                due::checklist_group(group, ctx.outcome()),
                "the item's text",
            ),
            None => (ctx.due_at(group.span.start), "the item's text"),
        };
        let place = || {
            if group.label == group.section_title {
                group.label.clone()
            } else {
                format!("{} › {}", group.section_title, group.label)
            }
        };
        for item in &group.items {
            // The parser found no placeholder or placeholder-like text in these words.
            let read = item.unfilled.is_none().then_some(item.text.as_str());
            sites.push(Site::described_if_needed(
                ctx,
                item.text_span,
                read,
                due,
                || {
                    // Items are named by their text before the placeholder (`Product Owner`).
                    let lead = item
                        .text
                        .split("{{")
                        .next()
                        .unwrap_or("")
                        .trim_end_matches(|c: char| c.is_whitespace() || ":<>=≤≥".contains(c));
                    let place = if lead.is_empty() || lead == item.text.trim() {
                        place()
                    } else {
                        format!("{} › {lead}", place())
                    };
                    (place, expected.to_owned())
                },
            ));
        }
    }
}

fn code(ctx: &Context<'_>, sites: &mut Vec<Site>) {
    for block in &ctx.model().commands {
        let label = block.label.as_deref().unwrap_or("code block");
        for (_, span) in &block.placeholders {
            sites.push(site(
                *span,
                format!("Deployment Commands › {label}"),
                "the command or value to run",
                SectionId::DeploymentCommands,
            ));
        }
        // The rest of the code is read: placeholder-like words in it are code, not gaps.
        sites.push(Site::read(block.span));
    }
}

/// A site in a known section, due with it.
pub(super) fn site(
    span: Span,
    place: impl Into<Cow<'static, str>>,
    expected: &'static str,
    id: SectionId,
) -> Site {
    Site {
        span,
        place: place.into(),
        expected: Cow::Borrowed(expected),
        due: due::section(id),
    }
}

fn one_of<T: std::fmt::Display>(all: &[T]) -> String {
    let names: Vec<String> = all.iter().map(|v| format!("`{v}`")).collect();
    format!("one of {}", names.join(", "))
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use super::collect;
    use crate::context::Context;
    use crate::document::Document;
    use crate::settings::Settings;

    #[test]
    fn a_quoted_frontmatter_value_is_read_between_its_quotes() {
        let source = "---\nowner: 'TBD'\ncomponent: \"Payments API\"\nservice: \"\"\n\
                      created: 2026-01-02\nnote: '\"'\n---\n";
        let doc = Document::parse(source);
        let settings = Settings::default();
        let ctx = Context::new(&doc, Stage::Planned, &settings);
        let end = source.rfind("---").unwrap_or(0);
        let mut sites: Vec<_> = collect(&ctx)
            .into_iter()
            .filter(|s| s.span.end <= end)
            .map(|s| s.span)
            .collect();
        sites.sort_by_key(|s| s.start);
        let texts: Vec<&str> = sites.iter().map(|s| s.text(source)).collect();
        assert_eq!(texts, ["TBD", "Payments API", "", "2026-01-02", "\""]);
    }
}
