//! Vietnamese number words ("hai mươi mốt", "một trăm linh năm", "năm nghìn ba trăm tỷ").
//!
//! Shapes accepted (on the normalised view; examples written in plain Vietnamese):
//! ```text
//! một … chín                    1 … 9 (bảy and bẩy are both 7)
//! mười, mười một … mười chín    10 … 19; also mười tư (14), mười lăm / mười nhăm (15)
//! hai mươi … chín mươi chín     20 … 99; the unit may be mốt or một (1), tư or bốn (4),
//!                               lăm or nhăm (5)
//! hai chục, một chục            20, 10 (a digit, then chục; no unit after it)
//! ba trăm, ba trăm năm mươi     300, 350
//! một trăm linh năm             105 (linh or lẻ, then one unit; tư allowed: 104)
//! một trăm mười lăm             115
//! một trăm hai, một trăm mốt    120, 110 (colloquial shorthand: after "X trăm" a
//!                               lone unit counts tens)
//! một trăm rưỡi                 150 (rưỡi is half of the multiplier before it)
//! hai nghìn không trăm hai mươi 2020 (không only as "không trăm" after a scale word)
//! hai nghìn hai mươi            2020 (the hundreds of an inner group may be left out)
//! hai nghìn linh năm            2005
//! một triệu hai trăm nghìn      1 200 000
//! hai nghìn rưỡi, một triệu hai 2 500, 1 200 000: a lone unit after the last scale word
//!                               counts tenths of it, rưỡi is half of it
//! một vạn, hai vạn rưỡi         10 000, 25 000
//! năm nghìn ba trăm tỷ          5 300 × 10^9: a larger scale word multiplies the
//! hai nghìn tỷ                  smaller segments before it (2 × 10^12)
//! ```
//! Scale words: nghìn/ngàn 10^3, vạn 10^4, triệu 10^6, tỷ/tỉ 10^9.
//!
//! What the parser does NOT do, on purpose:
//! - Words that also have a non-number meaning are numbers only where the number
//!   meaning is forced: tư ("fourth", "private") only after mươi, mười or linh and in
//!   the shorthand; mốt ("the day after tomorrow") only after mươi and in the
//!   shorthand; lăm/nhăm only after mười/mươi; không ("not") only in "không trăm"
//!   after a scale word; chục, trăm, mươi and the scale words only after a number
//!   word ("vài chục", "hàng trăm", "mươi người", "triệu người" are not numbers).
//! - "năm" after mười/mươi is not 5: "mười năm", "hai mươi năm" read as 10 and 20
//!   (followed by "năm", year), which is what a report almost always means.
//!   Likewise "một trăm năm" is 100 (a century), not 150.
//! - A lone "năm" is 5 even when a year follows ("năm 2020" gives 5, length of
//!   "năm"); whether it was a number is the caller's decision.
//! - Not supported: digit-by-digit readings ("một trăm không năm", "hai không hai
//!   không"); the dropped-mươi shorthand ("hai mốt", "ba lăm"); a shorthand unit
//!   before a scale word ("một trăm hai nghìn": 102 000 or 120 000? the parse stops
//!   after "một trăm"), except rưỡi after trăm ("hai trăm rưỡi nghìn" is 250 000);
//!   a shorthand after a compound scale ("hai nghìn tỷ rưỡi"); a repeated scale
//!   ("tỷ tỷ"); fractions ("hai mươi rưỡi"); negative numbers; ordinals ("thứ tư").
//! - Words must be separated by exactly one space (the normalised view's spacing); a
//!   line break, comma or hyphen ends the phrase.
//!
//! Malformed sequences stop at the longest valid prefix ("hai hai" is 2, length of
//! "hai"), and so does a value that would overflow `u64`. The look-ahead is bounded:
//! at most `MAX_WORDS` (40) words are read.

use super::keyword::Lexicon;

/// Enough for any phrase that fits in a `u64` read the long way
/// ("chín trăm chín mươi chín nghìn …" runs to about 30 words); longer runs are cut,
/// never scanned.
const MAX_WORDS: usize = 40;

