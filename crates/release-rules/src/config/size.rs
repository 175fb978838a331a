//! File sizes as the command line (`--max-file-size`) and the config (`max-file-size`)
//! write them: `10MB`, `512 KiB`, `1048576`.

/// Parse a size: bytes, or a number with `K`, `KB`, `KiB`, `M`, `MB`, `MiB`, `G`, `GB`
/// or `GiB` (all binary: 1 MB = 1,048,576 bytes), case-insensitive.
///
/// # Errors
///
/// What is wrong with `text`, naming it: not a number, an unknown unit, or more bytes
/// than a `u64` holds.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}`: expected a size such as 10MB, 512KB or 1048576"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(format!("`{other}`: unknown size unit; use KB, MB or GB")),
    };
    number
        .checked_mul(factor)
        .ok_or_else(|| format!("`{text}`: too large"))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("10MB"), Ok(10 << 20));
        assert_eq!(parse_size("512 KiB"), Ok(512 << 10));
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5TB").is_err());
        assert!(parse_size("99999999999999999999GB").is_err());
    }
}
