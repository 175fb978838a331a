//! parse(render(model)) == model, over generated models, spans aside.
//!
//! A generated model starts from the template's own skeleton (the model of the
//! document `new` writes without values: its sections, checklist items, table columns,
//! quality standards) and fills the typed layer with generated text: Overview fields,
//! frontmatter, every list, every table, code blocks, checklist states. Each field is
//! read from its generated text with the parser's own value readers, so a generated
//! field is a value, invalid text or unfilled (a `{{ placeholder }}`, `TBD`, an empty
//! cell) exactly as the parser would read that text.
//!
//! Left out of the comparison: spans, and two indexes the parser writes beside the typed
//! layer, which repeat it: `fields` (every `**Label**: value` paragraph, i.e. the
//! Overview and Rollback Strategy texts again) and `frontmatter.keys` (every key with its
//! YAML value).

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;
use release_doc::field::Field;
use release_doc::values::{
    parse_date, parse_duration, parse_moment, parse_quantity, parse_status, parse_threshold,
    parse_version, Environment, Outcome, Priority, ReleaseType, RiskLevel, RollbackStrategy, Stage,
    ValueError,
};
use release_doc::{
    ActionItemRow, BusinessMetricRow, CodeBlock, CommunicationRow, DocLink, IssueRow, LabeledItem,
    List, ListItem, MetricRow, ReleaseDoc, RiskRow, Span, SuccessMetricRow, Table, TimelineRow,
};
use serde::Serialize;

use common::{render, values_of, without_spans};

/// The model of the document `new` writes without values.
static SKELETON: LazyLock<ReleaseDoc> =
    LazyLock::new(|| release_doc::parse(&render(&release_gen::Values::new())).value);

const WORDS: &[&str] = &[
    "Payments",
    "API",
    "refund",
    "rollout",
    "p95",
    "42%",
    "pods",
    "UTC",
    "é",
    "naïve",
    "migrate",
    "flag",
    "x.y",
    "v2",
    "on-call",
    "EU",
    "TBD",
    "N/A",
    "None",
    "{{ todo_item }}",
    "**bold**",
    "`code`",
    "key: val",
    "[link](http://x)",
    "&amp;",
    "<br>",
    "_em_",
    "a\\b",
];
/// Words that never make a cell read as "intentionally empty" or unfilled on their own.
const SAFE_WORDS: &[&str] = &[
    "Payments", "API", "refund", "rollout", "pods", "naïve", "flag",
];
const LABELS: &[&str] = &[
    "Users affected",
    "Downtime expected",
    "Internal team",
    "Status page",
    "Runbook",
    "Notes",
];

fn text(words: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(words), 1..5).prop_map(|w| w.join(" "))
}

/// Text of a table cell: may hold a pipe, or be empty.
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => text(WORDS),
        1 => text(SAFE_WORDS).prop_map(|t| format!("{t} | {t}")),
        1 => Just(String::new()),
    ]
}

fn read<T>(raw: &str, parse: impl FnOnce(&str) -> Result<T, ValueError>) -> Field<T> {
    Field::read(raw, Span::default(), parse)
}

fn free(raw: &str) -> Field<String> {
    Field::text(raw, Span::default())
}

/// A field of type `T` from one of `samples` (valid, invalid and unfilled spellings).
fn typed<T: Clone + std::fmt::Debug + 'static>(
    samples: &'static [&'static str],
    parse: fn(&str) -> Result<T, ValueError>,
) -> impl Strategy<Value = Field<T>> {
    prop::sample::select(samples).prop_map(move |raw| read(raw, parse))
}

const MOMENTS: &[&str] = &[
    "14:00",
    "14:05 UTC",
    "2026-11-30 14:05",
    "25:61",
    "{{ start }}",
    "soon",
];
const DURATIONS: &[&str] = &["45m", "1h 30m", "1:30", "PT1H30M", "a while", "TBD"];
const STATUSES: &[&str] = &["✅ Completed", "❌ Failed", "Pending", "⚠️ Warning", "meh"];
const THRESHOLDS: &[&str] = &[
    "< 1%",
    "<= 200ms",
    "> 95%",
    "≤ 200 ms",
    "lots",
    "{{ limit }}",
];
const QUANTITIES: &[&str] = &["0.21%", "212ms", "1,140", "+0.6%", "-12", "high", "???"];
const LEVELS: &[&str] = &[
    "Low",
    "Medium",
    "high",
    "Critical",
    "Very High",
    "{{ level }}",
];
const PRIORITIES: &[&str] = &["P0", "P2", "Medium", "P9", "TBD"];
const DATES: &[&str] = &[
    "2026-11-30",
    "2026-02-28",
    "30/11/2026",
    "YYYY-MM-DD",
    "{{ date }}",
];