/// What one number word can be; where it may stand is decided by the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// một … chín; một (1) and năm (5) are restricted in places.
    Digit(u64),
    /// không: zero hundreds in "không trăm".
    Khong,
    /// mốt: 1 after mươi.
    Mot,
    /// tư: 4 after mươi/mười/linh.
    Tu,
    /// lăm, nhăm: 5 after mười/mươi.
    Lam,
    /// rưỡi: half of the multiplier before it.
    Ruoi,
    /// mười: ten, on its own.
    Muoi10,
    /// mươi: the tens marker after a digit.
    Muoi,
    /// chục: tens after a digit.
    Chuc,
    /// trăm.
    Tram,
    /// linh, lẻ: zero tens.
    Linh,
    /// nghìn, ngàn, vạn, triệu, tỷ, tỉ.
    Scale(u64),
}

/// Every number word, folded on first use.
static WORDS: Lexicon<Tok> = Lexicon::new(&[
    ("không", Tok::Khong),
    ("một", Tok::Digit(1)),
    ("hai", Tok::Digit(2)),
    ("ba", Tok::Digit(3)),
    ("bốn", Tok::Digit(4)),
    ("năm", Tok::Digit(5)),
    ("sáu", Tok::Digit(6)),
    ("bảy", Tok::Digit(7)),
    ("bẩy", Tok::Digit(7)),
    ("tám", Tok::Digit(8)),
    ("chín", Tok::Digit(9)),
    ("mốt", Tok::Mot),
    ("tư", Tok::Tu),
    ("lăm", Tok::Lam),
    ("nhăm", Tok::Lam),
    ("rưỡi", Tok::Ruoi),
    ("mười", Tok::Muoi10),
    ("mươi", Tok::Muoi),
    ("chục", Tok::Chuc),
    ("trăm", Tok::Tram),
    ("linh", Tok::Linh),
    ("lẻ", Tok::Linh),
    ("nghìn", Tok::Scale(1_000)),
    ("ngàn", Tok::Scale(1_000)),
    ("vạn", Tok::Scale(10_000)),
    ("triệu", Tok::Scale(1_000_000)),
    ("tỷ", Tok::Scale(1_000_000_000)),
    ("tỉ", Tok::Scale(1_000_000_000)),
]);

/// The scale words of [`WORDS`], with their multipliers.
static SCALES: Lexicon<u64> = Lexicon::new(&[
    ("nghìn", 1_000),
    ("ngàn", 1_000),
    ("vạn", 10_000),
    ("triệu", 1_000_000),
    ("tỷ", 1_000_000_000),
    ("tỉ", 1_000_000_000),
]);

/// The run of number words at the start of the input, read once so that the grammar
/// can look ahead without re-matching.
struct Tokens {
    /// Each word and the byte offset where it ends.
    words: [(Tok, usize); MAX_WORDS],
    len: usize,
}

impl Tokens {
    fn read(input: &str) -> Self {
        let mut t = Tokens {
            words: [(Tok::Tram, 0); MAX_WORDS],
            len: 0,
        };
        let mut pos = 0;
        while t.len < MAX_WORDS {
            let Some((tok, n)) = input.get(pos..).and_then(|rest| WORDS.longest_at(rest)) else {
                break;
            };
            let end = pos + n;
            t.words[t.len] = (tok, end);
            t.len += 1;
            if input.as_bytes().get(end) != Some(&b' ') {
                break;
            }
            // after an ASCII space: a char boundary
            pos = end + 1;
        }
        t
    }

    fn get(&self, i: usize) -> Option<Tok> {
        self.words[..self.len].get(i).map(|w| w.0)
    }

    /// The end of word `i`, which the caller has already seen exist.
    fn end(&self, i: usize) -> usize {
        self.words[..self.len].get(i).map_or(0, |w| w.1)
    }
}

/// A unit after mười: not năm ("mười năm" is ten years), not mốt.
fn after_muoi10(t: Tok) -> Option<u64> {
    match t {
        Tok::Digit(d) if d != 5 => Some(d),
        Tok::Tu => Some(4),
        Tok::Lam => Some(5),
        _ => None,
    }
}

