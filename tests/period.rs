//! The `period` grammar through the public API: surface forms and their values,
//! non-periods, and how a period and the dates inside it share the text.

use baocao::{
    Code, CompactString, Extractor, Period, PeriodLabel, RecordData, RecordKind, Recurrence,
};

mod support;
use support::records_of;

/// Periods only.
fn periods(text: &str) -> Vec<(String, Period)> {
    records_of(&[RecordKind::Period], text)
        .into_iter()
        .map(|r| match r.data {
            RecordData::Period(p) => (r.text.into(), p),
            other => panic!("not a period: {other:?}"),
        })
        .collect()
}

/// One expected record: text, start, end, last_years, recurrence, label.
type Row = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<u32>,
    Option<Recurrence>,
    Option<PeriodLabel>,
);

const STAGE: Option<PeriodLabel> = Some(PeriodLabel::Stage);
const TERM: Option<PeriodLabel> = Some(PeriodLabel::Term);
const QUARTER: Option<PeriodLabel> = Some(PeriodLabel::Quarter);
const HALF: Option<PeriodLabel> = Some(PeriodLabel::HalfYear);
const YEARLY: Option<Recurrence> = Some(Recurrence::Yearly);
const MONTHLY: Option<Recurrence> = Some(Recurrence::Monthly);
const QUARTERLY: Option<Recurrence> = Some(Recurrence::Quarterly);

