//! A deterministic, seedable corpus of release documents for benchmarks.
//!
//! Every document is a fixture (`fixtures/clean/*.md`, `fixtures/defects/*.md`) with seeded
//! variations: component name, year, extra table rows, and for some documents seeded defects
//! (an unchecked item, a placeholder instead of a value, a broken number). The same seed gives
//! byte-identical output.

use std::io;
use std::path::{Path, PathBuf};

/// The base documents: every clean and seeded-defect fixture.
pub const BASES: &[&str] = &[
    include_str!("../../../fixtures/clean/draft.md"),
    include_str!("../../../fixtures/clean/planned.md"),
    include_str!("../../../fixtures/clean/ready.md"),
    include_str!("../../../fixtures/clean/deployed.md"),
    include_str!("../../../fixtures/clean/closed.md"),
    include_str!("../../../fixtures/defects/clean-closed-merchant-onboarding.md"),
    include_str!("../../../fixtures/defects/clean-deployed-settlement-batch.md"),
    include_str!("../../../fixtures/defects/clean-draft-kyc-verifier.md"),
    include_str!("../../../fixtures/defects/clean-planned-route-optimizer.md"),
    include_str!("../../../fixtures/defects/clean-ready-subscription-billing.md"),
    include_str!("../../../fixtures/defects/closed-customer-data-export.md"),
    include_str!("../../../fixtures/defects/closed-partner-webhooks.md"),
    include_str!("../../../fixtures/defects/closed-tax-calculation.md"),
    include_str!("../../../fixtures/defects/deployed-feature-flags.md"),
    include_str!("../../../fixtures/defects/deployed-inventory-reservation.md"),
    include_str!("../../../fixtures/defects/deployed-video-transcoding.md"),
    include_str!("../../../fixtures/defects/draft-notification-dispatcher.md"),
    include_str!("../../../fixtures/defects/draft-warehouse-slotting.md"),
    include_str!("../../../fixtures/defects/planned-fraud-scoring.md"),
    include_str!("../../../fixtures/defects/planned-shipment-tracking.md"),
    include_str!("../../../fixtures/defects/ready-invoice-renderer.md"),
    include_str!("../../../fixtures/defects/ready-loyalty-points.md"),
    include_str!("../../../fixtures/defects/ready-search-autocomplete.md"),
];

/// Documents per team folder.
pub const PER_TEAM: usize = 50;

const NAMES: &[&str] = &[
    "Ledger",
    "Catalog",
    "Billing",
    "Payments",
    "Identity",
    "Search",
    "Gateway",
    "Inventory",
    "Shipping",
    "Pricing",
    "Loyalty",
    "Checkout",
    "Reporting",
    "Audit",
    "Routing",
    "Messaging",
];
const KINDS: &[&str] = &[
    "API",
    "Service",
    "Worker",
    "Pipeline",
    "Indexer",
    "Scheduler",
];

/// A tiny SplitMix64 generator: deterministic for a seed, no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

fn component(text: &str) -> Option<&str> {
    let line = text.lines().find(|l| l.starts_with("component:"))?;
    let value = line["component:".len()..].trim().trim_matches('"');
    (!value.is_empty() && !value.contains("{{")).then_some(value)
}

/// Indices of lines satisfying `pred`.
fn lines_where(lines: &[String], pred: impl Fn(&str) -> bool) -> Vec<usize> {
    (0..lines.len()).filter(|&i| pred(&lines[i])).collect()
}

fn is_body_row(lines: &[String], i: usize) -> bool {
    let l = &lines[i];
    l.starts_with('|')
        && !l.contains("---")
        && i > 0
        && lines[i - 1].starts_with('|')
        && lines[i - 1].contains("---")
}

