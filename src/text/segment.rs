//! Cutting a text into segments that no pattern of a set crosses, so that a scan
//! for the patterns can run segment by segment and find what one scan of the whole
//! text finds.

use std::ops::Range;

/// The ASCII bytes that occur in none of a set of patterns. A match of a pattern
/// never contains one, so a text cut just after one of them loses no match and
/// splits none.
///
/// Digits, most punctuation and line breaks are such bytes for word patterns, so a
/// cut is found a few bytes after wherever it is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CutBytes(u128);

impl CutBytes {
    /// The ASCII bytes outside every pattern in `patterns`.
    pub(crate) fn outside<S: AsRef<str>>(patterns: &[S]) -> Self {
        let inside = patterns
            .iter()
            .flat_map(|p| p.as_ref().bytes())
            .filter(u8::is_ascii)
            .fold(0u128, |set, b| set | 1 << b);
        CutBytes(!inside)
    }

    /// Whether a text may be cut just after `b`.
    fn cuts_after(self, b: u8) -> bool {
        b.is_ascii() && self.0 >> b & 1 == 1
    }

    /// `text` in consecutive segments that cover it, each at least `min_len` bytes
    /// long and ending just after a cut byte, but the last, which ends with the
    /// text. Reads each byte at most once.
    pub(crate) fn segments(
        self,
        text: &[u8],
        min_len: usize,
    ) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut start = 0;
        std::iter::from_fn(move || {
            if start >= text.len() {
                return None;
            }
            let from = start.saturating_add(min_len).min(text.len());
            let end = text[from..]
                .iter()
                .position(|&b| self.cuts_after(b))
                .map_or(text.len(), |i| from + i + 1);
            let segment = start..end;
            start = end;
            Some(segment)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_byte_of_a_pattern_cuts() {
        let cuts = CutBytes::outside(&["chi bộ", "tp.", "nq/tw"]);
        for b in "chi bộtp.nq/tw".bytes().filter(u8::is_ascii) {
            assert!(!cuts.cuts_after(b), "{:?}", b as char);
        }
        for b in [b'\n', b'5', b';', b'(', b'A', b'z'] {
            assert!(cuts.cuts_after(b), "{:?}", b as char);
        }
        // a byte of a multi-byte character is never a cut: it may be any letter's
        assert!(!cuts.cuts_after("ộ".as_bytes()[1]));
    }

    proptest::proptest! {
        #[test]
        fn segments_cover_the_text_and_end_after_cuts(
            text in proptest::collection::vec(proptest::sample::select(&b"ab ,.5\n;"[..]), 0..200),
            min_len in 0usize..20,
        ) {
            let cuts = CutBytes::outside(&["a b", "b,a.", "ba"]);
            let segments: Vec<_> = cuts.segments(&text, min_len).collect();
            let mut at = 0;
            for (i, s) in segments.iter().enumerate() {
                proptest::prop_assert_eq!(s.start, at);
                proptest::prop_assert!(s.end > s.start);
                if i + 1 < segments.len() {
                    proptest::prop_assert!(s.len() >= min_len);
                    proptest::prop_assert!(cuts.cuts_after(text[s.end - 1]));
                }
                at = s.end;
            }
            proptest::prop_assert_eq!(at, text.len());
        }
    }
}