/// (sentence, the one period it holds)
const TABLE: &[(&str, Row)] = &[
    // labelled ranges
    (
        "Trong giai đoạn 2016-2021, Đảng bộ",
        (
            "giai đoạn 2016-2021",
            Some("2016"),
            Some("2021"),
            None,
            None,
            STAGE,
        ),
    ),
    (
        "giai đoạn 2016 – 2021 đạt",
        (
            "giai đoạn 2016 – 2021",
            Some("2016"),
            Some("2021"),
            None,
            None,
            STAGE,
        ),
    ),
    (
        "vốn giai đoạn 2012- 2015 của",
        (
            "giai đoạn 2012- 2015",
            Some("2012"),
            Some("2015"),
            None,
            None,
            STAGE,
        ),
    ),
    (
        "GIAI ĐOẠN 2021 - 2025.",
        (
            "GIAI ĐOẠN 2021 - 2025",
            Some("2021"),
            Some("2025"),
            None,
            None,
            STAGE,
        ),
    ),
    (
        "Đại hội nhiệm kỳ 2020-2025 thành công",
        (
            "nhiệm kỳ 2020-2025",
            Some("2020"),
            Some("2025"),
            None,
            None,
            TERM,
        ),
    ),
    (
        "Tỉnh ủy nhiệm kỳ 2010 - 2015 đồng chí",
        (
            "nhiệm kỳ 2010 - 2015",
            Some("2010"),
            Some("2015"),
            None,
            None,
            TERM,
        ),
    ),
    (
        "nhiệm kì 2021–2026,",
        (
            "nhiệm kì 2021–2026",
            Some("2021"),
            Some("2026"),
            None,
            None,
            TERM,
        ),
    ),
    (
        "giai đoạn từ năm 2016 đến nay,",
        (
            "giai đoạn từ năm 2016 đến nay",
            Some("2016"),
            None,
            None,
            None,
            STAGE,
        ),
    ),
    (
        "Quốc hội khóa IV (1971-1975) họp",
        (
            "khóa IV (1971-1975)",
            Some("1971"),
            Some("1975"),
            None,
            None,
            TERM,
        ),
    ),
    (
        "Chính phủ nhiệm kỳ Quốc hội khoá II (1960-1964).",
        (
            "nhiệm kỳ Quốc hội khoá II (1960-1964)",
            Some("1960"),
            Some("1964"),
            None,
            None,
            TERM,
        ),
    ),
    (
        "học viên (Khóa 1960-1961)",
        (
            "Khóa 1960-1961",
            Some("1960"),
            Some("1961"),
            None,
            None,
            None,
        ),
    ),
    (
        "Trong khoảng thời gian 1955-1960, theo",
        (
            "khoảng thời gian 1955-1960",
            Some("1955"),
            Some("1960"),
            None,
            None,
            None,
        ),
    ),
    (
        "thời kỳ 1954-1975 của",
        (
            "thời kỳ 1954-1975",
            Some("1954"),
            Some("1975"),
            None,
            None,
            None,
        ),
    ),
    (
        "năm học 2023 - 2024 có",
        (
            "năm học 2023 - 2024",
            Some("2023"),
            Some("2024"),
            None,
            None,
            None,
        ),
    ),
    // từ … đến …
    (
        "Từ năm 2016 đến năm 2020, toàn Đảng bộ",
        (
            "Từ năm 2016 đến năm 2020",
            Some("2016"),
            Some("2020"),
            None,
            None,
            None,
        ),
    ),
    (
        "từ năm 2016 đến 2020 có",
        (
            "từ năm 2016 đến 2020",
            Some("2016"),
            Some("2020"),
            None,
            None,
            None,
        ),
    ),
    (
        "Từ 2011 đến 2013, ông",
        (
            "Từ 2011 đến 2013",
            Some("2011"),
            Some("2013"),
            None,
            None,
            None,
        ),
    ),
    (
        "(học từ 1971-1972)",
        ("từ 1971-1972", Some("1971"), Some("1972"), None, None, None),
    ),
    (
        "kiểm tra là từ tháng 6/2012 đến nay.",
        (
            "từ tháng 6/2012 đến nay",
            Some("2012-06"),
            None,
            None,
            None,
            None,
        ),
    ),
    (
        "Từ tháng 11/1964 - 4/1975, Công an",
        (
            "Từ tháng 11/1964 - 4/1975",
            Some("1964-11"),
            Some("1975-04"),
            None,
            None,
            None,
        ),
    ),
    (
        "Tây Nam từ năm 1979 và quan hệ",
        ("từ năm 1979", Some("1979"), None, None, None, None),
    ),
    (
        "Từ đầu năm 2017 đến nay, tình hình",
        (
            "Từ đầu năm 2017 đến nay",
            Some("2017"),
            None,
            None,
            None,
            None,
        ),
    ),
    (
        "Tháng 4 năm 2008 đến tháng 3 năm 2011, ông",
        (
            "Tháng 4 năm 2008 đến tháng 3 năm 2011",
            Some("2008-04"),
            Some("2011-03"),
            None,
            None,
            None,
        ),
    ),
    // year ranges after năm, những năm, N năm
    (
        "năm 2016-2021 đạt",
        (
            "năm 2016-2021",
            Some("2016"),
            Some("2021"),
            None,
            None,
            None,
        ),
    ),
    (
        "Trong những năm 1954 - 1959, ở miền Nam",
        (
            "những năm 1954 - 1959",
            Some("1954"),
            Some("1959"),
            None,
            None,
            None,
        ),
    ),
    (
        "chặng đường đầu gồm 5 năm 1981-1985 và",
        (
            "5 năm 1981-1985",
            Some("1981"),
            Some("1985"),
            None,
            None,
            None,
        ),
    ),
    (
        "kế hoạch 5 năm (2016-2020)",
        (
            "5 năm (2016-2020)",
            Some("2016"),
            Some("2020"),
            None,
            None,
            None,
        ),
    ),
    // day ranges
    (
        "Đại hội ngày 15 - 18/4/2017 tại",
        (
            "ngày 15 - 18/4/2017",
            Some("2017-04-15"),
            Some("2017-04-18"),
            None,
            None,
            None,
        ),
    ),
    (
        "Ngày 24-25/9/2025, Đại hội",
        (
            "Ngày 24-25/9/2025",
            Some("2025-09-24"),
            Some("2025-09-25"),
            None,
            None,
            None,
        ),
    ),
    (
        "(họp từ ngày 12 đến ngày 15 tháng 10 năm 1923), được",
        (
            "từ ngày 12 đến ngày 15 tháng 10 năm 1923",
            Some("1923-10-12"),
            Some("1923-10-15"),
            None,
            None,
            None,
        ),
    ),
    (
        "(họp từ ngày 17 tháng 6 đến ngày 8 tháng 7 năm 1924)",
        (
            "từ ngày 17 tháng 6 đến ngày 8 tháng 7 năm 1924",
            Some("1924-06-17"),
            Some("1924-07-08"),
            None,
            None,
            None,
        ),
    ),
    (
        "đế quốc từ ngày 9 đến 12/12/1927 tại",
        (
            "từ ngày 9 đến 12/12/1927",
            Some("1927-12-09"),
            Some("1927-12-12"),
            None,
            None,
            None,
        ),
    ),
    (
        "Từ ngày 25 đến ngày 29/1/1983, Đại hội",
        (
            "Từ ngày 25 đến ngày 29/1/1983",
            Some("1983-01-25"),
            Some("1983-01-29"),
            None,
            None,
            None,
        ),
    ),
    (
        "diễn ra từ ngày 27 đến ngày 31-3-1982 ở",
        (
            "từ ngày 27 đến ngày 31-3-1982",
            Some("1982-03-27"),
            Some("1982-03-31"),
            None,
            None,
            None,
        ),
    ),
    (
        "từ ngày 26/3/2018 đến ngày 28/3/2018.",
        (
            "từ ngày 26/3/2018 đến ngày 28/3/2018",
            Some("2018-03-26"),
            Some("2018-03-28"),
            None,
            None,
            None,
        ),
    ),
    (
        "giám sát từ 1/1/2016 đến 31/5/2017. Theo",
        (
            "từ 1/1/2016 đến 31/5/2017",
            Some("2016-01-01"),
            Some("2017-05-31"),
            None,
            None,
            None,
        ),
    ),
    (
        "ngày 26/3 - 28/3/2018,",
        (
            "ngày 26/3 - 28/3/2018",
            Some("2018-03-26"),
            Some("2018-03-28"),
            None,
            None,
            None,
        ),
    ),
    (
        "trong 2 ngày 13-14 tháng 3 năm 1988, ông",
        (
            "ngày 13-14 tháng 3 năm 1988",
            Some("1988-03-13"),
            Some("1988-03-14"),
            None,
            None,
            None,
        ),
    ),
    (
        "| Nhiệm kỳ | 7 tháng 1 năm 1963 – 1964 |",
        (
            "7 tháng 1 năm 1963 – 1964",
            Some("1963-01-07"),
            Some("1964"),
            None,
            None,
            None,
        ),
    ),
    (
        "| 4 tháng 7 năm 1981 – 17 tháng 6 năm 1987 |",
        (
            "4 tháng 7 năm 1981 – 17 tháng 6 năm 1987",
            Some("1981-07-04"),
            Some("1987-06-17"),
            None,
            None,
            None,
        ),
    ),
    (
        "Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2017)",
        (
            "19/5/1890 - 19/5/2017",
            Some("1890-05-19"),
            Some("2017-05-19"),
            None,
            None,
            None,
        ),
    ),
    (
        "Đại hội lần thứ 8 năm 1996 đến nay, chúng ta",
        ("năm 1996 đến nay", Some("1996"), None, None, None, None),
    ),
    (
        "từ cuối năm 2024 đến nay",
        (
            "từ cuối năm 2024 đến nay",
            Some("2024"),
            None,
            None,
            None,
            None,
        ),
    ),
    // the last N years
    (
        "Trong 5 năm qua, toàn Khối",
        ("Trong 5 năm qua", None, None, Some(5), None, None),
    ),
    (
        "5 năm qua, Đảng bộ",
        ("5 năm qua", None, None, Some(5), None, None),
    ),
    (
        "trong 3 năm qua",
        ("trong 3 năm qua", None, None, Some(3), None, None),
    ),
    (
        "trong 5 năm gần đây,",
        ("trong 5 năm gần đây", None, None, Some(5), None, None),
    ),
    (
        "Mười năm qua, tỉnh",
        ("Mười năm qua", None, None, Some(10), None, None),
    ),
    (
        "Hơn 1 năm qua, dù nhiều khó khăn",
        ("Hơn 1 năm qua", None, None, Some(1), None, None),
    ),
    (
        "hai năm trở lại đây",
        ("hai năm trở lại đây", None, None, Some(2), None, None),
    ),
    // recurrence
    (
        "Hằng năm, 100% cán bộ",
        ("Hằng năm", None, None, None, YEARLY, None),
    ),
    (
        "chi bộ hàng năm kết nạp",
        ("hàng năm", None, None, None, YEARLY, None),
    ),
    (
        "giao ban hằng tháng.",
        ("hằng tháng", None, None, None, MONTHLY, None),
    ),
    (
        "báo cáo hàng tháng",
        ("hàng tháng", None, None, None, MONTHLY, None),
    ),
    (
        "sơ kết hằng quý",
        ("hằng quý", None, None, None, QUARTERLY, None),
    ),
    ("HÀNG QUÝ", ("HÀNG QUÝ", None, None, None, QUARTERLY, None)),
    // quarters
    (
        "Ngay từ quý I/2024, có",
        (
            "quý I/2024",
            Some("2024-01"),
            Some("2024-03"),
            None,
            None,
            QUARTER,
        ),
    ),
    (
        "trong quý II năm 2025.",
        (
            "quý II năm 2025",
            Some("2025-04"),
            Some("2025-06"),
            None,
            None,
            QUARTER,
        ),
    ),
    (
        "đến hết Quý IV/2023",
        (
            "Quý IV/2023",
            Some("2023-10"),
            Some("2023-12"),
            None,
            None,
            QUARTER,
        ),
    ),
    (
        "vào đầu quý 3/2025; cấp",
        (
            "quý 3/2025",
            Some("2025-07"),
            Some("2025-09"),
            None,
            None,
            QUARTER,
        ),
    ),
    (
        "công tác quý I và",
        ("quý I", None, None, None, None, QUARTER),
    ),
    // parts of a year
    (
        "6 tháng đầu năm 2024, các cấp ủy",
        (
            "6 tháng đầu năm 2024",
            Some("2024-01"),
            Some("2024-06"),
            None,
            None,
            HALF,
        ),
    ),
    (
        "nhiệm vụ 6 tháng cuối năm 2024.",
        (
            "6 tháng cuối năm 2024",
            Some("2024-07"),
            Some("2024-12"),
            None,
            None,
            HALF,
        ),
    ),
    (
        "sơ kết 6 tháng đầu năm, triển khai",
        ("6 tháng đầu năm", None, None, None, None, HALF),
    ),
    (
        "9 tháng đầu năm 2024 đạt",
        (
            "9 tháng đầu năm 2024",
            Some("2024-01"),
            Some("2024-09"),
            None,
            None,
            None,
        ),
    ),
    (
        "sáu tháng cuối năm 2023",
        (
            "sáu tháng cuối năm 2023",
            Some("2023-07"),
            Some("2023-12"),
            None,
            None,
            HALF,
        ),
    ),
];

