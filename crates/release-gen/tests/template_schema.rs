//! The embedded minijinja template, rendered with no values, gives a document with the
//! schema of the one default template (`release_doc::DEFAULT_TEMPLATE`): the same
//! sections, fields with their hints, checklist items and table columns. Placeholders
//! are compared by position only: the seed writes `{{release_name}}`, the minijinja
//! template the model path `{{ overview.release_name }}`.

use release_gen::{Template, Values};
use release_rules::schema::KnownTable;
use release_rules::Schema;

/// `text` with every `{{ … }}` written as `{{}}`.
fn without_placeholder_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        match rest[open..].find("}}") {
            Some(close) => {
                out.push_str("{{}}");
                rest = &rest[open + close + 2..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// What a template requires of a document, one line per fact, in document order.
fn shape(schema: &Schema) -> Vec<String> {
    let mut lines = Vec::new();
    for section in schema.sections() {
        lines.push(format!(
            "section {:?} h{} {:?}",
            section.id, section.level, section.title
        ));
    }
    for field in &schema.template().fields {
        let value = field.value.span().map_or("", |s| s.text(schema.source()));
        lines.push(format!(
            "field {:?} {:?}: {} options {:?}",
            field.section,
            field.label,
            without_placeholder_names(value),
            field.options
        ));
    }
    for group in schema.checklists() {
        lines.push(format!("checklist {:?} {:?}", group.section, group.label));
        for item in &group.items {
            lines.push(format!(
                "  item [{}] {}",
                if item.done { "x" } else { " " },
                without_placeholder_names(&item.text)
            ));
        }
    }
    for table in KnownTable::ALL {
        lines.push(format!("table {table:?} {:?}", schema.columns(*table)));
    }
    lines
}

fn rendered_with_no_values() -> String {
    release_gen::render(&Template::embedded(), &Values::new(), "values")
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_embedded_template_renders_to_the_default_templates_schema() {
    let expected = shape(Schema::default_template());
    let actual = shape(&Schema::from_template(&rendered_with_no_values()));
    let differences: Vec<String> = expected
        .iter()
        .zip(&actual)
        .filter(|(e, a)| e != a)
        .map(|(e, a)| format!("template: {e}\nrendered: {a}"))
        .collect();
    assert!(
        differences.is_empty() && expected.len() == actual.len(),
        "{} facts in the template, {} rendered; first differences:\n{}",
        expected.len(),
        actual.len(),
        differences
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_shape_sees_a_missing_checklist_item() {
    // The comparison is not blind: one item less in the rendered text is a difference.
    let rendered = rendered_with_no_values();
    let first_item = rendered
        .lines()
        .find(|l| l.starts_with("- [ ] "))
        .map(|l| format!("{l}\n"))
        .unwrap_or_default();
    assert!(
        !first_item.is_empty(),
        "the rendered template has checklist items"
    );
    let fewer = rendered.replacen(&first_item, "", 1);
    assert_ne!(
        shape(&Schema::from_template(&fewer)),
        shape(Schema::default_template())
    );
}

#[test]
fn placeholder_names_are_ignored_but_their_places_are_not() {
    assert_eq!(
        without_placeholder_names("Tag {{ a.b }} of {{c}}"),
        "Tag {{}} of {{}}"
    );
    assert_eq!(without_placeholder_names("open {{ end"), "open {{ end");
}
