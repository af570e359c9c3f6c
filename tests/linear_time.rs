//! Linear time, measured as work counts rather than seconds: doubling the input at
//! most doubles every counter of [`baocao::Stats`], for ordinary and adversarial
//! text. (Each grammar call reads a bounded window, so bounded counts mean bounded
//! work; the cross-checks after the grammars count their own steps, where they loop;
//! the benchmarks measure the seconds.)

use baocao::{Extractor, Stats};

const HALF_MB: usize = 1 << 19;

/// Whole copies of `unit` filling about `bytes`, a multiple of [`HALF_MB`]: twice
/// the bytes, exactly twice the copies (copies for each half megabyte, not for the
/// whole, which could round to one more and make a count grow by a copy's work).
fn repeat_to(unit: &str, bytes: usize) -> String {
    let per_half_mb = (HALF_MB / unit.len()).max(1);
    unit.repeat(per_half_mb * (bytes / HALF_MB))
}

fn nested_parens(bytes: usize) -> String {
    let half = bytes / 2;
    let mut s = "(".repeat(half.saturating_sub(4));
    s.push_str("5 chi bộ");
    s.push_str(&")".repeat(half.saturating_sub(4)));
    s
}

fn counters(s: &Stats) -> [(&'static str, usize); 6] {
    [
        ("normalised_bytes", s.normalised_bytes),
        ("trigger_positions", s.trigger_positions),
        ("grammar_calls", s.grammar_calls),
        ("candidates", s.candidates),
        ("candidate_bytes", s.candidate_bytes),
        ("relate_steps", s.relate_steps),
    ]
}

/// Asserts that doubling the input at most doubles each counter (plus a constant),
/// and returns the counters of the smaller input.
fn assert_linear(name: &str, make: impl Fn(usize) -> String) -> Stats {
    let ex = Extractor::builder().build().unwrap();
    let (_, small) = ex.extract_with_stats(&make(HALF_MB));
    let (_, large) = ex.extract_with_stats(&make(2 * HALF_MB));
    assert!(
        large.bytes + 64 >= 2 * small.bytes,
        "{name}: inputs did not double"
    );
    for ((what, a), (_, b)) in counters(&small).into_iter().zip(counters(&large)) {
        // twice the work plus a constant for the seam where the input was cut
        assert!(
            b <= 2 * a + 64,
            "{name}: {what} grew from {a} to {b} when the input doubled"
        );
    }
    small
}

#[test]
fn ordinary_report_text() {
    let paragraph = "Đảng bộ hiện có 91 tổ chức cơ sở đảng (45 đảng bộ và 46 chi bộ trực thuộc), với 5.246 đảng viên. \
        Năm 2023, kết nạp 195 đảng viên mới, đạt 98,5% kế hoạch; thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị. \
        Đồng chí Nguyễn Văn Minh, Bí thư Đảng ủy, phát biểu.\n";
    assert_linear("report", |n| repeat_to(paragraph, n));
}

#[test]
fn a_megabyte_of_digits() {
    assert_linear("digits", |n| "7".repeat(n));
}

#[test]
fn dotted_numbers_without_end() {
    assert_linear("1.1.1.1", |n| repeat_to("1.", n));
}

#[test]
fn member_nouns_repeated() {
    assert_linear("đảng viên", |n| repeat_to("đảng viên ", n));
}

#[test]
fn nested_parentheses() {
    assert_linear("parentheses", nested_parens);
}

#[test]
fn one_line_without_punctuation() {
    assert_linear("one line", |n| repeat_to("hơn 5 chi bộ và ", n));
}

#[test]
fn directive_words_in_a_row() {
    assert_linear("Chỉ thị", |n| repeat_to("Chỉ thị ", n));
}

#[test]
fn lists_and_dates_in_a_row() {
    assert_linear("lists", |n| {
        repeat_to("Chỉ thị 05, 10 và 15, ngày 26/3/2018, ", n)
    });
}

#[test]
fn breakdown_lists_in_a_row() {
    let stats = assert_linear("trong đó", |n| {
        repeat_to("12 chi bộ, trong đó 3 chi bộ ", n)
    });
    // a count that stayed at zero would pass the doubling for nothing
    assert!(stats.relate_steps > 0, "the cross-checks counted no work");
}

#[test]
fn registrations_in_one_sentence() {
    let stats = assert_linear("registrations", |n| {
        format!(
            "Năm 2022, {}",
            repeat_to("33 đảng viên đăng ký học tập, ", n)
        )
    });
    assert!(stats.relate_steps > 0, "the cross-checks counted no work");
}
