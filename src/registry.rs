//! The registry of known documents and Central Committee terms: data, not code
//! (`registry/*.tsv`, each row with the public source it was checked against).
//!
//! The document grammar asks it to resolve a short form ("Chỉ thị 05 của Bộ Chính
//! trị", "Nghị quyết Trung ương 4 khóa XII"): when exactly one known document fits
//! everything the text says, its canonical identifier, date and issuer fill the
//! fields the text left empty; when several fit, nothing is filled and the caller
//! reports the ambiguity. The registry never changes what the text wrote.

use compact_str::CompactString;
use std::cell::OnceCell;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;

use crate::record::DocumentRef;
use crate::text::case::vietnamese_lower_case;

const DOCUMENTS_TSV: &str = include_str!("../registry/documents.tsv");
const TERMS_TSV: &str = include_str!("../registry/terms.tsv");

/// One known document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KnownDocument {
    pub canonical: String,
    pub doc_type: String,
    pub number: String,
    pub symbol: String,
    pub date: Option<NaiveDate>,
    pub issuer: String,
    pub term: Option<u32>,
    pub plenum: Option<u32>,
}

/// One Central Committee term: the congress that opened it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Term {
    pub term: u32,
    pub congress_start: NaiveDate,
}

fn columns(line: &str) -> Vec<&str> {
    line.split('\t').collect()
}

fn parse_documents() -> Vec<KnownDocument> {
    DOCUMENTS_TSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            let c = columns(line);
            Some(KnownDocument {
                canonical: c.first()?.to_string(),
                doc_type: c.get(1)?.to_string(),
                number: c.get(2)?.to_string(),
                symbol: c.get(3)?.to_string(),
                date: c.get(4).and_then(|d| iso_date(d)),
                issuer: c.get(5)?.to_string(),
                term: c.get(6).and_then(|t| t.parse().ok()),
                plenum: c.get(7).and_then(|t| t.parse().ok()),
            })
        })
        .collect()
}

/// Every known document, in file order.
pub(crate) fn documents() -> &'static [KnownDocument] {
    static DOCS: OnceLock<Vec<KnownDocument>> = OnceLock::new();
    DOCS.get_or_init(parse_documents)
}

/// Every known term, by number.
pub(crate) fn terms() -> &'static [Term] {
    static TERMS: OnceLock<Vec<Term>> = OnceLock::new();
    TERMS.get_or_init(|| {
        TERMS_TSV
            .lines()
            .skip(1)
            .filter_map(|line| {
                let c = columns(line);
                Some(Term {
                    term: c.first()?.parse().ok()?,
                    congress_start: iso_date(c.get(2)?)?,
                })
            })
            .collect()
    })
}

/// The term in force on a date: the last congress that opened on or before it.
pub(crate) fn term_on(date: NaiveDate) -> Option<u32> {
    terms()
        .iter()
        .filter(|t| t.congress_start <= date)
        .max_by_key(|t| t.congress_start)
        .map(|t| t.term)
}

fn number_key(n: &str) -> &str {
    let t = n.trim_start_matches('0');
    if t.is_empty() {
        "0"
    } else {
        t
    }
}

/// A symbol without spaces, in capitals, "TƯ" as "TW".
fn symbol_key(s: &str) -> String {
    let mut key: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect();
    if key.contains("TƯ") {
        key = key.replace("TƯ", "TW");
    }
    key
}

/// Whether `symbol_key(written)` is `key`, read without building it: a reference
/// is compared with a few namesakes, most of which its symbol tells apart.
fn symbol_key_is(written: &str, key: &str) -> bool {
    let mut expected = key.chars();
    let mut after_t = false;
    let mut next_is = |c: char| {
        let c = if c == 'Ư' && after_t { 'W' } else { c };
        after_t = c == 'T';
        expected.next() == Some(c)
    };
    if written.is_ascii() {
        // no "TƯ" to read as "TW", and each capital is one byte
        let mut expected = key.bytes();
        return written
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'\t'..=b'\r'))
            .all(|b| expected.next() == Some(b.to_ascii_uppercase()))
            && expected.next().is_none();
    }
    for c in written.chars().filter(|c| !c.is_whitespace()) {
        // symbols are mostly ASCII, whose capital needs no table search
        let fits = if c.is_ascii() {
            next_is(c.to_ascii_uppercase())
        } else {
            c.to_uppercase().all(&mut next_is)
        };
        if !fits {
            return false;
        }
    }
    expected.next().is_none()
}

