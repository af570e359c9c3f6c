//! The records: one typed struct per kind, and [`Record`], which carries one of
//! them with the span and text it came from.
//!
//! The serialised form is the `baocao/1` JSON contract (`docs/contract.md`): a
//! record is one flat object, `{"kind": …, "span": …, "text": …, <fields>}`.

use compact_str::CompactString;
use serde::{Deserialize, Serialize, Serializer};

use crate::span::Span;

/// The kinds of record, as named in the JSON contract.
///
/// ```
/// use baocao::RecordKind;
/// assert_eq!(RecordKind::Date.as_str(), "date");
/// assert_eq!("member_count".parse::<RecordKind>().unwrap(), RecordKind::MemberCount);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// How many Party organisations ("91 tổ chức cơ sở đảng").
    OrgCount,
    /// How many Party members ("5.246 đảng viên").
    MemberCount,
    /// Who registered or committed to something, how many, at what rate.
    Registration,
    /// A share of something ("98% đảng viên").
    Percentage,
    /// A cited Party or State document ("Chỉ thị số 05-CT/TW").
    DocumentRef,
    /// A free-standing calendar date ("ngày 26/3/2018").
    Date,
    /// A span of time ("nhiệm kỳ 2020-2025").
    Period,
    /// A named person, with title when written.
    Person,
}

impl RecordKind {
    /// Every kind, in contract order.
    pub const ALL: [RecordKind; 8] = [
        RecordKind::OrgCount,
        RecordKind::MemberCount,
        RecordKind::Registration,
        RecordKind::Percentage,
        RecordKind::DocumentRef,
        RecordKind::Date,
        RecordKind::Period,
        RecordKind::Person,
    ];

    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::OrgCount => "org_count",
            RecordKind::MemberCount => "member_count",
            RecordKind::Registration => "registration",
            RecordKind::Percentage => "percentage",
            RecordKind::DocumentRef => "document_ref",
            RecordKind::Date => "date",
            RecordKind::Period => "period",
            RecordKind::Person => "person",
        }
    }
}

impl std::fmt::Display for RecordKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for RecordKind {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RecordKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| crate::Error::UnknownKind(s.to_string()))
    }
}

/// How exact a written number is (`approx` in the contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// No approximation word.
    #[default]
    Exact,
    /// hơn, trên.
    MoreThan,
    /// dưới, chưa đến.
    LessThan,
    /// gần.
    Nearly,
    /// khoảng, chừng, xấp xỉ.
    About,
    /// ít nhất, từ … trở lên.
    AtLeast,
    /// tối đa, không quá.
    AtMost,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// "2018-03-26"
    Day,
    /// "2018-03"
    Month,
    /// "2018"
    Year,
}

/// The organisation noun of an [`OrgCount`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgUnit {
    /// tổ chức cơ sở đảng, TCCSĐ; also a mixed "đảng bộ, chi bộ cơ sở".
    GrassrootsOrganization,
    /// đảng bộ
    PartyCommittee,
    /// chi bộ
    PartyCell,
    /// tổ đảng
    PartyGroup,
    /// tổ chức đảng
    PartyOrganization,
}

/// The level written after an organisation noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgLevel {
    /// cơ sở
    Grassroots,
    /// trực thuộc
    DirectlyUnder,
    /// bộ phận
    Component,
}

/// The kind of member an [`MemberCount`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberCategory {
    /// đảng viên
    Member,
    /// đảng viên chính thức
    FullMember,
    /// đảng viên dự bị
    ProbationaryMember,
    /// đảng viên mới, kết nạp …
    NewMember,
}

/// What a registration counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationUnit {
    /// People.
    People,
    /// Person-times (lượt).
    Times,
}

/// How often a period recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    /// hằng năm
    Yearly,
    /// hằng tháng
    Monthly,
    /// hằng quý
    Quarterly,
}

/// What kind of period was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodLabel {
    /// nhiệm kỳ
    Term,
    /// giai đoạn
    Stage,
    /// quý
    Quarter,
    /// 6 tháng (đầu/cuối) năm
    HalfYear,
}

/// `org_count`: how many Party organisations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgCount {
    /// The count.
    pub value: u64,
    /// Approximation word.
    pub approx: Approx,
    /// The organisation noun.
    pub unit: OrgUnit,
    /// The level, when written.
    pub level: Option<OrgLevel>,
    /// The narrowing phrase, as written.
    pub scope: Option<CompactString>,
}

/// `member_count`: how many Party members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberCount {
    /// The count.
    pub value: u64,
    /// Approximation word.
    pub approx: Approx,
    /// Which members.
    pub category: MemberCategory,
    /// The narrowing phrase, as written.
    pub scope: Option<CompactString>,
}

/// One subset of a registration ("trong đó có 3.508 cán bộ, lãnh đạo chủ chốt").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfWhich {
    /// The subset's count.
    pub value: u64,
    /// Who the subset is, as written.
    pub who: CompactString,
}

/// `registration`: who registered or committed to something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Registration {
    /// The count, or none when only a rate is written.
    pub value: Option<u64>,
    /// Approximation word.
    pub approx: Approx,
    /// People or person-times.
    pub unit: RegistrationUnit,
    /// The registrants, as written.
    pub who: CompactString,
    /// What they registered for, as written.
    pub activity: Option<CompactString>,
    /// The rate in percent.
    #[serde(serialize_with = "number_opt")]
    pub rate: Option<f64>,
    /// The period that governs it.
    pub period: Option<Period>,
    /// Subsets.
    pub of_which: Vec<OfWhich>,
}

/// `percentage`: a share of something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Percentage {
    /// Percent (`98,5%` → 98.5).
    #[serde(serialize_with = "number")]
    pub value: f64,
    /// Approximation word.
    pub approx: Approx,
    /// Who or what the share is of, as written.
    pub subject: Option<CompactString>,
}

