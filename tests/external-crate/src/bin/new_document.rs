//! Render a new release document from the embedded template, with a few values set.
use release_gen::{render, Template, Values};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `path=value` pairs from the command line, as `release-lint new --set` takes them.
    let mut values = Values::new();
    for set in std::env::args().skip(1) {
        values.set(&set)?;
    }
    // Values not given render as their `{{ path }}` placeholders, to fill in by hand.
    let document = render(&Template::embedded(), &values, "--set")?;
    print!("{document}");
    // What was rendered parses back to the values that were set.
    let model = release_doc::parse(&document).value;
    eprintln!("release {:?}", model.overview.release_name.value());
    Ok(())
}
