//! Errors (for building an extractor and for strict parses) and diagnostics (for
//! questionable input met during extraction, which never fails).

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What went wrong in a fallible call: building an [`Extractor`](crate::Extractor)
/// or a strict `FromStr` parse of a single value.
///
/// ```
/// let err = "31/02/2024".parse::<baocao::Date>().unwrap_err();
/// assert!(err.to_string().contains("31/02/2024"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not one value of the expected kind.
    #[error("cannot read {what} from {input:?}: {reason} (at byte {offset})")]
    Parse {
        /// What was being parsed ("a date", "a percentage").
        what: &'static str,
        /// The input as given.
        input: String,
        /// Byte offset into `input` where reading stopped.
        offset: usize,
        /// Why.
        reason: String,
    },
    /// The text is shaped like a date, but no such day exists.
    #[error("{input:?} is not a calendar date: {reason}")]
    InvalidDate {
        /// The input as given.
        input: String,
        /// Why ("February 2024 has no day 31").
        reason: String,
    },
    /// A record kind name that the contract does not define.
    #[error("unknown record kind {0:?}")]
    UnknownKind(String),
    /// An extractor was built with no record kind to look for.
    #[error("an extractor needs at least one record kind")]
    NoKinds,
    /// The bytes are not UTF-8 (and, for [`decode`](crate::decode), do not read as
    /// TCVN3 or VNI text either).
    ///
    /// ```
    /// let err = baocao::decode(b"abc\xff").unwrap_err();
    /// assert_eq!(err, baocao::Error::InvalidUtf8 { offset: 3 });
    /// assert_eq!(err.to_string(), "invalid UTF-8 at byte 3");
    /// ```
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Offset of the first byte of the first invalid sequence.
        offset: usize,
    },
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Worth a look; the records around it are still given.
    Warning,
    /// Informational.
    Info,
}

/// The documented diagnostic codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// A number readable in two conventions (`4,300`: 4.3 or 4 300). The record
    /// carries the Vietnamese reading; the message gives both.
    AmbiguousNumber,
    /// A number written in the English convention (`1.5`, `1,234,567`); the record
    /// carries the English reading.
    ForeignNumberFormat,
    /// A date-shaped text that is no calendar date (`31/02/2024`); no record is made.
    InvalidDate,
    /// A document type word one tone mark away from a real one ("Chị thị") was read
    /// as that type; the record's `corrected_from` has the word as written.
    CorrectedTypeWord,
    /// A symbol whose type code names two document types (a Party `QĐ`: Quyết định
    /// or Quy định) with no type word to decide; the record says which was chosen.
    AmbiguousDocumentType,
    /// A short reference ("Chỉ thị 35-CT/TW", numbering restarts each term) fits
    /// several documents of the registry; none was chosen, so no field was filled.
    AmbiguousReference,
}

/// A note about questionable input, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious.
    pub level: Level,
    /// What kind of problem.
    pub code: Code,
    /// Where, in the original input.
    pub span: Span,
    /// A sentence for people.
    pub message: String,
}
