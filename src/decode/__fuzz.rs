//! The bodies of the fuzz targets, shared by `fuzz/` (cargo-fuzz, nightly) and
//! `tests/fuzz_replay.rs` (stable), so that a saved input is checked the same way
//! in both. Not part of the API: hidden, and free to change.
//!
//! Each function panics when a property fails; "no panic" alone is never the only
//! check. The lexical parsers are crate-private; they are reached here, on the
//! normalised view, at every word start of the input (up to [`MAX_STARTS`]).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use crate::extract::Extractor;
use crate::extraction::Extraction;
use crate::record::RecordKind;
use crate::text::normalize::fold;
use crate::text::{date, number, number_words, roman as roman_numeral, symbol};

/// How many start positions a lexer target tries per input (keeps each run short).
pub const MAX_STARTS: usize = 256;

/// The properties every extraction must have, for `text` as given:
/// records in bounds, on character boundaries, `text == input[span]`, sorted and
/// non-overlapping; checks that name existing records; diagnostics in bounds and
/// on boundaries; and a JSON round trip that gives the same value.
///
/// ```
/// let text = "Ngày 26/3/2018, 97% đảng viên";
/// baocao::__fuzz::check_extraction(text, &baocao::extract(text));
/// ```
pub fn check_extraction(text: &str, out: &Extraction) {
    check_spans(text.len(), out, |r| {
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "span {r:?} not on character boundaries"
        );
        text[r.range()].to_string()
    });
    for d in &out.diagnostics {
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "diagnostic span {:?} not on character boundaries",
            d.span
        );
    }
}

/// The shape checks common to text and bytes; `text_of` gives what a record's
/// `text` must equal.
fn check_spans(len: usize, out: &Extraction, text_of: impl Fn(crate::Span) -> String) {
    let mut last_end = 0;
    for r in &out.records {
        assert!(
            r.span.start < r.span.end && r.span.end <= len,
            "record span {:?} out of bounds (input {len} bytes)",
            r.span
        );
        assert_eq!(text_of(r.span), r.text, "record text is not input[span]");
        assert!(
            r.span.start >= last_end,
            "records overlap or are unsorted at {:?}",
            r.span
        );
        last_end = r.span.end;
    }
    for c in &out.checks {
        assert!(c.total < out.records.len(), "check names a missing record");
        assert!(c.parts.iter().all(|&p| p < out.records.len()));
    }
    for d in &out.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= len,
            "diagnostic span {:?} out of bounds",
            d.span
        );
    }
    let json = out.to_json();
    let back: Extraction = serde_json::from_str(&json).expect("the JSON output parses back");
    assert_eq!(&back, out, "JSON round trip changed the output");
}

/// Target `extract`: the default extractor on any UTF-8 text.
///
/// ```
/// baocao::__fuzz::extract("Có 5.246 đảng viên".as_bytes());
/// ```
pub fn extract(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check_extraction(text, &crate::extract(text));
}

/// Target `document_ref`: the document-reference grammar alone, and the number and
/// symbol lexer it uses.
///
/// ```
/// baocao::__fuzz::document_ref("Chỉ thị số 05-CT/TW ngày 15/5/2016".as_bytes());
/// ```
pub fn document_ref(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    static ONLY: OnceLock<Extractor> = OnceLock::new();
    let ex = ONLY.get_or_init(|| {
        Extractor::builder()
            .kinds([RecordKind::DocumentRef])
            .build()
            .expect("one kind is a valid choice")
    });
    let out = ex.extract(text);
    check_extraction(text, &out);
    assert!(out
        .records
        .iter()
        .all(|r| r.kind() == RecordKind::DocumentRef));
    for_each_start(text, |s| {
        if let Some(n) = symbol::doc_number(s) {
            assert_lexed(s, n.len, "doc_number");
            let (a, b) = n.number;
            assert!(a < b && b <= n.len && s.is_char_boundary(a) && s.is_char_boundary(b));
            if let Some((a, b)) = n.symbol {
                assert!(a < b && b <= n.len, "symbol {a}..{b} outside {}", n.len);
                assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
            }
            if let Some(y) = n.year {
                assert!((1000..=2999).contains(&y), "year {y}");
            }
        }
    });
}

