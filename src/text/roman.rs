//! Roman numerals (placeholder: being written).

/// Parses a Roman numeral at the start of `input` (normalised view, lower case).
pub(crate) fn roman(_input: &str) -> Option<(u32, usize)> {
    None
}
