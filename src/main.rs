//! `release-lint`: lint Deployment & Release Process documents.

use std::process::ExitCode;

/// jemalloc serves the many small, short-lived allocations of parsing and checking faster
/// than the system allocator, at a flat peak memory (docs/performance.md).
#[cfg(all(unix, not(target_env = "musl")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    release_lint::main()
}