#[test]
fn value_versus_surface_form() {
    assert!(TABLE.len() >= 30);
    for &(sentence, (text, start, end, last_years, recurrence, label)) in TABLE {
        let got = periods(sentence);
        assert_eq!(got.len(), 1, "{sentence:?}: {got:?}");
        let (t, p) = &got[0];
        assert_eq!(t, text, "{sentence:?}");
        let want = Period {
            start: start.map(CompactString::from),
            end: end.map(CompactString::from),
            last_years,
            recurrence,
            label,
        };
        assert_eq!(p, &want, "{sentence:?}");
    }
}

#[test]
fn not_periods() {
    for s in [
        "năm nay",
        "Năm nay Đảng bộ đạt",
        "hai năm",
        "sau hai năm công tác",
        "nhiệm kỳ tới",
        "nhiệm kỳ II gồm 41 người",
        "nhiệm kỳ 5 năm",
        "giai đoạn mới",
        "quý khách",
        "Quý vị đại biểu",
        "mỗi quý 1 lần",
        "trong 5 năm tới",
        "chỉ số hằng tháng 4/2017 đạt",
        "hàng năm trời",
        "năm 2021-2016",
        "giai đoạn 2016-21",
        "từ 5 đến 10 đảng viên",
        "từ 1500 đến 2000 người",
        "hiệu lực từ ngày 01/07/2023",
        "(1983-1986)",
        "Lịch sử 1945-2005",
        "Quý 3 năm nay",
        "(học 1960-1961)",
        "| 5/1974-9/1989 |",
        "ngày 28 tháng 6 năm 1988- ^",
    ] {
        let got = periods(s);
        let named_quarter = got
            .iter()
            .all(|(_, p)| p.label == Some(PeriodLabel::Quarter));
        if s == "Quý 3 năm nay" {
            // a quarter, but no calendar values and no count of years
            assert!(
                named_quarter && got.iter().all(|(_, p)| p.last_years.is_none()),
                "{s:?}: {got:?}"
            );
            continue;
        }
        assert!(got.is_empty(), "{s:?}: {got:?}");
    }
}

