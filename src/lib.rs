//! # baocao
//!
//! Typed, verifiable records from the free text of Vietnamese organisational
//! reports: Party organisation and member counts, registrations, percentages,
//! document references, dates, periods and people — each with the exact byte span
//! of the original text it came from.
//!
//! ```
//! let text = "Ngày 15 tháng 12 năm 2023, Đảng bộ có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.";
//! let out = baocao::extract(text);
//!
//! let date = &out.records[0];
//! assert_eq!(date.text, "Ngày 15 tháng 12 năm 2023");
//! assert!(matches!(&date.data, baocao::RecordData::Date(d) if d.value == "2023-12-15"));
//!
//! let share = &out.records[1];
//! assert_eq!(&text[share.span.range()], "trên 90% tổ chức cơ sở đảng");
//! match &share.data {
//!     baocao::RecordData::Percentage(p) => {
//!         assert_eq!(p.value, 90.0);
//!         assert_eq!(p.approx, baocao::Approx::MoreThan);
//!         assert_eq!(p.subject.as_deref(), Some("tổ chức cơ sở đảng"));
//!     }
//!     other => panic!("expected a percentage, got {other:?}"),
//! }
//! ```
//!
//! ## Why not a regular expression?
//! The same fact is written many ways: NFD or NFC, old or new tone placement
//! (`hoà`/`hòa`), `Ð` for `Đ`, `5.246` for five thousand, `98,5%` for a decimal,
//! words for numbers. baocao reads a normalised view of the text (see
//! [`Span`] for how positions map back), runs small anchored grammars only where a
//! trigger word or digit occurs, and reports what it could not read as a
//! [`Diagnostic`] instead of guessing.
//!
//! ## What it never does
//! [`extract`] never fails and never panics, on any `&str`; its time is linear in
//! the input's length. Every [`Record`] satisfies `text == input[span]`.
//!
//! ## Record kinds
//! All eight kinds of the contract are extracted: `org_count`, `member_count`,
//! `registration`, `percentage`, `document_ref`, `date`, `period`, `person`, with
//! `sum`, `rate` and `date` checks between them.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod annotate;
pub mod csv;
mod decode;
mod error;
mod extract;
mod extraction;
pub(crate) mod grammar;
mod parse;
mod record;
pub(crate) mod registry;
mod span;
pub(crate) mod text;

pub use annotate::{annotate, annotate_with};
/// The string type of the records' text and fields (re-exported from
/// [`compact_str`], so that a caller needs no dependency of its own).
///
/// It reads as a `str` (`Deref`, `AsRef<str>`, comparison with `&str` and
/// `String`) and becomes a `String` with `.into()` or `to_string()`; up to 24
/// bytes it is kept inline, without an allocation. Most of what a record holds —
/// "Ngày 26/3/2018", "2018-03-26", "05-CT/TW", "Bộ Chính trị", "đồng chí" — is
/// that short, and a 10 MB report gives some 90 000 records.
///
/// ```
/// let out = baocao::extract("Ngày 26/3/2018, chi bộ họp.");
/// let text: &str = &out.records[0].text;
/// assert_eq!(text, "Ngày 26/3/2018");
/// let owned: String = out.records[0].text.to_string();
/// assert_eq!(owned, out.records[0].text);
/// ```
pub use compact_str::CompactString;
pub use decode::{
    __fuzz, decode, decode_as, decode_lossy, decode_utf8_lossy, extract_bytes, Decoded, Encoding,
};
pub use error::{Code, Diagnostic, Error, Level};
pub use extract::{extract, Extractor, ExtractorBuilder, Stats};
pub use extraction::{Check, CheckKind, Extraction, SCHEMA};
pub use record::{
    Approx, Date, DocumentRef, MemberCategory, MemberCount, OfWhich, OrgCount, OrgLevel, OrgUnit,
    Percentage, Period, PeriodLabel, Person, Precision, Record, RecordData, RecordKind, Recurrence,
    Registration, RegistrationUnit,
};
pub use span::Span;

/// The README's examples, run as doc tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
