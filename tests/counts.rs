//! org_count and member_count: surface forms, refusals, breakdown checks.

use baocao::{Approx, CheckKind, MemberCategory, OrgLevel, OrgUnit, RecordData, RecordKind};
use proptest::prelude::*;

mod support;
use support::generate::dotted;
use support::records_of;

fn counts(text: &str) -> Vec<(String, RecordData)> {
    records_of(&[RecordKind::OrgCount, RecordKind::MemberCount], text)
        .into_iter()
        .map(|r| (r.text.into(), r.data))
        .collect()
}

fn org(text: &str) -> (u64, Approx, OrgUnit, Option<OrgLevel>, Option<String>) {
    match counts(text).as_slice() {
        [(_, RecordData::OrgCount(c))] => (
            c.value,
            c.approx,
            c.unit,
            c.level,
            c.scope.as_deref().map(String::from),
        ),
        other => panic!("{text:?}: expected one org_count, got {other:?}"),
    }
}

fn member(text: &str) -> (String, u64, Approx, MemberCategory) {
    match counts(text).as_slice() {
        [(t, RecordData::MemberCount(c))] => (t.clone(), c.value, c.approx, c.category),
        other => panic!("{text:?}: expected one member_count, got {other:?}"),
    }
}

#[test]
fn organisation_units_and_levels() {
    use OrgLevel::*;
    use OrgUnit::*;
    let table: &[(&str, u64, OrgUnit, Option<OrgLevel>)] = &[
        (
            "có 91 tổ chức cơ sở đảng.",
            91,
            GrassrootsOrganization,
            Some(Grassroots),
        ),
        ("có 12 TCCSĐ.", 12, GrassrootsOrganization, Some(Grassroots)),
        ("có 45 đảng bộ.", 45, PartyCommittee, None),
        ("có 16 đảng bộ cơ sở.", 16, PartyCommittee, Some(Grassroots)),
        (
            "có 46 chi bộ trực thuộc.",
            46,
            PartyCell,
            Some(DirectlyUnder),
        ),
        (
            "có 27 đảng bộ bộ phận.",
            27,
            PartyCommittee,
            Some(Component),
        ),
        ("có 25 đảng bộ cấp trên cơ sở.", 25, PartyCommittee, None),
        ("có hơn 300 tổ đảng.", 300, PartyGroup, None),
        (
            "có 68 tổ chức đảng trực thuộc.",
            68,
            PartyOrganization,
            Some(DirectlyUnder),
        ),
        (
            "có 36 Đảng bộ, chi bộ cơ sở.",
            36,
            GrassrootsOrganization,
            Some(Grassroots),
        ),
        (
            "có 42 chi, đảng bộ cơ sở.",
            42,
            GrassrootsOrganization,
            Some(Grassroots),
        ),
        (
            "có 55/55 chi bộ, đảng bộ cơ sở.",
            55,
            GrassrootsOrganization,
            Some(Grassroots),
        ),
        (
            "có ba mươi tư tổ chức cơ sở đảng.",
            34,
            GrassrootsOrganization,
            Some(Grassroots),
        ),
        ("có 1.204 chi bộ.", 1204, PartyCell, None),
        ("CÓ 7 CHI BỘ TRỰC THUỘC.", 7, PartyCell, Some(DirectlyUnder)),
        (
            "có 4 đảng bộ trực thuộc Trung ương.",
            4,
            PartyCommittee,
            Some(DirectlyUnder),
        ),
    ];
    for &(text, value, unit, level) in table {
        let got = org(text);
        assert_eq!((got.0, got.2, got.3), (value, unit, level), "{text}");
    }
}

#[test]
fn a_level_after_a_pair_belongs_to_both() {
    let out = counts("(45 đảng bộ và 46 chi bộ trực thuộc)");
    let levels: Vec<_> = out
        .iter()
        .map(|(_, d)| match d {
            RecordData::OrgCount(c) => c.level,
            _ => None,
        })
        .collect();
    assert_eq!(levels, vec![Some(OrgLevel::DirectlyUnder); 2]);
}

