//! The floor: reads every `.md` file under the given folders and runs a bare pulldown-cmark
//! pass (tables, task lists, strikethrough, offsets) over it, like `release-lint check` would
//! read and parse them, but with no model, no rules and no report.

use pulldown_cmark::{Options, Parser};
use std::path::Path;

fn walk(dir: &Path, total: &mut usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, total);
        } else if path.extension().is_some_and(|e| e == "md") {
            if let Ok(text) = std::fs::read_to_string(&path) {
                let mut options = Options::empty();
                options.insert(Options::ENABLE_TABLES);
                options.insert(Options::ENABLE_TASKLISTS);
                options.insert(Options::ENABLE_STRIKETHROUGH);
                *total += Parser::new_ext(&text, options)
                    .into_offset_iter()
                    .map(|(_, range)| range.end)
                    .max()
                    .unwrap_or(0);
            }
        }
    }
}

fn main() {
    let mut total = 0;
    for dir in std::env::args().skip(1) {
        walk(Path::new(&dir), &mut total);
    }
    println!("{total}");
}
