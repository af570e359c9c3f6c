//! Broken inputs give the same records as the clean text.
//!
//! A team-written report (our own sentences in the genre: counts, dates, document
//! references, a percentage) is broken every way real files are: encoded in TCVN3
//! and VNI — once with the project's own tables and once with the small,
//! independent encoders below — raw or already read as Windows-1252 and stored as
//! UTF-8; and in UTF-8 with a byte-order mark, CRLF line ends, NULs and control
//! characters, HTML character references, zero-width characters inside words. Each
//! variant must give the records of the clean text (same kinds, same values) with
//! spans into the broken bytes.

use baocao::{decode, decode_as, extract, Decoded, Encoding, Extraction, Record};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// A year-end report of a commune Party committee, written for these tests.
const REPORT: &str = "\
Báo cáo tổng kết công tác xây dựng Đảng năm 2023 của Đảng bộ xã Tân Hòa.
Ngày 15 tháng 12 năm 2023, Ban Chấp hành Đảng bộ xã họp phiên cuối năm.
Toàn Đảng bộ có 12 chi bộ trực thuộc với 436 đảng viên, trong đó có 18 đảng viên dự bị.
Trong năm, Đảng bộ đã kết nạp 21 đảng viên mới, đạt 105% kế hoạch; hơn 95% đảng viên được xếp loại hoàn thành tốt nhiệm vụ.
Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị và Nghị quyết số 21-NQ/TW ngày 16/6/2022, các chi bộ đã tổ chức học tập chuyên đề.
Đảng bộ trao Huy hiệu 40 năm tuổi Đảng cho 7 đồng chí vào ngày 3/2/2023.
";

/// A second text in the genre: a school Party cell's report.
const CELL: &str = "\
Chi bộ Trường Trung học cơ sở Lê Lợi hiện có 27 đảng viên, trong đó 25 đảng viên chính thức.
Năm học 2022-2023, chi bộ đã kết nạp 3 đảng viên mới; 100% đảng viên ký cam kết tu dưỡng, rèn luyện.
Chi bộ quán triệt Quy định số 144-QĐ/TW ngày 9/5/2024 và Kế hoạch số 12-KH/ĐU ngày 10/01/2024 của Đảng ủy.
";

// ---------------------------------------------------------------------------
// The independent encoders. They share no code and no table with the crate.

/// TCVN3 (VN3, the set of ABC's fonts) as its bytes 0xA1–0xFE lay out, one
/// character a byte, `_` where VN3 assigns nothing. Typed from the VN3 code chart.
const VN3_FROM_A1: &str = concat!(
    "ĂÂÊÔƠƯĐ",  // A1–A7
    "ăâêôơưđ",  // A8–AE
    "______",   // AF–B4
    "àảãáạ",    // B5–B9
    "_",        // BA
    "ằẳẵắ",     // BB–BE
    "_______",  // BF–C5
    "ặầẩẫấậ",   // C6–CB
    "è_ẻẽéẹ",   // CC–D1
    "ềểễếệ",    // D2–D6
    "ìỉ___ĩíị", // D7–DE
    "ò_ỏõóọ",   // DF–E4
    "ồổỗốộ",    // E5–E9
    "ờởỡớợ",    // EA–EE
    "ù_ủũúụ",   // EF–F4
    "ừửữứự",    // F5–F9
    "ỳỷỹýỵ",    // FA–FE
);

/// TCVN3 with the chart above. Capitals with a tone have no code in VN3 (ABC wrote
/// them with an all-capitals font): they are written with the small letter's code.
fn tcvn3_independent(text: &str) -> Vec<u8> {
    let chart: Vec<char> = VN3_FROM_A1.chars().collect();
    assert_eq!(chart.len(), 0xFE - 0xA1 + 1, "the chart covers A1–FE");
    text.nfc()
        .map(|c| {
            if c.is_ascii() {
                return c as u8;
            }
            let find = |c: char| chart.iter().position(|&d| d == c && d != '_');
            let i = find(c)
                .or_else(|| find(c.to_lowercase().next().unwrap()))
                .unwrap_or_else(|| panic!("{c:?} is not in VN3"));
            u8::try_from(0xA1 + i).unwrap()
        })
        .collect()
}

