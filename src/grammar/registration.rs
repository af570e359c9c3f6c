//! `registration`: who registered or committed to something, how many, at what rate.
//!
//! ```text
//! [approx] N [lượt] <who> [đã|đều] <verb> <activity> [, đạt R%] [, trong đó (có) M <who>]
//! [approx] R% <who> [đã|đều] <verb> <activity>
//!     33.622 lượt đảng viên đăng ký học và làm theo Bác, đạt 100%, trong đó có 3.508 cán bộ, lãnh đạo chủ chốt
//!     100% cán bộ, đảng viên đã ký cam kết không vi phạm những điều đảng viên không được làm
//! ```
//! Verbs: đăng ký, đăng ký cam kết, ký cam kết, cam kết. `who` must start with a
//! noun for people or bodies (đảng viên, cán bộ, chi bộ …). The `period` that
//! governs the sentence ("Trong 5 năm qua, …", "Năm 2022, …") is attached after
//! extraction, from the period or year record nearest before it in the sentence.
//! Not supported: the verb before the count ("đăng ký được 5.000 lượt"), a rate in a
//! separate sentence.

use crate::record::{Approx, OfWhich, RecordData, RecordKind, Registration, RegistrationUnit};
use crate::text::keyword::token_len;
use crate::text::keyword::word_len;
use crate::text::keyword::{starts_word, Keyword, Lexicon};

use super::common::digit_start;
use super::common::{approx_word, count_at, number_end, quantity, APPROX, NUMBER_WORD_STARTS};
use super::percentage::SUBJECT_STOPS;
use super::{Ctx, Grammar, Match, Trigger};

/// The registration grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::Registration,
    name: "registration",
    triggers: &[
        Trigger::Digit,
        Trigger::Words(&APPROX),
        Trigger::Words(&NUMBER_WORD_STARTS),
    ],
    parse,
};

static LUOT: Keyword = Keyword::new("lượt");
static DAT: Keyword = Keyword::new("đạt");
static TRONG_DO: Lexicon<()> = Lexicon::new(&[("trong đó", ()), ("trong đó có", ())]);

/// Verbs of registering or committing.
static VERBS: Lexicon<()> = Lexicon::new(&[
    ("cam kết", ()),
    ("đăng ký", ()),
    ("đăng ký cam kết", ()),
    ("ký cam kết", ()),
]);

/// Adverbs between who and the verb.
static BEFORE_VERB: Lexicon<()> = Lexicon::new(&[
    ("đã", ()),
    ("đã tự nguyện", ()),
    ("đều", ()),
    ("tự nguyện", ()),
]);

/// Nouns the registrants start with.
static WHO_HEADS: Lexicon<()> = Lexicon::new(&[
    ("bí thư", ()),
    ("cá nhân", ()),
    ("cán bộ", ()),
    ("chi bộ", ()),
    ("công chức", ()),
    ("công nhân", ()),
    ("cơ quan", ()),
    ("đảng bộ", ()),
    ("đảng viên", ()),
    ("đoàn viên", ()),
    ("đơn vị", ()),
    ("gia đình", ()),
    ("giáo viên", ()),
    ("hộ", ()),
    ("hội viên", ()),
    ("học sinh", ()),
    ("người", ()),
    ("quần chúng", ()),
    ("tập thể", ()),
    ("thanh niên", ()),
    ("tổ chức", ()),
    ("viên chức", ()),
]);

/// Words that may link the registrants to a place ("đảng viên trong Đảng bộ",
/// "cán bộ, đảng viên của huyện").
static WHO_LINKS: Lexicon<()> = Lexicon::new(&[
    ("của", ()),
    ("ở", ()),
    ("tại", ()),
    ("thuộc", ()),
    ("trong", ()),
]);

/// Words that end an activity.
static ACTIVITY_STOPS: Lexicon<()> = Lexicon::new(&[
    ("đạt", ()),
    ("nhưng", ()),
    ("trong đó", ()),
    ("trong khi", ()),
]);

static VA: Keyword = Keyword::new("và");

const MAX_WHO_WORDS: usize = 10;
const MAX_ACTIVITY_WORDS: usize = 25;

fn parse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    // the registrants follow the number after a space or a percent sign
    if !digit_start(ctx, at).may_sign_or_word() {
        return None;
    }
    parse_here(ctx, at)
}

