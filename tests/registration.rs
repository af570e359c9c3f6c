//! The `registration` grammar through the public API: surface-form tables for every
//! verb, unit, approximation word, rate, subset and governing period; refusals; the
//! rate checks; and a property that renders random registrations into sentences and
//! reads them back.

use baocao::{
    extract, Approx, CheckKind, Extraction, Extractor, OfWhich, Period, PeriodLabel, RecordData,
    Recurrence, Registration, RegistrationUnit,
};
use proptest::prelude::*;

mod support;
use support::checks_of;
use support::generate::dotted;

/// The registrations of `text`, with their texts.
fn registrations(out: &Extraction) -> Vec<(String, Registration)> {
    out.records
        .iter()
        .filter_map(|r| match &r.data {
            RecordData::Registration(x) => Some((r.text.to_string(), (**x).clone())),
            _ => None,
        })
        .collect()
}

/// The one registration of `text`.
fn one(text: &str) -> (String, Registration) {
    let out = extract(text);
    let mut found = registrations(&out);
    assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
    found.pop().unwrap()
}

// ---------------------------------------------------------------------------
// Verbs

/// (sentence, record text, who, activity)
const VERBS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "Năm 2021, 1.562 đảng viên đăng ký học tập và làm theo Bác.",
        "1.562 đảng viên đăng ký học tập và làm theo Bác",
        "đảng viên",
        Some("học tập và làm theo Bác"),
    ),
    (
        "Có 3.275 cán bộ, đảng viên đăng ký cam kết nêu gương trước chi bộ.",
        "3.275 cán bộ, đảng viên đăng ký cam kết nêu gương trước chi bộ",
        "cán bộ, đảng viên",
        Some("nêu gương trước chi bộ"),
    ),
    (
        "Toàn huyện có 4.812 đảng viên ký cam kết tu dưỡng, rèn luyện, phấn đấu.",
        "4.812 đảng viên ký cam kết tu dưỡng, rèn luyện, phấn đấu",
        "đảng viên",
        Some("tu dưỡng, rèn luyện, phấn đấu"),
    ),
    (
        "Có 920 đoàn viên cam kết không vi phạm pháp luật về giao thông.",
        "920 đoàn viên cam kết không vi phạm pháp luật về giao thông",
        "đoàn viên",
        Some("không vi phạm pháp luật về giao thông"),
    ),
    (
        "Có 87 đảng viên đã đăng ký.",
        "87 đảng viên đã đăng ký",
        "đảng viên",
        None,
    ),
    (
        "Có 140 giáo viên đều ký cam kết giữ gìn đạo đức nhà giáo.",
        "140 giáo viên đều ký cam kết giữ gìn đạo đức nhà giáo",
        "giáo viên",
        Some("giữ gìn đạo đức nhà giáo"),
    ),
    (
        "Có 65 hội viên đã tự nguyện đăng ký tham gia tổ tự quản.",
        "65 hội viên đã tự nguyện đăng ký tham gia tổ tự quản",
        "hội viên",
        Some("tham gia tổ tự quản"),
    ),
    (
        "Có 1.204 cán bộ, đảng viên trong Đảng bộ đăng ký nêu gương.",
        "1.204 cán bộ, đảng viên trong Đảng bộ đăng ký nêu gương",
        "cán bộ, đảng viên trong Đảng bộ",
        Some("nêu gương"),
    ),
    // NFD input and old tone placement read the same
    (
        "Có 120 đa\u{309}ng viên đăng ky\u{301} nêu gương.",
        "120 đa\u{309}ng viên đăng ky\u{301} nêu gương",
        "đảng viên",
        Some("nêu gương"),
    ),
];

#[test]
fn every_verb() {
    for &(sentence, text, who, activity) in VERBS {
        let (t, r) = one(sentence);
        assert_eq!(t, text, "{sentence}");
        assert_eq!(r.who, who, "{sentence}");
        assert_eq!(r.activity.as_deref(), activity, "{sentence}");
        assert_eq!(r.unit, RegistrationUnit::People, "{sentence}");
    }
}