/// VNI Windows by its rule, not by a table: the base letter, then one mark byte
/// for the vowel's shape and tone together (a capital takes the capital mark, 0x20
/// lower); i and ỵ, ơ, ư and đ have their own bytes.
fn vni_independent(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let upper = c.is_uppercase();
        let case = |b: u8| if upper { b - 0x20 } else { b };
        if c.to_lowercase().next() == Some('đ') {
            out.push(case(0xF1));
            continue;
        }
        let parts: Vec<char> = c.to_string().nfd().collect();
        let base = parts[0].to_ascii_lowercase();
        let has = |m: char| parts.contains(&m);
        // tone: 0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng
        let tone = [
            ('\u{301}', 1),
            ('\u{300}', 2),
            ('\u{309}', 3),
            ('\u{303}', 4),
            ('\u{323}', 5),
        ]
        .iter()
        .find(|(m, _)| has(*m))
        .map_or(0, |t| t.1);
        let plain_tone = [0, 0xF9, 0xF8, 0xFB, 0xF5, 0xEF][tone];
        match base {
            'i' => out.push(case([0, 0xED, 0xEC, 0xE6, 0xF3, 0xF2][tone])),
            'y' if tone == 5 => out.push(case(0xEE)),
            'o' | 'u' if has('\u{31B}') => {
                out.push(case(if base == 'o' { 0xF4 } else { 0xF6 }));
                if tone > 0 {
                    out.push(case(plain_tone));
                }
            }
            _ => {
                out.push(parts[0] as u8);
                let mark = if has('\u{302}') {
                    [0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4][tone]
                } else if has('\u{306}') {
                    [0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB][tone]
                } else {
                    plain_tone
                };
                assert!(mark != 0, "{c:?} has no mark");
                out.push(case(mark));
            }
        }
    }
    out
}