/// [`parse`] once the bytes after a number do not rule it out.
#[inline(never)]
pub(super) fn parse_here(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    let (approx, num_at) = approx_word(text, at).unwrap_or((Approx::Exact, at));
    if !starts_word(text, num_at) {
        return None;
    }
    // Nearly every number is no registration, and the words after it say so for less
    // than reading it costs: the registrants and the verb first, the number last.
    let (unit, who_start) = registrants_after(ctx, num_at)?;
    if !verb_may_follow(text, who_start) {
        return None;
    }
    let (who_end, verb_end) = who_then_verb(ctx, who_start)?;
    // R% <who> …: a rate alone
    let (value, mut rate, mut diagnostics) = match percent_at(ctx, num_at) {
        Some((r, _, d)) => (None, Some(r), d),
        None => {
            let c = count_at(ctx, at)?;
            (Some(c.value), None, c.diagnostics)
        }
    };
    let who = ctx.written(who_start, who_end);
    let mut end = verb_end;
    // activity
    let mut activity = None;
    if let Some(p) = gap(text, end) {
        if let Some(a_end) = activity_end(ctx, p) {
            activity = Some(ctx.written(p, a_end));
            end = a_end;
        }
    }
    // , đạt R%
    if rate.is_none() {
        if let Some((r, next, d)) = text[end..]
            .strip_prefix(", ")
            .and_then(|_| DAT.match_at(&text[end + 2..]))
            .and_then(|n| gap(text, end + 2 + n))
            .and_then(|p| percent_at(ctx, p))
        {
            rate = Some(r);
            diagnostics.extend(d);
            end = next;
        }
    }
    // , trong đó (có) M <who>
    let mut of_which = Vec::new();
    if let Some(after) = text[end..].strip_prefix(", ") {
        if let Some((_, n)) = TRONG_DO.longest_at(after) {
            if let Some(p) = gap(text, end + 2 + n) {
                if let Some(c) = count_at(ctx, p) {
                    if let Some(w) =
                        gap(text, c.end).filter(|&w| WHO_HEADS.longest_at(&text[w..]).is_some())
                    {
                        let w_end = words_until_punctuation(text, w, MAX_WHO_WORDS);
                        if w_end > w {
                            of_which.push(OfWhich {
                                value: c.value,
                                who: ctx.written(w, w_end),
                            });
                            end = w_end;
                        }
                    }
                }
            }
        }
    }
    let richness =
        u8::from(activity.is_some()) + u8::from(rate.is_some()) + u8::from(!of_which.is_empty());
    Some(Match {
        start: at,
        end,
        richness,
        data: RecordData::Registration(Box::new(Registration {
            value,
            approx,
            unit,
            who,
            activity,
            rate,
            period: None,
            of_which,
        })),
        diagnostics,
    })
}

/// Where the registrants start after the number at `at` — after [a percent sign,] a
/// space and [lượt,] — and the unit; `None` unless a noun for registrants starts
/// there. The number's end comes from [`number_end`], which is where the number
/// that [`percent_at`] and [`count_at`] read ends, found without reading it.
fn registrants_after(ctx: &Ctx<'_>, at: usize) -> Option<(RegistrationUnit, usize)> {
    let text = ctx.text();
    let end = number_end(ctx, at)?;
    let end = percent_sign_end(text, end).unwrap_or(end);
    let mut pos = gap(text, end)?;
    let unit = match LUOT.match_at(&text[pos..]) {
        Some(n) => {
            pos = gap(text, pos + n)?;
            RegistrationUnit::Times
        }
        None => RegistrationUnit::People,
    };
    WHO_HEADS.longest_at(&text[pos..])?;
    Some((unit, pos))
}

/// The end of a percent sign right after a number ending at `at`: "%" or " %".
fn percent_sign_end(text: &str, at: usize) -> Option<usize> {
    let after = &text[at..];
    if after.starts_with('%') {
        Some(at + 1)
    } else if after.starts_with(" %") {
        Some(at + 2)
    } else {
        None
    }
}

fn gap(text: &str, at: usize) -> Option<usize> {
    text.get(at..)?.starts_with(' ').then_some(at + 1)
}

