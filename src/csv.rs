//! CSV output: one row per record, for spreadsheets, pandas, R and DuckDB.
//!
//! The columns are fixed ([`COLUMNS`]) and documented in `docs/outputs.md`; a
//! column is named after the contract field it holds, so a row reads like the
//! record's JSON laid flat. A cell is empty when the record's kind has no such
//! field or the field is null. Numbers are written as numbers (`5246`, `98.5`: no
//! thousands separator, a decimal point), enum values as in the JSON contract
//! (`full_member`, `more_than`), text as written, UTF-8, with a header row; fields
//! are quoted only when they must be (RFC 4180).
//!
//! What differs from the JSON, because a table is flat:
//! - `start`, `end` are the record's span (byte offsets into the original input);
//!   a `period` record's own `start`/`end`, and a registration's `period`, go in
//!   `period_start`, `period_end`, `last_years`, `recurrence`, `label`;
//! - a `date` record's value (`2018-03-26`, `2018-03`, `2018`) goes in `date`, so
//!   `value` holds only numbers;
//! - `of_which` is its JSON list in one cell (`[{"value":3508,"who":"…"}]`);
//! - `index` is the record's position in the document's `records`, the number
//!   checks refer to; `checks` lists the checks the record takes part in as
//!   `kind:ok` or `kind:failed` (`sum:failed`), `diagnostics` the codes of the
//!   diagnostics whose span touches it, both joined with `;`.
//!
//! ```
//! let out = baocao::extract("Chi bộ có 25 đảng viên, đạt 98,5%.").with_source("a.txt");
//! let mut buf = Vec::new();
//! baocao::csv::write_header(&mut buf)?;
//! baocao::csv::write_records(&mut buf, &out)?;
//! let csv = String::from_utf8(buf).unwrap();
//! let mut lines = csv.lines();
//! assert!(lines.next().unwrap().starts_with("source,index,kind,start,end,text,value,approx,"));
//! assert!(lines.next().unwrap().starts_with("a.txt,0,member_count,13,29,25 đảng viên,25,exact,,member,"));
//! # Ok::<(), std::io::Error>(())
//! ```

use std::io::{self, Write};

use serde::Serialize;

use crate::extraction::Extraction;
use crate::record::{Period, Record, RecordData};

/// The header: the CSV columns, in order. New columns may be added at the end
/// within schema `baocao/1`; none is renamed, removed or moved.
pub const COLUMNS: [&str; 38] = [
    "source",
    "index",
    "kind",
    "start",
    "end",
    "text",
    "value",
    "approx",
    "unit",
    "category",
    "level",
    "scope",
    "who",
    "activity",
    "rate",
    "of_which",
    "subject",
    "doc_type",
    "number",
    "symbol",
    "year",
    "date",
    "issuer",
    "plenum",
    "term",
    "canonical",
    "corrected_from",
    "period_start",
    "period_end",
    "last_years",
    "recurrence",
    "label",
    "precision",
    "name",
    "honorific",
    "title",
    "checks",
    "diagnostics",
];

/// Writes the header row ([`COLUMNS`]).
///
/// # Errors
/// When `w` fails to write.
pub fn write_header<W: Write>(w: W) -> io::Result<()> {
    let mut out = ::csv::Writer::from_writer(w);
    out.write_record(COLUMNS).map_err(io_error)?;
    out.flush()
}

/// Writes one row per record of `extraction`, in record order, without a header;
/// `source` is [`Extraction::source`] (empty when it is `None`). Call
/// [`write_header`] once before the first document.
///
/// # Errors
/// When `w` fails to write.
pub fn write_records<W: Write>(w: W, extraction: &Extraction) -> io::Result<()> {
    let mut out = ::csv::Writer::from_writer(w);
    let cross = cross(extraction);
    for index in 0..extraction.records.len() {
        out.write_record(row(extraction, &cross, index))
            .map_err(io_error)?;
    }
    out.flush()
}

