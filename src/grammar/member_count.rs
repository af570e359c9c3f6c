//! `member_count`: how many Party members.
//!
//! ```text
//! [approx] N[/M] [cán bộ,] đảng viên [chính thức | dự bị | mới] [được kết nạp] [scope]
//! kết nạp [được] [thêm] [approx] N đảng viên [mới]          phát triển được 195/160 đảng viên
//! kết nạp từ 250 đảng viên trở lên                  hơn 6,2 vạn đảng viên
//! ```
//! Not counts: "N lượt đảng viên" (person-times: a registration), a number that a
//! year word governs, a number separated from the noun ("số đảng viên là 5,6 triệu").

use crate::record::{Approx, MemberCategory, MemberCount, RecordData, RecordKind};
use crate::text::keyword::{Keyword, Lexicon};

use super::common::digit_start;
use super::common::{
    count_at, scope_after, skip_of_total, word_after_count, APPROX, NUMBER_WORD_STARTS,
};
use super::{Ctx, Grammar, Match, Trigger};

static KET_NAP: Keyword = Keyword::new("kết nạp");
static PHAT_TRIEN: Keyword = Keyword::new("phát triển");
static DUOC: Keyword = Keyword::new("được");
static THEM: Keyword = Keyword::new("thêm");
static TU: Keyword = Keyword::new("từ");
static TRO_LEN: Keyword = Keyword::new("trở lên");
static DUOC_KET_NAP: Keyword = Keyword::new("được kết nạp");
static TRO_XUONG: Keyword = Keyword::new("trở xuống");

/// The member_count grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::MemberCount,
    name: "member_count",
    triggers: &[
        Trigger::Digit,
        Trigger::Words(&APPROX),
        Trigger::Words(&NUMBER_WORD_STARTS),
        Trigger::Word(&KET_NAP),
        Trigger::Word(&PHAT_TRIEN),
        Trigger::Word(&TU),
    ],
    parse,
};

static MEMBER_NOUNS: Lexicon<()> = Lexicon::new(&[
    ("cán bộ đảng viên", ()),
    ("cán bộ, đảng viên", ()),
    ("đảng viên", ()),
]);

static CATEGORIES: Lexicon<MemberCategory> = Lexicon::new(&[
    ("chính thức", MemberCategory::FullMember),
    ("dự bị", MemberCategory::ProbationaryMember),
    ("mới", MemberCategory::NewMember),
]);

/// `keyword` then one space at `at`: the position after the space.
fn word_then_space(text: &str, at: usize, keyword: &'static Keyword) -> Option<usize> {
    let n = keyword.match_at(text.get(at..)?)?;
    text[at + n..].starts_with(' ').then_some(at + n + 1)
}

fn parse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    // most numbers count nothing, and the byte after them says so
    if !digit_start(ctx, at).may_count() {
        return None;
    }
    parse_here(ctx, at)
}

/// [`parse`] once the bytes after a number do not rule it out.
#[inline(never)]
pub(super) fn parse_here(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    if text.as_bytes().get(at).is_some_and(u8::is_ascii_digit) {
        // no leading word starts with a digit: a count right here, as at most calls
        return counted(ctx, at, at, false, false);
    }
    let mut pos = at;
    // kết nạp (được), phát triển (được)
    let admitted = match word_then_space(text, pos, &KET_NAP)
        .or_else(|| word_then_space(text, pos, &PHAT_TRIEN))
    {
        Some(next) => {
            let next = word_then_space(text, next, &DUOC).unwrap_or(next);
            pos = word_then_space(text, next, &THEM).unwrap_or(next);
            true
        }
        None => false,
    };
    // từ N … trở lên
    let from = match word_then_space(text, pos, &TU) {
        Some(next) => {
            pos = next;
            true
        }
        None => false,
    };
    counted(ctx, at, pos, admitted, from)
}

/// The count at `pos` and what follows it, for a match from `at`: `admitted` after
/// "kết nạp"/"phát triển", `from` after "từ".
fn counted(ctx: &Ctx<'_>, at: usize, pos: usize, admitted: bool, from: bool) -> Option<Match> {
    let text = ctx.text();
    MEMBER_NOUNS.longest_at(text.get(word_after_count(ctx, pos)?..)?)?;
    let count = count_at(ctx, pos)?;
    let mut end = skip_of_total(text, count.end)?;
    let (_, n) = MEMBER_NOUNS.longest_at(text.get(end..)?.strip_prefix(' ')?)?;
    end += 1 + n;
    let mut category = if admitted {
        MemberCategory::NewMember
    } else {
        MemberCategory::Member
    };
    if let Some((c, n)) = text[end..]
        .strip_prefix(' ')
        .and_then(|a| CATEGORIES.longest_at(a))
    {
        if !admitted || c == MemberCategory::NewMember {
            category = c;
        }
        end += 1 + n;
    }
    if let Some(n) = text[end..]
        .strip_prefix(' ')
        .and_then(|a| DUOC_KET_NAP.match_at(a))
    {
        category = MemberCategory::NewMember;
        end += 1 + n;
    }
    // "từ 250 đảng viên trở lên", "ba đảng viên chính thức trở lên", "30 … trở xuống"
    let after = text[end..].strip_prefix(' ');
    let bound = after
        .and_then(|a| TRO_LEN.match_at(a).map(|n| (Approx::AtLeast, n)))
        .or_else(|| after.and_then(|a| TRO_XUONG.match_at(a).map(|n| (Approx::AtMost, n))));
    let approx = match bound {
        Some((a, n)) => {
            end += 1 + n;
            a
        }
        None if from => return None,
        None => count.approx,
    };
    let scope = scope_after(ctx, end, false);
    let scope_text = scope.map(|(s, e)| ctx.written(s, e));
    if let Some((_, e)) = scope {
        end = e;
    }
    Some(Match {
        start: at,
        end,
        richness: u8::from(scope_text.is_some()),
        data: RecordData::MemberCount(MemberCount {
            value: count.value,
            approx,
            category,
            scope: scope_text,
        }),
        diagnostics: count.diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_leading_word_starts_with_a_digit() {
        for k in [&KET_NAP, &PHAT_TRIEN, &TU] {
            assert!(!k.folded().starts_with(|c: char| c.is_ascii_digit()));
        }
    }
}
