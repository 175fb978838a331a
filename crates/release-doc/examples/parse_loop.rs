//! Parse a file many times, for profilers: `cargo run -p release-doc --example parse_loop
//! --profile profiling -- FILE [ITERATIONS]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "fixtures/clean/closed.md".to_owned());
    let iterations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut problems = 0;
    for _ in 0..iterations {
        problems += release_doc::parse(std::hint::black_box(&text))
            .problems
            .len();
    }
    println!(
        "{iterations} parses of {} bytes, {problems} problems",
        text.len()
    );
}
