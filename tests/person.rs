//! The `person` grammar through the public API: surface forms (both orders, chained
//! titles, each honorific, given names, foreign leaders, ranks), refusals (places,
//! organisations, sentence-initial capitals, titles without a name), and the data
//! tables the grammar ships.

use baocao::{CompactString, Person, RecordData, RecordKind};
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

#[allow(dead_code)]
#[path = "../src/grammar/person/tables.rs"]
mod tables;

mod support;
use support::records_of;

/// Person records only: (text, record).
fn people(text: &str) -> Vec<(String, Person)> {
    records_of(&[RecordKind::Person], text)
        .into_iter()
        .map(|r| match r.data {
            RecordData::Person(p) => (r.text.into(), p),
            other => panic!("not a person: {other:?}"),
        })
        .collect()
}

/// (sentence, text, name, honorific, title)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

const TABLE: &[Row] = &[
    // honorific, name, title after a comma
    (
        "Đồng chí Hứa Tân Hưng, Bí thư Đảng ủy Trường Chính trị tỉnh cho rằng việc nêu gương đã thành nền nếp.",
        "Đồng chí Hứa Tân Hưng, Bí thư Đảng ủy Trường Chính trị tỉnh",
        "Hứa Tân Hưng",
        Some("đồng chí"),
        Some("Bí thư Đảng ủy Trường Chính trị tỉnh"),
    ),
    (
        "Theo đồng chí Đặng Đình Chung, Bí thư Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh, Đảng bộ Khối có 91 tổ chức cơ sở đảng.",
        "đồng chí Đặng Đình Chung, Bí thư Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh",
        "Đặng Đình Chung",
        Some("đồng chí"),
        Some("Bí thư Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh"),
    ),
    // chained titles
    (
        "Dự hội nghị có đồng chí Lê Văn Sơn, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy.",
        "đồng chí Lê Văn Sơn, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy",
        "Lê Văn Sơn",
        Some("đồng chí"),
        Some("Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy"),
    ),
    (
        "Ông Nguyễn Văn Thiện, nguyên Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy Bình Định. Ảnh: Internet",
        "Ông Nguyễn Văn Thiện, nguyên Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy Bình Định",
        "Nguyễn Văn Thiện",
        Some("ông"),
        Some("nguyên Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy Bình Định"),
    ),
    // dash, en dash, parenthesis
    (
        "Ông Trần Văn B - Chủ tịch UBND huyện phát biểu.",
        "Ông Trần Văn B - Chủ tịch UBND huyện",
        "Trần Văn B",
        Some("ông"),
        Some("Chủ tịch UBND huyện"),
    ),
    (
        "Đồng chí Trần Sinh Toàn – Bí thư Huyện ủy chủ trì hội nghị.",
        "Đồng chí Trần Sinh Toàn – Bí thư Huyện ủy",
        "Trần Sinh Toàn",
        Some("đồng chí"),
        Some("Bí thư Huyện ủy"),
    ),
    (
        "theo giải thích của ông Nguyễn Hạnh Phúc (Tổng thư ký Quốc hội khóa XIV, Ủy viên Đảng bộ Quốc hội) thì",
        "ông Nguyễn Hạnh Phúc (Tổng thư ký Quốc hội khóa XIV, Ủy viên Đảng bộ Quốc hội)",
        "Nguyễn Hạnh Phúc",
        Some("ông"),
        Some("Tổng thư ký Quốc hội khóa XIV, Ủy viên Đảng bộ Quốc hội"),
    ),
    // the body a unit belongs to
    (
        "Đồng chí Nguyễn Đức Hà, nguyên Vụ trưởng Vụ Cơ sở đảng, Ban Tổ chức Trung ương cho rằng",
        "Đồng chí Nguyễn Đức Hà, nguyên Vụ trưởng Vụ Cơ sở đảng, Ban Tổ chức Trung ương",
        "Nguyễn Đức Hà",
        Some("đồng chí"),
        Some("nguyên Vụ trưởng Vụ Cơ sở đảng, Ban Tổ chức Trung ương"),
    ),
    // each honorific
    (
        "Phát biểu tại buổi lễ, bà Lê Thị Hạnh, Bí thư Đảng ủy xã cảm ơn.",
        "bà Lê Thị Hạnh, Bí thư Đảng ủy xã",
        "Lê Thị Hạnh",
        Some("bà"),
        Some("Bí thư Đảng ủy xã"),
    ),
    (
        "Gia đình anh Nguyễn Văn Nam ở thôn 3 được hỗ trợ.",
        "anh Nguyễn Văn Nam",
        "Nguyễn Văn Nam",
        Some("anh"),
        None,
    ),
    (
        "Hoàn cảnh của chị Phạm Thị Lan rất khó khăn.",
        "chị Phạm Thị Lan",
        "Phạm Thị Lan",
        Some("chị"),
        None,
    ),
    (
        "Hội nghị do đ/c Phạm Văn Lợi chủ trì.",
        "đ/c Phạm Văn Lợi",
        "Phạm Văn Lợi",
        Some("đồng chí"),
        None,
    ),
    (
        "Theo PGS.TS Nguyễn Văn Minh, việc này cần thiết.",
        "PGS.TS Nguyễn Văn Minh",
        "Nguyễn Văn Minh",
        Some("pgs.ts"),
        None,
    ),
    (
        "GS. Trần Văn Giàu là nhà sử học.",
        "GS. Trần Văn Giàu",
        "Trần Văn Giàu",
        Some("gs"),
        None,
    ),
    // markdown emphasis
    (
        "Ông kết hôn với Bà **Nguyễn Thị Yến**, sinh 1924.",
        "Bà **Nguyễn Thị Yến**",
        "Nguyễn Thị Yến",
        Some("bà"),
        None,
    ),
    // a given name alone after an honorific
    (
        "\"Nhu cầu rất lớn\", ông Hùng nói.",
        "ông Hùng",
        "Hùng",
        Some("ông"),
        None,
    ),
    (
        "Sau đó, ông Lợi cho biết thêm.",
        "ông Lợi",
        "Lợi",
        Some("ông"),
        None,
    ),
    (
        "Theo bà Yến, quỹ nhà ở còn thiếu.",
        "bà Yến",
        "Yến",
        Some("bà"),
        None,
    ),
    // title, then name
    (
        "Bí thư Quận ủy Nguyễn Hoài Nam cho biết Đảng bộ quận đã hoàn thành.",
        "Bí thư Quận ủy Nguyễn Hoài Nam",
        "Nguyễn Hoài Nam",
        None,
        Some("Bí thư Quận ủy"),
    ),
    (
        "Ngày 7-2, Bí thư Thành ủy TP HCM Đinh La Thăng dẫn đầu đoàn công tác.",
        "Bí thư Thành ủy TP HCM Đinh La Thăng",
        "Đinh La Thăng",
        None,
        Some("Bí thư Thành ủy TP HCM"),
    ),
    (
        "Phó Bí thư Thường trực Huyện ủy Cẩm Mỹ Vũ Thanh Tùng cho biết, nhiệm kỳ qua",
        "Phó Bí thư Thường trực Huyện ủy Cẩm Mỹ Vũ Thanh Tùng",
        "Vũ Thanh Tùng",
        None,
        Some("Phó Bí thư Thường trực Huyện ủy Cẩm Mỹ"),
    ),
    (
        "Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn A phát biểu.",
        "Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn A",
        "Nguyễn Văn A",
        None,
        Some("Phó Bí thư Thường trực Tỉnh ủy"),
    ),
    (
        "Chủ tịch UBND quận 2 Nguyễn Phước Hưng kiến nghị TP tăng cường.",
        "Chủ tịch UBND quận 2 Nguyễn Phước Hưng",
        "Nguyễn Phước Hưng",
        None,
        Some("Chủ tịch UBND quận 2"),
    ),
    (
        "Chủ tịch Liên đoàn Lao động thành phố Trần Kim Yến đề nghị.",
        "Chủ tịch Liên đoàn Lao động thành phố Trần Kim Yến",
        "Trần Kim Yến",
        None,
        Some("Chủ tịch Liên đoàn Lao động thành phố"),
    ),
    (
        "Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng đã báo cáo.",
        "Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng",
        "Nguyễn Chí Dũng",
        None,
        Some("Bộ trưởng Bộ Kế hoạch và Đầu tư"),
    ),
    (
        "Chủ tịch UBND tỉnh Lâm Đồng Trần Văn Hiệp ký quyết định.",
        "Chủ tịch UBND tỉnh Lâm Đồng Trần Văn Hiệp",
        "Trần Văn Hiệp",
        None,
        Some("Chủ tịch UBND tỉnh Lâm Đồng"),
    ),
    (
        "Thay mặt Bộ Chính trị, Thường trực Ban Bí thư Trần Cẩm Tú đã ký Kết luận.",
        "Thường trực Ban Bí thư Trần Cẩm Tú",
        "Trần Cẩm Tú",
        None,
        Some("Thường trực Ban Bí thư"),
    ),
    (
        "Tổng Bí thư Tô Lâm nhấn mạnh yêu cầu tinh gọn bộ máy.",
        "Tổng Bí thư Tô Lâm",
        "Tô Lâm",
        None,
        Some("Tổng Bí thư"),
    ),
    // chained titles before the name
    (
        "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Đinh Tiến Dũng phát biểu.",
        "Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Đinh Tiến Dũng",
        "Đinh Tiến Dũng",
        None,
        Some("Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội"),
    ),
    // honorific, title, name
    (
        "Ban Bí thư đã họp dưới sự chủ trì của đồng chí Tổng Bí thư Nguyễn Phú Trọng để xem xét.",
        "đồng chí Tổng Bí thư Nguyễn Phú Trọng",
        "Nguyễn Phú Trọng",
        Some("đồng chí"),
        Some("Tổng Bí thư"),
    ),
    // title, honorific, name
    (
        "Năm 2015, Tổng bí thư Đảng Cộng sản Việt Nam, ông Nguyễn Phú Trọng phát biểu rằng",
        "Tổng bí thư Đảng Cộng sản Việt Nam, ông Nguyễn Phú Trọng",
        "Nguyễn Phú Trọng",
        Some("ông"),
        Some("Tổng bí thư Đảng Cộng sản Việt Nam"),
    ),
    // ranks
    (
        "Thượng tướng Lương Tam Quang dự lễ.",
        "Thượng tướng Lương Tam Quang",
        "Lương Tam Quang",
        None,
        Some("Thượng tướng"),
    ),
    (
        "Đại tá Nguyễn Đăng Thuận, Bí thư Đảng ủy, Giám đốc Công ty trao quà.",
        "Đại tá Nguyễn Đăng Thuận, Bí thư Đảng ủy, Giám đốc Công ty",
        "Nguyễn Đăng Thuận",
        None,
        Some("Đại tá, Bí thư Đảng ủy, Giám đốc Công ty"),
    ),
    // name, then titles (lists of officers)
    (
        "- Đào Trọng Lịch, Trung tướng, Tổng tham mưu trưởng Quân đội nhân dân Việt Nam, Thứ trưởng Bộ Quốc phòng (Khóa 1961-1964)",
        "Đào Trọng Lịch, Trung tướng, Tổng tham mưu trưởng Quân đội nhân dân Việt Nam, Thứ trưởng Bộ Quốc phòng",
        "Đào Trọng Lịch",
        None,
        Some("Trung tướng, Tổng tham mưu trưởng Quân đội nhân dân Việt Nam, Thứ trưởng Bộ Quốc phòng"),
    ),
    (
        "- Nguyễn Thanh Tùng (1933), Thiếu tướng, Phó Tư lệnh Mặt trận 559\n",
        "Nguyễn Thanh Tùng (1933), Thiếu tướng, Phó Tư lệnh Mặt trận 559",
        "Nguyễn Thanh Tùng",
        None,
        Some("Thiếu tướng, Phó Tư lệnh Mặt trận 559"),
    ),
    // foreign leaders
    (
        "Tổng thống Donald Trump cho biết ông rất vinh dự.",
        "Tổng thống Donald Trump",
        "Donald Trump",
        None,
        Some("Tổng thống"),
    ),
    (
        "Tổng thống Nga Vladimir Putin đã điện đàm.",
        "Tổng thống Nga Vladimir Putin",
        "Vladimir Putin",
        None,
        Some("Tổng thống Nga"),
    ),
    (
        "Chủ tịch Trung Quốc Tập Cận Bình thăm Việt Nam.",
        "Chủ tịch Trung Quốc Tập Cận Bình",
        "Tập Cận Bình",
        None,
        Some("Chủ tịch Trung Quốc"),
    ),
    // an academic honorific after the rank
    (
        "Chỉ huy nổi bật: Thiếu tướng, PGS.TS.TTND Nguyễn Hồng Sơn.",
        "Thiếu tướng, PGS.TS.TTND Nguyễn Hồng Sơn",
        "Nguyễn Hồng Sơn",
        Some("pgs.ts.ttnd"),
        Some("Thiếu tướng"),
    ),
    (
        "- 2018 - nay, Thiếu tướng, Phó Giáo sư, Tiến sĩ Nguyễn Văn Dũng",
        "Thiếu tướng, Phó Giáo sư, Tiến sĩ Nguyễn Văn Dũng",
        "Nguyễn Văn Dũng",
        Some("phó giáo sư, tiến sĩ"),
        Some("Thiếu tướng"),
    ),
    // a title wrapped across lines
    (
        "phân công ông Trần Cẩm Tú, Chủ nhiệm Ủy ban Kiểm tra Trung\nương đảm nhiệm",
        "ông Trần Cẩm Tú, Chủ nhiệm Ủy ban Kiểm tra Trung\nương",
        "Trần Cẩm Tú",
        Some("ông"),
        Some("Chủ nhiệm Ủy ban Kiểm tra Trung ương"),
    ),
    // a table row
    (
        "| Chủ tịch nước | Lương Cường | Đảng Cộng sản Việt Nam |",
        "Chủ tịch nước | Lương Cường",
        "Lương Cường",
        None,
        Some("Chủ tịch nước"),
    ),
    // a rank after another title starts its own
    (
        "Phó Chủ nhiệm kiêm Tham mưu trưởng: Thiếu tướng Phạm Thanh Khiết",
        "Thiếu tướng Phạm Thanh Khiết",
        "Phạm Thanh Khiết",
        None,
        Some("Thiếu tướng"),
    ),
    // NFD input and old tone placement read as NFC
    (
        "Ủy viên Ban Thường vụ Tỉnh uỷ Hoà Bình, ông Bùi Văn Tỉnh phát biểu.",
        "Ủy viên Ban Thường vụ Tỉnh uỷ Hoà Bình, ông Bùi Văn Tỉnh",
        "Bùi Văn Tỉnh",
        Some("ông"),
        Some("Ủy viên Ban Thường vụ Tỉnh uỷ Hoà Bình"),
    ),
];