// ---------------------------------------------------------------------------
// Units, approximation words, values in words

/// (sentence, value, unit, approx)
const COUNTS: &[(&str, u64, RegistrationUnit, Approx)] = &[
    (
        "Có 33.622 lượt đảng viên đăng ký học và làm theo Bác.",
        33_622,
        RegistrationUnit::Times,
        Approx::Exact,
    ),
    (
        "Có 58.406 lượt cán bộ, đảng viên đăng ký làm theo Bác.",
        58_406,
        RegistrationUnit::Times,
        Approx::Exact,
    ),
    (
        "Có 5.412 đảng viên đăng ký nêu gương.",
        5_412,
        RegistrationUnit::People,
        Approx::Exact,
    ),
    (
        "Có hơn 27.000 lượt cán bộ, đảng viên của huyện đăng ký làm theo Bác.",
        27_000,
        RegistrationUnit::Times,
        Approx::MoreThan,
    ),
    (
        "Có trên 2.000 đoàn viên thanh niên đã đăng ký tham gia tình nguyện hè.",
        2_000,
        RegistrationUnit::People,
        Approx::MoreThan,
    ),
    (
        "Có gần 1.200 đảng viên cam kết không vi phạm.",
        1_200,
        RegistrationUnit::People,
        Approx::Nearly,
    ),
    (
        "Có khoảng 500 lượt hội viên ký cam kết thực hiện nếp sống văn minh.",
        500,
        RegistrationUnit::Times,
        Approx::About,
    ),
    (
        "Có chừng 300 hộ gia đình đăng ký xây dựng gia đình văn hóa.",
        300,
        RegistrationUnit::People,
        Approx::About,
    ),
    (
        "Có xấp xỉ 900 cán bộ đăng ký học tập.",
        900,
        RegistrationUnit::People,
        Approx::About,
    ),
    (
        "Có dưới 50 đảng viên đăng ký nêu gương.",
        50,
        RegistrationUnit::People,
        Approx::LessThan,
    ),
    (
        "Có chưa đến 40 cán bộ đăng ký học tập.",
        40,
        RegistrationUnit::People,
        Approx::LessThan,
    ),
    (
        "Có ít nhất 80 đảng viên đăng ký nêu gương.",
        80,
        RegistrationUnit::People,
        Approx::AtLeast,
    ),
    (
        "Có tối đa 20 đảng viên đăng ký dự thi.",
        20,
        RegistrationUnit::People,
        Approx::AtMost,
    ),
    (
        "Có hai nghìn đảng viên đăng ký nêu gương.",
        2_000,
        RegistrationUnit::People,
        Approx::Exact,
    ),
    (
        "Có 6,2 vạn lượt đoàn viên đăng ký tham gia.",
        62_000,
        RegistrationUnit::Times,
        Approx::Exact,
    ),
];

#[test]
fn units_approximations_and_values() {
    for &(sentence, value, unit, approx) in COUNTS {
        let (_, r) = one(sentence);
        assert_eq!(r.value, Some(value), "{sentence}");
        assert_eq!(r.unit, unit, "{sentence}");
        assert_eq!(r.approx, approx, "{sentence}");
        assert_eq!(r.rate, None, "{sentence}");
    }
}

// ---------------------------------------------------------------------------
// Rates, rate-only registrations and subsets

