//! Properties that hold for every input.

use baocao::{extract, RecordData};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Text made of the genre's words, numbers, separators and trap characters.
fn genre_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ngày",
        "Ngày",
        "tháng",
        "năm",
        "NĂM",
        "26",
        "3",
        "2018",
        "/",
        "-",
        ".",
        ",",
        "%",
        " ",
        " ",
        " ",
        "hơn",
        "trên",
        "từ",
        "trở lên",
        "phần trăm",
        "đảng viên",
        "chi bộ",
        "98,5",
        "5.246",
        "4,300",
        "1.5",
        "(",
        ")",
        "\n",
        "\u{a0}",
        "\u{212A}",
        "Ð",
        "ủy",
        "uỷ",
        "\u{301}",
        "\u{200B}",
        "–",
        "İ",
        "ß",
        "mươi",
        "hai",
        "thôn",
        "tổ",
        "x",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check_invariants(input: &str) -> Result<(), TestCaseError> {
    let out = extract(input);
    let mut last_end = 0;
    for r in &out.records {
        prop_assert!(r.span.end <= input.len());
        prop_assert!(input.is_char_boundary(r.span.start) && input.is_char_boundary(r.span.end));
        prop_assert_eq!(&input[r.span.range()], r.text.as_str());
        prop_assert!(!r.span.is_empty());
        prop_assert!(r.span.start >= last_end, "records overlap or are unsorted");
        last_end = r.span.end;
    }
    for d in &out.diagnostics {
        prop_assert!(d.span.end <= input.len());
        prop_assert!(input.is_char_boundary(d.span.start) && input.is_char_boundary(d.span.end));
    }
    let back: baocao::Extraction = serde_json::from_str(&out.to_json()).unwrap();
    prop_assert_eq!(back, out);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn no_panic_and_exact_spans_on_any_string(s in any::<String>()) {
        check_invariants(&s)?;
    }

    #[test]
    fn no_panic_and_exact_spans_on_genre_text(s in genre_text()) {
        check_invariants(&s)?;
        let nfd: String = s.nfd().collect();
        check_invariants(&nfd)?;
    }

    #[test]
    fn nfd_input_gives_the_records_of_nfc_input(s in genre_text()) {
        let nfc: String = s.nfc().collect();
        let nfd: String = s.nfd().collect();
        let a = extract(&nfc);
        let b = extract(&nfd);
        let data_a: Vec<&RecordData> = a.records.iter().map(|r| &r.data).collect();
        let data_b: Vec<&RecordData> = b.records.iter().map(|r| &r.data).collect();
        prop_assert_eq!(data_a, data_b);
        for r in &b.records {
            let as_nfc: String = r.text.nfc().collect();
            prop_assert_eq!(&nfd[r.span.range()], r.text.as_str());
            prop_assert!(a.records.iter().any(|x| x.text == as_nfc));
        }
    }

    #[test]
    fn a_rendered_date_is_read_back(
        y in 1000i32..2999, m in 1u32..=12, d in 1u32..=28,
        style in 0usize..4, filler in "[a-zđ ]{0,12}",
    ) {
        let written = match style {
            0 => format!("ngày {d}/{m}/{y}"),
            1 => format!("ngày {d:02}/{m:02}/{y}"),
            2 => format!("ngày {d} tháng {m} năm {y}"),
            _ => format!("{d}-{m}-{y}"),
        };
        let text = format!("Hôm {filler}, {written}, chi bộ họp.");
        let out = extract(&text);
        let dates: Vec<_> = out.records.iter().filter_map(|r| match &r.data {
            RecordData::Date(x) => Some((r.text.to_string(), x.value.to_string())),
            _ => None,
        }).collect();
        prop_assert_eq!(dates, vec![(written, format!("{y:04}-{m:02}-{d:02}"))]);
    }

    #[test]
    fn a_rendered_percentage_is_read_back(
        whole in 0u32..1000, tenths in 0u32..10, approx in 0usize..4, subject in 0usize..3,
    ) {
        let number = if tenths == 0 { whole.to_string() } else { format!("{whole},{tenths}") };
        let value = whole as f64 + tenths as f64 / 10.0;
        let (word, expected_approx) = [
            ("", baocao::Approx::Exact),
            ("hơn ", baocao::Approx::MoreThan),
            ("gần ", baocao::Approx::Nearly),
            ("khoảng ", baocao::Approx::About),
        ][approx];
        let (noun, expected_subject) = [("", None), (" đảng viên", Some("đảng viên")), (" kế hoạch năm", Some("kế hoạch năm"))][subject];
        let written = format!("{word}{number}%{noun}");
        let text = format!("Kết quả có {written}, tăng so với cùng kỳ.");
        let out = extract(&text);
        prop_assert_eq!(out.records.len(), 1);
        let r = &out.records[0];
        prop_assert_eq!(&r.text, &written);
        match &r.data {
            RecordData::Percentage(p) => {
                prop_assert!((p.value - value).abs() < 1e-9);
                prop_assert_eq!(p.approx, expected_approx);
                prop_assert_eq!(p.subject.as_deref(), expected_subject);
            }
            other => prop_assert!(false, "not a percentage: {:?}", other),
        }
    }
}