/// How Windows shows legacy bytes, stored as UTF-8: "®¶ng viªn".
fn as_windows_1252(bytes: &[u8]) -> String {
    const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
    let high: Vec<char> = HIGH.chars().collect();
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => high[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The UTF-8 breakages.

fn with_bom(s: &str) -> String {
    format!("\u{FEFF}{s}")
}

fn with_crlf(s: &str) -> String {
    s.replace('\n', "\r\n")
}

/// Every fifth space becomes a NUL, and control characters end each line.
fn with_controls(s: &str) -> String {
    let mut out = String::new();
    let mut spaces = 0;
    for c in s.chars() {
        match c {
            ' ' => {
                spaces += 1;
                out.push(if spaces % 5 == 0 { '\0' } else { ' ' });
            }
            '\n' => out.push_str("\u{7}\u{1F}\n"),
            _ => out.push(c),
        }
    }
    out
}

/// Non-ASCII letters as HTML references, in turn decimal, hexadecimal and named
/// when a name exists; every third space as `&nbsp;`.
fn with_references(s: &str) -> String {
    let named = [
        ('ê', "&ecirc;"),
        ('à', "&agrave;"),
        ('ô', "&ocirc;"),
        ('á', "&aacute;"),
    ];
    let mut out = String::new();
    let (mut letters, mut spaces) = (0, 0);
    for c in s.chars() {
        if c == ' ' {
            spaces += 1;
            out.push_str(if spaces % 3 == 0 { "&nbsp;" } else { " " });
        } else if c.is_ascii() {
            out.push(c);
        } else {
            letters += 1;
            match (letters % 3, named.iter().find(|n| n.0 == c)) {
                (0, Some((_, name))) => out.push_str(name),
                (0 | 1, _) => out.push_str(&format!("&#{};", u32::from(c))),
                _ => out.push_str(&format!("&#x{:X};", u32::from(c))),
            }
        }
    }
    out
}

/// Zero-width characters inside words (after every third letter, in turn a
/// zero-width space, a soft hyphen and a zero-width joiner), and NFD letters.
fn with_invisibles(s: &str) -> String {
    let marks = ['\u{200B}', '\u{AD}', '\u{200D}'];
    let mut out = String::new();
    let mut letters = 0;
    let mut prev_letter = false;
    for c in s.nfd() {
        let letter = c.is_alphabetic();
        if letter && prev_letter {
            letters += 1;
            if letters % 3 == 0 {
                out.push(marks[(letters / 3) % 3]);
            }
        }
        prev_letter = letter || (prev_letter && !c.is_ascii() && !c.is_whitespace());
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------
// The checks.

/// A record without where it is: its kind and values, strings in lower case (a
/// TCVN3 file written with the all-capitals fonts keeps no case).
fn value(r: &Record) -> Value {
    let mut v = serde_json::to_value(r).unwrap();
    let obj = v.as_object_mut().unwrap();
    obj.remove("span");
    obj.remove("text");
    lower(v)
}

fn lower(v: Value) -> Value {
    match v {
        Value::String(s) => Value::String(s.to_lowercase()),
        Value::Array(a) => Value::Array(a.into_iter().map(lower).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, lower(v))).collect()),
        other => other,
    }
}

fn values(out: &Extraction) -> Vec<Value> {
    out.records.iter().map(value).collect()
}

fn checks(out: &Extraction) -> Value {
    serde_json::to_value(&out.checks).unwrap()
}

fn clean(text: &str) -> Extraction {
    extract(text)
}

#[test]
fn the_team_texts_give_every_kind_tested() {
    use baocao::RecordKind::*;
    let kinds = |text: &str| -> std::collections::HashSet<baocao::RecordKind> {
        extract(text).records.iter().map(Record::kind).collect()
    };
    let report = kinds(REPORT);
    for k in [Date, DocumentRef, MemberCount, OrgCount, Percentage] {
        assert!(report.contains(&k), "REPORT gives no {k:?}");
    }
    let cell = kinds(CELL);
    for k in [DocumentRef, MemberCount] {
        assert!(cell.contains(&k), "CELL gives no {k:?}");
    }
}

/// A legacy variant: detected as `encoding`, same records, and every span is the
/// bytes that decode to the record's text.
fn check_legacy(name: &str, text: &str, bytes: &[u8], encoding: Encoding) {
    let expected = clean(text);
    let decoded: Decoded = decode(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(decoded.encoding(), encoding, "{name}: detected encoding");
    assert!(
        decoded.confidence() > 0.9,
        "{name}: confidence {}",
        decoded.confidence()
    );
    assert_eq!(
        decoded.text().to_lowercase(),
        text.to_lowercase(),
        "{name}: decoded text"
    );
    let out = decoded.extract();
    assert_eq!(values(&out), values(&expected), "{name}: records");
    assert_eq!(checks(&out), checks(&expected), "{name}: checks");
    for r in &out.records {
        assert!(r.span.end <= bytes.len(), "{name}: span out of bounds");
        let back = decode_as(&bytes[r.span.range()], encoding).unwrap();
        assert_eq!(
            back.text(),
            r.text,
            "{name}: the span's bytes decode to the record"
        );
    }
}

/// A UTF-8 variant: the same records, field for field, with `text == input[span]`.
fn check_utf8(name: &str, text: &str, broken: &str) {
    check_utf8_fields(name, text, broken, None);
}

/// The fields the normalised view decides (kinds, numbers, dates, categories);
/// the string fields copied from the text as written are left out.
const VIEW_FIELDS: [&str; 12] = [
    "kind",
    "value",
    "approx",
    "category",
    "unit",
    "level",
    "precision",
    "doc_type",
    "date",
    "start",
    "end",
    "rate",
];

/// A UTF-8 variant, compared on the [`VIEW_FIELDS`] only.
fn check_utf8_view(name: &str, text: &str, broken: &str) {
    check_utf8_fields(name, text, broken, Some(&VIEW_FIELDS));
}

fn check_utf8_fields(name: &str, text: &str, broken: &str, keep: Option<&[&str]>) {
    let only = |vs: Vec<Value>| -> Vec<Value> {
        vs.into_iter()
            .map(|mut v| {
                if let (Some(keep), Some(o)) = (keep, v.as_object_mut()) {
                    o.retain(|k, _| keep.contains(&k.as_str()));
                }
                v
            })
            .collect()
    };
    let expected = clean(text);
    let decoded = decode(broken.as_bytes()).unwrap();
    assert_eq!(decoded.encoding(), Encoding::Utf8, "{name}");
    let out = decoded.extract();
    assert_eq!(
        out,
        extract(broken),
        "{name}: decode changed the extraction"
    );
    assert_eq!(
        only(values(&out)),
        only(values(&expected)),
        "{name}: records"
    );
    assert_eq!(checks(&out), checks(&expected), "{name}: checks");
    let codes = |o: &Extraction| o.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
    assert_eq!(codes(&out), codes(&expected), "{name}: diagnostics");
    for r in &out.records {
        assert_eq!(&broken[r.span.range()], r.text, "{name}");
    }
}

#[test]
fn the_independent_encoders_agree_with_the_tables() {
    for text in [REPORT, CELL] {
        for (e, independent) in [
            (Encoding::Tcvn3, tcvn3_independent(text)),
            (Encoding::Vni, vni_independent(text)),
        ] {
            let ours = baocao::__fuzz::encode(text, e).unwrap();
            assert_eq!(ours, independent, "{e}");
        }
    }
    // every letter, both cases: VNI agrees byte for byte; TCVN3 on small letters
    let small = "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
    let all: String = small
        .chars()
        .chain(small.chars().flat_map(char::to_uppercase))
        .collect();
    assert_eq!(
        baocao::__fuzz::encode(&all, Encoding::Vni).unwrap(),
        vni_independent(&all)
    );
    assert_eq!(
        baocao::__fuzz::encode(small, Encoding::Tcvn3).unwrap(),
        tcvn3_independent(small)
    );
    // capitals with a tone: VN3 writes them with the small code, which decodes small
    let caps = "ẮỀỐỪÝ";
    let d = decode_as(&tcvn3_independent(caps), Encoding::Tcvn3).unwrap();
    assert_eq!(d.text(), caps.to_lowercase());
}

#[test]
fn tcvn3_with_the_project_tables() {
    for text in [REPORT, CELL] {
        let bytes = baocao::__fuzz::encode(text, Encoding::Tcvn3).unwrap();
        check_legacy("tcvn3", text, &bytes, Encoding::Tcvn3);
    }
}

#[test]
fn tcvn3_with_an_independent_table() {
    for text in [REPORT, CELL] {
        check_legacy(
            "tcvn3, independent",
            text,
            &tcvn3_independent(text),
            Encoding::Tcvn3,
        );
    }
}

#[test]
fn vni_with_the_project_tables() {
    for text in [REPORT, CELL] {
        let bytes = baocao::__fuzz::encode(text, Encoding::Vni).unwrap();
        check_legacy("vni", text, &bytes, Encoding::Vni);
    }
}

#[test]
fn vni_with_an_independent_encoder() {
    for text in [REPORT, CELL] {
        check_legacy(
            "vni, independent",
            text,
            &vni_independent(text),
            Encoding::Vni,
        );
    }
}

#[test]
fn legacy_text_read_as_windows_1252_and_stored_as_utf8() {
    for text in [REPORT, CELL] {
        for (e, bytes) in [
            (Encoding::Tcvn3, tcvn3_independent(text)),
            (Encoding::Vni, vni_independent(text)),
        ] {
            let mojibake = as_windows_1252(&bytes);
            let name = format!("{e} as Windows-1252 in UTF-8");
            check_legacy(&name, text, mojibake.as_bytes(), e);
            assert!(decode(mojibake.as_bytes()).unwrap().from_mojibake());
        }
    }
}

#[test]
fn legacy_bytes_with_crlf_and_a_byte_order_mark() {
    for text in [REPORT, CELL] {
        let crlf = with_crlf(text);
        for e in [Encoding::Tcvn3, Encoding::Vni] {
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend(baocao::__fuzz::encode(&crlf, e).unwrap());
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.encoding(), e);
            assert_eq!(decoded.text(), format!("\u{FEFF}{crlf}"));
            let out = decoded.extract();
            assert_eq!(values(&out), values(&clean(text)), "{e} with BOM and CRLF");
            for r in &out.records {
                let back = decode_as(&bytes[r.span.range()], e).unwrap();
                assert_eq!(back.text(), r.text);
            }
        }
    }
}

#[test]
fn byte_order_mark() {
    for text in [REPORT, CELL] {
        check_utf8("bom", text, &with_bom(text));
    }
}

#[test]
fn crlf_line_ends() {
    for text in [REPORT, CELL] {
        check_utf8("crlf", text, &with_crlf(text));
        check_utf8("bom+crlf", text, &with_bom(&with_crlf(text)));
    }
}

#[test]
fn nul_and_control_characters() {
    for text in [REPORT, CELL] {
        check_utf8_view("controls", text, &with_controls(text));
    }
}

#[test]
fn html_character_references() {
    for text in [REPORT, CELL] {
        let broken = with_references(text);
        assert!(broken.contains("&#") && broken.contains("&#x") && broken.contains("&nbsp;"));
        check_utf8_view("references", text, &broken);
    }
}

#[test]
fn zero_width_characters_inside_words_and_nfd() {
    for text in [REPORT, CELL] {
        let broken = with_invisibles(text);
        assert!(broken.contains('\u{200B}') && broken.contains('\u{AD}'));
        check_utf8_view("invisibles", text, &broken);
    }
}

#[test]
fn everything_at_once() {
    for text in [REPORT, CELL] {
        let broken = with_bom(&with_crlf(&with_controls(&with_references(text))));
        check_utf8_view("all", text, &broken);
    }
}

#[test]
fn controls_references_and_invisibles_give_the_same_string_fields() {
    for text in [REPORT, CELL] {
        check_utf8("controls", text, &with_controls(text));
        check_utf8("references", text, &with_references(text));
        check_utf8("invisibles", text, &with_invisibles(text));
    }
}

#[test]
fn truncated_and_binary_input_is_an_error_naming_the_offset() {
    let mut bytes = REPORT.as_bytes().to_vec();
    let cut = REPORT.find("Đảng bộ trao").unwrap() + 1; // inside "Đ"
    bytes.truncate(cut);
    assert_eq!(
        decode(&bytes),
        Err(baocao::Error::InvalidUtf8 { offset: cut - 1 })
    );
    let lossy = baocao::decode_lossy(&bytes);
    assert_eq!(lossy.replaced(), &[baocao::Span::new(cut - 1, cut)]);
    let out = lossy.extract();
    let full = extract(REPORT);
    assert_eq!(values(&out), values(&full)[..values(&out).len()]);
    // a file that is not text at all
    let binary: Vec<u8> = (0..=255u8).cycle().take(2048).collect();
    assert!(decode(&binary).is_err());
    let lossy = baocao::decode_lossy(&binary);
    assert!(!lossy.replaced().is_empty());
    for r in &lossy.extract().records {
        assert!(r.span.end <= binary.len());
    }
}