fn list(ordered_text: impl Strategy<Value = String>) -> impl Strategy<Value = List> {
    prop::collection::vec(ordered_text, 1..4).prop_map(|items| {
        let mut list = List::default();
        list.span = Some(Span::default());
        list.items = items
            .iter()
            .map(|t| {
                let mut item = ListItem::default();
                item.text = free(t);
                item
            })
            .collect();
        list
    })
}

fn labeled(labels: &'static [&'static str]) -> impl Strategy<Value = Vec<LabeledItem>> {
    prop::collection::vec((prop::sample::select(labels), text(WORDS)), 1..4).prop_map(|items| {
        items
            .into_iter()
            .map(|(label, value)| {
                let mut item = LabeledItem::default();
                item.label = label.to_owned();
                item.value = free(&value);
                item
            })
            .collect()
    })
}

fn table<R: std::fmt::Debug + Clone>(
    row: impl Strategy<Value = R>,
    columns: &[release_doc::Column],
) -> impl Strategy<Value = Table<R>> {
    let columns = columns.to_vec();
    prop::collection::vec(row, 1..4).prop_map(move |rows| {
        let mut table = Table::default();
        table.span = Some(Span::default());
        table.columns = columns.clone();
        table.rows = rows;
        table
    })
}

fn first_cell() -> impl Strategy<Value = Field<String>> {
    text(SAFE_WORDS).prop_map(|t| free(&t))
}

fn cell() -> impl Strategy<Value = Field<String>> {
    cell_text().prop_map(|t| free(&t))
}

prop_compose! {
    fn risk_row()(risk in first_cell(), probability in typed(LEVELS, RiskLevel::parse),
                  impact in typed(LEVELS, RiskLevel::parse), mitigation in cell(), owner in cell())
                  -> RiskRow {
        let mut row = RiskRow::default();
        (row.risk, row.probability, row.impact, row.mitigation, row.owner) = (risk, probability, impact, mitigation, owner);
        row
    }
}

prop_compose! {
    fn timeline_row()(phase in first_cell(), start in typed(MOMENTS, parse_moment),
                      end in typed(MOMENTS, parse_moment),
                      duration in typed(DURATIONS, parse_duration),
                      status in typed(STATUSES, parse_status), notes in cell()) -> TimelineRow {
        let mut row = TimelineRow::default();
        (row.phase, row.start, row.end, row.duration, row.status, row.notes) = (phase, start, end, duration, status, notes);
        row
    }
}

prop_compose! {
    fn metric_row()(metric in first_cell(), threshold in typed(THRESHOLDS, parse_threshold),
                    current in typed(QUANTITIES, parse_quantity),
                    status in typed(STATUSES, parse_status), alert in cell()) -> MetricRow {
        let mut row = MetricRow::default();
        (row.metric, row.threshold, row.current, row.status, row.alert) = (metric, threshold, current, status, alert);
        row
    }
}

prop_compose! {
    fn issue_row()(time in typed(MOMENTS, parse_moment), issue in first_cell(), severity in cell(),
                   impact in cell(), resolution in cell(),
                   duration in typed(DURATIONS, parse_duration)) -> IssueRow {
        let mut row = IssueRow::default();
        (row.time, row.issue, row.severity, row.impact, row.resolution, row.duration) = (time, issue, severity, impact, resolution, duration);
        row
    }
}

prop_compose! {
    fn success_row()(metric in first_cell(), target in typed(THRESHOLDS, parse_threshold),
                     actual in typed(QUANTITIES, parse_quantity),
                     status in typed(STATUSES, parse_status)) -> SuccessMetricRow {
        let mut row = SuccessMetricRow::default();
        (row.metric, row.target, row.actual, row.status) = (metric, target, actual, status);
        row
    }
}

prop_compose! {
    fn business_row()(metric in first_cell(), baseline in typed(QUANTITIES, parse_quantity),
                      post_release in typed(QUANTITIES, parse_quantity),
                      change in typed(QUANTITIES, parse_quantity)) -> BusinessMetricRow {
        let mut row = BusinessMetricRow::default();
        (row.metric, row.baseline, row.post_release, row.change) = (metric, baseline, post_release, change);
        row
    }
}

prop_compose! {
    fn action_row()(action in first_cell(), owner in cell(), due in typed(DATES, parse_date),
                    priority in typed(PRIORITIES, Priority::parse)) -> ActionItemRow {
        let mut row = ActionItemRow::default();
        (row.action, row.owner, row.due, row.priority) = (action, owner, due, priority);
        row
    }
}

