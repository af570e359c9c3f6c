//! The `percentage` grammar through the public API: both word orders, every
//! approximation word, "phần trăm", "từ … trở lên", subjects present and absent, and
//! the rate check on a share above 100 %.

use baocao::{extract, Approx, CheckKind, Percentage, RecordData, RecordKind};

mod support;
use support::{checks_of, records_of};

/// Percentages only.
fn percentages(text: &str) -> Vec<(String, Percentage)> {
    records_of(&[RecordKind::Percentage], text)
        .into_iter()
        .map(|r| match r.data {
            RecordData::Percentage(p) => (r.text.into(), p),
            other => panic!("not a percentage: {other:?}"),
        })
        .collect()
}

/// One expected record: text, value, approx, subject.
type Row = (&'static str, f64, Approx, Option<&'static str>);

/// (sentence, the one percentage it holds)
const FORWARD: &[(&str, Row)] = &[
    (
        "Có 98% đảng viên hoàn thành tốt nhiệm vụ.",
        ("98% đảng viên", 98.0, Approx::Exact, Some("đảng viên")),
    ),
    (
        "Đạt 98,5% kế hoạch năm.",
        (
            "98,5% kế hoạch năm",
            98.5,
            Approx::Exact,
            Some("kế hoạch năm"),
        ),
    ),
    (
        "Tăng 0,4 % so với cùng kỳ.",
        ("0,4 %", 0.4, Approx::Exact, None),
    ),
    (
        "Có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.",
        (
            "trên 90% tổ chức cơ sở đảng",
            90.0,
            Approx::MoreThan,
            Some("tổ chức cơ sở đảng"),
        ),
    ),
    (
        "Có hơn 97% đảng viên được đánh giá.",
        (
            "hơn 97% đảng viên",
            97.0,
            Approx::MoreThan,
            Some("đảng viên"),
        ),
    ),
    (
        "Có gần 100% hộ gia đình đăng ký gia đình văn hóa.",
        (
            "gần 100% hộ gia đình",
            100.0,
            Approx::Nearly,
            Some("hộ gia đình"),
        ),
    ),
    (
        "Có khoảng 60% cán bộ là nữ.",
        ("khoảng 60% cán bộ", 60.0, Approx::About, Some("cán bộ")),
    ),
    (
        "Chừng 30% hội viên tham gia.",
        ("Chừng 30% hội viên", 30.0, Approx::About, Some("hội viên")),
    ),
    (
        "Xấp xỉ 45% thanh niên tham gia.",
        (
            "Xấp xỉ 45% thanh niên",
            45.0,
            Approx::About,
            Some("thanh niên"),
        ),
    ),
    (
        "Còn dưới 5% hộ nghèo.",
        ("dưới 5% hộ nghèo", 5.0, Approx::LessThan, Some("hộ nghèo")),
    ),
    (
        "Chưa đến 3% đảng viên vi phạm.",
        (
            "Chưa đến 3% đảng viên",
            3.0,
            Approx::LessThan,
            Some("đảng viên"),
        ),
    ),
    (
        "Phải có ít nhất 20% công chức hưởng lương từ ngân sách.",
        (
            "ít nhất 20% công chức hưởng lương",
            20.0,
            Approx::AtLeast,
            Some("công chức hưởng lương"),
        ),
    ),
    (
        "Tối thiểu 10% đơn vị sự nghiệp tự chủ.",
        (
            "Tối thiểu 10% đơn vị sự nghiệp tự chủ",
            10.0,
            Approx::AtLeast,
            Some("đơn vị sự nghiệp tự chủ"),
        ),
    ),
    (
        "Không quá 25% đảng viên được xếp loại xuất sắc.",
        (
            "Không quá 25% đảng viên",
            25.0,
            Approx::AtMost,
            Some("đảng viên"),
        ),
    ),
    (
        "Tối đa 15% kinh phí dành cho hội nghị.",
        (
            "Tối đa 15% kinh phí",
            15.0,
            Approx::AtMost,
            Some("kinh phí"),
        ),
    ),
    (
        "Có từ 50% trở lên số đảng viên tán thành.",
        (
            "từ 50% trở lên số đảng viên",
            50.0,
            Approx::AtLeast,
            Some("số đảng viên"),
        ),
    ),
    (
        "Chi bộ có từ 30% trở xuống đảng viên trẻ.",
        (
            "từ 30% trở xuống đảng viên trẻ",
            30.0,
            Approx::AtMost,
            Some("đảng viên trẻ"),
        ),
    ),
    (
        "Đã có 75 phần trăm đại biểu tán thành.",
        (
            "75 phần trăm đại biểu",
            75.0,
            Approx::Exact,
            Some("đại biểu"),
        ),
    ),
    (
        "Có hơn năm mươi phần trăm cử tri tán thành.",
        (
            "hơn năm mươi phần trăm cử tri",
            50.0,
            Approx::MoreThan,
            Some("cử tri"),
        ),
    ),
    // subject absent: a verb or punctuation follows
    (
        "Có 100% thi hành kỷ luật.",
        ("100%", 100.0, Approx::Exact, None),
    ),
    (
        "Kết quả đạt 77,8%, chưa đạt yêu cầu.",
        ("77,8%", 77.8, Approx::Exact, None),
    ),
    // a list of nouns
    (
        "Có 100% thôn, tổ dân phố có chi bộ.",
        (
            "100% thôn, tổ dân phố",
            100.0,
            Approx::Exact,
            Some("thôn, tổ dân phố"),
        ),
    ),
    (
        "Có 98% cơ quan, đơn vị hoàn thành.",
        (
            "98% cơ quan, đơn vị",
            98.0,
            Approx::Exact,
            Some("cơ quan, đơn vị"),
        ),
    ),
    // a hard-wrapped line goes on in lower case
    (
        "Phấn đấu 100% cơ sở cai\nnghiện ma túy công lập bảo đảm điều kiện.",
        (
            "100% cơ sở cai\nnghiện ma túy công lập",
            100.0,
            Approx::Exact,
            Some("cơ sở cai nghiện ma túy công lập"),
        ),
    ),
];