/// (sentence, record text, value, rate, approx)
const RATES: &[(&str, &str, Option<u64>, f64, Approx)] = &[
    (
        "Có 3.275 cán bộ, đảng viên ký cam kết nêu gương, đạt 98,5%.",
        "3.275 cán bộ, đảng viên ký cam kết nêu gương, đạt 98,5%",
        Some(3_275),
        98.5,
        Approx::Exact,
    ),
    (
        "Có 587 đảng viên ký cam kết tu dưỡng, rèn luyện, đạt 95,9 %.",
        "587 đảng viên ký cam kết tu dưỡng, rèn luyện, đạt 95,9 %",
        Some(587),
        95.9,
        Approx::Exact,
    ),
    (
        "Hằng năm, 100% cán bộ, đảng viên đã ký cam kết không vi phạm những điều đảng viên không được làm.",
        "100% cán bộ, đảng viên đã ký cam kết không vi phạm những điều đảng viên không được làm",
        None,
        100.0,
        Approx::Exact,
    ),
    (
        "Có 98,7% đảng viên đăng ký chỉ tiêu phấn đấu cá nhân.",
        "98,7% đảng viên đăng ký chỉ tiêu phấn đấu cá nhân",
        None,
        98.7,
        Approx::Exact,
    ),
    (
        "Có gần 100% đảng viên đăng ký nêu gương.",
        "gần 100% đảng viên đăng ký nêu gương",
        None,
        100.0,
        Approx::Nearly,
    ),
    (
        "Có 100% đảng viên mới đăng ký học lớp bồi dưỡng lý luận chính trị.",
        "100% đảng viên mới đăng ký học lớp bồi dưỡng lý luận chính trị",
        None,
        100.0,
        Approx::Exact,
    ),
];

#[test]
fn rates_and_rate_only() {
    for &(sentence, text, value, rate, approx) in RATES {
        let (t, r) = one(sentence);
        assert_eq!(t, text, "{sentence}");
        assert_eq!(r.value, value, "{sentence}");
        assert_eq!(r.rate, Some(rate), "{sentence}");
        assert_eq!(r.approx, approx, "{sentence}");
        // the rate is a field, not a percentage record of its own
        let out = extract(sentence);
        assert_eq!(out.records.iter().filter(|x| x.text == t).count(), 1);
        assert!(
            !out.records
                .iter()
                .any(|x| matches!(x.data, RecordData::Percentage(_))),
            "{sentence}"
        );
    }
}

/// (sentence, value of the subset, who of the subset)
const SUBSETS: &[(&str, u64, &str)] = &[
    (
        "Có 5.412 đảng viên đăng ký nêu gương, đạt 92,2%, trong đó có 312 bí thư chi bộ.",
        312,
        "bí thư chi bộ",
    ),
    (
        "Có 19.870 lượt cán bộ, đảng viên đăng ký làm theo Bác, trong đó có 1.246 cán bộ chủ chốt.",
        1_246,
        "cán bộ chủ chốt",
    ),
    (
        "Có 1.562 đảng viên đăng ký học tập và làm theo Bác, trong đó 208 đảng viên trẻ.",
        208,
        "đảng viên trẻ",
    ),
    (
        "Có 58.406 lượt cán bộ, đảng viên đăng ký làm theo Bác bằng những việc làm cụ thể, trong đó có 6.215 cán bộ lãnh đạo, quản lý các cấp.",
        6_215,
        "cán bộ lãnh đạo, quản lý các cấp",
    ),
];

#[test]
fn subsets() {
    for &(sentence, value, who) in SUBSETS {
        let (t, r) = one(sentence);
        assert!(t.ends_with(who), "{sentence}: {t}");
        assert_eq!(
            r.of_which,
            vec![OfWhich {
                value,
                who: who.into()
            }],
            "{sentence}"
        );
    }
}

// ---------------------------------------------------------------------------
// The period that governs the sentence

fn year(y: &str) -> Period {
    Period {
        start: Some(y.into()),
        end: Some(y.into()),
        ..Period::default()
    }
}