/// Target `numbers`: digit numbers, scaled numbers, number words, scale words.
///
/// ```
/// baocao::__fuzz::numbers("5.246 và hai mươi lăm, 5,3 triệu".as_bytes());
/// ```
pub fn numbers(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for_each_start(text, |s| {
        let digits = number::digit_number(s);
        if let Some(n) = digits {
            assert_lexed(s, n.len, "digit_number");
            assert!(s.as_bytes()[0].is_ascii_digit());
            assert!(n.value.is_finite() && n.value >= 0.0, "value {}", n.value);
            assert!(!n.whole || n.value.fract() == 0.0, "whole but {}", n.value);
        }
        match (digits, number::scaled_number(s)) {
            (Some(d), Some(n)) => {
                assert_lexed(s, n.len, "scaled_number");
                assert!(n.len >= d.len);
                assert!(n.value.is_finite() && n.value >= d.value.min(n.value));
            }
            (None, None) => {}
            (d, n) => panic!("digit_number {d:?} but scaled_number {n:?}"),
        }
        if let Some((_, len)) = number_words::number_words(s) {
            assert_lexed(s, len, "number_words");
        }
        if let Some((v, len)) = number_words::scale_word(s) {
            assert_lexed(s, len, "scale_word");
            assert!(v >= 1000, "scale {v}");
        }
    });
}

/// Target `dates`: every date lexer; a valid lexed date is a calendar date.
///
/// ```
/// baocao::__fuzz::dates("ngày 26 tháng 3 năm 2018, 31/02/2024, tháng 3/2018".as_bytes());
/// ```
pub fn dates(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for_each_start(text, |s| {
        for (name, lexer) in [
            (
                "day_month_year",
                date::day_month_year as fn(&str) -> Option<date::DateLex>,
            ),
            ("thang_month_year", date::thang_month_year),
            ("bare_month_year", date::bare_month_year),
            ("nam_year", date::nam_year),
        ] {
            let Some(lex) = lexer(s) else { continue };
            assert_lexed(s, lex.len, name);
            if let Ok(d) = lex.date {
                assert!((1000..=2999).contains(&d.year), "{name}: year {}", d.year);
                let iso = d.iso();
                let valid = match (d.month, d.day) {
                    (Some(m), Some(day)) => {
                        chrono::NaiveDate::from_ymd_opt(d.year, m, day).is_some()
                    }
                    (Some(m), None) => (1..=12).contains(&m),
                    (None, None) => true,
                    (None, Some(_)) => false,
                };
                assert!(valid, "{name}: {iso} is no calendar date");
            }
        }
        if let Some((y, len)) = date::year_at(s) {
            assert_lexed(s, len, "year_at");
            assert!((1000..=2999).contains(&y) && len == 4);
        }
        if let Some((n, len)) = date::day_or_month(s) {
            assert_lexed(s, len, "day_or_month");
            assert!(n <= 99 && len <= 2);
        }
        if let Some((d, m, len)) = date::day_month(s) {
            assert_lexed(s, len, "day_month");
            assert!(d <= 99 && m <= 99);
        }
    });
}

/// Target `roman`: a Roman numeral lexed is the standard form of its value.
///
/// ```
/// baocao::__fuzz::roman("Đại hội XIII, Phần iv".as_bytes());
/// ```
pub fn roman(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for_each_start(text, |s| {
        if let Some((v, len)) = roman_numeral::roman(s) {
            assert_lexed(s, len, "roman");
            assert!((1..=3999).contains(&v), "value {v}");
            let standard = roman_numeral::to_roman(v).map(|r| r.to_lowercase());
            assert_eq!(
                standard.as_deref(),
                Some(&s[..len]),
                "not the standard form"
            );
        }
    });
    // the raw input too: upper case and anything else must not read as a numeral
    if let Some((v, len)) = roman_numeral::roman(text) {
        assert_lexed(text, len, "roman (raw)");
        assert!((1..=3999).contains(&v));
    }
}

