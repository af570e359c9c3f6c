//! `sum` checks: a total followed by its breakdown.
//!
//! ```text
//! 91 tổ chức cơ sở đảng (45 đảng bộ và 46 chi bộ trực thuộc)          parenthesised
//! 58 tổ chức cơ sở đảng, gồm 16 đảng bộ cơ sở và 42 chi bộ cơ sở      gồm / bao gồm
//! 78.215 đảng viên, trong đó 76.902 đảng viên chính thức và 1.313 …  trong đó (có)
//! 23 chi bộ trực thuộc với 612 đảng viên, trong đó 12 chi bộ thôn, …  the total two back
//! ```
//! A check is made only when the breakdown is complete as written: at least two
//! parts of the total's kind, joined by nothing but commas, "và" or semicolons, and
//! nothing countable left dangling after the last part. Member subsets such as
//! "1.433 đảng viên nữ và 786 đảng viên người dân tộc thiểu số" overlap by nature
//! and are not checked; only full plus probationary members is a partition. A total
//! or part with an approximation word ("hơn 300") is not checked either.

use crate::extraction::{Check, CheckKind};
use crate::record::{Approx, MemberCategory, RecordData};
use crate::text::keyword::{Keyword, Lexicon};

use super::Match;

static TRONG_DO: Lexicon<()> = Lexicon::new(&[
    ("bao gồm", ()),
    ("gồm", ()),
    ("gồm có", ()),
    ("trong đó", ()),
    ("trong đó có", ()),
]);

static VA: Keyword = Keyword::new("và");
static VOI: Keyword = Keyword::new("với");

#[derive(Clone, Copy, PartialEq)]
enum Family {
    Org,
    Member,
}

fn family(m: &Match) -> Option<Family> {
    match m.data {
        RecordData::OrgCount(_) => Some(Family::Org),
        RecordData::MemberCount(_) => Some(Family::Member),
        _ => None,
    }
}

fn value_of(m: &Match) -> Option<(u64, Approx)> {
    match &m.data {
        RecordData::OrgCount(c) => Some((c.value, c.approx)),
        RecordData::MemberCount(c) => Some((c.value, c.approx)),
        _ => None,
    }
}

/// The sum checks whose total is record `i`, or its neighbour before it joined by
/// "với"; `matches` are sorted by start and their indices are the records' indices.
/// Adds the records it visits and the bytes it scans to `steps`.
#[inline]
pub(crate) fn sum_checks_at(
    text: &str,
    matches: &[Match],
    i: usize,
    checks: &mut Vec<Check>,
    steps: &mut usize,
) {
    // most records are of other kinds: they cost no call
    if let Some(fam) = family(&matches[i]) {
        sum_checks_of(text, matches, i, fam, checks, steps);
    }
}

fn sum_checks_of(
    text: &str,
    matches: &[Match],
    i: usize,
    fam: Family,
    checks: &mut Vec<Check>,
    steps: &mut usize,
) {
    let mut after = matches[i].end;
    // (part, part, …)
    if let Some(open) = opens_paren(text, after, steps) {
        if let Some((parts, close)) = chain(text, matches, i + 1, open, fam, true, steps) {
            checks.extend(check(matches, i, &parts, steps));
            after = close;
        }
    }
    // , trong đó (có) part, part và part
    let Some(start) = opens_list(text, after) else {
        return;
    };
    let Some(first) = record_at(matches, i, start, steps) else {
        return;
    };
    let part_family = family(&matches[first]);
    let total = if part_family == Some(fam) {
        Some(i)
    } else {
        // "23 chi bộ với 612 đảng viên, trong đó 12 chi bộ …"
        previous_joined_by_voi(text, matches, i).filter(|&t| family(&matches[t]) == part_family)
    };
    if let (Some(total), Some(pf)) = (total, part_family) {
        if let Some((parts, _)) = chain(text, matches, first, start, pf, false, steps) {
            checks.extend(check(matches, total, &parts, steps));
        }
    }
}

/// The record that starts at `start`, a position after record `i` ends. The
/// records are sorted, so a search after `i` finds it: a walk from the first record
/// would make a document of many lists cost lists times records. The search gallops
/// from `i`: the record is nearly always the next, and a binary search over all the
/// records after it would cost their logarithm for each list.
fn record_at(matches: &[Match], i: usize, start: usize, steps: &mut usize) -> Option<usize> {
    let after = matches.get(i + 1..)?;
    // the records before `low` start before `start`; the one sought is at most `high`
    let (mut low, mut high) = (0, after.len().min(1));
    while high < after.len() && after[high - 1].start < start {
        *steps += 1;
        low = high;
        high = (2 * high).min(after.len());
    }
    let window = &after[low..high];
    *steps += 1 + window.len().checked_ilog2().unwrap_or(0) as usize;
    let first = i + 1 + low + window.partition_point(|m| m.start < start);
    matches
        .get(first)
        .is_some_and(|m| m.start == start)
        .then_some(first)
}

/// `s` without its leading spaces, counting them in `steps`.
fn skip_spaces<'a>(s: &'a str, steps: &mut usize) -> &'a str {
    let t = s.trim_start_matches(' ');
    *steps += s.len() - t.len();
    t
}

/// "(" after the total: where the first part should start.
fn opens_paren(text: &str, at: usize, steps: &mut usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let trimmed = skip_spaces(rest, steps);
    let inner = trimmed.strip_prefix('(')?;
    let inner_trimmed = skip_spaces(inner, steps);
    Some(text.len() - inner_trimmed.len())
}