prop_compose! {
    fn communication_row()(time in typed(MOMENTS, parse_moment), audience in first_cell(),
                           message in cell(), channel in cell(), response in cell()) -> CommunicationRow {
        let mut row = CommunicationRow::default();
        (row.time, row.audience, row.message, row.channel, row.response) = (time, audience, message, channel, response);
        row
    }
}

fn code_block() -> impl Strategy<Value = CodeBlock> {
    (
        prop::sample::select(&["Environment Setup", "Database Migration", "Rollout"][..]),
        prop::collection::vec(
            prop::sample::select(
                &[
                    "make deploy",
                    "kubectl rollout status",
                    "echo \"$TOKEN_REF\"",
                    "# ```",
                ][..],
            ),
            1..4,
        ),
    )
        .prop_map(|(label, lines)| {
            let mut block = CodeBlock::default();
            block.label = Some(label.to_owned());
            block.language = "bash".to_owned();
            block.code = lines.join("\n") + "\n";
            block
        })
}

/// The typed parts, in groups small enough for proptest's tuple strategies.
#[derive(Debug, Clone)]
struct Generated {
    overview: Vec<String>,
    frontmatter: Vec<String>,
    tags: Vec<String>,
    lists: Vec<List>,
    labeled: (Vec<LabeledItem>, Vec<LabeledItem>),
    tables: (
        Table<RiskRow>,
        Table<TimelineRow>,
        Table<MetricRow>,
        Table<IssueRow>,
    ),
    more_tables: (
        Table<SuccessMetricRow>,
        Table<BusinessMetricRow>,
        Table<ActionItemRow>,
        Table<CommunicationRow>,
    ),
    commands: Vec<CodeBlock>,
    links: Vec<(String, String)>,
    done: Vec<bool>,
}

fn names() -> impl Strategy<Value = String> {
    prop_oneof![
        text(SAFE_WORDS),
        Just("{{ release_name }}".to_owned()),
        Just("TBD".to_owned())
    ]
}