#[test]
fn governing_periods() {
    let cases: Vec<(&str, Option<Period>)> = vec![
        (
            "Trong 5 năm qua, đã có 33.622 lượt đảng viên đăng ký học và làm theo Bác.",
            Some(Period {
                last_years: Some(5),
                ..Period::default()
            }),
        ),
        (
            "Năm 2022, có 3.275 cán bộ, đảng viên ký cam kết nêu gương, đạt 98,5%.",
            Some(year("2022")),
        ),
        (
            "Hằng năm, 100% cán bộ, đảng viên đăng ký cam kết tu dưỡng, rèn luyện.",
            Some(Period {
                recurrence: Some(Recurrence::Yearly),
                ..Period::default()
            }),
        ),
        (
            "Hàng tháng, 100% đảng viên đăng ký nội dung sinh hoạt chuyên đề.",
            Some(Period {
                recurrence: Some(Recurrence::Monthly),
                ..Period::default()
            }),
        ),
        (
            "Quý I/2024, 5.412 đảng viên đăng ký nêu gương, đạt 92,2%.",
            Some(Period {
                start: Some("2024-01".into()),
                end: Some("2024-03".into()),
                label: Some(PeriodLabel::Quarter),
                ..Period::default()
            }),
        ),
        (
            "Giai đoạn 2016-2020, hơn 27.000 lượt cán bộ, đảng viên của huyện đăng ký làm theo Bác, đạt 100%.",
            Some(Period {
                start: Some("2016".into()),
                end: Some("2020".into()),
                label: Some(PeriodLabel::Stage),
                ..Period::default()
            }),
        ),
        (
            "6 tháng đầu năm 2024, 100% đảng viên mới đăng ký học lớp bồi dưỡng lý luận chính trị.",
            Some(Period {
                start: Some("2024-01".into()),
                end: Some("2024-06".into()),
                label: Some(PeriodLabel::HalfYear),
                ..Period::default()
            }),
        ),
        // no period in the sentence; one in the sentence before does not govern
        (
            "Năm 2022, chi bộ họp. Có 87 đảng viên đã đăng ký nêu gương.",
            None,
        ),
    ];
    for (sentence, period) in cases {
        let (_, r) = one(sentence);
        assert_eq!(r.period, period, "{sentence}");
    }
}

#[test]
fn reference_date_resolves_the_last_years() {
    let ex = Extractor::builder()
        .reference_date(chrono_date(2024, 7, 12))
        .build()
        .unwrap();
    let out = ex.extract("Trong 5 năm qua, đã có 33.622 lượt đảng viên đăng ký làm theo Bác.");
    let (_, r) = registrations(&out).pop().unwrap();
    assert_eq!(
        r.period,
        Some(Period {
            start: Some("2019".into()),
            end: Some("2024".into()),
            last_years: Some(5),
            ..Period::default()
        })
    );
}

fn chrono_date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// ---------------------------------------------------------------------------
// The seed sentence

#[test]
fn seed_sentence_is_one_registration() {
    let text = "Trong 5 năm qua, đã có 33.622 lượt đảng viên đăng ký học và làm theo Bác, đạt 100%, trong đó có 3.508 cán bộ, lãnh đạo chủ chốt";
    let out = extract(text);
    let found = registrations(&out);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (t, r) = &found[0];
    assert_eq!(
        t,
        "33.622 lượt đảng viên đăng ký học và làm theo Bác, đạt 100%, trong đó có 3.508 cán bộ, lãnh đạo chủ chốt"
    );
    assert_eq!(r.value, Some(33_622));
    assert_eq!(r.unit, RegistrationUnit::Times);
    assert_eq!(r.approx, Approx::Exact);
    assert_eq!(r.who, "đảng viên");
    assert_eq!(r.activity.as_deref(), Some("học và làm theo Bác"));
    assert_eq!(r.rate, Some(100.0));
    assert_eq!(r.period.as_ref().and_then(|p| p.last_years), Some(5));
    assert_eq!(
        r.of_which,
        vec![OfWhich {
            value: 3_508,
            who: "cán bộ, lãnh đạo chủ chốt".into()
        }]
    );
    // the period is a record of its own, the rate is not
    assert_eq!(out.records.len(), 2);
    assert_eq!(out.records[0].text, "Trong 5 năm qua");
    for rec in &out.records {
        assert_eq!(&text[rec.span.range()], rec.text);
    }
}

// ---------------------------------------------------------------------------
// Refusals

