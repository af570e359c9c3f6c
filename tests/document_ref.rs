//! document_ref: surface forms in both numbering systems, registry resolution,
//! misspelt type words, and rendered references read back.

use baocao::{DocumentRef, RecordData, RecordKind};
use proptest::prelude::*;

mod support;
use support::records_of;

fn refs(text: &str) -> Vec<(String, DocumentRef)> {
    records_of(&[RecordKind::DocumentRef], text)
        .into_iter()
        .filter_map(|r| match r.data {
            RecordData::DocumentRef(d) => Some((r.text.into(), *d)),
            _ => None,
        })
        .collect()
}

/// What a case expects; `None` fields are not checked.
#[derive(Default)]
struct Want {
    text: &'static str,
    doc_type: &'static str,
    number: Option<&'static str>,
    symbol: Option<&'static str>,
    year: Option<i32>,
    date: Option<&'static str>,
    issuer: Option<&'static str>,
    plenum: Option<u32>,
    term: Option<u32>,
    canonical: Option<&'static str>,
}

fn check(sentence: &str, w: &Want) -> Result<(), String> {
    let got = refs(sentence);
    let Some((text, d)) = got
        .iter()
        .find(|(t, _)| t.starts_with(w.text.split(' ').next().unwrap_or("")))
    else {
        return Err(format!("{sentence:?}: no reference, got {got:?}"));
    };
    let mut bad = Vec::new();
    if text != w.text {
        bad.push(format!("text {text:?}"));
    }
    if d.doc_type != w.doc_type {
        bad.push(format!("doc_type {:?}", d.doc_type));
    }
    macro_rules! field {
        ($f:ident) => {
            if let Some(want) = w.$f {
                if d.$f.as_deref() != Some(want) {
                    bad.push(format!("{} {:?}", stringify!($f), d.$f));
                }
            }
        };
    }
    field!(number);
    field!(symbol);
    field!(date);
    field!(issuer);
    field!(canonical);
    if w.year.is_some() && d.year != w.year {
        bad.push(format!("year {:?}", d.year));
    }
    if w.plenum.is_some() && d.plenum != w.plenum {
        bad.push(format!("plenum {:?}", d.plenum));
    }
    if w.term.is_some() && d.term != w.term {
        bad.push(format!("term {:?}", d.term));
    }
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!("{sentence:?}: {}", bad.join(", ")))
    }
}