#[test]
fn scopes_are_read_as_written() {
    let (_, _, _, _, scope) = org("có 51 tổ chức cơ sở đảng trong cơ quan hành chính, 10 khác");
    assert_eq!(scope.as_deref(), Some("trong cơ quan hành chính"));
    let (_, _, _, _, scope) = org("có 8 chi bộ trường học, trạm y tế và 3 chi");
    assert_eq!(scope.as_deref(), Some("trường học, trạm y tế"));
    let (_, _, _, _, scope) = org("có 27 tổ chức cơ sở đảng trong sạch, vững mạnh");
    assert_eq!(scope, None);
}

#[test]
fn member_categories_and_approximations() {
    use MemberCategory::*;
    let table: &[(&str, &str, u64, Approx, MemberCategory)] = &[
        (
            "với 5.246 đảng viên.",
            "5.246 đảng viên",
            5246,
            Approx::Exact,
            Member,
        ),
        (
            "có 76.902 đảng viên chính thức và",
            "76.902 đảng viên chính thức",
            76902,
            Approx::Exact,
            FullMember,
        ),
        (
            "và 1.313 đảng viên dự bị.",
            "1.313 đảng viên dự bị",
            1313,
            Approx::Exact,
            ProbationaryMember,
        ),
        (
            "đã kết nạp 195 đảng viên mới.",
            "kết nạp 195 đảng viên mới",
            195,
            Approx::Exact,
            NewMember,
        ),
        (
            "kết nạp được 148/260 đảng viên.",
            "kết nạp được 148/260 đảng viên",
            148,
            Approx::Exact,
            NewMember,
        ),
        (
            "phát triển được 195/160 đảng viên.",
            "phát triển được 195/160 đảng viên",
            195,
            Approx::Exact,
            NewMember,
        ),
        (
            "kết nạp ít nhất 150 đảng viên mới.",
            "kết nạp ít nhất 150 đảng viên mới",
            150,
            Approx::AtLeast,
            NewMember,
        ),
        (
            "kết nạp từ 250 đảng viên trở lên.",
            "kết nạp từ 250 đảng viên trở lên",
            250,
            Approx::AtLeast,
            NewMember,
        ),
        (
            "có 21 đảng viên được kết nạp.",
            "21 đảng viên được kết nạp",
            21,
            Approx::Exact,
            NewMember,
        ),
        (
            "với hơn 9.000 cán bộ, đảng viên.",
            "hơn 9.000 cán bộ, đảng viên",
            9000,
            Approx::MoreThan,
            Member,
        ),
        (
            "với trên 4.100 đảng viên.",
            "trên 4.100 đảng viên",
            4100,
            Approx::MoreThan,
            Member,
        ),
        (
            "gần 10.000 đảng viên.",
            "gần 10.000 đảng viên",
            10000,
            Approx::Nearly,
            Member,
        ),
        (
            "khoảng 5,3 triệu đảng viên.",
            "khoảng 5,3 triệu đảng viên",
            5_300_000,
            Approx::About,
            Member,
        ),
        (
            "hơn 6,2 vạn đảng viên.",
            "hơn 6,2 vạn đảng viên",
            62_000,
            Approx::MoreThan,
            Member,
        ),
        (
            "dưới 30 đảng viên.",
            "dưới 30 đảng viên",
            30,
            Approx::LessThan,
            Member,
        ),
        (
            "chưa đến 30 đảng viên.",
            "chưa đến 30 đảng viên",
            30,
            Approx::LessThan,
            Member,
        ),
        (
            "xấp xỉ 500 đảng viên.",
            "xấp xỉ 500 đảng viên",
            500,
            Approx::About,
            Member,
        ),
        (
            "không quá 9 đảng viên.",
            "không quá 9 đảng viên",
            9,
            Approx::AtMost,
            Member,
        ),
        (
            "có ba đảng viên chính thức trở lên.",
            "ba đảng viên chính thức trở lên",
            3,
            Approx::AtLeast,
            FullMember,
        ),
        (
            "có 30 đảng viên trở xuống.",
            "30 đảng viên trở xuống",
            30,
            Approx::AtMost,
            Member,
        ),
        (
            "có hai mươi lăm đảng viên.",
            "hai mươi lăm đảng viên",
            25,
            Approx::Exact,
            Member,
        ),
    ];
    for &(text, written, value, approx, category) in table {
        assert_eq!(
            member(text),
            (written.to_string(), value, approx, category),
            "{text}"
        );
    }
}