#[test]
fn surface_forms() {
    assert!(TABLE.len() >= 30);
    let mut failures = Vec::new();
    for (sentence, text, name, honorific, title) in TABLE {
        let got = people(sentence);
        let want = (
            text.to_string(),
            Person {
                name: (*name).into(),
                honorific: honorific.map(CompactString::from),
                title: title.map(CompactString::from),
            },
        );
        if got != [want.clone()] {
            failures.push(format!("{sentence:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn nfd_input_gives_nfc_fields() {
    let text: String = "Bí thư Tỉnh ủy Nguyễn Văn Đức phát biểu.".nfd().collect();
    let got = people(&text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.name, "Nguyễn Văn Đức");
    assert_eq!(got[0].1.title.as_deref(), Some("Bí thư Tỉnh ủy"));
}

#[test]
fn several_people_in_one_sentence() {
    let text =
        "Dự buổi lễ có Chủ tịch nước Trần Đại Quang, Thủ tướng Nguyễn Xuân Phúc và ông Vũ Đức Đam.";
    let names: Vec<String> = people(text)
        .into_iter()
        .map(|(_, p)| p.name.into())
        .collect();
    assert_eq!(names, ["Trần Đại Quang", "Nguyễn Xuân Phúc", "Vũ Đức Đam"]);
}

#[test]
fn not_persons() {
    for text in [
        // a capitalised common word after an honorific
        "Đồng chí Bí thư đã chủ trì hội nghị.",
        "Ông Giám đốc Sở cho biết.",
        "Các đồng chí Ủy viên Ban Thường vụ dự họp.",
        // titles without a name
        "Chủ tịch UBND tỉnh đã ban hành Quyết định 2054/QĐ-UBND.",
        "Đứng đầu Nhà nước là Chủ tịch nước do Quốc hội bầu ra.",
        "có 312 bí thư chi bộ đăng ký.",
        // organisations and places
        "Trường Chính trị tỉnh mở lớp bồi dưỡng.",
        "Ban Tổ chức Huyện ủy Bảo Lâm đã thẩm định.",
        "tỉnh Bà Rịa - Vũng Tàu và huyện Anh Sơn",
        "Bí thư Huyện ủy Lâm Hà chủ trì hội nghị.",
        "Chủ tịch UBND tỉnh Hà Giang ký quyết định.",
        "Đảng ủy xã Lê Lợi tổ chức đại hội.",
        "Hiệu trưởng Trường THPT Chu Văn An phát biểu.",
        "Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh cho biết.",
        "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh",
        "Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh, Ủy viên Trung ương Đoàn",
        "Bà Mẹ Việt Nam Anh hùng",
        "Hội Nhà văn Hà Nội",
        // sentence-initial capitals and a name alone
        "Nguyễn Thành Long được phân công làm Bí thư, Trần Hưng Thừa làm Phó Bí thư.",
        "Đường Kách mệnh tập hợp các bài giảng.",
        "học theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        // "anh", "chị" that are no honorific
        "học tiếng Anh và tiếng Pháp",
        "các anh hùng liệt sĩ",
        "Tác giả: Anh Thư",
        // a name's middle syllable ("Nguyễn Anh Tuấn") is no honorific
        "Các con là Nguyễn Kim Oanh, Nguyễn Anh Tuấn.",
    ] {
        let got = people(text);
        assert!(got.is_empty(), "{text:?} gave {got:?}");
    }
}

#[test]
fn role_joined_by_a_verb_is_no_title() {
    let got = people("Hội nghị đã bầu đồng chí Nguyễn Văn Long giữ chức Bí thư Đảng ủy.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "đồng chí Nguyễn Văn Long");
    assert_eq!(got[0].1.title, None);
    let got = people(
        "Thượng tá Hoàng Thế Thiện làm Chính ủy, Trung tá Hoàng Ngọc Diêu làm Tham mưu trưởng.",
    );
    let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["Thượng tá Hoàng Thế Thiện", "Trung tá Hoàng Ngọc Diêu"]
    );
}

#[test]
fn title_ends_where_the_clause_goes_on() {
    for (text, title) in [
        (
            "ông Nguyễn Văn A, Giám đốc Sở Y tế cho biết",
            "Giám đốc Sở Y tế",
        ),
        (
            "ông Nguyễn Văn A, Phó Chủ tịch UBND huyện nhấn mạnh",
            "Phó Chủ tịch UBND huyện",
        ),
        (
            "ông Nguyễn Văn A, Chủ tịch Hội Nông dân tỉnh, phát biểu",
            "Chủ tịch Hội Nông dân tỉnh",
        ),
        (
            "ông Lê Văn Huấn, Phó Chủ tịch thường trực Ủy ban Mặt trận sang làm Chủ nhiệm",
            "Phó Chủ tịch thường trực Ủy ban Mặt trận",
        ),
        (
            "đồng chí Trần Văn A, Bí thư Tỉnh ủy, Ban Thường vụ Tỉnh ủy đã quyết định",
            "Bí thư Tỉnh ủy",
        ),
    ] {
        let got = people(text);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(got[0].1.title.as_deref(), Some(title), "{text:?}");
    }
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "ông",
        "Ông ",
        "đồng chí **",
        "Bí thư",
        "Bí thư |",
        "Nguyễn Văn A,",
        "Nguyễn Văn A (",
        "Tổng thống Nga",
        "ông Nguyễn Văn A (Tổng thư ký",
        "• Nguyễn • Văn •, Bí thư",
        "Chủ tịch nước: ",
        "\u{212A}ông Hùng",
        "Bí thư Tỉnh ủy Nguyễn\u{301} Văn A",
    ] {
        let _ = people(text);
    }
}

/// Pieces of the genre, to build sentences the grammar must survive.
const PIECES: &[&str] = &[
    "đồng chí",
    "Đồng chí",
    "ông",
    "Ông",
    "bà",
    "anh",
    "Anh",
    "chị",
    "đ/c",
    "PGS.TS",
    "GS.",
    "Bí thư",
    "Phó Bí thư",
    "Tổng Bí thư",
    "Chủ tịch",
    "Thiếu tướng",
    "nguyên",
    "Tổng thống",
    "Nguyễn",
    "Văn",
    "Thị",
    "Hùng",
    "Lâm",
    "Đồng",
    "Hà",
    "Nội",
    "Trần",
    "Tô",
    "Donald",
    "Trump",
    "Tỉnh",
    "ủy",
    "UBND",
    "huyện",
    "quận",
    "2",
    "1936",
    "Sở",
    "Xây",
    "dựng",
    "cho",
    "biết",
    "Hồ",
    "Chí",
    "Minh",
    "Jae-in",
    "Ð",
    "Ủy",
    "viên",
    "Nguyễn\u{301}",
    ",",
    ", ",
    " - ",
    " – ",
    "(",
    ")",
    ":",
    " | ",
    "**",
    "*",
    ".",
    "\n",
    " ",
    " ",
    " ",
    "•",
    "\u{212A}",
    "\u{a0}",
    "ː",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn any_mix_of_the_genre_reads_without_panic(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40)
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        // `people` checks every span against the text
        for (_, p) in people(&text) {
            prop_assert!(!p.name.is_empty());
            prop_assert!(p.honorific.as_deref().is_none_or(|h| h == h.to_lowercase()));
        }
    }
}

// ---------------------------------------------------------------------------
// data tables

/// Letters without their marks, đ as d, then the word in lower case.
fn sort_key(w: &str) -> (String, String) {
    let lower = w.to_lowercase();
    let base: String = lower
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect();
    (base, lower)
}

#[test]
fn data_tables_are_sorted_unique_and_nfc() {
    let all: &[(&str, &[&str])] = &[
        ("FAMILY_NAMES", tables::FAMILY_NAMES),
        ("TITLE_HEADS", tables::TITLE_HEADS),
        ("FOREIGN_TITLE_HEADS", tables::FOREIGN_TITLE_HEADS),
        ("RANKS", tables::RANKS),
        ("TITLE_PREFIXES", tables::TITLE_PREFIXES),
        ("HONORIFICS", tables::HONORIFICS),
        ("ACADEMIC_HONORIFICS", tables::ACADEMIC_HONORIFICS),
        ("TITLE_LOWER", tables::TITLE_LOWER),
        ("STOPS", tables::STOPS),
        (
            "PLACES_LED_BY_FAMILY_NAMES",
            tables::PLACES_LED_BY_FAMILY_NAMES,
        ),
        ("COUNTRIES", tables::COUNTRIES),
        ("NAMESAKES", tables::NAMESAKES),
        ("NAMESAKE_PRECEDERS", tables::NAMESAKE_PRECEDERS),
        ("PLACE_WORDS", tables::PLACE_WORDS),
        ("NOT_PERSONS", tables::NOT_PERSONS),
        ("ORG_WORDS", tables::ORG_WORDS),
        ("NOT_GIVEN_NAMES", tables::NOT_GIVEN_NAMES),
        ("ORG_NOUNS", tables::ORG_NOUNS),
        ("ORG_COMPOUNDS", tables::ORG_COMPOUNDS),
        ("PARENT_BODIES", tables::PARENT_BODIES),
        ("SAYING", tables::SAYING),
    ];
    for (name, words) in all {
        assert!(!words.is_empty(), "{name} is empty");
        for w in *words {
            let nfc: String = w.nfc().collect();
            assert_eq!(*w, nfc, "{name}: {w:?} is not NFC");
            assert_eq!(w.trim(), *w, "{name}: {w:?} has outer spaces");
            assert!(!w.contains('\u{D0}'), "{name}: {w:?} has Ð for Đ");
        }
        for pair in words.windows(2) {
            let (a, b) = (sort_key(pair[0]), sort_key(pair[1]));
            assert!(
                a < b,
                "{name}: {:?} before {:?} (unsorted or duplicate)",
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn family_names_are_one_capitalised_syllable() {
    for w in tables::FAMILY_NAMES {
        assert!(!w.contains(' '), "{w:?}");
        assert!(w.chars().next().is_some_and(char::is_uppercase), "{w:?}");
    }
    // the family names the issue names
    for w in [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Trịnh", "Mai", "Trương", "Hà", "Lương", "Tô",
        "Tạ", "Lâm", "Phùng", "Chu", "Cao", "Thái", "Vương", "Đoàn", "Hứa", "Quách", "La", "Lưu",
        "Kiều", "Triệu",
    ] {
        assert!(tables::FAMILY_NAMES.contains(&w), "{w:?} missing");
    }
}

#[test]
fn each_title_head_reads_before_a_name() {
    for head in tables::TITLE_HEADS {
        let text = format!("Hôm qua, {head} Nguyễn Văn Minh phát biểu.");
        let got = people(&text);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(got[0].1.name, "Nguyễn Văn Minh", "{text:?}");
        assert_eq!(got[0].1.title.as_deref(), Some(*head), "{text:?}");
    }
}