#[test]
fn surface_forms() {
    let cases: Vec<(&str, Want)> = vec![
        // Party numbering
        ("Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập.", Want { text: "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập", doc_type: "directive", number: Some("05"), symbol: Some("CT/TW"), date: Some("2016-05-15"), year: Some(2016), issuer: Some("Bộ Chính trị"), canonical: Some("05-CT/TW"), ..Want::default() }),
        ("Theo Chỉ thị 05-CT/TW, các chi bộ họp.", Want { text: "Chỉ thị 05-CT/TW", doc_type: "directive", number: Some("05"), symbol: Some("CT/TW"), canonical: Some("05-CT/TW"), ..Want::default() }),
        ("theo chỉ thị số 05-ct/tw của Bộ Chính trị.", Want { text: "chỉ thị số 05-ct/tw của Bộ Chính trị", doc_type: "directive", number: Some("05"), symbol: Some("ct/tw"), ..Want::default() }),
        ("Theo Chỉ thị số 05 - CT/TW.", Want { text: "Chỉ thị số 05 - CT/TW", doc_type: "directive", canonical: Some("05-CT/TW"), ..Want::default() }),
        ("Theo Chỉ thị số 05 – CT/TW.", Want { text: "Chỉ thị số 05 – CT/TW", doc_type: "directive", canonical: Some("05-CT/TW"), ..Want::default() }),
        ("Theo Chỉ thị số 05-CT/TƯ.", Want { text: "Chỉ thị số 05-CT/TƯ", doc_type: "directive", symbol: Some("CT/TƯ"), canonical: Some("05-CT/TW"), ..Want::default() }),
        ("Theo Nghị quyết số 18-NQ/TW ngày 25/10/2017.", Want { text: "Nghị quyết số 18-NQ/TW ngày 25/10/2017", doc_type: "resolution", number: Some("18"), date: Some("2017-10-25"), canonical: Some("18-NQ/TW"), ..Want::default() }),
        ("Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương.", Want { text: "Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương", doc_type: "regulation", symbol: Some("QĐi/TW"), issuer: Some("Ban Chấp hành Trung ương"), canonical: Some("08-QĐi/TW"), ..Want::default() }),
        ("Quy định số 144-QĐ/TW ngày 9/5/2024 của Bộ Chính trị.", Want { text: "Quy định số 144-QĐ/TW ngày 9/5/2024 của Bộ Chính trị", doc_type: "regulation", date: Some("2024-05-09"), canonical: Some("144-QĐ/TW"), ..Want::default() }),
        ("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị.", Want { text: "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị", doc_type: "conclusion", canonical: Some("01-KL/TW"), ..Want::default() }),
        ("Hướng dẫn số 36-HD/VPTW ngày 3/4/2018 của Văn phòng Trung ương Đảng.", Want { text: "Hướng dẫn số 36-HD/VPTW ngày 3/4/2018 của Văn phòng Trung ương Đảng", doc_type: "guideline", symbol: Some("HD/VPTW"), issuer: Some("Văn phòng Trung ương Đảng"), ..Want::default() }),
        ("Kế hoạch số 14-KH/TU của Ban Thường vụ Tỉnh ủy.", Want { text: "Kế hoạch số 14-KH/TU của Ban Thường vụ Tỉnh ủy", doc_type: "plan", symbol: Some("KH/TU"), issuer: Some("Ban Thường vụ Tỉnh ủy"), canonical: Some("14-KH/TU"), ..Want::default() }),
        ("Công văn số 858CV/ĐUK gửi các chi bộ.", Want { text: "Công văn số 858CV/ĐUK", doc_type: "official_letter", number: Some("858"), symbol: Some("CV/ĐUK"), canonical: Some("858-CV/ĐUK"), ..Want::default() }),
        ("Nghị quyết Số 01 - NQ/ĐUK của Đảng ủy Khối.", Want { text: "Nghị quyết Số 01 - NQ/ĐUK của Đảng ủy Khối", doc_type: "resolution", canonical: Some("01-NQ/ĐUK"), ..Want::default() }),
        ("Thông tri số 17-TT/TW của Ban Bí thư.", Want { text: "Thông tri số 17-TT/TW của Ban Bí thư", doc_type: "instruction", canonical: Some("17-TT/TW"), ..Want::default() }),
        ("Thông báo số 264-TB/TW của Bộ Chính trị.", Want { text: "Thông báo số 264-TB/TW của Bộ Chính trị", doc_type: "notice", canonical: Some("264-TB/TW"), ..Want::default() }),
        ("Quy chế số 10-QC/TU của Tỉnh ủy.", Want { text: "Quy chế số 10-QC/TU của Tỉnh ủy", doc_type: "rules", canonical: Some("10-QC/TU"), ..Want::default() }),
        ("Báo cáo số 565-BC/BTCTW ngày 27/11/2025.", Want { text: "Báo cáo số 565-BC/BTCTW ngày 27/11/2025", doc_type: "report", canonical: Some("565-BC/BTCTW"), ..Want::default() }),
        ("Chương trình số 10-CTr/TU của Tỉnh ủy.", Want { text: "Chương trình số 10-CTr/TU của Tỉnh ủy", doc_type: "program", canonical: Some("10-CTr/TU"), ..Want::default() }),
        ("Tờ trình số 291/TTr-CP ngày 02 tháng 5 năm 2025.", Want { text: "Tờ trình số 291/TTr-CP ngày 02 tháng 5 năm 2025", doc_type: "submission", date: Some("2025-05-02"), canonical: Some("291/TTr-CP"), ..Want::default() }),
        ("Biên bản số 05-BB/ĐU của Đảng ủy xã.", Want { text: "Biên bản số 05-BB/ĐU của Đảng ủy xã", doc_type: "minutes", canonical: Some("05-BB/ĐU"), ..Want::default() }),
        ("Đề án số 02-ĐA/TU của Tỉnh ủy.", Want { text: "Đề án số 02-ĐA/TU của Tỉnh ủy", doc_type: "scheme", canonical: Some("02-ĐA/TU"), ..Want::default() }),
        ("Quyết định số 219-QĐ/TU ngày 7/8/2025 của Ban Thường vụ Tỉnh ủy.", Want { text: "Quyết định số 219-QĐ/TU ngày 7/8/2025 của Ban Thường vụ Tỉnh ủy", doc_type: "decision", canonical: Some("219-QĐ/TU"), ..Want::default() }),
        ("Hướng dẫn 45/HD-BTCTW năm 2025 của Ban Tổ chức Trung ương.", Want { text: "Hướng dẫn 45/HD-BTCTW năm 2025 của Ban Tổ chức Trung ương", doc_type: "guideline", year: Some(2025), canonical: Some("45-HD/BTCTW"), ..Want::default() }),
        // plenum and term
        ("Thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.", Want { text: "Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng", doc_type: "resolution", plenum: Some(4), term: Some(12), issuer: Some("Trung ương"), canonical: Some("04-NQ/TW"), date: Some("2016-10-30"), ..Want::default() }),
        ("Nghị quyết Hội nghị Trung ương 4 khóa XII.", Want { text: "Nghị quyết Hội nghị Trung ương 4 khóa XII", doc_type: "resolution", plenum: Some(4), term: Some(12), ..Want::default() }),
        ("Nghị quyết Trung ương 4, khóa XII.", Want { text: "Nghị quyết Trung ương 4, khóa XII", doc_type: "resolution", plenum: Some(4), term: Some(12), ..Want::default() }),
        ("Nghị quyết Trung ương 3 (khóa VIII) về chiến lược cán bộ.", Want { text: "Nghị quyết Trung ương 3 (khóa VIII) về chiến lược cán bộ", doc_type: "resolution", plenum: Some(3), term: Some(8), ..Want::default() }),
        ("Nghị quyết TW4 khóa XII.", Want { text: "Nghị quyết TW4 khóa XII", doc_type: "resolution", plenum: Some(4), term: Some(12), ..Want::default() }),
        ("Nghị quyết T.Ư 4 khóa XII.", Want { text: "Nghị quyết T.Ư 4 khóa XII", doc_type: "resolution", plenum: Some(4), term: Some(12), ..Want::default() }),
        ("Kết luận số 21-KL/TW của Hội nghị Trung ương 4 khóa XIII.", Want { text: "Kết luận số 21-KL/TW của Hội nghị Trung ương 4 khóa XIII", doc_type: "conclusion", plenum: Some(4), term: Some(13), canonical: Some("21-KL/TW"), ..Want::default() }),
        ("Kết luận số 24-KL/TW của Bộ Chính trị khóa XI.", Want { text: "Kết luận số 24-KL/TW của Bộ Chính trị khóa XI", doc_type: "conclusion", issuer: Some("Bộ Chính trị"), term: Some(11), ..Want::default() }),
        ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.", Want { text: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", doc_type: "resolution", term: Some(13), issuer: Some("Đảng"), ..Want::default() }),
        ("Nghị quyết ngày 3 tháng 10 năm 1995 tại kỳ họp thứ Tám.", Want { text: "Nghị quyết ngày 3 tháng 10 năm 1995 tại kỳ họp thứ Tám", doc_type: "resolution", plenum: Some(8), date: Some("1995-10-03"), ..Want::default() }),
        // short forms and the registry
        ("Các chi bộ thực hiện Chỉ thị 05 của Bộ Chính trị về đẩy mạnh học tập.", Want { text: "Chỉ thị 05 của Bộ Chính trị về đẩy mạnh học tập", doc_type: "directive", number: Some("05"), issuer: Some("Bộ Chính trị"), canonical: Some("05-CT/TW"), date: Some("2016-05-15"), ..Want::default() }),
        ("Quy định số 28 ngày 26/3/2018 của Tỉnh ủy.", Want { text: "Quy định số 28 ngày 26/3/2018 của Tỉnh ủy", doc_type: "regulation", number: Some("28"), date: Some("2018-03-26"), issuer: Some("Tỉnh ủy"), ..Want::default() }),
        ("Quy định số 181 của Bộ Chính trị.", Want { text: "Quy định số 181 của Bộ Chính trị", doc_type: "regulation", canonical: Some("181-QĐ/TW"), ..Want::default() }),
        ("Nghị quyết 19 được ban hành.", Want { text: "Nghị quyết 19", doc_type: "resolution", number: Some("19"), ..Want::default() }),
        // State numbering
        ("Nghị định 30/2020/NĐ-CP về công tác văn thư.", Want { text: "Nghị định 30/2020/NĐ-CP về công tác văn thư", doc_type: "decree", number: Some("30"), symbol: Some("NĐ-CP"), year: Some(2020), canonical: Some("30/2020/NĐ-CP"), ..Want::default() }),
        ("Nghị định số 98/2023/NĐ-CP của Chính phủ.", Want { text: "Nghị định số 98/2023/NĐ-CP của Chính phủ", doc_type: "decree", issuer: Some("Chính phủ"), canonical: Some("98/2023/NĐ-CP"), ..Want::default() }),
        ("Nghị quyết số 30a/2008/NQ- CP của Chính phủ.", Want { text: "Nghị quyết số 30a/2008/NQ- CP của Chính phủ", doc_type: "resolution", number: Some("30a"), symbol: Some("NQ- CP"), canonical: Some("30a/2008/NQ-CP"), ..Want::default() }),
        ("Thông tư số 12/2023/TT-BTC của Bộ Tài chính.", Want { text: "Thông tư số 12/2023/TT-BTC của Bộ Tài chính", doc_type: "circular", canonical: Some("12/2023/TT-BTC"), issuer: Some("Bộ Tài chính"), ..Want::default() }),
        ("Thông tư liên tịch số 01/2005/TTLT-BNV-BTC ngày 05/01/2005.", Want { text: "Thông tư liên tịch số 01/2005/TTLT-BNV-BTC ngày 05/01/2005", doc_type: "joint_circular", canonical: Some("01/2005/TTLT-BNV-BTC"), ..Want::default() }),
        ("Quyết định số 187/QĐ-TTg của Thủ tướng Chính phủ.", Want { text: "Quyết định số 187/QĐ-TTg của Thủ tướng Chính phủ", doc_type: "decision", canonical: Some("187/QĐ-TTg"), issuer: Some("Thủ tướng Chính phủ"), ..Want::default() }),
        ("Quyết định số 05/QĐ-UBND ngày 3/1/2024.", Want { text: "Quyết định số 05/QĐ-UBND ngày 3/1/2024", doc_type: "decision", canonical: Some("05/QĐ-UBND"), ..Want::default() }),
        ("Nghị quyết số 11/NQ-HĐND ngày 6/7/2022 của HĐND huyện Bảo Lâm khóa VI.", Want { text: "Nghị quyết số 11/NQ-HĐND ngày 6/7/2022 của HĐND huyện Bảo Lâm khóa VI", doc_type: "resolution", issuer: Some("HĐND huyện Bảo Lâm"), term: Some(6), ..Want::default() }),
        ("Luật số 06/2022/QH15 có hiệu lực.", Want { text: "Luật số 06/2022/QH15", doc_type: "law", canonical: Some("06/2022/QH15"), year: Some(2022), ..Want::default() }),
        ("Bộ luật số 45/2019/QH14 quy định.", Want { text: "Bộ luật số 45/2019/QH14", doc_type: "code", canonical: Some("45/2019/QH14"), ..Want::default() }),
        ("Pháp lệnh số 02/2022/UBTVQH15.", Want { text: "Pháp lệnh số 02/2022/UBTVQH15", doc_type: "ordinance", canonical: Some("02/2022/UBTVQH15"), ..Want::default() }),
        ("Nghị quyết 81/2025/UBTVQH15 về sắp xếp.", Want { text: "Nghị quyết 81/2025/UBTVQH15 về sắp xếp", doc_type: "resolution", year: Some(2025), canonical: Some("81/2025/UBTVQH15"), ..Want::default() }),
        ("Sắc lệnh 64-SL năm 1945.", Want { text: "Sắc lệnh 64-SL năm 1945", doc_type: "presidential_decree", year: Some(1945), canonical: Some("64-SL"), ..Want::default() }),
        ("Sắc lệnh số 036/SL ngày 31/8/1959.", Want { text: "Sắc lệnh số 036/SL ngày 31/8/1959", doc_type: "presidential_decree", date: Some("1959-08-31"), canonical: Some("036/SL"), ..Want::default() }),
        ("Kế hoạch 188/KH-UBND năm 2025.", Want { text: "Kế hoạch 188/KH-UBND năm 2025", doc_type: "plan", year: Some(2025), canonical: Some("188/KH-UBND"), ..Want::default() }),
        ("Quyết định 40/2025/QĐ-TTg năm 2025.", Want { text: "Quyết định 40/2025/QĐ-TTg năm 2025", doc_type: "decision", year: Some(2025), canonical: Some("40/2025/QĐ-TTg"), ..Want::default() }),
        ("Nghị quyết số 299 NQ/TVQH (1966).", Want { text: "Nghị quyết số 299 NQ/TVQH (1966)", doc_type: "resolution", year: Some(1966), canonical: Some("299-NQ/TVQH"), ..Want::default() }),
        // dates in every written form
        ("Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.", Want { text: "Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị", doc_type: "directive", date: Some("2016-05-15"), ..Want::default() }),
        ("Chỉ thị số 05-CT/TW ngày 15-5-2016.", Want { text: "Chỉ thị số 05-CT/TW ngày 15-5-2016", doc_type: "directive", date: Some("2016-05-15"), ..Want::default() }),
        ("Quy định số 89-QĐ/TW ngày 4 tháng 8 năm 2017.", Want { text: "Quy định số 89-QĐ/TW ngày 4 tháng 8 năm 2017", doc_type: "regulation", date: Some("2017-08-04"), ..Want::default() }),
        ("Chỉ thị số 50-CT/TW, ngày\n23/7/2025 của Ban Bí thư.", Want { text: "Chỉ thị số 50-CT/TW, ngày\n23/7/2025 của Ban Bí thư", doc_type: "directive", date: Some("2025-07-23"), issuer: Some("Ban Bí thư"), ..Want::default() }),
        ("Quy định số 339-QĐ/TW của Ban Bí thư “Về sử dụng ứng dụng Sổ tay đảng viên điện tử”.", Want { text: "Quy định số 339-QĐ/TW của Ban Bí thư “Về sử dụng ứng dụng Sổ tay đảng viên điện tử”", doc_type: "regulation", issuer: Some("Ban Bí thư"), ..Want::default() }),
        // named documents
        ("Thi hành Điều lệ Đảng Cộng sản Việt Nam.", Want { text: "Điều lệ Đảng Cộng sản Việt Nam", doc_type: "charter", ..Want::default() }),
        ("Theo Điều lệ Đảng, đảng viên có quyền.", Want { text: "Điều lệ Đảng", doc_type: "charter", ..Want::default() }),
        ("Cương lĩnh chính trị của Đảng.", Want { text: "Cương lĩnh", doc_type: "platform", ..Want::default() }),
        ("Hiến pháp quy định.", Want { text: "Hiến pháp", doc_type: "constitution", ..Want::default() }),
        // bare symbols
        ("Thực hiện 05-CT/TW, các chi bộ họp.", Want { text: "05-CT/TW", doc_type: "directive", canonical: Some("05-CT/TW"), ..Want::default() }),
        ("Áp dụng 30/2020/NĐ-CP từ năm 2020.", Want { text: "30/2020/NĐ-CP", doc_type: "decree", canonical: Some("30/2020/NĐ-CP"), ..Want::default() }),
        // misspelt type words
        ("Thực hiện Chị thị 05 của Bộ Chính trị.", Want { text: "Chị thị 05 của Bộ Chính trị", doc_type: "directive", canonical: Some("05-CT/TW"), ..Want::default() }),
        ("Theo Nghi quyết số 18-NQ/TW.", Want { text: "Nghi quyết số 18-NQ/TW", doc_type: "resolution", ..Want::default() }),
        // normalisation: NFD, Ð, old tone placement
        ("Theo Quy\u{301} định số 08-Q\u{00D0}i/TW.", Want { text: "Quy\u{301} định số 08-Q\u{00D0}i/TW", doc_type: "regulation", symbol: Some("QĐi/TW"), canonical: Some("08-QĐi/TW"), ..Want::default() }),
    ];
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(s, w)| check(s, w).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn both_references_of_a_joined_pair() {
    let got = refs("Nghị quyết số 18-NQ/TW và 19-NQ/TW của Ban Chấp hành Trung ương.");
    let canon: Vec<_> = got
        .iter()
        .map(|(_, d)| d.canonical.clone().unwrap_or_default())
        .collect();
    assert_eq!(canon, vec!["18-NQ/TW", "19-NQ/TW"]);
}

