//! CSV output (`baocao::csv`): stable columns, one row per record, numbers as
//! numbers, and a file that a CSV reader reads back record for record.

use baocao::csv::{fields, to_string, write_header, write_records, COLUMNS};
use baocao::{extract, Extraction, Person, Record, RecordData, Span};
use unicode_normalization::UnicodeNormalization;

/// A year-end report of a ward Party committee, written by the baocao team in the
/// genre's style (the regulation is real; the ward, figures and names are not).
const WARD_REPORT: &str = "Ngày 05/01/2025, Đảng ủy phường Hòa Bình tổng kết công tác năm 2024. \
Đảng bộ phường có 18 chi bộ trực thuộc với 1.046 đảng viên, trong đó có 1.012 đảng viên chính \
thức và 34 đảng viên dự bị. Trong năm, đã có 2.315 lượt đảng viên đăng ký làm theo Bác, đạt \
100%, trong đó có 146 cán bộ, lãnh đạo chủ chốt. Đảng bộ quán triệt Quy định số 144-QĐ/TW ngày \
09/5/2024 của Bộ Chính trị về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai \
đoạn mới; hơn 96,5% đảng viên được đánh giá hoàn thành tốt nhiệm vụ. Đồng chí Phạm Thị Thu, \
Bí thư Đảng ủy phường, đề nghị các chi bộ chuẩn bị tốt đại hội nhiệm kỳ 2025-2027.\n";

const SAMPLE: &str = include_str!("../examples/sample_report.txt");

#[test]
fn header_and_rows_of_a_ward_report() {
    let out = extract(WARD_REPORT).with_source("phuong_hoa_binh.txt");
    insta::assert_snapshot!(to_string(&out));
}

#[test]
fn the_header_is_the_documented_columns() {
    let mut buf = Vec::new();
    write_header(&mut buf).unwrap();
    assert_eq!(String::from_utf8(buf).unwrap(), COLUMNS.join(",") + "\n");
    // The first columns are the ones every row fills; they never move.
    assert_eq!(
        COLUMNS[..8],
        ["source", "index", "kind", "start", "end", "text", "value", "approx"]
    );
}

/// Reads `csv` with the csv crate and checks it against `docs`, row for record.
fn assert_reads_back(csv: &str, docs: &[(&str, &Extraction)]) {
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.headers().unwrap(), COLUMNS.as_slice());
    let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let expected: Vec<(&str, usize, &Record)> = docs
        .iter()
        .flat_map(|(text, ex)| {
            ex.records
                .iter()
                .enumerate()
                .map(move |(i, r)| (*text, i, r))
        })
        .collect();
    assert_eq!(rows.len(), expected.len(), "one row per record");
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
    for (row, (text, index, record)) in rows.iter().zip(expected) {
        assert_eq!(row.len(), COLUMNS.len());
        assert_eq!(row[col("index")].parse::<usize>().unwrap(), index);
        assert_eq!(&row[col("kind")], record.kind().as_str());
        let start: usize = row[col("start")].parse().unwrap();
        let end: usize = row[col("end")].parse().unwrap();
        assert_eq!(Span::new(start, end), record.span);
        assert_eq!(&row[col("text")], record.text);
        assert_eq!(&text[start..end], &row[col("text")]);
        for (name, value) in fields(record) {
            assert_eq!(&row[col(name)], value, "{name} of {record:?}");
        }
        for name in ["value", "rate"] {
            let cell = &row[col(name)];
            if !cell.is_empty() {
                let n: f64 = cell
                    .parse()
                    .unwrap_or_else(|_| panic!("{name} {cell:?} is a number"));
                assert!(n.is_finite());
                assert!(!cell.contains(','), "no thousands separator: {cell}");
            }
        }
        for name in ["year", "plenum", "term", "last_years"] {
            let cell = &row[col(name)];
            assert!(
                cell.is_empty() || cell.parse::<i64>().is_ok(),
                "{name} {cell:?}"
            );
        }
    }
}

#[test]
fn the_csv_crate_reads_one_row_per_record() {
    let texts: Vec<String> = [SAMPLE, WARD_REPORT]
        .iter()
        .chain(
            [
                include_str!("fixtures/chi_bo_truong_hoc.txt"),
                include_str!("fixtures/dang_bo_khoi_doanh_nghiep.txt"),
                include_str!("fixtures/huyen_uy_tong_ket.txt"),
                include_str!("fixtures/quan_triet_van_ban.txt"),
            ]
            .iter(),
        )
        .flat_map(|t| [t.to_string(), t.nfd().collect(), t.replace('\n', "\r\n")])
        .collect();
    let extractions: Vec<Extraction> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| extract(t).with_source(format!("doc {i}, \"quoted\".txt")))
        .collect();
    let mut buf = Vec::new();
    write_header(&mut buf).unwrap();
    for ex in &extractions {
        write_records(&mut buf, ex).unwrap();
    }
    let csv = String::from_utf8(buf).unwrap();
    let docs: Vec<(&str, &Extraction)> =
        texts.iter().map(String::as_str).zip(&extractions).collect();
    assert!(docs.iter().map(|(_, ex)| ex.records.len()).sum::<usize>() > 100);
    assert_reads_back(&csv, &docs);
    assert_eq!(csv.matches("\nsource,").count(), 0, "one header only");
}

#[test]
fn quotes_commas_and_line_breaks_survive() {
    let text = "ông Lê \"Ba\",\r\nTư";
    let record = Record {
        span: Span::new(0, text.len()),
        text: text.into(),
        data: RecordData::Person(Person {
            name: "Lê \"Ba\",\r\nTư".into(),
            honorific: Some("ông".into()),
            title: None,
        }),
    };
    let ex = Extraction {
        schema: baocao::SCHEMA.to_string(),
        source: None,
        records: vec![record],
        checks: Vec::new(),
        diagnostics: Vec::new(),
    };
    let csv = to_string(&ex);
    assert_reads_back(&csv, &[(text, &ex)]);
}

#[test]
fn an_empty_document_is_a_header() {
    let csv = to_string(&extract("Không có số liệu."));
    assert_eq!(csv, COLUMNS.join(",") + "\n");
}