#[test]
fn a_range_broken_across_lines_is_not_cut_in_half() {
    // the wrapped range is beyond the grammar, but its first half is no start-only period
    assert!(periods("giai đoạn I: Từ năm 2021 đến\nnăm 2025;").is_empty());
    assert!(periods("Từ năm 2021\nđến năm 2025;").is_empty());
    let got = periods("Từ năm 2021, tỉnh đã");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.end, None);
}

#[test]
fn impossible_days_make_no_period_and_a_diagnostic() {
    let out = Extractor::builder()
        .kinds([RecordKind::Period])
        .build()
        .unwrap()
        .extract("từ ngày 30/2/2024 đến ngày 5/3/2024");
    assert!(out.records.is_empty(), "{:?}", out.records);
    assert!(out.diagnostics.iter().any(|d| d.code == Code::InvalidDate));
}

#[test]
fn a_period_swallows_the_dates_inside_it() {
    let text = "Đại hội họp từ ngày 12 đến ngày 15 tháng 10 năm 1923; Từ năm 2016 đến năm 2020 \
                và 6 tháng đầu năm 2024, ngày 26/3/2018.";
    let out = baocao::extract(text);
    let kinds: Vec<(RecordKind, &str)> = out
        .records
        .iter()
        .map(|r| (r.kind(), r.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (
                RecordKind::Period,
                "từ ngày 12 đến ngày 15 tháng 10 năm 1923"
            ),
            (RecordKind::Period, "Từ năm 2016 đến năm 2020"),
            (RecordKind::Period, "6 tháng đầu năm 2024"),
            (RecordKind::Date, "ngày 26/3/2018"),
        ]
    );
    for r in &out.records {
        assert_eq!(&text[r.span.range()], r.text);
    }
}

#[test]
fn spans_are_exact_in_any_spelling() {
    // NFD input, old-style tone placement, a no-break space and an en dash
    let text = "Nhiệm kỳ\u{a0}2020\u{2013}2025 và nhiệm kì 2025 - 2030";
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(text).collect();
    for t in [text, nfd.as_str()] {
        let got = periods(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1.start.as_deref(), Some("2020"));
        assert_eq!(got[1].1.end.as_deref(), Some("2030"));
    }
}

#[test]
fn never_panics_on_fragments() {
    let pieces = [
        "từ",
        "ngày",
        "tháng",
        "năm",
        "quý",
        "giai đoạn",
        "nhiệm kỳ",
        "khóa",
        "hằng",
        "đến",
        "nay",
        "15",
        "2016",
        "-",
        "/",
        " ",
        "(",
        ")",
        "I",
        "6",
        "đầu",
        "qua",
        "ĩ",
        "\n",
    ];
    // every prefix of every sentence, and every pair of pieces
    for (s, _) in TABLE {
        for (i, _) in s.char_indices() {
            let _ = baocao::extract(&s[..i]);
            let _ = baocao::extract(&s[i..]);
        }
    }
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let _ = baocao::extract(&format!("{a} {b}{c}"));
            }
        }
    }
}
