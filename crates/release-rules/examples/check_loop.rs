//! Check a file many times, for profilers: `cargo run -p release-rules --example
//! check_loop --profile profiling -- FILE [ITERATIONS] [parse|check]`.

use release_rules::{check, Document, Settings, Stage};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "fixtures/clean/closed.md".to_owned());
    let iterations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let what = args.next().unwrap_or_else(|| "check".to_owned());
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let settings = Settings {
        stage: Some(Stage::Closed),
        ..Settings::default()
    };
    let doc = Document::parse(text.clone());
    let mut found = 0;
    for _ in 0..iterations {
        found += if what == "parse" {
            Document::parse(std::hint::black_box(text.as_str()))
                .parsed()
                .problems
                .len()
        } else {
            check(std::hint::black_box(&doc), &settings).len()
        };
    }
    println!("{iterations} × {what} of {} bytes: {found}", text.len());
}