/// "98,5%" at `at`: the rate, the end, and any number diagnostics.
fn percent_at(ctx: &Ctx<'_>, at: usize) -> Option<(f64, usize, Vec<crate::error::Diagnostic>)> {
    let q = quantity(ctx, at)?;
    let end = percent_sign_end(ctx.text(), q.end)?;
    Some((q.value, end, q.diagnostics))
}

/// What [`verb_may_follow`] needs to know, derived from the word lists
/// [`who_then_verb`] reads.
struct VerbScan {
    /// The last word of every verb ("kết", "ký"): the walk finds a verb only where
    /// one of these follows.
    last_words: Vec<String>,
    /// Per byte: whether the walk cannot step over it (an ASCII byte that is no
    /// letter, space or comma), or may a last word start with it.
    class: [ByteClass; 256],
    /// The most spaces before a verb's last word: the verb starts at one of the
    /// first [`MAX_WHO_WORDS`] words, after an adverb or not.
    max_spaces: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    Other,
    Space,
    EndsWalk,
    MayStartLastWord,
}

fn verb_scan() -> &'static VerbScan {
    static SCAN: std::sync::OnceLock<VerbScan> = std::sync::OnceLock::new();
    SCAN.get_or_init(|| {
        let spaces = |w: &str| w.bytes().filter(|&b| b == b' ').count();
        let mut last_words: Vec<String> = VERBS
            .folded_words()
            .filter_map(|v| v.rsplit(' ').next())
            .map(str::to_string)
            .collect();
        last_words.sort();
        last_words.dedup();
        let mut class = [ByteClass::Other; 256];
        for b in 0..=127u8 {
            if !(b.is_ascii_alphabetic() || b == b',') {
                class[usize::from(b)] = ByteClass::EndsWalk;
            }
        }
        class[usize::from(b' ')] = ByteClass::Space;
        for w in &last_words {
            if let Some(&b) = w.as_bytes().first() {
                class[usize::from(b)] = ByteClass::MayStartLastWord;
            }
        }
        let adverb_spaces = BEFORE_VERB.folded_words().map(spaces).max().unwrap_or(0);
        let verb_spaces = VERBS.folded_words().map(spaces).max().unwrap_or(0);
        VerbScan {
            last_words,
            class,
            max_spaces: (MAX_WHO_WORDS - 1) + adverb_spaces + 1 + verb_spaces,
        }
    })
}

/// Whether a verb may end the registrants that start at `at`: the last word of a
/// verb comes within the words [`who_then_verb`] reads and before anything it
/// cannot walk over (an ASCII byte that is no letter, space or comma: a digit, a
/// full stop, a line break). Most nouns after a number start no registration, and
/// this costs a byte loop where the walk costs several look-ups a word.
fn verb_may_follow(text: &str, at: usize) -> bool {
    let scan = verb_scan();
    let bytes = text.as_bytes();
    let mut spaces = 0;
    for i in at..bytes.len() {
        match scan.class[usize::from(bytes[i])] {
            ByteClass::Other => {}
            ByteClass::Space => {
                spaces += 1;
                if spaces > scan.max_spaces {
                    return false;
                }
            }
            ByteClass::EndsWalk => return false,
            ByteClass::MayStartLastWord => {
                if scan
                    .last_words
                    .iter()
                    .any(|w| bytes[i..].starts_with(w.as_bytes()))
                {
                    return true;
                }
            }
        }
    }
    false
}

/// The registrants run from `at` to the verb: (end of who, end of verb).
fn who_then_verb(ctx: &Ctx<'_>, at: usize) -> Option<(usize, usize)> {
    let text = ctx.text();
    let mut pos = at;
    let mut who_end = at;
    for _ in 0..MAX_WHO_WORDS {
        let rest = text.get(pos..)?;
        if pos > at {
            let mut v = pos;
            if let Some((_, n)) = BEFORE_VERB.longest_at(rest) {
                v = gap(text, pos + n)?;
            }
            // "Văn phòng Đăng ký đất đai" is a name, not the verb
            if let Some((_, n)) = VERBS
                .longest_at(&text[v..])
                .filter(|_| !ctx.starts_upper_case(v))
            {
                return Some((who_end, v + n));
            }
            // "98% đảng viên thực hiện tốt nội dung đã đăng ký": the registrants are a
            // noun phrase; a verb or function word before the verb ends the reading
            if SUBJECT_STOPS.longest_at(rest).is_some() && WHO_LINKS.longest_at(rest).is_none() {
                return None;
            }
        }
        let len = word_len(rest);
        if len == 0 {
            return None;
        }
        pos += len;
        who_end = pos;
        let tail = &text[pos..];
        if tail.starts_with(' ') {
            pos += 1;
        } else if tail.starts_with(", ") {
            // "cán bộ, đảng viên": a list of people, not a new clause
            pos += 2;
            WHO_HEADS.longest_at(&text[pos..])?;
        } else {
            return None;
        }
    }
    None
}