#[test]
fn a_list_shares_its_type_word() {
    let got = refs("Thực hiện Chỉ thị 05, 10 và 15 của Tỉnh ủy.");
    let found: Vec<_> = got
        .iter()
        .map(|(t, d)| (t.as_str(), d.doc_type.as_str(), d.number.as_deref()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("Chỉ thị 05", "directive", Some("05")),
            ("10", "directive", Some("10")),
            ("15", "directive", Some("15"))
        ]
    );
    // a number after an unrelated clause is no reference
    assert_eq!(refs("Theo Chỉ thị 05, tỉnh có 10 và 15 xã.").len(), 1);
}

#[test]
fn generic_mentions_are_no_references() {
    for s in [
        "Quán triệt các nghị quyết của Đảng.",
        "Luật Đất đai quy định rõ.",
        "theo luật 7 người được mời.",
        "Chỉ thị này được quán triệt.",
        "Nghị quyết nêu trên đã đi vào cuộc sống.",
    ] {
        assert_eq!(refs(s), vec![], "{s}");
    }
}

#[test]
fn a_percentage_is_no_document_number() {
    // the whole part of "14,58%" is no plan number; the percentage stands
    let text = "luôn vượt chỉ tiêu kế hoạch 14,58%, trong đó khu vực kinh tế quốc doanh tăng.";
    assert_eq!(refs(text), vec![], "{text}");
    let out = baocao::extract(text);
    assert!(
        out.records
            .iter()
            .any(|r| matches!(&r.data, RecordData::Percentage(p) if p.value == 14.58)),
        "{:?}",
        out.records
    );
    for s in ["Chỉ thị 05, 14,5 %", "Kế hoạch 14.58%"] {
        assert!(
            refs(s)
                .iter()
                .all(|(_, d)| d.number.as_deref() != Some("14")),
            "{s}"
        );
    }
    // numbers on the same separators that are no percentage are still read
    for (s, number) in [
        (
            "Chính phủ đã ban hành Nghị quyết số 66.7/2025/NQ-CP ngày 15 tháng 11 năm 2025.",
            "66",
        ),
        ("trao quyết định số 98,99/QĐ-VKSTC ngày 9/6/2015.", "98"),
        ("Nghị quyết 59, 70, 71,72 về công tác đối ngoại.", "71"),
    ] {
        assert!(
            refs(s)
                .iter()
                .any(|(_, d)| d.number.as_deref() == Some(number)),
            "{s}: {:?}",
            refs(s)
        );
    }
}

