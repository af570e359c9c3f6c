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

/// The rate checks of record `i` of the sorted matches: a share above 100 %, and
/// the rate written after a count over its target. Adds the bytes it scans to
/// `steps`.
#[inline]
pub(crate) fn rate_checks_at(
    text: &str,
    matches: &[Match],
    i: usize,
    checks: &mut Vec<Check>,
    steps: &mut usize,
) {
    // most records are of other kinds: they cost no call
    if matches!(
        matches[i].data,
        RecordData::Registration(_)
            | RecordData::Percentage(_)
            | RecordData::MemberCount(_)
            | RecordData::OrgCount(_)
    ) {
        rate_checks_of(text, matches, i, checks, steps);
    }
}

fn rate_checks_of(
    text: &str,
    matches: &[Match],
    i: usize,
    checks: &mut Vec<Check>,
    steps: &mut usize,
) {
    let m = &matches[i];
    // a share above 100 %
    let share = match &m.data {
        RecordData::Registration(r) => r.rate,
        RecordData::Percentage(p) if is_share_of_a_group(text, m, steps) => Some(p.value),
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
    let Some((n, target)) = count_over_target(text, m, steps) else {
        return;
    };
    let Some((j, rate)) = rate_right_after(text, matches, i) else {
        return;
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

/// Whether a percentage is a share of a group: "tỷ lệ" introduces it (it starts the
/// record, or stands right before the number) and no target follows the number.
fn is_share_of_a_group(text: &str, m: &Match, steps: &mut usize) -> bool {
    let before = text[..m.start].trim_end_matches(' ');
    *steps += m.start - before.len();
    let introduced = TY_LE.longest_at(&text[m.start..]).is_some()
        || TY_LE.folded_words().any(|w| {
            before.ends_with(w) && crate::text::keyword::starts_word(before, before.len() - w.len())
        });
    if !introduced {
        return false;
    }
    // the end of the sign: the last "%" or "phần trăm" of the record
    let record = &text[m.start..m.end];
    // each search may read the whole record
    *steps += 2 * record.len();
    let sign_end = match record.rfind('%') {
        Some(i) => m.start + i + 1,
        None => match record.rfind(PHAN_TRAM.folded()) {
            Some(i) => m.start + i + PHAN_TRAM.folded().len(),
            None => return false,
        },
    };
    let after = text[sign_end..].trim_start_matches(' ');
    *steps += text.len() - sign_end - after.len();
    TARGETS.longest_at(after).is_none()
}

/// "195/160" at the start of a count's digits: (count, target).
fn count_over_target(text: &str, m: &Match, steps: &mut usize) -> Option<(u64, u64)> {
    if !matches!(m.data, RecordData::MemberCount(_) | RecordData::OrgCount(_)) {
        return None;
    }
    let t = text.get(m.start..m.end)?;
    // the digits are looked for, and read, within the record
    *steps += t.len();
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

/// Finds, record by record, the period (or year) record nearest before each
/// registration without a period in the same sentence, and gives it to it.
///
/// Records apart and in order (the driver's) also end in order, so the nearest
/// period before a registration is the last one seen, and no record between them
/// reaches further back than it: the one question is whether a sentence ends
/// between the period's end and the registration. Records not so are left to
/// [`attach_periods_walking_back`].
#[derive(Default)]
pub(crate) struct PeriodFinder {
    /// The last period or date record seen.
    last_period: Option<usize>,
    /// Where the last record seen ends.
    previous_end: usize,
    /// The records before this one end at character boundaries.
    boundaries_checked: usize,
    stops: SentenceEnds,
    /// The records seen are not apart and in order: the walk back answers.
    out_of_order: bool,
}

impl PeriodFinder {
    /// Reads record `i`, and gives it its period if it is a registration that
    /// takes one; the records must be read in order, each once. The period is
    /// given at once, while both records are in the cache. Adds the records and
    /// bytes it reads to `steps`.
    #[inline]
    pub(crate) fn see(&mut self, text: &str, matches: &mut [Match], i: usize, steps: &mut usize) {
        let m = &matches[i];
        if self.out_of_order || m.start < self.previous_end || m.end < m.start {
            self.out_of_order = true;
            return;
        }
        self.previous_end = m.end;
        match &m.data {
            RecordData::Period(_) | RecordData::Date(_) => self.last_period = Some(i),
            RecordData::Registration(r) if r.period.is_none() => {
                self.govern(text, matches, i, steps)
            }
            _ => {}
        }
    }

    /// Gives registration `i` the last period seen, if no sentence ends between.
    fn govern(&mut self, text: &str, matches: &mut [Match], i: usize, steps: &mut usize) {
        let Some(g) = self.last_period else {
            return;
        };
        let start = matches[i].start;
        if self.stops.any_between(text, matches[g].end, start, steps) {
            return;
        }
        // the walk back reads the text from each record's end: where one ends
        // inside a character it stops, and it answers instead
        let from = self.boundaries_checked.max(g);
        *steps += i - from;
        let ends_on_boundaries = text.is_char_boundary(start)
            && matches[from..i]
                .iter()
                .all(|r| text.is_char_boundary(r.end));
        if !ends_on_boundaries {
            self.out_of_order = true;
            return;
        }
        self.boundaries_checked = i;
        let period = period_of(&matches[g].data);
        if let (Some(p), RecordData::Registration(r)) = (period, &mut matches[i].data) {
            r.period = Some(p);
        }
    }

    /// Gives the registrations the pass could not their periods, once every record
    /// was seen. What it gave stands: a registration's period depends on the
    /// records before it only, and those were apart and in order.
    pub(crate) fn finish(self, text: &str, matches: &mut [Match], steps: &mut usize) {
        if self.out_of_order {
            attach_periods_walking_back(text, matches, steps);
        }
    }
}

/// Whether a sentence ends in a range of the text, for ranges whose ends never
/// move back: each byte is read once, however many registrations a sentence has.
#[derive(Default)]
struct SentenceEnds {
    /// The text is read up to here.
    read_to: usize,
    /// Where the text read last started a sentence: after its last sentence end, or
    /// where the reading started.
    sentence_start: usize,
}

impl SentenceEnds {
    /// Whether a sentence ends in `from..to`; neither may be less than in the call
    /// before. Adds the bytes it reads to `steps`.
    fn any_between(&mut self, text: &str, from: usize, to: usize, steps: &mut usize) -> bool {
        if self.read_to < from {
            self.read_to = from;
            self.sentence_start = from;
        }
        let unread = text.as_bytes().get(self.read_to..to).unwrap_or_default();
        *steps += unread.len();
        if let Some(k) = unread.iter().rposition(|&b| is_sentence_end(b)) {
            self.sentence_start = self.read_to + k + 1;
        }
        self.read_to = self.read_to.max(to);
        self.sentence_start > from
    }
}

/// The bytes that end a sentence for [`PeriodFinder`] (all ASCII, so a byte
/// search finds the characters).
fn is_sentence_end(b: u8) -> bool {
    matches!(b, b'.' | b';' | b'\n' | b'?' | b'!')
}

/// The period a period or date record gives a registration.
fn period_of(data: &RecordData) -> Option<Period> {
    match data {
        RecordData::Period(p) => Some(p.clone()),
        RecordData::Date(d) => Some(Period {
            start: Some(d.value.clone()),
            end: Some(d.value.clone()),
            ..Period::default()
        }),
        _ => None,
    }
}

/// [`PeriodFinder`]'s answer by walking back from each registration to the start of its
/// sentence: right for records in any order, but it reads the text between a
/// registration and each record before it, which costs the square of a sentence's
/// records (and more). The driver's records are apart and in order: this answers
/// for no text it reads, only where its promise would be broken. Adds the records
/// and bytes it reads to `steps`.
fn attach_periods_walking_back(text: &str, matches: &mut [Match], steps: &mut usize) {
    for i in 0..matches.len() {
        if !matches!(&matches[i].data, RecordData::Registration(r) if r.period.is_none()) {
            continue;
        }
        let start = matches[i].start;
        let mut found = None;
        for j in (0..i).rev() {
            let between = text.get(matches[j].end..start).unwrap_or(".");
            *steps += 1 + between.len();
            if between.contains(['.', ';', '\n', '?', '!']) {
                break;
            }
            if let Some(p) = period_of(&matches[j].data) {
                found = Some(p);
                break;
            }
        }
        if let (Some(p), RecordData::Registration(r)) = (found, &mut matches[i].data) {
            r.period = Some(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Approx, Date, Precision, Registration, RegistrationUnit};
    use compact_str::CompactString;

    fn record(kind: u8, start: usize, end: usize) -> Match {
        let data = match kind {
            0 => RecordData::Period(Period {
                last_years: Some(start as u32),
                ..Period::default()
            }),
            1 => RecordData::Date(Date {
                value: format!("{start}").into(),
                precision: Precision::Year,
            }),
            2 | 3 => RecordData::Registration(Box::new(Registration {
                value: Some(5),
                approx: Approx::Exact,
                unit: RegistrationUnit::People,
                who: CompactString::default(),
                activity: None,
                rate: None,
                period: (kind == 3).then(Period::default),
                of_which: vec![],
            })),
            _ => RecordData::Percentage(crate::record::Percentage {
                value: 5.0,
                approx: Approx::Exact,
                subject: None,
            }),
        };
        Match {
            start,
            end,
            data,
            richness: 0,
            diagnostics: vec![],
        }
    }

    fn attach_periods(text: &str, matches: &mut [Match]) {
        let mut finder = PeriodFinder::default();
        for i in 0..matches.len() {
            finder.see(text, matches, i, &mut 0);
        }
        finder.finish(text, matches, &mut 0);
    }

    fn periods(matches: &[Match]) -> Vec<Option<Period>> {
        matches
            .iter()
            .map(|m| match &m.data {
                RecordData::Registration(r) => r.period.clone(),
                _ => None,
            })
            .collect()
    }

    proptest::proptest! {
        /// The one pass attaches what the walk back attaches, for records apart and
        /// in order (the driver's) and for records that are not.
        #[test]
        fn one_pass_attaches_what_the_walk_back_attaches(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", " ", ".", ";", "\n", "?", "!", "ă", ", "]),
                0..60,
            ),
            records in proptest::collection::vec((0u8..5, 0usize..70, 0usize..8), 0..12),
            in_order in proptest::bool::ANY,
        ) {
            let text = pieces.concat();
            let mut spans: Vec<(u8, usize, usize)> = records
                .into_iter()
                .map(|(kind, at, len)| (kind, at.min(text.len()), (at + len).min(text.len())))
                .collect();
            if in_order {
                // apart and in order: cut the text at sorted points, records between
                let mut points: Vec<usize> = spans.iter().flat_map(|s| [s.1, s.2]).collect();
                for p in &mut points {
                    while !text.is_char_boundary(*p) {
                        *p -= 1;
                    }
                }
                points.sort_unstable();
                spans = spans
                    .iter()
                    .zip(points.chunks(2))
                    .map(|(s, p)| (s.0, p[0], p[1]))
                    .collect();
            }
            let mut fast: Vec<Match> = spans.iter().map(|&(k, s, e)| record(k, s, e)).collect();
            let mut slow: Vec<Match> = spans.iter().map(|&(k, s, e)| record(k, s, e)).collect();
            attach_periods(&text, &mut fast);
            attach_periods_walking_back(&text, &mut slow, &mut 0);
            proptest::prop_assert_eq!(periods(&fast), periods(&slow));
        }
    }

    #[test]
    fn a_period_governs_its_sentence_only() {
        let text = "Năm 2022, 5 đăng ký, 6 đăng ký. 7 đăng ký";
        let at = |s: &str| text.find(s).unwrap();
        let spans = [
            (1, 0, at(",")),
            (2, at("5"), at("5") + 1),
            (2, at("6"), at("6") + 1),
            (2, at("7"), at("7") + 1),
        ];
        let mut fast: Vec<Match> = spans.iter().map(|&(k, s, e)| record(k, s, e)).collect();
        let mut finder = PeriodFinder::default();
        for i in 0..fast.len() {
            finder.see(text, &mut fast, i, &mut 0);
        }
        assert!(!finder.out_of_order);
        finder.finish(text, &mut fast, &mut 0);
        let found = periods(&fast);
        assert!(found[1].is_some() && found[2].is_some());
        assert!(found[3].is_none());
    }
}