/// One release document for `rng`.
pub fn document(rng: &mut Rng) -> String {
    let mut text = BASES[rng.below(BASES.len())].to_owned();
    // A new component name everywhere the old one appears.
    if let Some(old) = component(&text).map(str::to_owned) {
        let new = format!(
            "{} {} {}",
            NAMES[rng.below(NAMES.len())],
            KINDS[rng.below(KINDS.len())],
            rng.below(100)
        );
        text = text.replace(&old, &new);
    }
    // Another year, consistently (dates keep their order).
    let year = 2024 + rng.below(4);
    text = text.replace("2026-", &format!("{year}-"));
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // Extra rows: repeat the first body row of some tables.
    let rows: Vec<usize> = (0..lines.len())
        .filter(|&i| is_body_row(&lines, i))
        .collect();
    for i in rows.into_iter().rev() {
        if rng.chance(30) {
            let extra = rng.below(3) + 1;
            for _ in 0..extra {
                let row = lines[i].clone();
                lines.insert(i + 1, row);
            }
        }
    }
    // Seeded defects in about a third of the documents.
    if rng.chance(35) {
        let checked = lines_where(&lines, |l| l.trim_start().starts_with("- [x]"));
        if !checked.is_empty() && rng.chance(60) {
            let i = checked[rng.below(checked.len())];
            lines[i] = lines[i].replacen("- [x]", "- [ ]", 1);
        }
        let rows: Vec<usize> = (0..lines.len())
            .filter(|&i| is_body_row(&lines, i))
            .collect();
        if !rows.is_empty() && rng.chance(50) {
            let i = rows[rng.below(rows.len())];
            let mut cells: Vec<String> = lines[i].split('|').map(str::to_owned).collect();
            if cells.len() > 3 {
                let c = 1 + rng.below(cells.len() - 2);
                cells[c] = " {{value}} ".to_owned();
                lines[i] = cells.join("|");
            }
        }
        let numbers = lines_where(&lines, |l| l.starts_with('|') && l.contains('%'));
        if !numbers.is_empty() && rng.chance(50) {
            let i = numbers[rng.below(numbers.len())];
            lines[i] = lines[i].replacen('%', "x%", 1);
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// An ordinary README that is not a release document (the linter must skip it).
pub fn readme(team: usize) -> String {
    format!(
        "# Team {team:02}\n\nRelease documents of team {team:02}.\n\n| Owner | Channel |\n|---|---|\n| Team {team:02} | #team-{team:02} |\n\n- [ ] Keep this list short\n"
    )
}

/// The relative paths and texts of a corpus of `count` documents for `seed`, in order:
/// `team-NN/release-NNNN.md`, and `team-NN/README.md` in every team folder.
pub fn corpus(seed: u64, count: usize) -> impl Iterator<Item = (PathBuf, String)> {
    let mut rng = Rng::new(seed);
    (0..count).flat_map(move |i| {
        let team = i / PER_TEAM;
        let dir = PathBuf::from(format!("team-{team:02}"));
        let doc = (dir.join(format!("release-{i:04}.md")), document(&mut rng));
        let first = (i % PER_TEAM == 0).then(|| (dir.join("README.md"), readme(team)));
        first.into_iter().chain(std::iter::once(doc))
    })
}

/// Writes the corpus under `out`; returns the number of files written.
pub fn write(seed: u64, count: usize, out: &Path) -> io::Result<usize> {
    let mut n = 0;
    for (path, text) in corpus(seed, count) {
        let path = out.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus() {
        let a: Vec<_> = corpus(42, 60).collect();
        let b: Vec<_> = corpus(42, 60).collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 62);
        assert!(a.iter().any(|(p, _)| p.ends_with("team-01/README.md")));
    }

    #[test]
    fn other_seed_other_corpus() {
        let a: Vec<_> = corpus(1, 20).collect();
        let b: Vec<_> = corpus(2, 20).collect();
        assert_ne!(a, b);
    }

    #[test]
    fn documents_are_release_documents() {
        for (path, text) in corpus(7, 40) {
            if path.ends_with("README.md") {
                assert!(!text.contains("phase: deployment"));
            } else {
                assert!(
                    text.contains("phase: \"deployment\"") || text.contains("phase: deployment"),
                    "{path:?}"
                );
            }
        }
    }
}