#[test]
fn what_a_careful_reader_does_not_count() {
    for text in [
        "Chi bộ 1 họp thường kỳ.",
        "Năm 2016 đảng bộ xã tổ chức đại hội.",
        "Có 33.622 lượt đảng viên đăng ký.",
        "Số đảng viên là 5,6 triệu người.",
        "Khóa 12 đảng bộ tỉnh.",
        "Văn bản số 12 chi bộ gửi lên.",
        "Tỷ lệ 2/3 đảng viên tán thành.",
        "Mã hồ sơ 05-12 chi bộ lưu.",
    ] {
        assert_eq!(counts(text), vec![], "{text}");
    }
}

#[test]
fn breakdowns_make_sum_checks() {
    let text = "Đảng bộ có 91 tổ chức cơ sở đảng (45 đảng bộ và 46 chi bộ trực thuộc), \
                trong đó có 51 tổ chức cơ sở đảng trong cơ quan hành chính, 10 tổ chức cơ sở đảng \
                trong đơn vị sự nghiệp, 30 tổ chức cơ sở đảng trong doanh nghiệp, với 5.246 đảng viên.";
    let out = baocao::extract(text);
    let sums: Vec<_> = out
        .checks
        .iter()
        .map(|c| (c.check, c.total, c.parts.clone(), c.ok))
        .collect();
    assert_eq!(
        sums,
        vec![
            (CheckKind::Sum, 0, vec![1, 2], true),
            (CheckKind::Sum, 0, vec![3, 4, 5], true)
        ]
    );
}

#[test]
fn a_breakdown_that_does_not_add_up_is_a_finding() {
    let out =
        baocao::extract("Huyện có 58 tổ chức cơ sở đảng, gồm 16 đảng bộ cơ sở và 41 chi bộ cơ sở.");
    assert_eq!(out.checks.len(), 1);
    let c = &out.checks[0];
    assert_eq!((c.expected, c.found, c.ok), (58.0, 57.0, false));
}

#[test]
fn incomplete_or_overlapping_breakdowns_are_not_checked() {
    for text in [
        // a part that is no Party organisation breaks the list
        "Có 120 tổ chức cơ sở đảng, trong đó 28 Đảng bộ các phường, 22 xí nghiệp, 70 tổ chức cơ sở Đảng cơ quan.",
        // subsets of members overlap
        "Có 3.324 đảng viên, trong đó 1.433 đảng viên nữ và 786 đảng viên người dân tộc thiểu số.",
        // an approximate total cannot be checked
        "Có hơn 90 chi bộ (45 chi bộ thôn và 46 chi bộ trường học).",
        // one part is no breakdown
        "Có 36 tổ chức cơ sở đảng, trong đó 12 đảng bộ cơ sở.",
    ] {
        assert_eq!(baocao::extract(text).checks, vec![], "{text}");
    }
    let out = baocao::extract(
        "Có 78.215 đảng viên, trong đó 76.902 đảng viên chính thức và 1.313 đảng viên dự bị.",
    );
    assert_eq!(out.checks.len(), 1);
    assert!(out.checks[0].ok);
}

#[test]
fn the_total_two_records_back_when_members_sit_between() {
    let out = baocao::extract(
        "Đảng bộ có 23 chi bộ trực thuộc với 612 đảng viên, trong đó 12 chi bộ thôn, 8 chi bộ trường học, trạm y tế và 3 chi bộ quân sự, công an.",
    );
    assert_eq!(out.checks.len(), 1);
    let c = &out.checks[0];
    assert_eq!((c.total, c.parts.clone(), c.ok), (0, vec![2, 3, 4], true));
}