/// The header and the rows of one document, as a string.
///
/// ```
/// let out = baocao::extract("Ngày 26/3/2018, chi bộ họp.");
/// let csv = baocao::csv::to_string(&out);
/// assert_eq!(csv.lines().count(), 2);
/// assert!(csv.lines().nth(1).unwrap().contains(",date,0,15,Ngày 26/3/2018,"));
/// ```
pub fn to_string(extraction: &Extraction) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_header(&mut buf);
    let _ = write_records(&mut buf, extraction);
    String::from_utf8(buf).unwrap_or_default()
}

/// The I/O error inside a CSV error, so that its kind (`BrokenPipe`) survives.
fn io_error(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The cells of record `index`, in [`COLUMNS`] order.
fn row(extraction: &Extraction, cross: &Cross, index: usize) -> Vec<String> {
    let record = &extraction.records[index];
    let mut cells = vec![String::new(); COLUMNS.len()];
    let mut set = |name: &str, value: String| {
        if let Some(i) = COLUMNS.iter().position(|c| *c == name) {
            cells[i] = value;
        }
    };
    set("source", extraction.source.clone().unwrap_or_default());
    set("index", index.to_string());
    set("kind", record.kind().as_str().to_string());
    set("start", record.span.start.to_string());
    set("end", record.span.end.to_string());
    set("text", record.text.to_string());
    for (name, value) in fields(record) {
        set(name, value);
    }
    set("checks", cross.checks[index].join(";"));
    set("diagnostics", cross.diagnostics[index].join(";"));
    cells
}

/// The record's own fields as CSV cells: `(column, cell)` in [`COLUMNS`] order,
/// empty ones left out, without the columns every row has (`source`, `index`,
/// `kind`, `start`, `end`, `text`) or the cross-record ones (`checks`,
/// `diagnostics`). [`annotate`](crate::annotate) shows the same in its tooltips.
///
/// ```
/// let out = baocao::extract("Chi bộ có 587 đảng viên chính thức.");
/// assert_eq!(
///     baocao::csv::fields(&out.records[0]),
///     [("value", "587".to_string()), ("approx", "exact".to_string()),
///      ("category", "full_member".to_string())]
/// );
/// ```
pub fn fields(record: &Record) -> Vec<(&'static str, String)> {
    let mut f = Fields(Vec::new());
    match &record.data {
        RecordData::OrgCount(x) => {
            f.put("value", Some(x.value.to_string()));
            f.put("approx", enum_name(&x.approx));
            f.put("unit", enum_name(&x.unit));
            f.put("level", x.level.as_ref().and_then(enum_name));
            f.put("scope", x.scope.clone());
        }
        RecordData::MemberCount(x) => {
            f.put("value", Some(x.value.to_string()));
            f.put("approx", enum_name(&x.approx));
            f.put("category", enum_name(&x.category));
            f.put("scope", x.scope.clone());
        }
        RecordData::Registration(x) => {
            f.put("value", x.value.map(|v| v.to_string()));
            f.put("approx", enum_name(&x.approx));
            f.put("unit", enum_name(&x.unit));
            f.put("who", Some(x.who.clone()));
            f.put("activity", x.activity.clone());
            f.put("rate", x.rate.map(number));
            if !x.of_which.is_empty() {
                f.put("of_which", serde_json::to_string(&x.of_which).ok());
            }
            if let Some(p) = &x.period {
                f.period(p);
            }
        }
        RecordData::Percentage(x) => {
            f.put("value", Some(number(x.value)));
            f.put("approx", enum_name(&x.approx));
            f.put("subject", x.subject.clone());
        }
        RecordData::DocumentRef(x) => {
            f.put("subject", x.subject.clone());
            f.put("doc_type", Some(x.doc_type.clone()));
            f.put("number", x.number.clone());
            f.put("symbol", x.symbol.clone());
            f.put("year", x.year.map(|v| v.to_string()));
            f.put("date", x.date.clone());
            f.put("issuer", x.issuer.clone());
            f.put("plenum", x.plenum.map(|v| v.to_string()));
            f.put("term", x.term.map(|v| v.to_string()));
            f.put("canonical", x.canonical.clone());
            f.put("corrected_from", x.corrected_from.clone());
        }
        RecordData::Date(x) => {
            f.put("date", Some(x.value.clone()));
            f.put("precision", enum_name(&x.precision));
        }
        RecordData::Period(x) => f.period(x),
        RecordData::Person(x) => {
            f.put("name", Some(x.name.clone()));
            f.put("honorific", x.honorific.clone());
            f.put("title", x.title.clone());
        }
    }
    f.0.sort_by_key(|(name, _)| COLUMNS.iter().position(|c| c == name));
    f.0
}

struct Fields(Vec<(&'static str, String)>);

impl Fields {
    fn put(&mut self, name: &'static str, value: Option<impl Into<String>>) {
        if let Some(value) = value.map(Into::into).filter(|v| !v.is_empty()) {
            self.0.push((name, value));
        }
    }

    fn period(&mut self, p: &Period) {
        self.put("period_start", p.start.clone());
        self.put("period_end", p.end.clone());
        self.put("last_years", p.last_years.map(|v| v.to_string()));
        self.put("recurrence", p.recurrence.as_ref().and_then(enum_name));
        self.put("label", p.label.as_ref().and_then(enum_name));
    }
}

/// For each record, the checks it takes part in (`kind:ok`, `kind:failed`) and
/// the codes of the diagnostics whose span touches it, each once; computed for
/// all records at once, in time linear in the records, checks and diagnostics
/// (plus a sort), not their product.
pub(crate) struct Cross {
    pub(crate) checks: Vec<Vec<String>>,
    pub(crate) diagnostics: Vec<Vec<String>>,
}

pub(crate) fn cross(extraction: &Extraction) -> Cross {
    let records = &extraction.records;
    let mut checks = vec![Vec::<String>::new(); records.len()];
    for check in &extraction.checks {
        let verdict = if check.ok { "ok" } else { "failed" };
        let cell = format!("{}:{verdict}", enum_name(&check.check).unwrap_or_default());
        for &i in std::iter::once(&check.total).chain(&check.parts) {
            if let Some(list) = checks.get_mut(i) {
                if !list.contains(&cell) {
                    list.push(cell.clone());
                }
            }
        }
    }
    // Records by start; in a contract extraction they do not overlap, so their
    // ends come in the same order and a binary search finds the first record a
    // diagnostic can touch.
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_by_key(|&i| (records[i].span.start, records[i].span.end));
    let mut diagnostics = vec![Vec::<String>::new(); records.len()];
    for d in &extraction.diagnostics {
        let code = enum_name(&d.code).unwrap_or_default();
        let first = order.partition_point(|&i| records[i].span.end <= d.span.start);
        for &i in &order[first..] {
            let span = records[i].span;
            if span.start > d.span.start && span.start >= d.span.end {
                break;
            }
            let touches = span.overlaps(d.span)
                || (d.span.is_empty() && span.start <= d.span.start && d.span.start < span.end);
            if touches && !diagnostics[i].contains(&code) {
                diagnostics[i].push(code.clone());
            }
        }
    }
    Cross {
        checks,
        diagnostics,
    }
}

/// The contract's name of a unit-like enum value, as the JSON and the CSV write it;
/// `None` for a value that does not serialise to a name.
///
/// ```
/// use baocao::{csv::enum_name, MemberCategory};
/// assert_eq!(enum_name(&MemberCategory::FullMember).as_deref(), Some("full_member"));
/// assert_eq!(enum_name(&baocao::CheckKind::Sum).as_deref(), Some("sum"));
/// ```
pub fn enum_name<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

/// A number as the contract writes it: whole numbers without a fraction (`100`),
/// others in the shortest form that reads back exactly (`98.5`).
///
/// ```
/// assert_eq!(baocao::csv::number(100.0), "100");
/// assert_eq!(baocao::csv::number(98.5), "98.5");
/// ```
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        (v as i64).to_string()
    } else {
        v.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use compact_str::CompactString;

    #[test]
    fn columns_are_unique() {
        for (i, c) in COLUMNS.iter().enumerate() {
            assert!(!COLUMNS[..i].contains(c), "{c} twice");
        }
    }

    #[test]
    fn every_field_has_its_column() {
        use crate::record::*;
        let s = || Some(CompactString::from("x"));
        let period = Period {
            start: s(),
            end: s(),
            last_years: Some(5),
            recurrence: Some(Recurrence::Yearly),
            label: Some(PeriodLabel::Term),
        };
        let data = [
            RecordData::OrgCount(OrgCount {
                value: 1,
                approx: Approx::About,
                unit: OrgUnit::PartyCell,
                level: Some(OrgLevel::Grassroots),
                scope: s(),
            }),
            RecordData::MemberCount(MemberCount {
                value: 1,
                approx: Approx::Exact,
                category: MemberCategory::NewMember,
                scope: s(),
            }),
            RecordData::Registration(Box::new(Registration {
                value: Some(1),
                approx: Approx::Exact,
                unit: RegistrationUnit::Times,
                who: "x".into(),
                activity: s(),
                rate: Some(99.5),
                period: Some(period.clone()),
                of_which: vec![OfWhich {
                    value: 1,
                    who: "x".into(),
                }],
            })),
            RecordData::Percentage(Percentage {
                value: 1.5,
                approx: Approx::Exact,
                subject: s(),
            }),
            RecordData::DocumentRef(Box::new(DocumentRef {
                doc_type: "directive".into(),
                number: s(),
                symbol: s(),
                year: Some(2016),
                date: s(),
                issuer: s(),
                plenum: Some(4),
                term: Some(12),
                subject: s(),
                canonical: s(),
                corrected_from: s(),
            })),
            RecordData::Date(Date {
                value: "2018".into(),
                precision: Precision::Year,
            }),
            RecordData::Period(period),
            RecordData::Person(Person {
                name: "x".into(),
                honorific: s(),
                title: s(),
            }),
        ];
        let counts = [5, 4, 12, 3, 11, 2, 5, 3];
        for (data, count) in data.into_iter().zip(counts) {
            let record = Record {
                span: crate::Span::new(0, 1),
                text: "x".into(),
                data,
            };
            let f = fields(&record);
            assert_eq!(f.len(), count, "{f:?}");
            for (name, _) in f {
                assert!(COLUMNS.contains(&name), "{name}");
            }
        }
    }

    #[test]
    fn diagnostics_touch_the_records_they_overlap() {
        use crate::error::{Code, Diagnostic, Level};
        use crate::record::{Date, Precision};
        let record = |start, end| Record {
            span: crate::Span::new(start, end),
            text: CompactString::default(),
            data: RecordData::Date(Date {
                value: "2018".into(),
                precision: Precision::Year,
            }),
        };
        let diagnostic = |start, end, code| Diagnostic {
            level: Level::Warning,
            code,
            span: crate::Span::new(start, end),
            message: String::new(),
        };
        let ex = Extraction {
            schema: crate::SCHEMA.to_string(),
            source: None,
            records: vec![record(0, 5), record(5, 10), record(20, 30)],
            checks: Vec::new(),
            diagnostics: vec![
                diagnostic(4, 6, Code::AmbiguousNumber), // both first records
                diagnostic(5, 5, Code::InvalidDate),     // empty, inside the second
                diagnostic(10, 20, Code::InvalidDate),   // between records
                diagnostic(25, 25, Code::AmbiguousNumber), // empty, inside the third
                diagnostic(29, 40, Code::AmbiguousNumber), // the third's end
            ],
        };
        let c = cross(&ex);
        assert_eq!(c.diagnostics[0], ["ambiguous_number"]);
        assert_eq!(c.diagnostics[1], ["ambiguous_number", "invalid_date"]);
        assert_eq!(c.diagnostics[2], ["ambiguous_number"]);
    }

    #[test]
    fn numbers_read_back() {
        assert_eq!(number(100.0), "100");
        assert_eq!(number(98.5), "98.5");
        assert_eq!(number(0.1), "0.1");
        assert_eq!(number(-3.0), "-3");
    }
}
