//! `rate` checks, and the period a registration belongs to.
//!
//! ```text
//! 195/160 đảng viên, đạt 121,9%     the rate agrees with the counts: 195/160 = 121.9 %
//! 1.562 đảng viên đăng ký …, đạt 98,2%   a registration rate above 100 % is a finding
//! tỷ lệ đảng viên … đạt 120%         a share of a group above 100 % is a finding
//! Năm 2022, có 3.275 cán bộ … ký cam kết   the year governs the registration
//! ```
//! A rate above 100 % is checked (`ok: false`) where it must be a share: the rate
//! of a registration, and a percentage that "tỷ lệ" introduces ("tỷ lệ đảng viên trẻ
//! đạt 120%", "tỷ lệ 120%") — unless a target follows the number ("đạt 114,7% kế
//! hoạch", "120% so với cùng kỳ"), where more than 100 % is an overfulfilment.

use crate::extraction::{Check, CheckKind};
use crate::record::{Period, RecordData};
use crate::text::keyword::{Keyword, Lexicon};

use super::percentage::TY_LE;
use super::Match;

static DAT: Keyword = Keyword::new("đạt");
static PHAN_TRAM: Keyword = Keyword::new("phần trăm");

/// What a rate above 100 % may be measured against ("đạt 114,7% kế hoạch").
static TARGETS: Lexicon<()> = Lexicon::new(&[
    ("chỉ tiêu", ()),
    ("cùng kỳ", ()),
    ("dự toán", ()),
    ("kế hoạch", ()),
    ("mục tiêu", ()),
    ("nghị quyết", ()),
    ("so với", ()),
]);

/// A rate agrees with its counts when it is within this many percentage points of
/// the quotient (rates are written with one decimal).
const TOLERANCE: f64 = 0.1;

/// Rate checks over the sorted matches.
pub(crate) fn rate_checks(text: &str, matches: &[Match]) -> Vec<Check> {
    let mut checks = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        // a share above 100 %
        let share = match &m.data {
            RecordData::Registration(r) => r.rate,
            RecordData::Percentage(p) if is_share_of_a_group(text, m) => Some(p.value),
            _ => None,
        };
        if let Some(rate) = share.filter(|&x| x > 100.0) {
            checks.push(Check {
                check: CheckKind::Rate,
                total: i,
                parts: vec![],
                expected: 100.0,
                found: rate,
                ok: false,
            });
        }
        // N/M …, đạt R%
        let Some((n, target)) = count_over_target(text, m) else {
            continue;
        };
        let Some((j, rate)) = rate_right_after(text, matches, i) else {
            continue;
        };
        let found = (n as f64 * 1000.0 / target as f64).round() / 10.0;
        checks.push(Check {
            check: CheckKind::Rate,
            total: j,
            parts: vec![i],
            expected: rate,
            found,
            ok: (found - rate).abs() <= TOLERANCE + 1e-9,
        });
    }
    checks
}

/// Whether a percentage is a share of a group: "tỷ lệ" introduces it (it starts the
/// record, or stands right before the number) and no target follows the number.
fn is_share_of_a_group(text: &str, m: &Match) -> bool {
    let before = text[..m.start].trim_end_matches(' ');
    let introduced = TY_LE.longest_at(&text[m.start..]).is_some()
        || TY_LE.folded_words().any(|w| {
            before.ends_with(w) && crate::text::keyword::starts_word(before, before.len() - w.len())
        });
    if !introduced {
        return false;
    }
    // the end of the sign: the last "%" or "phần trăm" of the record
    let record = &text[m.start..m.end];
    let sign_end = match record.rfind('%') {
        Some(i) => m.start + i + 1,
        None => match record.rfind(PHAN_TRAM.folded()) {
            Some(i) => m.start + i + PHAN_TRAM.folded().len(),
            None => return false,
        },
    };
    let after = text[sign_end..].trim_start_matches(' ');
    TARGETS.longest_at(after).is_none()
}

/// "195/160" at the start of a count's digits: (count, target).
fn count_over_target(text: &str, m: &Match) -> Option<(u64, u64)> {
    if !matches!(m.data, RecordData::MemberCount(_) | RecordData::OrgCount(_)) {
        return None;
    }
    let t = text.get(m.start..m.end)?;
    let from = t.find(|c: char| c.is_ascii_digit())?;
    let t = &t[from..];
    let n_len = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let rest = t[n_len..].strip_prefix('/')?;
    let m_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let n: u64 = t[..n_len].replace('.', "").parse().ok()?;
    let target: u64 = rest[..m_len].replace('.', "").parse().ok()?;
    (target > 0).then_some((n, target))
}

/// The percentage right after match `i`, joined by ", đạt ".
fn rate_right_after(text: &str, matches: &[Match], i: usize) -> Option<(usize, f64)> {
    let next = matches.get(i + 1)?;
    let RecordData::Percentage(p) = &next.data else {
        return None;
    };
    let between = text.get(matches[i].end..next.start)?;
    let b = between.strip_prefix(", ")?;
    let n = DAT.match_at(b)?;
    (b[n..] == *" ").then_some((i + 1, p.value))
}

/// Gives each registration without a period the period (or year) record nearest
/// before it in the same sentence.
pub(crate) fn attach_periods(text: &str, matches: &mut [Match]) {
    for i in 0..matches.len() {
        if !matches!(&matches[i].data, RecordData::Registration(r) if r.period.is_none()) {
            continue;
        }
        let start = matches[i].start;
        let mut found = None;
        for j in (0..i).rev() {
            let between = text.get(matches[j].end..start).unwrap_or(".");
            if between.contains(['.', ';', '\n', '?', '!']) {
                break;
            }
            match &matches[j].data {
                RecordData::Period(p) => {
                    found = Some(p.clone());
                    break;
                }
                RecordData::Date(d) => {
                    found = Some(Period {
                        start: Some(d.value.clone()),
                        end: Some(d.value.clone()),
                        ..Period::default()
                    });
                    break;
                }
                _ => {}
            }
        }
        if let (Some(p), RecordData::Registration(r)) = (found, &mut matches[i].data) {
            r.period = Some(p);
        }
    }
}