/// The activity after the verb, up to ", đạt", ", trong đó", the end of the clause,
/// or [`MAX_ACTIVITY_WORDS`] words.
fn activity_end(ctx: &Ctx<'_>, at: usize) -> Option<usize> {
    let text = ctx.text();
    let mut pos = at;
    let mut end = at;
    for _ in 0..MAX_ACTIVITY_WORDS {
        let rest = &text[pos..];
        if ACTIVITY_STOPS.longest_at(rest).is_some()
            || super::document_ref::starts_reference(ctx, pos)
        {
            break;
        }
        let len = token_len(rest);
        if len == 0 {
            break;
        }
        pos += len;
        end = pos;
        let tail = &text[pos..];
        if tail.starts_with(' ') {
            pos += 1;
        } else if let Some(next) = tail.strip_prefix(", ") {
            // "tu dưỡng, rèn luyện, phấn đấu" goes on; ", đạt 98%" and
            // ", trong đó" end it, and so does a capital (a new clause)
            if ACTIVITY_STOPS.longest_at(next).is_some()
                || VA.match_at(next).is_some()
                || !next.starts_with(|c: char| c.is_alphabetic())
                || ctx.starts_upper_case(pos + 2)
            {
                break;
            }
            pos += 2;
        } else {
            break;
        }
    }
    (end > at).then_some(end)
}

/// Words from `at` until punctuation (a comma between words is kept when a word
/// follows), at most `max` words.
fn words_until_punctuation(text: &str, at: usize, max: usize) -> usize {
    let mut pos = at;
    let mut end = at;
    for _ in 0..max {
        let rest = &text[pos..];
        let len = word_len(rest);
        if len == 0 {
            break;
        }
        pos += len;
        end = pos;
        let tail = &text[pos..];
        if tail.starts_with(' ') {
            pos += 1;
        } else if tail.starts_with(", ") && text[pos + 2..].starts_with(|c: char| c.is_alphabetic())
        {
            pos += 2;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::Normalized;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn the_verb_scan_passes_every_walk_that_finds_a_verb(
            picks in proptest::collection::vec(0usize..WORDS.len(), 0..14),
            seps in proptest::collection::vec(0usize..SEPARATORS.len(), 14),
        ) {
            let mut text = String::new();
            for (i, &p) in picks.iter().enumerate() {
                if i > 0 {
                    text.push_str(SEPARATORS[seps[i]]);
                }
                text.push_str(WORDS[p]);
            }
            let view = Normalized::new(&text);
            let ctx = Ctx::new(&view, &text, None);
            if who_then_verb(&ctx, 0).is_some() {
                prop_assert!(verb_may_follow(view.as_str(), 0), "{}", text);
            }
        }
    }

    /// Words the registrants and their verb are made of, and some that end them.
    const WORDS: &[&str] = &[
        "đảng viên",
        "cán bộ",
        "Cán bộ",
        "đã",
        "đã tự nguyện",
        "đăng ký",
        "Đăng ký",
        "ký cam kết",
        "cam kết",
        "học",
        "trong",
        "5",
        "x.y",
        "kết",
        "KÝ",
        "a",
    ];
    const SEPARATORS: &[&str] = &[" ", " ", ", ", ", ", "\n", ". "];

    #[test]
    fn the_verb_scan_stops_where_the_walk_stops() {
        assert!(!verb_may_follow("đảng viên học tập. đăng ký", 0));
        assert!(verb_may_follow("đảng viên đã đăng ký", 0));
        assert!(verb_may_follow("cán bộ, đảng viên đăng ký", 0));
        let long_words = format!("đảng viên {} đăng ký", "a".repeat(2000));
        assert!(verb_may_follow(&long_words, 0));
        let many_words = format!("đảng viên {}đăng ký", "a ".repeat(40));
        assert!(!verb_may_follow(&many_words, 0));
    }
}