/// A unit after mươi: as after mười, plus mốt.
fn after_muoi(t: Tok) -> Option<u64> {
    match t {
        Tok::Mot => Some(1),
        t => after_muoi10(t),
    }
}

/// A unit after linh/lẻ: any digit, năm included ("một trăm linh năm").
fn after_linh(t: Tok) -> Option<u64> {
    match t {
        Tok::Digit(d) => Some(d),
        Tok::Tu => Some(4),
        _ => None,
    }
}

/// The shorthand unit after a multiplier ("trăm hai", "nghìn rưỡi"): not một (which
/// would read as "… linh một" to some), not năm ("một trăm năm" is a century).
fn shorthand(t: Tok) -> Option<u64> {
    match t {
        Tok::Digit(d) if d != 1 && d != 5 => Some(d),
        Tok::Mot => Some(1),
        Tok::Tu => Some(4),
        Tok::Ruoi => Some(5),
        _ => None,
    }
}

/// Whether `t` would make the word before it part of a longer number, so that the
/// shorthand reading must not be taken ("một trăm hai mươi", "một trăm hai nghìn").
fn continues(t: Tok) -> bool {
    matches!(
        t,
        Tok::Muoi | Tok::Muoi10 | Tok::Chuc | Tok::Tram | Tok::Scale(_)
    )
}

/// A group below one thousand: its value and the index of the word after it.
#[derive(Debug, Clone, Copy)]
struct Group {
    value: u64,
    next: usize,
    /// Whether the phrase may end here: a lone digit after a scale word may not.
    can_end: bool,
}

/// The tens and units of a group starting at word `j`: (value, next word).
/// `allow_linh`: a hundreds part (or a scale word) came before, so "linh năm" makes
/// sense. `allow_bare`: a lone digit is a whole group (not at the end after a scale
/// word: "hai nghìn hai" is the shorthand 2 200, not 2 002).
fn tens(t: &Tokens, j: usize, allow_linh: bool, allow_bare: bool) -> Option<(u64, usize)> {
    match t.get(j)? {
        Tok::Linh if allow_linh => t.get(j + 1).and_then(after_linh).map(|u| (u, j + 2)),
        Tok::Muoi10 => Some(match t.get(j + 1).and_then(after_muoi10) {
            Some(u) => (10 + u, j + 2),
            None => (10, j + 1),
        }),
        Tok::Digit(d) => match t.get(j + 1) {
            Some(Tok::Muoi) if d >= 2 => Some(match t.get(j + 2).and_then(after_muoi) {
                Some(u) => (10 * d + u, j + 3),
                None => (10 * d, j + 2),
            }),
            Some(Tok::Chuc) => Some((10 * d, j + 2)),
            _ => allow_bare.then_some((d, j + 1)),
        },
        _ => None,
    }
}

/// A group below one thousand starting at word `i`. `first`: nothing came before
/// (then "không trăm" and a leading "linh" are meaningless).
fn group(t: &Tokens, i: usize, first: bool) -> Option<Group> {
    let (hundreds, j) = match (t.get(i), t.get(i + 1)) {
        (Some(Tok::Digit(d)), Some(Tok::Tram)) => (Some(d * 100), i + 2),
        (Some(Tok::Khong), Some(Tok::Tram)) if !first => (Some(0), i + 2),
        _ => (None, i),
    };
    let allow_linh = hundreds.is_some() || !first;
    // a lone digit ends a phrase only as its first group; before a scale word it is
    // always a multiplier ("một tỷ hai nghìn")
    let before_scale = matches!(t.get(i + 1), Some(Tok::Scale(_)));
    let allow_bare = hundreds.is_none() && (first || before_scale);
    if let Some((v, next)) = tens(t, j, allow_linh, allow_bare) {
        return Some(Group {
            value: hundreds.unwrap_or(0) + v,
            next,
            can_end: first || next > j + 1 || !matches!(t.get(j), Some(Tok::Digit(_))),
        });
    }
    // "không trăm" alone says nothing
    let h = hundreds.filter(|&h| h > 0)?;
    if let Some(d) = t.get(j).and_then(shorthand) {
        // "hai trăm rưỡi nghìn" is unambiguous; "một trăm hai nghìn" is not
        let ruoi = t.get(j) == Some(Tok::Ruoi);
        if ruoi || !t.get(j + 1).is_some_and(continues) {
            return Some(Group {
                value: h + 10 * d,
                next: j + 1,
                can_end: true,
            });
        }
    }
    Some(Group {
        value: h,
        next: j,
        can_end: true,
    })
}

