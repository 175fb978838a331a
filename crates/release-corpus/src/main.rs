//! `release-corpus --seed 42 --count 1000 --out DIR`: writes a deterministic corpus.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut seed = 42u64;
    let mut count = 1000usize;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        let ok = match (arg.as_str(), value) {
            ("--seed", Some(v)) => v.parse().map(|v| seed = v).is_ok(),
            ("--count", Some(v)) => v.parse().map(|v| count = v).is_ok(),
            ("--out", Some(v)) => {
                out = Some(PathBuf::from(v));
                true
            }
            _ => false,
        };
        if !ok {
            eprintln!("usage: release-corpus [--seed N] [--count N] --out DIR");
            return ExitCode::from(2);
        }
    }
    let Some(out) = out else {
        eprintln!("usage: release-corpus [--seed N] [--count N] --out DIR");
        return ExitCode::from(2);
    };
    match release_corpus::write(seed, count, &out) {
        Ok(n) => {
            eprintln!("wrote {n} files under {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("release-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