/// (sentence, the one percentage it holds)
const REVERSE: &[(&str, Row)] = &[
    (
        "Năm 2023, tỷ lệ đảng viên trẻ đạt 98%.",
        (
            "tỷ lệ đảng viên trẻ đạt 98%",
            98.0,
            Approx::Exact,
            Some("đảng viên trẻ"),
        ),
    ),
    (
        "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 92,3%.",
        (
            "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 92,3%",
            92.3,
            Approx::Exact,
            Some("tổ chức cơ sở đảng"),
        ),
    ),
    (
        "Tỉ lệ hộ nghèo toàn huyện là 45%.",
        (
            "Tỉ lệ hộ nghèo toàn huyện là 45%",
            45.0,
            Approx::Exact,
            Some("hộ nghèo toàn huyện"),
        ),
    ),
    (
        "Tỷ lệ cán bộ, đảng viên nữ chiếm 41,6%.",
        (
            "Tỷ lệ cán bộ, đảng viên nữ chiếm 41,6%",
            41.6,
            Approx::Exact,
            Some("cán bộ, đảng viên nữ"),
        ),
    ),
    (
        "Tỷ lệ phiếu biểu quyết trên 90%.",
        (
            "Tỷ lệ phiếu biểu quyết trên 90%",
            90.0,
            Approx::MoreThan,
            Some("phiếu biểu quyết"),
        ),
    ),
    (
        "Tỷ lệ đảng viên dự sinh hoạt đạt hơn 95%.",
        (
            "Tỷ lệ đảng viên dự sinh hoạt đạt hơn 95%",
            95.0,
            Approx::MoreThan,
            Some("đảng viên dự sinh hoạt"),
        ),
    ),
    (
        "Tỷ lệ hộ dùng nước sạch đạt gần 100%.",
        (
            "Tỷ lệ hộ dùng nước sạch đạt gần 100%",
            100.0,
            Approx::Nearly,
            Some("hộ dùng nước sạch"),
        ),
    ),
    (
        "Tỷ lệ các dân tộc thiểu số chiếm khoảng 9%.",
        (
            "Tỷ lệ các dân tộc thiểu số chiếm khoảng 9%",
            9.0,
            Approx::About,
            Some("các dân tộc thiểu số"),
        ),
    ),
    (
        "Tỷ lệ bao phủ bảo hiểm y tế dưới 80%.",
        (
            "Tỷ lệ bao phủ bảo hiểm y tế dưới 80%",
            80.0,
            Approx::LessThan,
            Some("bao phủ bảo hiểm y tế"),
        ),
    ),
    (
        "Tỷ lệ cấp ủy viên nữ từ 15% trở lên.",
        (
            "Tỷ lệ cấp ủy viên nữ từ 15% trở lên",
            15.0,
            Approx::AtLeast,
            Some("cấp ủy viên nữ"),
        ),
    ),
    (
        "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá 20%.",
        (
            "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá 20%",
            20.0,
            Approx::AtMost,
            Some("đảng viên"),
        ),
    ),
    (
        "Tỷ lệ hộ nghèo giảm xuống còn 2,5%.",
        (
            "Tỷ lệ hộ nghèo giảm xuống còn 2,5%",
            2.5,
            Approx::Exact,
            Some("hộ nghèo"),
        ),
    ),
    (
        "Tỷ lệ đô thị hóa tính đến năm 2022 đạt 35,6%.",
        (
            "Tỷ lệ đô thị hóa tính đến năm 2022 đạt 35,6%",
            35.6,
            Approx::Exact,
            Some("đô thị hóa"),
        ),
    ),
    (
        "Tỷ lệ lao động qua đào tạo đạt sáu mươi phần trăm.",
        (
            "Tỷ lệ lao động qua đào tạo đạt sáu mươi phần trăm",
            60.0,
            Approx::Exact,
            Some("lao động qua đào tạo"),
        ),
    ),
    (
        "Tỷ lệ đảng viên trẻ dưới 35 tuổi chiếm khoảng 28%.",
        (
            "Tỷ lệ đảng viên trẻ dưới 35 tuổi chiếm khoảng 28%",
            28.0,
            Approx::About,
            Some("đảng viên trẻ"),
        ),
    ),
    (
        "Tỷ lệ lao động qua đào tạo từ sơ cấp trở lên đạt 70%.",
        (
            "Tỷ lệ lao động qua đào tạo từ sơ cấp trở lên đạt 70%",
            70.0,
            Approx::Exact,
            Some("lao động qua đào tạo"),
        ),
    ),
    (
        "Tỷ lệ phiếu bầu 97,7 %.",
        (
            "Tỷ lệ phiếu bầu 97,7 %",
            97.7,
            Approx::Exact,
            Some("phiếu bầu"),
        ),
    ),
    // subject absent: a verb, or a word that points back, comes first
    (
        "Nghị quyết được thông qua với tỷ lệ tán thành 94,79%.",
        ("tỷ lệ tán thành 94,79%", 94.79, Approx::Exact, None),
    ),
    (
        "Tỷ lệ này tối thiểu là 35%.",
        ("Tỷ lệ này tối thiểu là 35%", 35.0, Approx::Exact, None),
    ),
    (
        "Tỷ lệ của cả nước là 46%.",
        ("Tỷ lệ của cả nước là 46%", 46.0, Approx::Exact, None),
    ),
];