/// Vietnamese words for 1..=999, as a report would write them.
fn words(n: u64) -> String {
    const D: [&str; 10] = [
        "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
    ];
    let (h, t, u) = (n / 100, (n / 10) % 10, n % 10);
    let mut out = Vec::new();
    if h > 0 {
        out.push(format!("{} trăm", D[h as usize]));
    }
    match (t, u) {
        (0, 0) => {}
        (0, u) if h > 0 => out.push(format!("linh {}", D[u as usize])),
        (0, u) => out.push(D[u as usize].to_string()),
        (1, 0) => out.push("mười".into()),
        (1, 5) => out.push("mười lăm".into()),
        (1, u) => out.push(format!("mười {}", D[u as usize])),
        (t, 0) => out.push(format!("{} mươi", D[t as usize])),
        (t, 1) => out.push(format!("{} mươi mốt", D[t as usize])),
        (t, 5) => out.push(format!("{} mươi lăm", D[t as usize])),
        (t, u) => out.push(format!("{} mươi {}", D[t as usize], D[u as usize])),
    }
    out.join(" ")
}

proptest! {
    #[test]
    fn a_rendered_count_is_read_back(n in 1u64..2_000_000, style in 0usize..3, unit in 0usize..6) {
        let number = match style {
            0 => n.to_string(),
            1 => dotted(n),
            _ => words(n % 999 + 1),
        };
        let value = if style == 2 { n % 999 + 1 } else { n };
        let (noun, kind) = [
            ("tổ chức cơ sở đảng", RecordKind::OrgCount),
            ("đảng bộ", RecordKind::OrgCount),
            ("chi bộ", RecordKind::OrgCount),
            ("tổ đảng", RecordKind::OrgCount),
            ("đảng viên", RecordKind::MemberCount),
            ("đảng viên dự bị", RecordKind::MemberCount),
        ][unit];
        let written = format!("{number} {noun}");
        let text = format!("Đến cuối kỳ, toàn Đảng bộ có {written}, tăng so với cùng kỳ.");
        let got = counts(&text);
        prop_assert_eq!(got.len(), 1, "{:?}", got);
        let (t, d) = &got[0];
        prop_assert_eq!(t, &written);
        let (v, k) = match d {
            RecordData::OrgCount(c) => (c.value, RecordKind::OrgCount),
            RecordData::MemberCount(c) => (c.value, RecordKind::MemberCount),
            other => return Err(TestCaseError::fail(format!("{other:?}"))),
        };
        prop_assert_eq!((v, k), (value, kind));
    }

    #[test]
    fn a_sum_check_judges_the_parts(parts in prop::collection::vec(1u64..500, 2..5), delta in -2i64..3, parens in any::<bool>()) {
        let sum: u64 = parts.iter().sum();
        let total = (sum as i64 + delta).max(1) as u64;
        let scopes = ["thôn", "trường học", "doanh nghiệp", "cơ quan", "công an"];
        let listed: Vec<String> = parts.iter().zip(scopes).map(|(p, s)| format!("{p} chi bộ {s}")).collect();
        let list = format!("{} và {}", listed[..listed.len() - 1].join(", "), listed[listed.len() - 1]);
        let text = if parens {
            format!("Đảng bộ có {total} chi bộ trực thuộc ({list}).")
        } else {
            format!("Đảng bộ có {total} chi bộ trực thuộc, trong đó {list}.")
        };
        let out = baocao::extract(&text);
        prop_assert_eq!(out.checks.len(), 1, "{}", text);
        let c = &out.checks[0];
        prop_assert_eq!(c.parts.len(), parts.len());
        prop_assert_eq!(c.ok, total == sum);
        prop_assert_eq!(c.found, sum as f64);
    }
}