#[test]
fn a_misspelt_type_word_is_read_and_reported() {
    let out = baocao::extract("Thực hiện Chị thị 05 của Bộ Chính trị.");
    let RecordData::DocumentRef(d) = &out.records[0].data else {
        panic!("{:?}", out.records);
    };
    assert_eq!(d.corrected_from.as_deref(), Some("Chị thị"));
    assert!(out
        .diagnostics
        .iter()
        .any(|g| g.code == baocao::Code::CorrectedTypeWord));
}

#[test]
fn ambiguous_short_forms_stay_unresolved_and_are_reported() {
    let out = baocao::extract("Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị.");
    let RecordData::DocumentRef(d) = &out.records[0].data else {
        panic!("{:?}", out.records);
    };
    assert_eq!(d.date, None);
    assert!(out
        .diagnostics
        .iter()
        .any(|g| g.code == baocao::Code::AmbiguousReference));
}

#[test]
fn a_date_outside_the_written_term_is_a_failed_check() {
    let out = baocao::extract(
        "Nghị quyết số 04-NQ/TW ngày 30/10/2012 của Hội nghị Trung ương 4 khóa XII.",
    );
    let c = out
        .checks
        .iter()
        .find(|c| c.check == baocao::CheckKind::Date)
        .expect("a date check");
    assert_eq!((c.expected, c.found, c.ok), (12.0, 11.0, false));
    let out = baocao::extract(
        "Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Hội nghị Trung ương 4 khóa XII.",
    );
    assert!(out.checks.iter().all(|c| c.ok));
}