fn check_table(table: &[(&str, Row)]) {
    for &(sentence, (text, value, approx, subject)) in table {
        let found = percentages(sentence);
        assert_eq!(found.len(), 1, "{sentence}: {found:#?}");
        let (t, p) = &found[0];
        assert_eq!(t, text, "{sentence}");
        assert_eq!(p.value, value, "{sentence}");
        assert_eq!(p.approx, approx, "{sentence}");
        assert_eq!(p.subject.as_deref(), subject, "{sentence}");
    }
}

#[test]
fn forward_order() {
    check_table(FORWARD);
}

#[test]
fn reverse_order() {
    check_table(REVERSE);
}

#[test]
fn reverse_order_spans_are_exact_in_nfd_text() {
    let text = "Ty\u{309} lê\u{323} đa\u{309}ng viên tre\u{309} đa\u{323}t 98%.";
    let out = extract(text);
    assert_eq!(out.records.len(), 1);
    let r = &out.records[0];
    assert_eq!(&text[r.span.range()], r.text);
    assert!(r.text.ends_with("98%"));
    match &r.data {
        RecordData::Percentage(p) => assert_eq!(p.subject.as_deref(), Some("đảng viên trẻ")),
        other => panic!("{other:?}"),
    }
}

/// Reverse-order phrases that are read in the forward order (from the number), or
/// not at all.
#[test]
fn reverse_order_refusals() {
    for (sentence, texts) in [
        // "tỷ lệ N%": the number alone
        ("Đạt tỷ lệ 65% so với năm trước.", vec!["65%"]),
        ("Tỷ lệ là 75%.", vec!["75%"]),
        // a change of the share, not the share
        ("Tỷ lệ hộ nghèo giảm 2,5%.", vec!["2,5%"]),
        ("Tỷ lệ hộ nghèo năm nay tăng thêm 1%.", vec!["1%"]),
        // the start of a range
        ("Tỷ lệ hội viên từ 40% lên 60%.", vec!["40%", "60%"]),
        // another number in the phrase
        ("Tỷ lệ 3 xã đạt 90%.", vec!["90%"]),
        // the clause ends before the number
        ("Tỷ lệ hộ nghèo còn cao, khoảng 12%.", vec!["khoảng 12%"]),
        ("Tỷ lệ đảng viên trẻ còn thấp.", vec![]),
    ] {
        let found: Vec<String> = percentages(sentence).into_iter().map(|(t, _)| t).collect();
        assert_eq!(found, texts, "{sentence}");
    }
}

