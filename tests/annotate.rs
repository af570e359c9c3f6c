//! `baocao::annotate`: the marks fall exactly on the records, the rest is the
//! text escaped, and no extraction (even one of another text) makes it panic.

use baocao::{annotate, annotate_with, extract, Date, Extraction, Person, Precision, Record};
use baocao::{RecordData, Span};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

const SAMPLE: &str = include_str!("../examples/sample_report.txt");
const REPORT: &str = include_str!("browser/report.txt");

/// The text of an HTML fragment: tags dropped, the five entities read back.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').expect("a tag ends");
            rest = &rest[end + 1..];
        } else {
            let end = rest.find(';').expect("an entity ends");
            out.push_str(match &rest[..=end] {
                "&amp;" => "&",
                "&lt;" => "<",
                "&gt;" => ">",
                "&quot;" => "\"",
                "&#39;" => "'",
                other => panic!("unexpected entity {other}"),
            });
            rest = &rest[end + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// The text inside each `<mark …>…</mark>`, read back, in order.
fn marked(html: &str) -> Vec<String> {
    html.split("<mark ")
        .skip(1)
        .map(|s| {
            let inner = &s[s.find('>').unwrap() + 1..s.find("</mark>").unwrap()];
            text_of(inner)
        })
        .collect()
}

/// Every record is marked, on exactly its own text, and nothing else changed.
fn assert_exact(text: &str) {
    let out = extract(text);
    let html = annotate(text, &out);
    assert_eq!(text_of(&html), text, "the fragment reads back as the text");
    let texts: Vec<&str> = out.records.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(marked(&html), texts);
    for (i, r) in out.records.iter().enumerate() {
        let open = format!(
            "id=\"baocao-r{i}\" data-index=\"{i}\" data-kind=\"{}\" data-start=\"{}\" data-end=\"{}\"",
            r.kind(),
            r.span.start,
            r.span.end
        );
        assert!(html.contains(&open), "record {i} is marked: {open}");
    }
}

#[test]
fn marks_every_record_of_the_sample() {
    assert!(extract(SAMPLE).records.len() > 20);
    assert_exact(SAMPLE);
    assert_exact(REPORT);
}

#[test]
fn spans_are_exact_in_nfd_text() {
    let nfd: String = REPORT.nfd().collect();
    assert_ne!(nfd.len(), REPORT.len());
    assert_eq!(
        extract(&nfd).records.len(),
        extract(REPORT).records.len(),
        "the extractor reads NFD as NFC"
    );
    assert_exact(&nfd);
}

#[test]
fn spans_are_exact_in_crlf_text() {
    let crlf = REPORT.replace('\n', "\r\n");
    assert_exact(&crlf);
    let html = annotate(&crlf, &extract(&crlf));
    assert!(
        html.contains("</mark>.\r\n"),
        "line breaks are kept as written"
    );
}

#[test]
fn escapes_the_text_and_the_records() {
    let text = "<script>alert('x')</script> & \"Chi bộ\" có 25 đảng viên <b>";
    let html = annotate(text, &extract(text));
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>"));
    assert!(html
        .starts_with("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Chi bộ&quot;"));
    assert_eq!(text_of(&html), text);
    assert_eq!(marked(&html), ["25 đảng viên"]);
}

fn record(start: usize, end: usize, text: &str) -> Record {
    Record {
        span: Span { start, end },
        text: text.into(),
        data: RecordData::Date(Date {
            value: "2024".into(),
            precision: Precision::Year,
        }),
    }
}

fn extraction(records: Vec<Record>) -> Extraction {
    Extraction {
        schema: baocao::SCHEMA.to_string(),
        source: None,
        records,
        checks: Vec::new(),
        diagnostics: Vec::new(),
    }
}

#[test]
fn leaves_out_records_that_do_not_belong_to_the_text() {
    let text = "năm 2024, Đảng ủy";
    let d = text.find('Đ').unwrap(); // 11; "Đ" takes two bytes
    let e = text.len();
    let ex = extraction(vec![
        record(d + 1, e, "Đảng ủy"),            // starts inside "Đ"
        record(d, e + 5, "Đảng ủy"),            // past the end
        record(d, e, "Đảng ủx"),                // not the text there
        record(5, 5, ""),                       // empty
        record(9, 2, ""),                       // end before start
        record(0, 9, "năm 2024"),               // fine
        record(5, 9, "2024"),                   // overlaps the one before
        record(d, e, "Đảng ủy"),                // fine, given out of order
        record(usize::MAX - 1, usize::MAX, ""), // far away
    ]);
    let html = annotate(text, &ex);
    assert_eq!(text_of(&html), text);
    assert_eq!(marked(&html), ["năm 2024", "Đảng ủy"]);
    assert!(html.contains("id=\"baocao-r5\""));
    assert!(html.contains("id=\"baocao-r7\""));
}

#[test]
fn an_extraction_of_another_text_never_panics() {
    let other = extract(SAMPLE);
    for text in [
        "",
        "x",
        "ủy",
        &REPORT[..200],
        REPORT,
        &SAMPLE.nfd().collect::<String>(),
    ] {
        let html = annotate(text, &other);
        assert_eq!(text_of(&html), text);
    }
}

#[test]
fn the_title_lists_the_fields_escaped() {
    let text = "ông Lê \"Ba\" <Tư>";
    let mut r = record(0, text.len(), text);
    r.data = RecordData::Person(Person {
        name: "Lê \"Ba\" <Tư>".into(),
        honorific: Some("ông".into()),
        title: None,
    });
    let html = annotate(text, &extraction(vec![r]));
    assert!(
        html.contains(
            " title=\"person&#10;name: Lê &quot;Ba&quot; &lt;Tư&gt;&#10;honorific: ông\">"
        ),
        "{html}"
    );
}

#[test]
fn failed_checks_and_diagnostics_are_shown() {
    let text = "Đảng bộ có 24 chi bộ trực thuộc (15 chi bộ thôn và 7 chi bộ trường học). \
                Ngày 31/11/2024, chi bộ họp.";
    let out = extract(text);
    assert!(out.checks.iter().any(|c| !c.ok), "{:?}", out.checks);
    let html = annotate(text, &out);
    assert_eq!(html.matches("baocao-failed").count(), 3, "{html}");
    assert!(html.contains("&#10;checks: sum:failed\">24 chi bộ trực thuộc</mark>"));
    let d = out
        .diagnostics
        .iter()
        .position(|d| &text[d.span.range()] == "Ngày 31/11/2024")
        .expect("an invalid date diagnostic");
    assert!(html.contains(&format!(
        "<span class=\"baocao-diagnostic\" id=\"baocao-g{d}\" data-diagnostic=\"{d}\" \
         title=\"warning invalid_date: "
    )));
    assert!(html.contains("\">Ngày 31/11/2024</span>"));
    assert_eq!(text_of(&html), text);
}

#[test]
fn custom_markup() {
    let text = "Ngày 26/3/2018 & hơn 97% đảng viên";
    let out = extract(text);
    let html = annotate_with(text, &out, |i, r| {
        (format!("[{i}:{}|", r.kind()), "]".to_string())
    });
    assert_eq!(
        html,
        "[0:date|Ngày 26/3/2018] &amp; [1:percentage|hơn 97% đảng viên]"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text with the extraction of any other text: no panic, and the
    /// fragment still reads back as the text.
    #[test]
    fn any_text_with_any_extraction(a in ".{0,80}", b in "[\\PC\u{301}\r\nđĐ0-9%/ ]{0,80}") {
        for (text, from) in [(&a, &b), (&b, &a), (&a, &a), (&b, &b)] {
            let html = annotate(text, &extract(from));
            prop_assert_eq!(text_of(&html), text.replace('\0', "\u{FFFD}"));
        }
    }
}

/// The example in docs/outputs.md.
#[test]
fn the_outputs_doc_example() {
    let text = "Chi bộ có 25 đảng viên & 2 quần chúng.";
    let html = baocao::annotate(text, &baocao::extract(text));
    assert!(html.starts_with(
        "Chi bộ có <mark class=\"baocao baocao-member_count\" id=\"baocao-r0\" data-index=\"0\""
    ));
    assert!(html.ends_with(">25 đảng viên</mark> &amp; 2 quần chúng."));
}