const PARTY_TYPES: &[(&str, &str, &str)] = &[
    ("Chỉ thị", "CT", "directive"),
    ("Nghị quyết", "NQ", "resolution"),
    ("Kết luận", "KL", "conclusion"),
    ("Hướng dẫn", "HD", "guideline"),
    ("Quy định", "QĐ", "regulation"),
    ("Kế hoạch", "KH", "plan"),
    ("Thông báo", "TB", "notice"),
];
const ISSUERS: &[(&str, &str)] = &[
    ("TW", "Bộ Chính trị"),
    ("TU", "Tỉnh ủy"),
    ("HU", "Huyện ủy"),
    ("ĐUK", "Đảng ủy Khối"),
];

proptest! {
    #[test]
    fn a_rendered_reference_is_read_back(
        t in 0..PARTY_TYPES.len(), i in 0..ISSUERS.len(), n in 1u32..999, zero in any::<bool>(),
        with_so in any::<bool>(), style in 0usize..3, date in prop::option::of((1u32..=28, 1u32..=12, 1990i32..2030)),
        with_issuer in any::<bool>(),
    ) {
        let (word, code, doc_type) = PARTY_TYPES[t];
        let (suffix, issuer) = ISSUERS[i];
        let number = if zero && n < 10 { format!("0{n}") } else { n.to_string() };
        let symbol = format!("{code}/{suffix}");
        let written_number = match style {
            0 => format!("{number}-{symbol}"),
            1 => format!("{number} - {symbol}"),
            _ => format!("{number} – {symbol}"),
        };
        let mut reference = format!("{word} {}{written_number}", if with_so { "số " } else { "" });
        if let Some((d, m, y)) = date {
            reference.push_str(&format!(" ngày {d}/{m}/{y}"));
        }
        if with_issuer {
            reference.push_str(&format!(" của {issuer}"));
        }
        let text = format!("Các chi bộ quán triệt {reference}, báo cáo kết quả.");
        let got = refs(&text);
        prop_assert_eq!(got.len(), 1, "{:?}", got);
        let (t, d) = &got[0];
        prop_assert_eq!(t, &reference);
        prop_assert_eq!(&d.doc_type, doc_type);
        prop_assert_eq!(d.number.as_deref(), Some(number.as_str()));
        prop_assert_eq!(d.symbol.as_deref(), Some(symbol.as_str()));
        prop_assert_eq!(d.canonical.clone(), Some(format!("{number}-{symbol}").into()));
        if let Some((dd, mm, yy)) = date {
            prop_assert_eq!(d.date.clone(), Some(format!("{yy:04}-{mm:02}-{dd:02}").into()));
        }
        if with_issuer {
            prop_assert_eq!(d.issuer.as_deref(), Some(issuer));
        }
    }

    #[test]
    fn a_rendered_state_number_is_read_back(n in 1u32..2000, y in 1990i32..2030, k in 0usize..4) {
        let (word, code, doc_type) = [("Nghị định", "NĐ-CP", "decree"), ("Thông tư", "TT-BTC", "circular"), ("Quyết định", "QĐ-TTg", "decision"), ("Nghị quyết", "NQ-CP", "resolution")][k];
        let reference = format!("{word} số {n}/{y}/{code}");
        let got = refs(&format!("Căn cứ {reference} của cơ quan có thẩm quyền."));
        prop_assert_eq!(got.len(), 1);
        let d = &got[0].1;
        prop_assert_eq!(&d.doc_type, doc_type);
        prop_assert_eq!(d.year, Some(y));
        prop_assert_eq!(d.canonical.clone(), Some(format!("{n}/{y}/{code}").into()));
    }
}