/// `document_ref`: a cited Party or State document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The document type (`directive`, `resolution`, …).
    pub doc_type: CompactString,
    /// The number as written, without "số".
    pub number: Option<CompactString>,
    /// The type/issuer code ("CT/TW").
    pub symbol: Option<CompactString>,
    /// The year.
    pub year: Option<i32>,
    /// "YYYY-MM-DD".
    pub date: Option<CompactString>,
    /// The issuer, as written.
    pub issuer: Option<CompactString>,
    /// The plenum or sitting.
    pub plenum: Option<u32>,
    /// The term of the issuing body.
    pub term: Option<u32>,
    /// The "về …" title phrase.
    pub subject: Option<CompactString>,
    /// Canonical identifier ("05-CT/TW").
    pub canonical: Option<CompactString>,
    /// The misspelt type word that was corrected.
    pub corrected_from: Option<CompactString>,
}

/// `date`: a free-standing calendar date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Date {
    /// ISO partial date: "2018-03-26", "2018-03" or "2018".
    pub value: CompactString,
    /// Which parts were written.
    pub precision: Precision,
}

/// `period`: a span of time.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Period {
    /// ISO partial start.
    pub start: Option<CompactString>,
    /// ISO partial end.
    pub end: Option<CompactString>,
    /// "5 năm qua" → 5.
    pub last_years: Option<u32>,
    /// hằng năm …
    pub recurrence: Option<Recurrence>,
    /// nhiệm kỳ, giai đoạn …
    pub label: Option<PeriodLabel>,
}

/// `person`: a named person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The name alone.
    pub name: CompactString,
    /// "đồng chí", "ông", "bà", in lower case.
    pub honorific: Option<CompactString>,
    /// The title, as written.
    pub title: Option<CompactString>,
}

/// The typed content of a record, one variant per [`RecordKind`].
///
/// The two kinds with many fields, registrations and document references, are
/// boxed: a record is as large as its largest variant, and a report gives tens of
/// thousands of small counts and dates for each of them. Boxed, a [`Record`] takes
/// 112 bytes instead of 256 (since 0.2.0).
///
/// ```
/// use baocao::RecordData;
///
/// let out = baocao::extract("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.");
/// let RecordData::DocumentRef(reference) = &out.records[0].data else {
///     panic!("a document reference")
/// };
/// assert_eq!(reference.canonical.as_deref(), Some("05-CT/TW"));
/// assert_eq!(reference.issuer.as_deref(), Some("Bộ Chính trị"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum RecordData {
    OrgCount(OrgCount),
    MemberCount(MemberCount),
    Registration(Box<Registration>),
    Percentage(Percentage),
    DocumentRef(Box<DocumentRef>),
    Date(Date),
    Period(Period),
    Person(Person),
}

impl RecordData {
    /// The kind of this content.
    pub fn kind(&self) -> RecordKind {
        match self {
            RecordData::OrgCount(_) => RecordKind::OrgCount,
            RecordData::MemberCount(_) => RecordKind::MemberCount,
            RecordData::Registration(_) => RecordKind::Registration,
            RecordData::Percentage(_) => RecordKind::Percentage,
            RecordData::DocumentRef(_) => RecordKind::DocumentRef,
            RecordData::Date(_) => RecordKind::Date,
            RecordData::Period(_) => RecordKind::Period,
            RecordData::Person(_) => RecordKind::Person,
        }
    }
}

/// One extracted record: where it is, what the text says there, and what it means.
///
/// ```
/// let text = "Ngày 26/3/2018, chi bộ họp.";
/// let out = baocao::extract(text);
/// let record = &out.records[0];
/// assert_eq!(record.kind(), baocao::RecordKind::Date);
/// assert_eq!(&text[record.span.range()], record.text);
/// assert_eq!(record.text, "Ngày 26/3/2018");
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Record {
    /// Byte span into the original input.
    pub span: Span,
    /// Exactly `input[span]` (a [`CompactString`]: a `str` to read, up to 24
    /// bytes without an allocation).
    pub text: CompactString,
    /// The typed content.
    #[serde(flatten)]
    pub data: RecordData,
}

impl Record {
    /// The record's kind.
    pub fn kind(&self) -> RecordKind {
        self.data.kind()
    }
}

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Flat<'a, T: Serialize> {
            kind: RecordKind,
            span: Span,
            text: &'a str,
            #[serde(flatten)]
            fields: &'a T,
        }
        fn flat<'a, T: Serialize, S: Serializer>(
            r: &'a Record,
            fields: &'a T,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            Flat {
                kind: r.kind(),
                span: r.span,
                text: &r.text,
                fields,
            }
            .serialize(s)
        }
        match &self.data {
            RecordData::OrgCount(x) => flat(self, x, serializer),
            RecordData::MemberCount(x) => flat(self, x, serializer),
            RecordData::Registration(x) => flat(self, x, serializer),
            RecordData::Percentage(x) => flat(self, x, serializer),
            RecordData::DocumentRef(x) => flat(self, x, serializer),
            RecordData::Date(x) => flat(self, x, serializer),
            RecordData::Period(x) => flat(self, x, serializer),
            RecordData::Person(x) => flat(self, x, serializer),
        }
    }
}

/// Whole numbers as JSON integers, others as JSON numbers (the contract's rule).
pub(crate) fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn number_opt<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => number(v, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The output of a 10 MB report is a vector of some 90 000 records: every byte a
    /// record takes is paid for in memory, page faults and copies.
    #[test]
    fn a_record_stays_small() {
        assert!(std::mem::size_of::<RecordData>() <= 72);
        assert!(std::mem::size_of::<Record>() <= 112);
    }
}