/// Parses Vietnamese number words at the start of `input` (normalised view): the value
/// and the byte length, which ends at the end of the last number word.
///
/// `None` when no number starts there (including words that are numbers only inside a
/// longer phrase: "tư", "mốt", "không", "trăm", "triệu"). See the module
/// documentation for the shapes read.
pub(crate) fn number_words(input: &str) -> Option<(u64, usize)> {
    let (value, len) = first_word_value(input)?;
    // one number word and no other after it ("năm 2020", "ba đảng viên") is most
    // of what the grammars meet: its value is the whole number
    let next_is_number_word =
        input.as_bytes().get(len) == Some(&b' ') && WORDS.longest_at(&input[len + 1..]).is_some();
    if !next_is_number_word {
        return Some((value, len));
    }
    read_number_words(input)
}

/// The word a number may start with and its value alone: a digit word or mười
/// (see [`group`] and [`tens`] with `first`). The grammars ask at every trigger
/// word ("năm", "trong", "ngày"), and most are no number: one look-up here spares
/// them reading a run of tokens.
fn first_word_value(input: &str) -> Option<(u64, usize)> {
    match WORDS.longest_at(input)? {
        (Tok::Digit(d), n) => Some((d, n)),
        (Tok::Muoi10, n) => Some((10, n)),
        _ => None,
    }
}

/// Whether a number may start at `input`.
#[cfg(test)]
fn may_start_number(input: &str) -> bool {
    first_word_value(input).is_some()
}

/// [`number_words`] without the quick refusal.
fn read_number_words(input: &str) -> Option<(u64, usize)> {
    let t = Tokens::read(input);
    // Segments already multiplied by their scale, scales strictly decreasing (so at
    // most one per distinct scale word).
    let mut stack: Vec<(u64, u64)> = Vec::new();
    let mut sum: u64 = 0;
    let mut best: Option<(u64, usize)> = None;
    let mut i = 0;
    let mut first = true;
    // The last scale word, when it multiplied only its own group: the shorthand
    // "hai nghìn rưỡi" counts in tenths of it.
    let mut plain_scale: Option<u64> = None;
    loop {
        let g = group(&t, i, first);
        match g {
            Some(g) if g.can_end => {
                let Some(total) = sum.checked_add(g.value) else {
                    break;
                };
                best = Some((total, t.end(g.next - 1)));
            }
            // a lone digit that only its scale word, checked below, makes valid
            Some(_) => {}
            None if first => break,
            None => {
                let d = t.get(i).and_then(shorthand);
                if let (Some(s), Some(d)) = (plain_scale, d) {
                    if !t.get(i + 1).is_some_and(continues) {
                        let total = (s / 10).checked_mul(d).and_then(|v| v.checked_add(sum));
                        if let Some(total) = total {
                            best = Some((total, t.end(i)));
                        }
                        break;
                    }
                }
            }
        }
        let (value, at) = g.map_or((0, i), |g| (g.value, g.next));
        let Some(Tok::Scale(s)) = t.get(at) else {
            break;
        };
        // Segments below this scale are folded into it: "năm nghìn ba trăm tỷ" is
        // (5 000 + 300) × 10^9.
        let keep = stack.iter().take_while(|seg| seg.1 >= s).count();
        let absorbed: u64 = stack[keep..].iter().map(|seg| seg.0).sum();
        let above = keep
            .checked_sub(1)
            .and_then(|k| stack.get(k))
            .map(|seg| seg.1);
        if g.is_none() && keep == stack.len() {
            break; // a scale word with nothing to multiply
        }
        if above == Some(s) {
            break; // "hai nghìn ba nghìn"
        }
        let Some(segment) = value.checked_add(absorbed).and_then(|v| v.checked_mul(s)) else {
            break;
        };
        if above.is_some_and(|a| segment >= a) {
            break; // "một tỷ hai nghìn ba trăm triệu": the segment outgrows its place
        }
        let Some(new_sum) = (sum - absorbed).checked_add(segment) else {
            break;
        };
        plain_scale = (keep == stack.len()).then_some(s);
        stack.truncate(keep);
        stack.push((segment, s));
        sum = new_sum;
        best = Some((sum, t.end(at)));
        i = at + 1;
        first = false;
    }
    best
}