/// `s.to_lowercase()`. Issuers are written in ASCII and the letters of Vietnamese,
/// whose lower case [`vietnamese_lower_case`] knows without the Unicode tables
/// (their search costs most of `to_lowercase`); any other letter takes them.
fn lower_case(s: &str) -> String {
    let mut lower = String::with_capacity(s.len());
    for c in s.chars() {
        match vietnamese_lower_case(c) {
            Some(l) => lower.push(l),
            None => return s.to_lowercase(),
        }
    }
    lower
}

/// Whether `lower_case(s)` is `lower`, read without building it; `false` also
/// where a letter outside Vietnamese's needs the Unicode tables (the caller then
/// builds the lower case). Most written issuers name the known issuer exactly.
fn lower_case_is(s: &str, lower: &str) -> bool {
    let mut expected = lower.chars();
    s.chars()
        .all(|c| vietnamese_lower_case(c).is_some_and(|l| expected.next() == Some(l)))
        && expected.next().is_none()
}

/// Whether a written issuer names the registry's issuer ("Trung ương" names the Ban
/// Chấp hành Trung ương; "Bộ Chính trị, Ban Bí thư" names both); both in lower case.
fn issuer_fits(w: &str, k: &str) -> bool {
    w.contains(k) || k.contains(w) || (w.trim() == CENTRAL && k.contains(CENTRAL))
}

/// The Central Committee, as issuers name it in short.
const CENTRAL: &str = "trung ương";

/// "35-CT/TW of 2019-05-30": a known document, told apart from its namesakes.
fn describe(p: &Prepared) -> String {
    match &p.iso_date {
        Some(date) => format!("{} of {date}", p.doc.canonical),
        None => p.doc.canonical.clone(),
    }
}

/// What resolving a reference found.
#[derive(Debug, PartialEq)]
pub(crate) enum Resolution {
    /// No known document fits.
    Unknown,
    /// Exactly one fits; its fields were filled where the text left them empty.
    Resolved,
    /// Several fit: nothing was filled.
    Ambiguous(Vec<String>),
}

/// A known document with the forms [`resolve`] compares, computed once.
struct Prepared {
    doc: &'static KnownDocument,
    symbol_key: String,
    /// The date as the records write it ("2016-05-15").
    iso_date: Option<String>,
    issuer_lower: String,
    /// Whether `issuer_lower` names the Central Committee ([`CENTRAL`]).
    names_central: bool,
}

/// The known documents prepared for [`resolve`], in file order, and for each
/// number key the documents with that number, and for each plenum the documents of
/// that plenum (in file order too), so that a reference compares only the
/// documents that can fit it.
struct Index {
    prepared: Vec<Prepared>,
    by_number: FxHashMap<&'static str, Vec<usize>>,
    by_plenum: FxHashMap<u32, Vec<usize>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let prepared: Vec<Prepared> = documents()
            .iter()
            .map(|d| {
                let issuer_lower = d.issuer.to_lowercase();
                Prepared {
                    doc: d,
                    symbol_key: symbol_key(&d.symbol),
                    iso_date: d.date.map(iso),
                    names_central: issuer_lower.contains(CENTRAL),
                    issuer_lower,
                }
            })
            .collect();
        let mut by_number: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        let mut by_plenum: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (i, p) in prepared.iter().enumerate() {
            by_number
                .entry(number_key(&p.doc.number))
                .or_default()
                .push(i);
            if let Some(plenum) = p.doc.plenum {
                by_plenum.entry(plenum).or_default().push(i);
            }
        }
        Index {
            prepared,
            by_number,
            by_plenum,
        }
    })
}

/// The date written "2016-05-15" ("%Y-%m-%d"). The registry writes every date
/// so, and reading its digits costs a tenth of chrono's format parser, which
/// stays for any other spelling.
fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |v, d| {
            d.is_ascii_digit().then(|| v * 10 + u32::from(d - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d),
        _ => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
    }
}

