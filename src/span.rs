//! Byte spans into the caller's original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the ORIGINAL input, always on UTF-8
/// character boundaries, whatever normalisation the match ran on.
///
/// # Examples
/// ```
/// let text = "Có 5.246 đảng viên.";
/// let span = baocao::Span::new(4, 9); // "ó" takes two bytes
/// assert_eq!(&text[span.range()], "5.246");
/// assert_eq!(span.len(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is raised to `start` if it is smaller.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The span as a range, to index the original text with.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether it covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use baocao::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 9)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
    /// ```
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}