/// ", trong đó có " / " gồm " / ": " after the total: where the first part starts.
fn opens_list(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    if let Some(r) = rest.strip_prefix(": ") {
        return Some(text.len() - r.len());
    }
    let r = rest.strip_prefix(',').unwrap_or(rest).strip_prefix(' ')?;
    let (_, n) = TRONG_DO.longest_at(r)?;
    let r = &r[n..];
    let r = r.strip_prefix(':').unwrap_or(r).strip_prefix(' ')?;
    Some(text.len() - r.len())
}

/// The record before `i`, when the text between them is " với ".
fn previous_joined_by_voi(text: &str, matches: &[Match], i: usize) -> Option<usize> {
    let prev = i.checked_sub(1)?;
    let between = text.get(matches[prev].end..matches[i].start)?;
    let word = between.strip_prefix(' ')?.strip_suffix(' ')?;
    (VOI.match_at(word) == Some(word.len())).then_some(prev)
}

/// Parts from `first` on, joined by separators; the chain must end cleanly: at ")"
/// inside parentheses, else with nothing countable right after the last part.
/// Returns the parts and, for parentheses, the position after ")".
fn chain(
    text: &str,
    matches: &[Match],
    first: usize,
    start: usize,
    fam: Family,
    in_parens: bool,
    steps: &mut usize,
) -> Option<(Vec<usize>, usize)> {
    let m = matches.get(first)?;
    if m.start != start || family(m) != Some(fam) {
        return None;
    }
    let mut parts = vec![first];
    let mut j = first;
    while let Some(next) = matches.get(j + 1) {
        *steps += 1;
        let Some(between) = text.get(matches[j].end..next.start) else {
            break;
        };
        if family(next) != Some(fam) || !is_separator(between, in_parens, steps) {
            break;
        }
        j += 1;
        parts.push(j);
    }
    let tail = text.get(matches[j].end..)?;
    let end = if in_parens {
        let t = skip_spaces(tail, steps);
        t.strip_prefix(')')?;
        text.len() - t.len() + 1
    } else {
        if dangling_count(tail, steps) {
            return None;
        }
        matches[j].end
    };
    (parts.len() >= 2).then_some((parts, end))
}

fn is_separator(between: &str, in_parens: bool, steps: &mut usize) -> bool {
    let t = between.trim_matches(' ');
    *steps += between.len() - t.len();
    if t == "," || (in_parens && t == ";") {
        return true;
    }
    let t = skip_spaces(t.strip_prefix(',').unwrap_or(t), steps);
    VA.match_at(t) == Some(t.len())
}

/// ", 22 xí nghiệp": the list goes on with something that is no record of ours.
fn dangling_count(tail: &str, steps: &mut usize) -> bool {
    let t = skip_spaces(tail.strip_prefix(',').unwrap_or(tail), steps);
    let t = VA.match_at(t).map_or(t, |n| skip_spaces(&t[n..], steps));
    tail.starts_with([',', ' ']) && t.starts_with(|c: char| c.is_ascii_digit())
}

fn check(matches: &[Match], total: usize, parts: &[usize], steps: &mut usize) -> Option<Check> {
    let (expected, approx) = value_of(&matches[total])?;
    if approx != Approx::Exact {
        return None;
    }
    let mut found = 0u64;
    *steps += parts.len();
    for &p in parts {
        let (v, a) = value_of(&matches[p])?;
        if a != Approx::Exact {
            return None;
        }
        found = found.saturating_add(v);
    }
    if family(&matches[total]) == Some(Family::Member)
        && !is_member_partition(matches, parts, steps)
    {
        return None;
    }
    Some(Check {
        check: CheckKind::Sum,
        total,
        parts: parts.to_vec(),
        expected: expected as f64,
        found: found as f64,
        ok: expected == found,
    })
}

fn is_member_partition(matches: &[Match], parts: &[usize], steps: &mut usize) -> bool {
    *steps += parts.len();
    let cats: Vec<MemberCategory> = parts
        .iter()
        .filter_map(|&p| match &matches[p].data {
            RecordData::MemberCount(c) if c.scope.is_none() => Some(c.category),
            _ => None,
        })
        .collect();
    cats.len() == parts.len()
        && cats.len() == 2
        && cats.contains(&MemberCategory::FullMember)
        && cats.contains(&MemberCategory::ProbationaryMember)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Date, Precision};
    use compact_str::CompactString;

    proptest::proptest! {
        /// The search finds what a walk from the first record finds.
        #[test]
        fn record_at_finds_what_a_walk_from_the_first_finds(
            mut spans in proptest::collection::vec((0usize..120, 0usize..6), 1..40),
            pick in 0usize..40,
            gap in 0usize..120,
        ) {
            spans.sort_unstable();
            let matches: Vec<Match> = spans
                .iter()
                .map(|&(start, len)| Match {
                    start,
                    end: start + len,
                    data: RecordData::Date(Date {
                        value: CompactString::default(),
                        precision: Precision::Year,
                    }),
                    richness: 0,
                    diagnostics: vec![],
                })
                .collect();
            let i = pick % matches.len();
            // a list opens at least a byte after the record's end
            let start = matches[i].end + 1 + gap;
            let walked = matches
                .iter()
                .position(|m| m.start >= start)
                .filter(|&f| matches[f].start == start);
            proptest::prop_assert_eq!(record_at(&matches, i, start, &mut 0), walked);
        }
    }
}
