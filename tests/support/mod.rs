//! Pieces the integration tests share: records and checks of one kind, and the
//! benchmark generator's Vietnamese number rendering.

// Each test binary uses some of these.
#![allow(dead_code)]

use baocao::{Check, CheckKind, Extraction, Extractor, Record, RecordKind};

#[path = "../../benches/support/generate.rs"]
pub mod generate;

/// The records of `kinds` in `text`, each checked to be the text at its span.
pub fn records_of(kinds: &[RecordKind], text: &str) -> Vec<Record> {
    let ex = Extractor::builder()
        .kinds(kinds.iter().copied())
        .build()
        .expect("a non-empty kind list is a valid choice");
    let records = ex.extract(text).records;
    for r in &records {
        assert_eq!(&text[r.span.range()], r.text, "span of {:?}", r.text);
    }
    records
}

/// The checks of one kind in an extraction.
pub fn checks_of(out: &Extraction, kind: CheckKind) -> Vec<&Check> {
    out.checks.iter().filter(|c| c.check == kind).collect()
}