/// `date` as "%Y-%m-%d" writes it, without the format machinery for the years
/// of four digits.
fn iso(date: NaiveDate) -> String {
    if (0..=9999).contains(&date.year()) {
        format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
    } else {
        date.format("%Y-%m-%d").to_string()
    }
}

/// What a reference wrote, in the forms the known documents are compared in.
struct Query<'r> {
    r: &'r DocumentRef,
    /// The issuer in lower case, made when a namesake fits all else.
    issuer_lower: OnceCell<Option<String>>,
}

impl Query<'_> {
    fn issuer_lower(&self) -> Option<&str> {
        self.issuer_lower
            .get_or_init(|| self.r.issuer.as_deref().map(lower_case))
            .as_deref()
    }

    /// Whether a known document fits everything the reference wrote (the number is
    /// checked by the caller's look-up). The numbers are compared first: they are
    /// cheap, and tell most namesakes apart.
    fn fits(&self, p: &Prepared) -> bool {
        let r = self.r;
        let d = p.doc;
        r.plenum.is_none_or(|n| d.plenum == Some(n))
            && r.term.is_none_or(|t| d.term == Some(t))
            && r.year
                .is_none_or(|y| d.date.is_none_or(|date| date.year() == y))
            && d.doc_type == r.doc_type
            && r.date
                .as_deref()
                .is_none_or(|w| p.iso_date.as_deref().is_none_or(|known| known == w))
            && r.symbol
                .as_deref()
                .is_none_or(|s| symbol_key_is(s, &p.symbol_key))
            && self.issuer_fits(p)
    }

    /// Whether the written issuer, if any, names a known issuer (in lower case).
    fn issuer_fits(&self, p: &Prepared) -> bool {
        let Some(written) = self.r.issuer.as_deref() else {
            return true;
        };
        // a written issuer equal to the known one contains it; "Trung ương" names
        // the Central Committee
        if lower_case_is(written, &p.issuer_lower)
            || p.names_central && lower_case_is(written, CENTRAL)
        {
            return true;
        }
        self.issuer_lower()
            .is_none_or(|w| issuer_fits(w, &p.issuer_lower))
    }
}

/// The known documents that can fit `r`, in file order: a numbered reference
/// fits only the documents of its number, one without a number only those of its
/// plenum ([`resolve`] turns away a reference with neither).
fn namesakes(r: &DocumentRef) -> impl Iterator<Item = &'static Prepared> {
    let index = index();
    let indices = match (r.number.as_deref(), r.plenum) {
        (Some(n), _) => index.by_number.get(number_key(n)),
        (None, Some(plenum)) => index.by_plenum.get(&plenum),
        (None, None) => None,
    };
    indices
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|&i| &index.prepared[i])
}