/// Target `decode`: decoding never panics; the map is monotone, in bounds and
/// exact at both ends; the lossy and strict readings agree; extraction through the
/// map gives byte spans that are in bounds, sorted, non-overlapping, and (for
/// UTF-8 without replacements) equal to the input's text.
///
/// ```
/// baocao::__fuzz::decode(b"\xae\xb6ng vi\xaan c\xe3 5 ng\xea\xeai");
/// ```
pub fn decode(data: &[u8]) {
    let lossy = crate::decode_lossy(data);
    check_decoded(data, &lossy);
    match crate::decode(data) {
        Ok(strict) => assert_eq!(strict, lossy, "decode and decode_lossy differ"),
        Err(crate::Error::InvalidUtf8 { offset }) => {
            assert!(std::str::from_utf8(data).is_err());
            assert_eq!(
                std::str::from_utf8(data).err().map(|e| e.valid_up_to()),
                Some(offset)
            );
            assert_eq!(lossy.encoding(), crate::Encoding::Utf8);
            assert!(!lossy.replaced().is_empty());
        }
        Err(e) => panic!("unexpected error {e}"),
    }
    for encoding in crate::Encoding::ALL {
        match crate::decode_as(data, encoding) {
            Ok(d) => {
                assert_eq!(d.encoding(), encoding);
                check_decoded(data, &d);
            }
            Err(_) => {
                assert!(encoding == crate::Encoding::Utf8 && std::str::from_utf8(data).is_err())
            }
        }
    }
    let utf8 = crate::decode_utf8_lossy(data);
    check_decoded(data, &utf8);
    if let Ok(s) = std::str::from_utf8(data) {
        assert_eq!(utf8.text(), s);
        assert!(utf8.replaced().is_empty());
    }
    let out = lossy.extract();
    check_spans(data.len(), &out, |span| {
        // the record's text is the decoded text the span was read from
        let found = (0..=lossy.text().len())
            .filter(|&i| lossy.text().is_char_boundary(i))
            .find(|&i| lossy.original_offset(i) == span.start);
        let start = found.expect("a record starts where a character starts");
        let end = (start..=lossy.text().len())
            .filter(|&i| lossy.text().is_char_boundary(i))
            .find(|&i| lossy.original_offset(i) >= span.end)
            .unwrap_or(lossy.text().len());
        lossy.text()[start..end].to_string()
    });
    if lossy.encoding() == crate::Encoding::Utf8 && lossy.replaced().is_empty() {
        for r in &out.records {
            assert_eq!(&data[r.span.range()], r.text.as_bytes());
        }
    }
}

/// The invariants of one [`Decoded`](crate::Decoded) of `data`.
fn check_decoded(data: &[u8], d: &crate::Decoded) {
    let text = d.text();
    assert_eq!(d.original_len(), data.len());
    assert!(
        (0.0..=1.0).contains(&d.confidence()),
        "confidence {}",
        d.confidence()
    );
    assert_eq!(d.original_offset(0), 0);
    assert_eq!(d.original_offset(text.len()), data.len());
    let mut last = 0;
    for (i, _) in text.char_indices() {
        let o = d.original_offset(i);
        assert!(o >= last && o <= data.len(), "map not monotone at {i}");
        last = o;
    }
    let mut last_end = 0;
    for r in d.replaced() {
        assert!(r.start >= last_end && r.start < r.end && r.end <= data.len());
        last_end = r.end;
    }
    if d.encoding() == crate::Encoding::Utf8 && d.replaced().is_empty() {
        assert_eq!(text.as_bytes(), data, "UTF-8 text must be the input");
    }
    // ASCII reads as itself, except the C0 bytes that TCVN3 (VN1) gives to the
    // capitals Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ
    let vn1_capital = |b: &u8| matches!(b, 0x01 | 0x02 | 0x04..=0x06 | 0x11..=0x17);
    let ascii_as_is = match d.encoding() {
        crate::Encoding::Utf8 => false,
        crate::Encoding::Vni => true,
        crate::Encoding::Tcvn3 => !data.iter().any(vn1_capital),
    };
    if ascii_as_is && !d.from_mojibake() && data.is_ascii() {
        assert_eq!(text.as_bytes(), data, "ASCII reads as itself");
    }
}

