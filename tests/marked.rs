//! One-line cases: each line marks the expected records with `|…|`; the test
//! extracts the unmarked text and compares spans and kinds. A line with no mark
//! says "no record here".

use baocao::{Extractor, RecordKind};

/// (kind, line with every expected record of that kind marked)
const CASES: &[(RecordKind, &str)] = &[
    // dates
    (
        RecordKind::Date,
        "Hội nghị khai mạc |ngày 26/3/2018| tại hội trường.",
    ),
    (
        RecordKind::Date,
        "|Ngày 15 tháng 12 năm 2023|, Đảng ủy họp.",
    ),
    (
        RecordKind::Date,
        "Ban hành |tháng 3/2024|, sửa đổi |tháng 11 năm 2027|.",
    ),
    (RecordKind::Date, "|Năm 2016| và |năm 2017| đều đạt."),
    (
        RecordKind::Date,
        "Văn bản ký |26/3/2018|, có hiệu lực từ |1 tháng 7 năm 2018|.",
    ),
    (
        RecordKind::Date,
        "Số liệu chốt (|1/2017|) và cập nhật đến |6/2020|.",
    ),
    (RecordKind::Date, "Hạn nộp |ngày 01-07-2023|."),
    (RecordKind::Date, "Hội nghị |ngày 26 tháng 3, 2018|."),
    (
        RecordKind::Date,
        "Ngày 26/3 chi bộ họp; năm nay đạt; năm 20 tuổi.",
    ),
    (
        RecordKind::Date,
        "Ngày 31/02/2024 không có thật; 12/13/2024 cũng vậy.",
    ),
    (
        RecordKind::Date,
        "Giai đoạn năm 2016-2021 và năm 2016 - 2021 là kỳ.",
    ),
    (
        RecordKind::Date,
        "Nghị định 30/2020/NĐ-CP và văn bản 12/2023/TT-BTC.",
    ),
    (RecordKind::Date, "Có 2018 đảng viên, 3/4 số chi bộ."),
    // percentages
    (
        RecordKind::Percentage,
        "Đạt |98,5% kế hoạch năm| hơn năm trước, |hơn 97%|.",
    ),
    (
        RecordKind::Percentage,
        "Có |98% đảng viên| hoàn thành tốt nhiệm vụ.",
    ),
    (
        RecordKind::Percentage,
        "Có |trên 90% tổ chức cơ sở đảng| đạt.",
    ),
    (
        RecordKind::Percentage,
        "Hiện |100% thôn, tổ dân phố| đã có chi bộ.",
    ),
    (
        RecordKind::Percentage,
        "Ban Bí thư bỏ phiếu |100%| thi hành kỷ luật.",
    ),
    (RecordKind::Percentage, "Tỷ lệ |từ 50% trở lên| là đạt."),
    (
        RecordKind::Percentage,
        "Giảm |ít nhất 20% công chức hưởng lương| từ ngân sách.",
    ),
    (
        RecordKind::Percentage,
        "Đạt |năm mươi phần trăm| và |12 phần trăm|.",
    ),
    (
        RecordKind::Percentage,
        "Chỉ |77,8%|, chưa đạt chỉ tiêu (|trên 90%|).",
    ),
    (RecordKind::Percentage, "Có 98 đảng viên và |5%| ."),
    (RecordKind::Percentage, "Giá trị 12%3 hay x5%."),
];

fn unmark(line: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open = None;
    for c in line.chars() {
        if c == '|' {
            match open.take() {
                None => open = Some(text.len()),
                Some(s) => spans.push((s, text.len())),
            }
        } else {
            text.push(c);
        }
    }
    assert!(open.is_none(), "unbalanced marks in {line:?}");
    (text, spans)
}

#[test]
fn marked_lines() {
    let mut failures = Vec::new();
    for (kind, line) in CASES {
        let (text, expected) = unmark(line);
        let ex = Extractor::builder().kinds([*kind]).build().unwrap();
        let got: Vec<(usize, usize)> = ex
            .extract(&text)
            .records
            .iter()
            .map(|r| (r.span.start, r.span.end))
            .collect();
        if got != expected {
            let shown: Vec<&str> = got.iter().map(|&(s, e)| &text[s..e]).collect();
            failures.push(format!("{line}\n    got {shown:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn invalid_dates_are_diagnostics_not_records() {
    let out = baocao::extract("Ngày 31/02/2024 chi bộ họp.");
    assert!(out.records.is_empty());
    assert_eq!(out.diagnostics.len(), 1);
    let d = &out.diagnostics[0];
    assert_eq!(d.code, baocao::Code::InvalidDate);
    assert_eq!(
        &"Ngày 31/02/2024 chi bộ họp."[d.span.range()],
        "Ngày 31/02/2024"
    );
}

#[test]
fn ambiguous_numbers_are_flagged() {
    let text = "Tăng 4,300% so với cùng kỳ, đạt 1.5% kế hoạch.";
    let out = baocao::extract(text);
    let codes: Vec<_> = out
        .diagnostics
        .iter()
        .map(|d| (d.code, &text[d.span.range()]))
        .collect();
    assert_eq!(
        codes,
        vec![
            (baocao::Code::AmbiguousNumber, "4,300"),
            (baocao::Code::ForeignNumberFormat, "1.5")
        ]
    );
}