/// What the known documents that fit `r` tell: none, the one, or the descriptions
/// of several. The first two fits are read before any list is made: most
/// references fit one document or none.
enum Fit {
    None,
    One(&'static Prepared),
    Several(Vec<String>),
}

fn fit(r: &DocumentRef) -> Fit {
    let query = Query {
        r,
        issuer_lower: OnceCell::new(),
    };
    let mut fits = namesakes(r).filter(|p| query.fits(p));
    match (fits.next(), fits.next()) {
        (None, _) => Fit::None,
        (Some(p), None) => Fit::One(p),
        (Some(a), Some(b)) => Fit::Several([a, b].into_iter().chain(fits).map(describe).collect()),
    }
}

/// Fills `canonical`, `date`, `year` and `issuer` of `r` from the one known document
/// that fits what the text wrote. The number, symbol, plenum and term are never
/// filled: they are what the text says, and what identifies the reference.
pub(crate) fn resolve(r: &mut DocumentRef) -> Resolution {
    if r.number.is_none() && r.plenum.is_none() {
        return Resolution::Unknown;
    }
    // "Chỉ thị 05" alone may be any body's directive 05: a number without a symbol
    // resolves only with an issuer, a term or a date written beside it
    if r.symbol.is_none()
        && r.plenum.is_none()
        && r.issuer.is_none()
        && r.term.is_none()
        && r.date.is_none()
    {
        return Resolution::Unknown;
    }
    let fit = fit(r);
    // a plenum-only reference must name its term: "Nghị quyết Trung ương 4" alone
    // recurs in every term
    if r.number.is_none() && r.term.is_none() {
        return match fit {
            Fit::None => Resolution::Unknown,
            Fit::One(p) => Resolution::Ambiguous(vec![describe(p)]),
            Fit::Several(known) => Resolution::Ambiguous(known),
        };
    }
    match fit {
        Fit::None => Resolution::Unknown,
        Fit::One(p) => {
            let d = p.doc;
            r.canonical
                .get_or_insert_with(|| CompactString::new(&d.canonical));
            if let (Some(date), Some(iso_date)) = (d.date, &p.iso_date) {
                r.date.get_or_insert_with(|| CompactString::new(iso_date));
                r.year.get_or_insert(date.year());
            }
            if !d.issuer.is_empty() {
                r.issuer
                    .get_or_insert_with(|| CompactString::new(&d.issuer));
            }
            Resolution::Resolved
        }
        Fit::Several(known) => Resolution::Ambiguous(known),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn documents_are_sorted_unique_nfc_and_complete() {
        let docs = documents();
        assert!(docs.len() >= 40, "only {} documents", docs.len());
        assert_eq!(
            docs.len(),
            DOCUMENTS_TSV
                .lines()
                .skip(1)
                .filter(|l| !l.trim().is_empty())
                .count()
        );
        for line in DOCUMENTS_TSV.lines() {
            assert_eq!(line.nfc().collect::<String>(), line, "not NFC: {line}");
        }
        let keys: Vec<(String, Option<u32>)> =
            docs.iter().map(|d| (d.canonical.clone(), d.term)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(keys.len(), sorted.len(), "duplicate canonical + term");
        for d in docs {
            assert!(!source_missing(d), "{} has no source", d.canonical);
        }
    }

    fn source_missing(d: &KnownDocument) -> bool {
        DOCUMENTS_TSV
            .lines()
            .find(|l| l.starts_with(&format!("{}\t", d.canonical)))
            .is_none_or(|l| l.split('\t').nth(10).is_none_or(|s| s.trim().is_empty()))
    }

    #[test]
    fn every_canonical_round_trips_through_its_parts() {
        for d in documents() {
            let party = format!("{}-{}", d.number, d.symbol);
            let state = d
                .date
                .map(|date| format!("{}/{}/{}", d.number, date.year(), d.symbol));
            let admin = format!("{}/{}", d.number, d.symbol);
            assert!(
                d.canonical == party
                    || Some(&d.canonical) == state.as_ref()
                    || d.canonical == admin,
                "{} is not made of {} and {}",
                d.canonical,
                d.number,
                d.symbol
            );
            // the symbol's type code names the row's type (QĐ: decision or regulation)
            let code = d.symbol.split(['/', '-']).next().unwrap_or("");
            let expected: &[&str] = match code {
                "NQ" => &["resolution"],
                "CT" => &["directive"],
                "KL" => &["conclusion"],
                "HD" => &["guideline"],
                "QĐi" => &["regulation"],
                "QĐ" => &["decision", "regulation"],
                "NĐ" => &["decree"],
                c if c.starts_with("QH") || c.starts_with("UBTVQH") => &["law", "resolution"],
                _ => continue,
            };
            assert!(
                expected.contains(&d.doc_type.as_str()),
                "{}: {}",
                d.canonical,
                d.doc_type
            );
        }
    }

    #[test]
    fn lower_case_is_the_unicode_lower_case() {
        for s in [
            "Bộ Chính trị",
            "BAN BÍ THƯ",
            "ĐẢNG ỦY",
            "ΟΔΟΣ",
            "Σ",
            "İ",
            "",
            "ǅ",
        ] {
            assert_eq!(lower_case(s), s.to_lowercase(), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn an_issuer_read_as_its_lower_case_is_its_lower_case(
            s in "[a-zA-Z ,ộỘịỊđĐƯưÀàΣİǅ]{0,8}",
            other in "[a-z ,ộịđư]{0,8}",
        ) {
            proptest::prop_assert_eq!(lower_case_is(&s, &other), s.chars().all(|c| vietnamese_lower_case(c).is_some()) && lower_case(&s) == other);
            let lower = lower_case(&s);
            proptest::prop_assert_eq!(lower_case_is(&s, &lower), s.chars().all(|c| vietnamese_lower_case(c).is_some()));
        }
    }

    #[test]
    fn dates_are_read_and_written_as_chrono_does() {
        let mut written: Vec<&str> = DOCUMENTS_TSV
            .lines()
            .chain(TERMS_TSV.lines())
            .flat_map(|l| l.split('\t'))
            .collect();
        written.extend([
            "2016-5-15",
            "2016-02-30",
            "0999-12-31",
            "2016-05-15x",
            "2016/05/15",
            "+2016-05-15",
            "2016-13-01",
            "20x6-05-15",
            "",
        ]);
        let mut dates = 0;
        for s in written {
            let chrono = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
            assert_eq!(iso_date(s), chrono, "{s:?}");
            if let Some(date) = chrono {
                assert_eq!(iso(date), date.format("%Y-%m-%d").to_string());
                dates += 1;
            }
        }
        for date in [NaiveDate::MIN, NaiveDate::MAX] {
            assert_eq!(iso(date), date.format("%Y-%m-%d").to_string());
        }
        assert!(dates > 80, "only {dates}");
    }

    #[test]
    fn symbols_are_compared_as_their_keys() {
        let written = [
            "CT/TW", "ct/tw", "CT/TƯ", "CT/T.Ư", "NQ- CP", "NQ-CP", "QĐi/TW", "QĐI/TW", "TTƯ",
            "TƯƯ", "tư", "Tư", "KH/HU", "HD/BTCTW", "straße", "STRASSE", "", " ",
        ];
        for w in written {
            for k in written.iter().map(|s| symbol_key(s)) {
                assert_eq!(symbol_key_is(w, &k), symbol_key(w) == k, "{w:?} vs {k:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn symbols_are_compared_as_their_keys_whatever_their_letters(
            written in proptest::collection::vec(
                proptest::sample::select(vec![
                    "C", "c", "T", "t", "W", "w", "Ư", "ư", "Đ", "đ", "ß", "SS", " ", "\u{b}",
                    "\u{85}", "/", "-", ".", "Q", "i", "İ", "ǅ",
                ]),
                0..7,
            ),
            key in proptest::collection::vec(
                proptest::sample::select(vec!["C", "T", "W", "Ư", "Đ", "SS", "/", "-", "Q", "I", "i"]),
                0..7,
            ),
        ) {
            let written = written.concat();
            let key = key.concat();
            proptest::prop_assert_eq!(symbol_key_is(&written, &key), symbol_key(&written) == key);
            let own = symbol_key(&written);
            proptest::prop_assert!(symbol_key_is(&written, &own));
        }
    }

    /// The documents that fit `r` by comparing every known document, as [`fit`]
    /// did before it read the namesakes of the number or plenum only.
    fn fitting_by_trying_all(r: &DocumentRef) -> Vec<String> {
        let query = Query {
            r,
            issuer_lower: OnceCell::new(),
        };
        index()
            .prepared
            .iter()
            .filter(|p| {
                r.number
                    .as_deref()
                    .is_none_or(|n| number_key(n) == number_key(&p.doc.number))
                    && (r.number.is_some() || p.doc.plenum == r.plenum)
                    && query.fits(p)
            })
            .map(describe)
            .collect()
    }

    #[test]
    fn an_issuer_fits_as_its_lower_case_fits() {
        let mut written: Vec<String> = documents().iter().map(|d| d.issuer.clone()).collect();
        written.extend(
            [
                "Trung ương",
                "TRUNG ƯƠNG",
                " Trung ương ",
                "Trung",
                "Bộ Chính trị, Ban Bí thư",
                "Σ Trung ương",
                "",
            ]
            .map(String::from),
        );
        let mut fits = 0;
        for issuer in written {
            let r = DocumentRef {
                issuer: Some(issuer.as_str().into()),
                ..DocumentRef::default()
            };
            let query = Query {
                r: &r,
                issuer_lower: OnceCell::new(),
            };
            for p in &index().prepared {
                let expected = issuer_fits(&issuer.to_lowercase(), &p.issuer_lower);
                assert_eq!(
                    query.issuer_fits(p),
                    expected,
                    "{issuer:?} {:?}",
                    p.doc.issuer
                );
                fits += usize::from(expected);
            }
        }
        assert!(fits > 100, "only {fits}");
    }

    #[test]
    fn fit_finds_what_trying_every_document_finds() {
        let mut tried = 0;
        for d in documents() {
            let year = d.date.map(|date| date.year());
            let numbers = [Some(d.number.clone()), Some(format!("0{}", d.number)), None];
            let symbols = [Some(d.symbol.clone()), Some(d.symbol.to_lowercase()), None];
            let issuers = [Some(d.issuer.clone()), Some("Trung ương".to_string()), None];
            for number in &numbers {
                for symbol in &symbols {
                    for issuer in &issuers {
                        for (plenum, term, year) in [
                            (d.plenum, d.term, year),
                            (None, None, None),
                            (d.plenum, None, year.map(|y| y + 1)),
                        ] {
                            let r = DocumentRef {
                                doc_type: d.doc_type.as_str().into(),
                                number: number.as_deref().map(CompactString::from),
                                symbol: symbol.as_deref().map(CompactString::from),
                                issuer: issuer.as_deref().map(CompactString::from),
                                plenum,
                                term,
                                year,
                                ..DocumentRef::default()
                            };
                            if r.number.is_none() && r.plenum.is_none() {
                                continue;
                            }
                            let found = match fit(&r) {
                                Fit::None => vec![],
                                Fit::One(p) => vec![describe(p)],
                                Fit::Several(known) => known,
                            };
                            assert_eq!(found, fitting_by_trying_all(&r), "{r:?}");
                            tried += usize::from(!found.is_empty());
                        }
                    }
                }
            }
        }
        assert!(tried > 100, "only {tried} references fit anything");
    }

    #[test]
    fn terms_are_in_order_and_date_a_document() {
        let t = terms();
        assert!(t.len() >= 13);
        assert!(t
            .windows(2)
            .all(|w| w[0].term + 1 == w[1].term && w[0].congress_start < w[1].congress_start));
        assert_eq!(
            term_on(NaiveDate::from_ymd_opt(2016, 5, 15).unwrap()),
            Some(12)
        );
        assert_eq!(
            term_on(NaiveDate::from_ymd_opt(2021, 5, 18).unwrap()),
            Some(13)
        );
    }

    #[test]
    fn short_forms_resolve_only_when_one_document_fits() {
        let mut r = DocumentRef {
            doc_type: "directive".into(),
            number: Some("05".into()),
            issuer: Some("Bộ Chính trị".into()),
            ..DocumentRef::default()
        };
        assert_eq!(resolve(&mut r), Resolution::Resolved);
        assert_eq!(r.canonical.as_deref(), Some("05-CT/TW"));
        assert_eq!(r.date.as_deref(), Some("2016-05-15"));

        let mut r = DocumentRef {
            doc_type: "resolution".into(),
            plenum: Some(4),
            term: Some(12),
            ..DocumentRef::default()
        };
        assert_eq!(resolve(&mut r), Resolution::Resolved);
        assert_eq!(r.canonical.as_deref(), Some("04-NQ/TW"));
        assert_eq!(r.date.as_deref(), Some("2016-10-30"));
        assert_eq!(
            r.number, None,
            "the registry never writes what the text did not"
        );

        let mut r = DocumentRef {
            doc_type: "directive".into(),
            number: Some("35".into()),
            symbol: Some("CT/TW".into()),
            ..DocumentRef::default()
        };
        assert!(matches!(resolve(&mut r), Resolution::Ambiguous(v) if v.len() == 3));
        assert_eq!(r.date, None);

        let mut r = DocumentRef {
            doc_type: "directive".into(),
            number: Some("05".into()),
            ..DocumentRef::default()
        };
        assert_eq!(
            resolve(&mut r),
            Resolution::Unknown,
            "a bare number names no body"
        );
        assert_eq!(r.canonical, None);
    }
}