/// Target `options`: an extractor built from fuzzed options. `kinds` are indices
/// into [`RecordKind::ALL`] (taken modulo its length); `reference_date` is
/// `(year, month, day)`, used when it is a calendar date.
///
/// ```
/// baocao::__fuzz::options(&[0, 5], Some((2024, 7, 12)), "Ngày 12/7/2024, 5.246 đảng viên");
/// baocao::__fuzz::options(&[], None, "anything"); // no kind: the builder must refuse
/// ```
pub fn options(kinds: &[u8], reference_date: Option<(i32, u32, u32)>, text: &str) {
    let kinds: Vec<RecordKind> = kinds
        .iter()
        .map(|&k| RecordKind::ALL[usize::from(k) % RecordKind::ALL.len()])
        .collect();
    let date = reference_date.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d));
    let mut builder = Extractor::builder().kinds(kinds.clone());
    if let Some(date) = date {
        builder = builder.reference_date(date);
    }
    // Building compiles an automaton: keep the extractors built, per set of kinds
    // and date (bounded), so that the fuzzer spends its time on the text.
    let mask = kinds.iter().fold(0u8, |m, k| {
        m | (1 << RecordKind::ALL.iter().position(|a| a == k).unwrap_or(0))
    });
    type Cache = HashMap<(u8, Option<chrono::NaiveDate>), Extractor>;
    static BUILT: OnceLock<Mutex<Cache>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if !built.contains_key(&(mask, date)) {
        let ex = match builder.build() {
            Ok(ex) => ex,
            Err(e) => {
                assert!(kinds.is_empty(), "build failed with kinds {kinds:?}: {e}");
                return;
            }
        };
        assert!(!kinds.is_empty(), "an empty kind list must be refused");
        if built.len() >= 4096 {
            built.clear();
        }
        built.insert((mask, date), ex);
    }
    let ex = &built[&(mask, date)];
    assert_eq!(ex.reference_date(), date);
    let out = ex.extract(text);
    check_extraction(text, &out);
    for r in &out.records {
        assert!(
            kinds.contains(&r.kind()),
            "{:?} was not asked for",
            r.kind()
        );
    }
}

/// `options` from plain bytes, for replaying on the stable toolchain without
/// `arbitrary`: byte 0 is a bit set of kinds (bit k: `RecordKind::ALL[k]`), bytes
/// 1–4 a date (year 1990 + byte 1, month byte 2 % 13, day byte 3 % 32, used when
/// byte 4 is odd), the rest the text (when UTF-8).
///
/// ```
/// baocao::__fuzz::options_from_bytes(b"\xff\x22\x07\x0c\x01Ng\xc3\xa0y 12/7/2024");
/// ```
pub fn options_from_bytes(data: &[u8]) {
    let Some((&mask, rest)) = data.split_first() else {
        return;
    };
    let kinds: Vec<u8> = (0..8u8).filter(|k| mask & (1 << k) != 0).collect();
    let (date, text) = match rest {
        [y, m, d, on, text @ ..] => {
            let date = (on & 1 == 1)
                .then(|| (1990 + i32::from(*y), u32::from(*m % 13), u32::from(*d % 32)));
            (date, text)
        }
        _ => (None, rest),
    };
    if let Ok(text) = std::str::from_utf8(text) {
        options(&kinds, date, text);
    }
}

/// `text` encoded in TCVN3 or VNI with the project's own tables (the inverse of
/// decoding); `None` for UTF-8, for a character the encoding cannot write, or when
/// the bytes would not decode back to `text`.
///
/// ```
/// let bytes = baocao::__fuzz::encode("đảng viên", baocao::Encoding::Tcvn3).unwrap();
/// assert_eq!(bytes, b"\xae\xb6ng vi\xaan");
/// ```
pub fn encode(text: &str, encoding: crate::Encoding) -> Option<Vec<u8>> {
    super::encode(text, encoding)
}

/// Calls `f` on the normalised view of `text` from every word start (and every
/// digit-run start), at most [`MAX_STARTS`] of them.
fn for_each_start(text: &str, mut f: impl FnMut(&str)) {
    let view = fold(text);
    let mut prev: Option<char> = None;
    let mut n = 0;
    for (i, c) in view.char_indices() {
        let starts = match prev {
            None => true,
            Some(p) => {
                (c.is_alphanumeric() && !p.is_alphanumeric())
                    || (c.is_ascii_digit() && !p.is_ascii_digit())
            }
        };
        prev = Some(c);
        if starts {
            f(&view[i..]);
            n += 1;
            if n >= MAX_STARTS {
                break;
            }
        }
    }
}

/// A lexer's length is in bounds, non-empty and on a character boundary.
fn assert_lexed(s: &str, len: usize, name: &str) {
    assert!(len > 0, "{name}: empty match");
    assert!(
        len <= s.len(),
        "{name}: length {len} past the input ({})",
        s.len()
    );
    assert!(
        s.is_char_boundary(len),
        "{name}: length {len} inside a character"
    );
}