fn generated() -> impl Strategy<Value = Generated> {
    let s = &*SKELETON;
    (
        (
            prop::collection::vec(names(), 3),
            prop::sample::select(&["2.4.0", "v1.0.0", "3.0", "{{ version }}"][..]),
            prop::sample::select(&["Minor", "hotfix", "Mega", "{{ release_type }}"][..]),
            prop::sample::select(&["Production", "prod", "Prod-EU", "DR"][..]),
            prop::sample::select(DATES),
            prop::sample::select(&["Blue-Green", "canary", "Pray", "{{ strategy }}"][..]),
        ),
        (
            prop::collection::vec(text(WORDS), 3),
            prop::sample::select(DATES),
            prop::sample::select(DATES),
            prop::sample::select(&["draft", "Closed", "done"][..]),
            prop::sample::select(&["success", "rolled-back", "oops"][..]),
            prop::collection::vec(prop::sample::select(SAFE_WORDS), 1..4),
        ),
        prop::collection::vec(list(text(WORDS)), 10),
        (labeled(LABELS), labeled(LABELS)),
        (
            table(risk_row(), &s.risks.columns),
            table(timeline_row(), &s.timeline.columns),
            table(metric_row(), &s.monitoring.columns),
            table(issue_row(), &s.issues.columns),
        ),
        (
            table(success_row(), &s.success_metrics.columns),
            table(business_row(), &s.business_metrics.columns),
            table(action_row(), &s.retrospective.action_items.columns),
            table(communication_row(), &s.communication_log.columns),
        ),
        prop::collection::vec(code_block(), 0..3),
        prop::collection::vec((prop::sample::select(LABELS), text(SAFE_WORDS)), 1..4),
        prop::collection::vec(any::<bool>(), 200),
    )
        .prop_map(
            |(ov, fm, lists, labeled, tables, more_tables, commands, links, done)| {
                let (names, version, kind, env, date, strategy) = ov;
                let (texts, created, updated, stage, outcome, tags) = fm;
                Generated {
                    overview: vec![
                        names[0].clone(),
                        version.to_owned(),
                        names[1].clone(),
                        kind.to_owned(),
                        env.to_owned(),
                        date.to_owned(),
                        names[2].clone(),
                        strategy.to_owned(),
                    ],
                    frontmatter: vec![
                        texts[0].clone(),
                        texts[1].clone(),
                        texts[2].clone(),
                        created.to_owned(),
                        updated.to_owned(),
                        stage.to_owned(),
                        outcome.to_owned(),
                    ],
                    tags: tags.into_iter().map(str::to_owned).collect(),
                    lists,
                    labeled,
                    tables,
                    more_tables,
                    commands,
                    links: links.into_iter().map(|(l, t)| (l.to_owned(), t)).collect(),
                    done,
                }
            },
        )
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The model a generated set of parts describes.
fn model(g: &Generated) -> ReleaseDoc {
    let mut doc = SKELETON.clone();
    doc.title = Some("Payments release".to_owned());
    let o = &g.overview;
    doc.overview.release_name = free(&o[0]);
    doc.overview.release_version = read(&o[1], parse_version);
    doc.overview.component = free(&o[2]);
    doc.overview.release_type = read(&o[3], ReleaseType::parse);
    doc.overview.target_environment = read(&o[4], Environment::parse);
    doc.overview.scheduled_date = read(&o[5], parse_date);
    doc.overview.release_coordinator = free(&o[6]);
    doc.overview.business_owner = free(&o[0]);
    doc.rollback.strategy = read(&o[7], RollbackStrategy::parse);
    if let Some(fm) = doc.frontmatter.as_mut() {
        let f = &g.frontmatter;
        fm.component = free(&f[0]);
        fm.owner = free(&f[1]);
        fm.status = free(&f[2]);
        fm.created = read(&f[3], parse_date);
        fm.updated = read(&f[4], parse_date);
        fm.stage = read(&f[5], Stage::parse);
        fm.outcome = read(&f[6], Outcome::parse);
        let raw = format!(
            "[{}]",
            g.tags.iter().map(json).collect::<Vec<_>>().join(", ")
        );
        fm.tags = Field::Value {
            value: g.tags.clone(),
            raw,
            span: Span::default(),
            note: None,
        };
        fm.keys.clear();
    }
    let l = &g.lists;
    doc.scope.changes = l[0].clone();
    doc.rollback.steps = l[1].clone();
    doc.emergency.steps = l[2].clone();
    doc.release_notes.new_features = l[3].clone();
    doc.release_notes.bug_fixes = l[4].clone();
    doc.release_notes.technical_improvements = l[5].clone();
    doc.release_notes.breaking_changes = l[6].clone();
    doc.release_notes.known_issues = l[7].clone();
    doc.retrospective.went_well = l[8].clone();
    doc.retrospective.could_improve = l[9].clone();
    doc.scope.impact = g.labeled.0.clone();
    doc.emergency.communication = g.labeled.1.clone();
    (doc.risks, doc.timeline, doc.monitoring, doc.issues) = g.tables.clone();
    (
        doc.success_metrics,
        doc.business_metrics,
        doc.retrospective.action_items,
        doc.communication_log,
    ) = g.more_tables.clone();
    doc.commands = g.commands.clone();
    doc.related_docs = g
        .links
        .iter()
        .map(|(label, target)| {
            let mut link = DocLink::default();
            link.label = label.clone();
            link.target = free(target);
            link
        })
        .collect();
    // Tick checklist items; the rollback triggers and sign-offs are read from theirs.
    let mut done = g.done.iter().copied().cycle();
    for group in &mut doc.checklists {
        for item in &mut group.items {
            item.done = done.next().unwrap_or(false);
        }
        let label = group.label.to_lowercase();
        if label.contains("trigger") {
            for (trigger, item) in doc.rollback.triggers.iter_mut().zip(&group.items) {
                trigger.fired = item.done;
            }
        } else if label.contains("sign-off") {
            for (signoff, item) in doc.signoffs.iter_mut().zip(&group.items) {
                signoff.done = item.done;
            }
        }
    }
    doc
}

fn comparable(doc: &ReleaseDoc) -> serde_json::Value {
    let mut doc = doc.clone();
    doc.fields.clear();
    if let Some(fm) = doc.frontmatter.as_mut() {
        fm.keys.clear();
    }
    without_spans(&doc)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn parse_of_render_is_the_model(g in generated()) {
        let doc = model(&g);
        let rendered = render(&values_of(&doc));
        let back = release_doc::parse(&rendered).value;
        prop_assert_eq!(comparable(&back), comparable(&doc), "rendered:\n{}", rendered);
    }
}

#[test]
fn the_skeleton_has_every_part_the_generator_fills() {
    let s = &*SKELETON;
    assert!(s.frontmatter.is_some());
    assert_eq!(s.checklists.len(), 16);
    assert_eq!(s.rollback.triggers.len(), 5);
    assert_eq!(s.signoffs.len(), 4);
    assert_eq!(s.quality_standards.len(), 5);
    assert_eq!(s.risks.columns.len(), 5);
}