#[test]
fn refusals() {
    for sentence in [
        // no verb of registering
        "Có 5.246 đảng viên hoàn thành tốt nhiệm vụ.",
        "Năm 2023, 98% đảng viên được đánh giá thực hiện tốt nội dung đã đăng ký.",
        // lượt counts without a verb
        "Ban tổ chức tiếp đón 5.000 lượt khách tham quan.",
        "Có 12.000 lượt cán bộ, đảng viên tham gia học tập.",
        // the verb inside a capitalised name
        "Trong năm, 12 cán bộ Văn phòng Đăng ký đất đai được khen thưởng.",
        "Có 30 cán bộ Phòng Đăng ký kinh doanh tham dự.",
        // a number that names, not counts
        "Năm 2022 đảng viên đăng ký nêu gương.",
        // the verb before the count
        "Chi bộ đăng ký được 5.000 lượt.",
    ] {
        let out = extract(sentence);
        assert!(
            registrations(&out).is_empty(),
            "{sentence}: {:#?}",
            out.records
        );
    }
}

// ---------------------------------------------------------------------------
// Rate checks

#[test]
fn rate_checks() {
    // a registration rate above 100 %
    let out = extract("Năm 2020, 1.000 đảng viên đăng ký nêu gương, đạt 105%.");
    let checks = checks_of(&out, CheckKind::Rate);
    assert_eq!(checks.len(), 1, "{:#?}", out.checks);
    assert!(!checks[0].ok);
    assert_eq!(checks[0].found, 105.0);
    assert!(matches!(
        out.records[checks[0].total].data,
        RecordData::Registration(_)
    ));

    // a rate within 100 % gives no check
    let out = extract("Năm 2020, 1.000 đảng viên đăng ký nêu gương, đạt 99,4%.");
    assert!(out.checks.iter().all(|c| c.check != CheckKind::Rate));

    // a rate that agrees with its counts, and one that does not
    for (sentence, ok) in [
        (
            "Năm 2023, Đảng bộ phát triển được 195/160 đảng viên, đạt 121,9%.",
            true,
        ),
        (
            "Năm 2023, Đảng bộ phát triển được 195/160 đảng viên, đạt 130%.",
            false,
        ),
    ] {
        let out = extract(sentence);
        let rate = checks_of(&out, CheckKind::Rate);
        assert_eq!(rate.len(), 1, "{sentence}: {:#?}", out.checks);
        assert_eq!(rate[0].ok, ok, "{sentence}");
        assert_eq!(rate[0].found, 121.9, "{sentence}");
        assert_eq!(
            out.records[rate[0].parts[0]].text,
            "phát triển được 195/160 đảng viên"
        );
    }
}

// ---------------------------------------------------------------------------
// Render random registrations into sentences and read them back