/// A scale word at the start of `input` (normalised view), as used after digits
/// ("5,3 triệu"): nghìn/ngàn 10^3, vạn 10^4, triệu 10^6, tỷ/tỉ 10^9, or two of them
/// with the larger second ("nghìn tỷ" 10^12), which is how budgets are written.
/// Returns the multiplier and the byte length.
pub(crate) fn scale_word(input: &str) -> Option<(u64, usize)> {
    // asked after every number followed by a space: the scale words alone, whose
    // first bytes rule out most words at once
    let scale_at = |s: &str| SCALES.longest_at(s);
    let (s, n) = scale_at(input)?;
    if input.as_bytes().get(n) == Some(&b' ') {
        if let Some((s2, n2)) = input.get(n + 1..).and_then(scale_at) {
            if let Some(v) = (s2 > s).then(|| s.checked_mul(s2)).flatten() {
                return Some((v, n + 1 + n2));
            }
        }
    }
    Some((s, n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// The number words picked by index, an index past the table picking from
    /// `others` (three words that are no number words).
    fn picked<'a>(picks: &[usize], others: &[&'a str; 3]) -> Vec<&'a str> {
        let table = WORDS.written();
        picks
            .iter()
            .map(|&i| {
                table
                    .get(i)
                    .map_or_else(|| others[i - table.len()], |w| w.0)
            })
            .collect()
    }

    /// The value and the consumed text, in the written spelling's fold.
    fn read(s: &str) -> Option<(u64, String)> {
        let f = fold(s);
        number_words(&f).map(|(v, n)| (v, f[..n].to_string()))
    }

    #[test]
    fn value_versus_surface_form() {
        let table: &[(&str, u64)] = &[
            ("một", 1),
            ("hai", 2),
            ("ba", 3),
            ("bốn", 4),
            ("năm", 5),
            ("sáu", 6),
            ("bảy", 7),
            ("bẩy", 7),
            ("tám", 8),
            ("chín", 9),
            ("mười", 10),
            ("mười một", 11),
            ("mười bốn", 14),
            ("mười tư", 14),
            ("mười lăm", 15),
            ("mười nhăm", 15),
            ("mười chín", 19),
            ("hai mươi", 20),
            ("hai mươi mốt", 21),
            ("hai mươi một", 21),
            ("hai mươi tư", 24),
            ("hai mươi bốn", 24),
            ("hai mươi lăm", 25),
            ("ba mươi mốt", 31),
            ("chín mươi chín", 99),
            ("một chục", 10),
            ("hai chục", 20),
            ("một trăm", 100),
            ("một trăm linh năm", 105),
            ("một trăm lẻ năm", 105),
            ("một trăm linh tư", 104),
            ("một trăm mười", 110),
            ("một trăm mười lăm", 115),
            ("một trăm mốt", 110),
            ("một trăm hai", 120),
            ("một trăm rưỡi", 150),
            ("ba trăm năm mươi", 350),
            ("chín trăm chín mươi chín", 999),
            ("một nghìn", 1000),
            ("một ngàn", 1000),
            ("hai nghìn không trăm hai mươi", 2020),
            ("hai nghìn hai mươi", 2020),
            ("hai nghìn không trăm linh năm", 2005),
            ("hai nghìn linh năm", 2005),
            ("hai nghìn rưỡi", 2500),
            ("hai nghìn hai", 2200),
            ("mười lăm nghìn", 15_000),
            ("hai chục nghìn", 20_000),
            ("một vạn", 10_000),
            ("hai vạn rưỡi", 25_000),
            ("mười vạn", 100_000),
            ("hai trăm rưỡi nghìn", 250_000),
            ("một trăm linh năm nghìn", 105_000),
            ("một triệu", 1_000_000),
            ("một triệu hai", 1_200_000),
            ("một triệu hai trăm nghìn", 1_200_000),
            ("một triệu không trăm linh năm", 1_000_005),
            ("năm triệu ba trăm nghìn hai trăm mười bốn", 5_300_214),
            ("hai triệu ba nghìn", 2_003_000),
            ("một tỷ hai nghìn", 1_000_002_000),
            ("một triệu mười", 1_000_010),
            ("một triệu mười lăm", 1_000_015),
            ("một tỷ", 1_000_000_000),
            ("một tỉ không trăm năm mươi triệu", 1_050_000_000),
            ("hai nghìn tỷ", 2_000_000_000_000),
            ("năm nghìn ba trăm tỷ", 5_300_000_000_000),
            ("hai nghìn tỷ ba trăm triệu", 2_000_300_000_000),
            ("mười tám nghìn triệu tỷ", 18_000_000_000_000_000_000),
        ];
        for &(s, v) in table {
            assert_eq!(read(s), Some((v, fold(s))), "{s}");
        }
        assert!(table.len() > 40);
    }

    #[test]
    fn stops_at_the_longest_valid_prefix() {
        let cases: &[(&str, u64, &str)] = &[
            ("hai hai", 2, "hai"),
            ("hai mươi năm", 20, "hai mươi"),
            ("mười năm qua", 10, "mười"),
            ("một trăm năm", 100, "một trăm"),
            ("một trăm hai nghìn", 100, "một trăm"),
            ("một trăm không năm", 100, "một trăm"),
            ("một mươi", 1, "một"),
            ("hai mốt", 2, "hai"),
            ("hai nghìn ba nghìn", 2000, "hai nghìn"),
            ("hai nghìn năm", 2000, "hai nghìn"),
            ("hai nghìn không trăm", 2000, "hai nghìn"),
            (
                "một tỷ hai nghìn ba trăm triệu",
                1_000_002_300,
                "một tỷ hai nghìn ba trăm",
            ),
            ("năm 2020", 5, "năm"),
            ("ba mươi mốt đảng viên", 31, "ba mươi mốt"),
            ("hai mươi\nmốt", 20, "hai mươi"),
            ("hai mươi, mốt", 20, "hai mươi"),
            ("hai mươi ", 20, "hai mươi"),
            ("tám mươi tư tuổi", 84, "tám mươi tư"),
        ];
        for &(s, v, consumed) in cases {
            assert_eq!(read(s), Some((v, fold(consumed))), "{s}");
        }
    }

    #[test]
    fn overflow_keeps_the_longest_prefix_that_fits() {
        // 18 × 10^18 fits in a u64, 20 × 10^18 does not
        assert_eq!(
            read("hai mươi nghìn triệu tỷ"),
            Some((20_000_000_000, fold("hai mươi nghìn triệu")))
        );
        assert_eq!(
            read("một trăm nghìn triệu tỷ đồng"),
            Some((100_000_000_000, fold("một trăm nghìn triệu")))
        );
        // "tỷ tỷ" repeats a scale: not a number
        assert_eq!(
            read("mười tám tỷ tỷ"),
            Some((18_000_000_000, fold("mười tám tỷ")))
        );
        let big = "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ \
                   chín trăm chín mươi chín triệu";
        assert_eq!(read(big).map(|x| x.0), Some(999_999_999_000_000));
    }

    #[test]
    fn words_that_are_numbers_only_inside_a_phrase() {
        for s in [
            "tư",
            "mốt",
            "lăm",
            "nhăm",
            "không",
            "không trăm",
            "trăm",
            "mươi",
            "chục",
            "vài chục",
            "linh năm",
            "lẻ",
            "rưỡi",
            "nghìn",
            "triệu người",
            "tỷ",
            "hàng trăm",
            "",
            " một",
            "mộtx",
            "một1",
            "thứ tư",
        ] {
            assert_eq!(read(s).map(|x| x.0), None, "{s:?}");
        }
        assert_eq!(read("hai-mươi").map(|x| x.0), Some(2));
    }

    #[test]
    fn any_case_unicode_form_and_tone_placement() {
        let nfd: String = "Hai Mươi Mốt".nfd().collect();
        assert_eq!(read(&nfd), Some((21, fold("hai mươi mốt"))));
        assert_eq!(read("MỘT TRĂM LINH NĂM").map(|x| x.0), Some(105));
        assert_eq!(read("HAI NGHÌN RƯỠI").map(|x| x.0), Some(2500));
        // old-style placement folds to the same word
        assert_eq!(read("mừơi").map(|x| x.0), read("mười").map(|x| x.0));
    }

    #[test]
    fn scale_words() {
        let s = |w: &str| scale_word(&fold(w));
        assert_eq!(s("nghìn"), Some((1_000, fold("nghìn").len())));
        assert_eq!(s("ngàn đồng"), Some((1_000, fold("ngàn").len())));
        assert_eq!(s("vạn"), Some((10_000, fold("vạn").len())));
        assert_eq!(s("triệu người"), Some((1_000_000, fold("triệu").len())));
        assert_eq!(s("tỷ"), Some((1_000_000_000, fold("tỷ").len())));
        assert_eq!(s("TỈ"), Some((1_000_000_000, fold("tỉ").len())));
        assert_eq!(
            s("nghìn tỷ đồng"),
            Some((1_000_000_000_000, fold("nghìn tỷ").len()))
        );
        // not a compound: the second is not larger
        assert_eq!(s("triệu nghìn"), Some((1_000_000, fold("triệu").len())));
        for w in ["", "trăm", "nghìnx", "hai", "mươi"] {
            assert_eq!(s(w), None, "{w:?}");
        }
    }

    /// Picks between spellings from the bits of a seed.
    struct Variants(u64);

    impl Variants {
        fn pick(&mut self, a: &'static str, b: &'static str) -> &'static str {
            let r = if self.0 & 1 == 0 { a } else { b };
            self.0 = self.0.rotate_right(1);
            r
        }
    }

    const UNITS: [&str; 10] = [
        "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
    ];

    fn digit(d: u64, v: &mut Variants) -> &'static str {
        match d {
            7 => v.pick("bảy", "bẩy"),
            d => UNITS[d as usize],
        }
    }

    /// A group below one thousand, the long way, in one of its accepted spellings.
    fn render_group(g: u64, leading: bool, v: &mut Variants, out: &mut Vec<&'static str>) {
        let (h, t, u) = (g / 100, g / 10 % 10, g % 10);
        let spell_hundreds = h > 0 || (!leading && (t == 0 || v.pick("k", "") == "k"));
        if spell_hundreds {
            out.push(digit(h, v));
            out.push("trăm");
        }
        match (t, u) {
            (0, 0) => {}
            (0, u) => {
                if spell_hundreds || !leading {
                    out.push(v.pick("linh", "lẻ"));
                    out.push(if u == 4 {
                        v.pick("bốn", "tư")
                    } else {
                        digit(u, v)
                    });
                } else {
                    out.push(digit(u, v));
                }
            }
            (t, u) => {
                if t == 1 {
                    out.push("mười");
                } else {
                    out.push(digit(t, v));
                    out.push("mươi");
                }
                match u {
                    0 => {}
                    1 if t == 1 => out.push("một"),
                    1 => out.push(v.pick("mốt", "một")),
                    4 => out.push(v.pick("bốn", "tư")),
                    5 => out.push(v.pick("lăm", "nhăm")),
                    u => out.push(digit(u, v)),
                }
            }
        }
    }

    /// `n` (below 10^12) the long way: tỷ, triệu, nghìn groups, zero groups skipped.
    fn render(n: u64, seed: u64) -> String {
        let mut v = Variants(seed);
        let mut out = Vec::new();
        let groups = [
            (n / 1_000_000_000 % 1000, v.pick("tỷ", "tỉ")),
            (n / 1_000_000 % 1000, "triệu"),
            (n / 1000 % 1000, v.pick("nghìn", "ngàn")),
            (n % 1000, ""),
        ];
        let mut leading = true;
        for (g, scale) in groups {
            if g == 0 {
                continue;
            }
            render_group(g, leading, &mut v, &mut out);
            if !scale.is_empty() {
                out.push(scale);
            }
            leading = false;
        }
        out.join(" ")
    }

    #[test]
    fn renderer_matches_hand_written_forms() {
        assert_eq!(render(21, 0), "hai mươi mốt");
        assert_eq!(render(2020, 0), "hai nghìn không trăm hai mươi");
        assert_eq!(render(1_000_005, 0), "một triệu không trăm linh năm");
    }

    proptest! {
        #[test]
        fn rendered_numbers_read_back(n in 1u64..1_000_000_000_000, seed in any::<u64>()) {
            let words = render(n, seed);
            let text = fold(&format!("{words} đảng viên"));
            prop_assert_eq!(number_words(&text), Some((n, fold(&words).len())), "{}", words);
        }

        #[test]
        fn sparse_numbers_read_back(
            digits in proptest::collection::vec((0u32..12, 1u64..10), 1..4),
            seed in any::<u64>(),
        ) {
            let n = digits.iter().map(|&(k, d)| d * 10u64.pow(k)).sum::<u64>() % 1_000_000_000_000;
            prop_assume!(n > 0);
            let words = render(n, seed);
            prop_assert_eq!(number_words(&fold(&words)), Some((n, fold(&words).len())), "{}", words);
        }

        #[test]
        fn never_panics_and_ends_inside_the_input(s in "\\PC{0,40}") {
            let f = fold(&s);
            for (_, n) in [number_words(&f), scale_word(&f)].into_iter().flatten() {
                prop_assert!(n > 0 && n <= f.len() && f.is_char_boundary(n));
                prop_assert!(!f[..n].ends_with(' '));
            }
        }

        #[test]
        fn a_number_starts_only_where_the_quick_test_says(
            picks in proptest::collection::vec(0usize..WORDS.written().len() + 3, 0..8),
        ) {
            let others = ["người", "5", "năm2"];
            let f = fold(&picked(&picks, &others).join(" "));
            prop_assert!(may_start_number(&f) || read_number_words(&f).is_none(), "{}", f);
        }

        #[test]
        fn the_shortcuts_read_what_the_full_reading_reads(
            picks in proptest::collection::vec(0usize..WORDS.written().len() + 3, 0..5),
            sep in prop_oneof![Just(" "), Just(", ")],
        ) {
            let others = ["người", "5", "năm2"];
            let f = fold(&picked(&picks, &others).join(sep));
            prop_assert_eq!(number_words(&f), read_number_words(&f), "{}", f);
        }

        #[test]
        fn the_scale_words_are_the_scales_of_the_number_words(
            picks in proptest::collection::vec(0usize..WORDS.written().len() + 3, 1..3),
        ) {
            let others = ["người", "5", "tỷlệ"];
            let f = fold(&picked(&picks, &others).join(" "));
            let by_words = match WORDS.longest_at(&f) {
                Some((Tok::Scale(v), n)) => Some((v, n)),
                _ => None,
            };
            prop_assert_eq!(SCALES.longest_at(&f), by_words, "{}", f);
        }

        #[test]
        fn word_salad_never_panics(
            picks in proptest::collection::vec(0usize..WORDS.written().len(), 0..60),
            sep in prop_oneof![Just(" "), Just("  "), Just(", "), Just("\n")],
        ) {
            let words: Vec<&str> = picks.iter().map(|&i| WORDS.written()[i].0).collect();
            let f = fold(&words.join(sep));
            if let Some((_, n)) = number_words(&f) {
                prop_assert!(n <= f.len() && f.is_char_boundary(n));
                prop_assert!(!f[..n].ends_with(' '));
            }
        }
    }
}
