//! The result of extracting one document, and its JSON form.

use serde::{Deserialize, Serialize};

use crate::error::Diagnostic;
use crate::record::Record;

/// The schema name written in every document's JSON.
pub const SCHEMA: &str = "baocao/1";

/// What kind of cross-record verification a [`Check`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// The parts add up to the total.
    Sum,
    /// A rate is within 0–100 and agrees with the counts it relates.
    Rate,
    /// A date exists and, for a document reference, falls inside its term.
    Date,
}

/// A cross-record verification: which records, what was expected, what was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// What is verified.
    pub check: CheckKind,
    /// Index of the total (or the checked record) in [`Extraction::records`].
    pub total: usize,
    /// Indices of the parts in [`Extraction::records`].
    pub parts: Vec<usize>,
    /// The value the total states.
    #[serde(serialize_with = "crate::record::number")]
    pub expected: f64,
    /// The value the parts give.
    #[serde(serialize_with = "crate::record::number")]
    pub found: f64,
    /// Whether they agree.
    pub ok: bool,
}

/// Everything extracted from one document.
///
/// Serialises to the `baocao/1` contract:
///
/// ```
/// let out = baocao::extract("Năm 2023, 98,5% đảng viên hoàn thành tốt nhiệm vụ.");
/// let json: serde_json::Value = serde_json::from_str(&out.to_json()).unwrap();
/// assert_eq!(json["schema"], "baocao/1");
/// assert_eq!(json["records"][1]["kind"], "percentage");
/// assert_eq!(json["records"][1]["value"], 98.5);
/// assert_eq!(json["records"][1]["subject"], "đảng viên");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The input's path, when it came from a file.
    pub source: Option<String>,
    /// The records, sorted by start, never overlapping.
    pub records: Vec<Record>,
    /// Cross-record verifications.
    pub checks: Vec<Check>,
    /// Notes about questionable input.
    pub diagnostics: Vec<Diagnostic>,
}

impl Extraction {
    /// Sets `source` (the path the text came from).
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// One line of JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an Extraction always serialises")
    }

    /// Indented JSON, for people.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("an Extraction always serialises")
    }
}