/// A registration as the generator draws it.
#[derive(Debug, Clone)]
struct Drawn {
    period: Option<(String, Period)>,
    filler: &'static str,
    approx: (&'static str, Approx),
    /// A count (with lượt or not), or a rate alone.
    amount: Amount,
    who: &'static str,
    before_verb: &'static str,
    verb: &'static str,
    activity: &'static str,
    /// The rate in tenths of a percent, after a count.
    rate: Option<u32>,
    of_which: Option<(u64, &'static str, bool)>,
}

#[derive(Debug, Clone)]
enum Amount {
    Count {
        value: u64,
        times: bool,
    },
    /// A count in words ("hai nghìn").
    Words {
        written: &'static str,
        value: u64,
        times: bool,
    },
    Rate(u32),
}

/// 985 tenths → "98,5".
fn vietnamese_rate(tenths: u32) -> String {
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{},{}", tenths / 10, tenths % 10)
    }
}

impl Drawn {
    fn sentence(&self) -> String {
        let mut s = String::new();
        if let Some((phrase, _)) = &self.period {
            s.push_str(phrase);
            s.push_str(", ");
        }
        s.push_str(self.filler);
        if !self.approx.0.is_empty() {
            s.push_str(self.approx.0);
            s.push(' ');
        }
        match &self.amount {
            Amount::Count { value, times } => {
                s.push_str(&dotted(*value));
                if *times {
                    s.push_str(" lượt");
                }
            }
            Amount::Words { written, times, .. } => {
                s.push_str(written);
                if *times {
                    s.push_str(" lượt");
                }
            }
            Amount::Rate(r) => {
                s.push_str(&vietnamese_rate(*r));
                s.push('%');
            }
        }
        s.push(' ');
        s.push_str(self.who);
        s.push(' ');
        s.push_str(self.before_verb);
        s.push_str(self.verb);
        s.push(' ');
        s.push_str(self.activity);
        if let Some(r) = self.rate {
            s.push_str(", đạt ");
            s.push_str(&vietnamese_rate(r));
            s.push('%');
        }
        if let Some((m, who, co)) = self.of_which {
            s.push_str(if co {
                ", trong đó có "
            } else {
                ", trong đó "
            });
            s.push_str(&dotted(m));
            s.push(' ');
            s.push_str(who);
        }
        s.push('.');
        // a capital letter starts the sentence
        let mut chars = s.chars();
        let first = chars.next().unwrap();
        first.to_uppercase().chain(chars).collect()
    }
}

fn period_phrase() -> impl Strategy<Value = Option<(String, Period)>> {
    prop_oneof![
        Just(None),
        (2u32..=10).prop_map(|n| Some((
            format!("Trong {n} năm qua"),
            Period {
                last_years: Some(n),
                ..Period::default()
            }
        ))),
        (2u32..=10).prop_map(|n| Some((
            format!("{n} năm gần đây"),
            Period {
                last_years: Some(n),
                ..Period::default()
            }
        ))),
        (2000i32..=2030).prop_map(|y| Some((format!("Năm {y}"), {
            let y = baocao::CompactString::from(y.to_string());
            Period {
                start: Some(y.clone()),
                end: Some(y),
                ..Period::default()
            }
        }))),
        prop::sample::select(vec![
            ("Hằng năm", Recurrence::Yearly),
            ("Hàng năm", Recurrence::Yearly),
            ("Hằng tháng", Recurrence::Monthly),
            ("Hằng quý", Recurrence::Quarterly),
        ])
        .prop_map(|(w, r)| Some((
            w.to_string(),
            Period {
                recurrence: Some(r),
                ..Period::default()
            }
        ))),
        (1u32..=4, 2015i32..=2030).prop_map(|(q, y)| {
            let roman = ["I", "II", "III", "IV"][q as usize - 1];
            Some((
                format!("Quý {roman}/{y}"),
                Period {
                    start: Some(format!("{y}-{:02}", 3 * q - 2).into()),
                    end: Some(format!("{y}-{:02}", 3 * q).into()),
                    label: Some(PeriodLabel::Quarter),
                    ..Period::default()
                },
            ))
        }),
    ]
}

fn drawn() -> impl Strategy<Value = Drawn> {
    let amount = prop_oneof![
        (1u64..=200_000, any::<bool>()).prop_map(|(value, times)| Amount::Count { value, times }),
        (1u32..=1000).prop_map(Amount::Rate),
        (
            prop::sample::select(vec![
                ("hai", 2),
                ("mười lăm", 15),
                ("ba mươi", 30),
                ("hai nghìn", 2_000),
                ("ba trăm", 300),
                ("một nghìn hai trăm", 1_200),
            ]),
            any::<bool>()
        )
            .prop_map(|((written, value), times)| Amount::Words {
                written,
                value,
                times
            }),
    ];
    let approx = prop::sample::select(vec![
        ("", Approx::Exact),
        ("", Approx::Exact),
        ("hơn", Approx::MoreThan),
        ("trên", Approx::MoreThan),
        ("gần", Approx::Nearly),
        ("khoảng", Approx::About),
        ("xấp xỉ", Approx::About),
        ("dưới", Approx::LessThan),
        ("ít nhất", Approx::AtLeast),
        ("tối đa", Approx::AtMost),
    ]);
    let who = prop::sample::select(vec![
        "đảng viên",
        "cán bộ, đảng viên",
        "cán bộ lãnh đạo chủ chốt",
        "đoàn viên thanh niên",
        "hội viên",
        "đảng viên trong Đảng bộ",
        "cán bộ, công chức, viên chức",
    ]);
    let verb = prop::sample::select(vec!["đăng ký", "đăng ký cam kết", "ký cam kết", "cam kết"]);
    let before_verb = prop::sample::select(vec!["", "", "đã ", "đều ", "đã tự nguyện "]);
    let activity = prop::sample::select(vec![
        "học tập và làm theo Bác",
        "nêu gương",
        "tu dưỡng, rèn luyện, phấn đấu",
        "làm theo Bác bằng những việc làm cụ thể",
        "không vi phạm những điều đảng viên không được làm",
    ]);
    let filler = prop::sample::select(vec!["", "có ", "đã có "]);
    let of_which = prop::option::of((
        1u64..=50_000,
        prop::sample::select(vec![
            "cán bộ chủ chốt",
            "bí thư chi bộ",
            "cán bộ, lãnh đạo chủ chốt",
            "đảng viên trẻ",
        ]),
        any::<bool>(),
    ));
    (
        period_phrase(),
        filler,
        approx,
        amount,
        who,
        before_verb,
        verb,
        activity,
        prop::option::of(1u32..=1000),
        of_which,
    )
        .prop_map(
            |(period, filler, approx, amount, who, before_verb, verb, activity, rate, of_which)| {
                // a rate after "đạt" only follows a count
                let rate = match amount {
                    Amount::Rate(_) => None,
                    _ => rate,
                };
                Drawn {
                    period,
                    filler,
                    approx,
                    amount,
                    who,
                    before_verb,
                    verb,
                    activity,
                    rate,
                    of_which,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn rendered_registrations_read_back(d in drawn()) {
        let sentence = d.sentence();
        let out = extract(&sentence);
        let found = registrations(&out);
        prop_assert_eq!(found.len(), 1, "{}: {:#?}", sentence, out.records);
        let (_, r) = &found[0];
        match d.amount {
            Amount::Count { value, times } | Amount::Words { value, times, .. } => {
                prop_assert_eq!(r.value, Some(value), "{}", sentence);
                let unit = if times { RegistrationUnit::Times } else { RegistrationUnit::People };
                prop_assert_eq!(r.unit, unit, "{}", sentence);
                prop_assert_eq!(r.rate, d.rate.map(|t| f64::from(t) / 10.0), "{}", sentence);
            }
            Amount::Rate(t) => {
                prop_assert_eq!(r.value, None, "{}", sentence);
                prop_assert_eq!(r.unit, RegistrationUnit::People, "{}", sentence);
                prop_assert_eq!(r.rate, Some(f64::from(t) / 10.0), "{}", sentence);
            }
        }
        prop_assert_eq!(r.approx, d.approx.1, "{}", sentence);
        prop_assert_eq!(&r.who, d.who, "{}", sentence);
        prop_assert_eq!(r.activity.as_deref(), Some(d.activity), "{}", sentence);
        let of_which: Vec<OfWhich> = d
            .of_which
            .iter()
            .map(|&(value, who, _)| OfWhich { value, who: who.into() })
            .collect();
        prop_assert_eq!(&r.of_which, &of_which, "{}", sentence);
        let period = d.period.as_ref().map(|(_, p)| p.clone());
        prop_assert_eq!(r.period.as_ref().and_then(|p| p.last_years), period.as_ref().and_then(|p| p.last_years), "{}", sentence);
        prop_assert_eq!(r.period.as_ref().and_then(|p| p.recurrence), period.as_ref().and_then(|p| p.recurrence), "{}", sentence);
        prop_assert_eq!(&r.period, &period, "{}", sentence);
        for rec in &out.records {
            prop_assert_eq!(&sentence[rec.span.range()], rec.text.as_str());
        }
    }
}
