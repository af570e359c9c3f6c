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
#[inline]
pub(crate) fn sum_checks_at(text: &str, matches: &[Match], i: usize, checks: &mut Vec<Check>) {
    // most records are of other kinds: they cost no call
    if let Some(fam) = family(&matches[i]) {
        sum_checks_of(text, matches, i, fam, checks);
    }
}

fn sum_checks_of(text: &str, matches: &[Match], i: usize, fam: Family, checks: &mut Vec<Check>) {
    let mut after = matches[i].end;
    // (part, part, …)
    if let Some(open) = opens_paren(text, after) {
        if let Some((parts, close)) = chain(text, matches, i + 1, open, fam, true) {
            checks.extend(check(matches, i, &parts));
            after = close;
        }
    }
    // , trong đó (có) part, part và part
    let Some(start) = opens_list(text, after) else {
        return;
    };
    let Some(first) = record_at(matches, i, start) else {
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
        if let Some((parts, _)) = chain(text, matches, first, start, pf, false) {
            checks.extend(check(matches, total, &parts));
        }
    }
}

/// The record that starts at `start`, a position after record `i` ends. The
/// records are sorted, so a search after `i` finds it: a walk from the first record
/// would make a document of many lists cost lists times records.
fn record_at(matches: &[Match], i: usize, start: usize) -> Option<usize> {
    let first = i + 1 + matches.get(i + 1..)?.partition_point(|m| m.start < start);
    matches
        .get(first)
        .is_some_and(|m| m.start == start)
        .then_some(first)
}

/// "(" after the total: where the first part should start.
fn opens_paren(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let trimmed = rest.trim_start_matches(' ');
    let inner = trimmed.strip_prefix('(')?;
    let inner_trimmed = inner.trim_start_matches(' ');
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
) -> Option<(Vec<usize>, usize)> {
    let m = matches.get(first)?;
    if m.start != start || family(m) != Some(fam) {
        return None;
    }
    let mut parts = vec![first];
    let mut j = first;
    while let Some(next) = matches.get(j + 1) {
        let Some(between) = text.get(matches[j].end..next.start) else {
            break;
        };
        if family(next) != Some(fam) || !is_separator(between, in_parens) {
            break;
        }
        j += 1;
        parts.push(j);
    }
    let tail = text.get(matches[j].end..)?;
    let end = if in_parens {
        let t = tail.trim_start_matches(' ');
        t.strip_prefix(')')?;
        text.len() - t.len() + 1
    } else {
        if dangling_count(tail) {
            return None;
        }
        matches[j].end
    };
    (parts.len() >= 2).then_some((parts, end))
}

fn is_separator(between: &str, in_parens: bool) -> bool {
    let t = between.trim_matches(' ');
    if t == "," || (in_parens && t == ";") {
        return true;
    }
    let t = t.strip_prefix(',').unwrap_or(t).trim_start_matches(' ');
    VA.match_at(t) == Some(t.len())
}

/// ", 22 xí nghiệp": the list goes on with something that is no record of ours.
fn dangling_count(tail: &str) -> bool {
    let t = tail
        .strip_prefix(',')
        .unwrap_or(tail)
        .trim_start_matches(' ');
    let t = VA.match_at(t).map_or(t, |n| t[n..].trim_start_matches(' '));
    tail.starts_with([',', ' ']) && t.starts_with(|c: char| c.is_ascii_digit())
}

fn check(matches: &[Match], total: usize, parts: &[usize]) -> Option<Check> {
    let (expected, approx) = value_of(&matches[total])?;
    if approx != Approx::Exact {
        return None;
    }
    let mut found = 0u64;
    for &p in parts {
        let (v, a) = value_of(&matches[p])?;
        if a != Approx::Exact {
            return None;
        }
        found = found.saturating_add(v);
    }
    if family(&matches[total]) == Some(Family::Member) && !is_member_partition(matches, parts) {
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

fn is_member_partition(matches: &[Match], parts: &[usize]) -> bool {
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
            mut spans in proptest::collection::vec((0usize..40, 0usize..6), 1..12),
            pick in 0usize..12,
            gap in 0usize..8,
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
            proptest::prop_assert_eq!(record_at(&matches, i, start), walked);
        }
    }
}
