//! `org_count`: how many Party organisations.
//!
//! ```text
//! [approx] N[/M] <noun> [level] [scope]
//! 91 tổ chức cơ sở đảng        45 đảng bộ        46 chi bộ trực thuộc      hơn 300 tổ đảng
//! 36 đảng bộ, chi bộ cơ sở     55/55 chi bộ, đảng bộ cơ sở                 27 đảng bộ bộ phận
//! 51 tổ chức cơ sở đảng trong cơ quan hành chính                          ba mươi tư TCCSĐ
//! ```
//! "45 đảng bộ và 46 chi bộ trực thuộc": the level written after the pair belongs to
//! both. Not counts: a name ("Chi bộ 1"), a year or ordinal ("năm 2016 đảng bộ",
//! "khóa 12"), a number glued to a symbol ("2/3 chi bộ" reads 2, never 3).
//! Not supported: "hai đảng bộ xã, thị trấn" style scopes that name places without
//! a preposition are read as far as the first comma.

use crate::record::{OrgCount, OrgLevel, OrgUnit, RecordData, RecordKind};
use crate::text::keyword::{Keyword, Lexicon};

use super::common::digit_start;
use super::common::{
    count_at, scope_after, skip_of_total, word_after_count, APPROX, NUMBER_WORD_STARTS,
};
use super::{Ctx, Grammar, Match, Trigger};

/// The org_count grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::OrgCount,
    name: "org_count",
    triggers: &[
        Trigger::Digit,
        Trigger::Words(&APPROX),
        Trigger::Words(&NUMBER_WORD_STARTS),
    ],
    parse,
};

/// Organisation nouns, with the level the noun itself implies.
static ORG_NOUNS: Lexicon<(OrgUnit, Option<OrgLevel>)> = Lexicon::new(&[
    ("chi bộ", (OrgUnit::PartyCell, None)),
    ("chi bộ, đảng bộ", (OrgUnit::GrassrootsOrganization, None)),
    ("chi, đảng bộ", (OrgUnit::GrassrootsOrganization, None)),
    ("đảng bộ", (OrgUnit::PartyCommittee, None)),
    ("đảng bộ, chi bộ", (OrgUnit::GrassrootsOrganization, None)),
    (
        "tccsđ",
        (OrgUnit::GrassrootsOrganization, Some(OrgLevel::Grassroots)),
    ),
    (
        "tổ chức cơ sở đảng",
        (OrgUnit::GrassrootsOrganization, Some(OrgLevel::Grassroots)),
    ),
    ("tổ chức đảng", (OrgUnit::PartyOrganization, None)),
    ("tổ đảng", (OrgUnit::PartyGroup, None)),
]);

/// Level words after the noun; `None` marks "cấp trên cơ sở" (the level above).
static LEVELS: Lexicon<Option<OrgLevel>> = Lexicon::new(&[
    ("bộ phận", Some(OrgLevel::Component)),
    ("cấp trên cơ sở", None),
    ("cơ sở", Some(OrgLevel::Grassroots)),
    ("trực thuộc", Some(OrgLevel::DirectlyUnder)),
]);

static VA: Keyword = Keyword::new("và");

/// One org phrase at `at`: the record and its end, in normalised offsets.
struct Phrase {
    record: OrgCount,
    end: usize,
    diagnostics: Vec<crate::error::Diagnostic>,
}

fn phrase(ctx: &Ctx<'_>, at: usize) -> Option<Phrase> {
    let text = ctx.text();
    ORG_NOUNS.longest_at(text.get(word_after_count(ctx, at)?..)?)?;
    let count = count_at(ctx, at)?;
    let mut end = skip_of_total(text, count.end)?;
    let after = text.get(end..)?.strip_prefix(' ')?;
    let ((unit, implied), n) = ORG_NOUNS.longest_at(after)?;
    end += 1 + n;
    let mut level = implied;
    if let Some((written, n)) = text[end..]
        .strip_prefix(' ')
        .and_then(|a| LEVELS.longest_at(a))
    {
        // "tổ chức cơ sở đảng" already says "cơ sở"; a level word after it still counts
        level = written;
        end += 1 + n;
    }
    let mut scope = scope_after(ctx, end, false);
    let scope_text = match (level, scope) {
        // "trực thuộc Trung ương": the object belongs to the level, it narrows
        // nothing; only a named body is its object ("14 chi bộ trực thuộc | đưa …")
        (Some(OrgLevel::DirectlyUnder), Some((s, _))) => {
            if !ctx.starts_upper_case(s) {
                scope = None;
            }
            None
        }
        (_, s) => s.map(|(s, e)| ctx.written(s, e)),
    };
    if let Some((_, e)) = scope {
        end = e;
    }
    Some(Phrase {
        record: OrgCount {
            value: count.value,
            approx: count.approx,
            unit,
            level,
            scope: scope_text,
        },
        end,
        diagnostics: count.diagnostics,
    })
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
    let mut p = phrase(ctx, at)?;
    if p.record.level.is_none() && p.record.scope.is_none() {
        // "45 đảng bộ và 46 chi bộ trực thuộc": the pair shares the level
        let text = ctx.text();
        let next = text[p.end..]
            .strip_prefix(' ')
            .and_then(|a| VA.match_at(a).map(|n| p.end + 1 + n + 1));
        if let Some(next) = next.filter(|&n| n <= text.len()) {
            if let Some(q) = phrase(ctx, next) {
                p.record.level = q.record.level;
            }
        }
    }
    let richness = u8::from(p.record.level.is_some()) + u8::from(p.record.scope.is_some());
    Some(Match {
        start: at,
        end: p.end,
        data: RecordData::OrgCount(p.record),
        richness,
        diagnostics: p.diagnostics,
    })
}