#[test]
fn registrations_keep_their_rate() {
    let out = extract("Hằng năm, 100% cán bộ, đảng viên đăng ký cam kết tu dưỡng, rèn luyện.");
    assert!(out
        .records
        .iter()
        .all(|r| !matches!(r.data, RecordData::Percentage(_))));
    let out = extract("Có 4.812 đảng viên ký cam kết tu dưỡng, đạt 99,4%.");
    assert!(out
        .records
        .iter()
        .all(|r| !matches!(r.data, RecordData::Percentage(_))));
}

#[test]
fn a_share_above_100_is_a_rate_check() {
    for (sentence, checked) in [
        ("Tỷ lệ đảng viên trẻ đạt 120%.", true),
        ("Năm 2023 đạt tỷ lệ 120% đảng viên.", true),
        ("Tỷ lệ đảng viên trẻ đạt 98%.", false),
        // more than a target is an overfulfilment, not a share
        ("Tỷ lệ giải ngân đạt 114,7% kế hoạch.", false),
        ("Tỷ lệ thu ngân sách đạt 120% so với cùng kỳ.", false),
        // a percentage without "tỷ lệ" may be a growth
        ("Doanh thu đạt 130% kế hoạch.", false),
        ("Thu ngân sách bằng 125%.", false),
    ] {
        let out = extract(sentence);
        let rate = checks_of(&out, CheckKind::Rate);
        if checked {
            assert_eq!(rate.len(), 1, "{sentence}: {:#?}", out.checks);
            assert!(!rate[0].ok);
            assert_eq!(rate[0].expected, 100.0);
            assert!(rate[0].found > 100.0);
            assert!(matches!(
                out.records[rate[0].total].data,
                RecordData::Percentage(_)
            ));
        } else {
            assert!(rate.is_empty(), "{sentence}: {:#?}", out.checks);
        }
    }
}

#[test]
fn no_share_starts_inside_a_number() {
    // a number glued to the word before it is refused whole; its decimal part alone
    // is no share ("13,82%" is not 82 %, "10,4%" is not 4 %)
    for text in [
        "Kim ngạch xuất khẩu tăng13,82% so với năm trước.",
        "Có 25 nữ (tương đương10,4% cán bộ của xã).",
    ] {
        let found = percentages(text);
        assert!(
            found.iter().all(|(_, p)| p.value > 10.0),
            "{text}: {found:?}"
        );
    }
    // a number that stands alone is still read whole
    let found = percentages("Tăng trưởng đạt 13,82% so với năm trước.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1.value, 13.82);
}
