//! Vietnamese number words (placeholder: being written).

/// Parses Vietnamese number words at the start of `input` (normalised view).
pub(crate) fn number_words(_input: &str) -> Option<(u64, usize)> {
    None
}
