//! Roman numerals, as reports number their parts ("Phần II", "Đại hội XIII").
//!
//! Only the standard subtractive form, 1 to 3999, is read: each decimal place is one
//! of `""`, `i`, `ii`, `iii`, `iv`, `v`, `vi`, `vii`, `viii`, `ix` (and the same with
//! `x l c` and `c d m`; thousands are `m` to `mmm`). Non-standard forms ("iiii", "vv",
//! "ic", "mmmm") are rejected rather than guessed, because a run of these letters
//! that is not a standard numeral is far more often a word or an abbreviation.
//! The input is the normalised view, so only lower case is matched; single letters
//! ("v", "m", "d") are numerals too, and whether one is meant is the caller's call.

use super::keyword::ends_word;

/// The letters of one decimal place (one, five, ten) and the place value; thousands
/// have no five or ten within range.
const PLACES: [(u8, Option<u8>, Option<u8>, u32); 4] = [
    (b'm', None, None, 1000),
    (b'c', Some(b'd'), Some(b'm'), 100),
    (b'x', Some(b'l'), Some(b'c'), 10),
    (b'i', Some(b'v'), Some(b'x'), 1),
];

/// One decimal place at byte `pos`: its digit and the position after it. Greedy is
/// exact here because every place's pattern starts with its own letters.
fn place(b: &[u8], pos: usize, one: u8, five: Option<u8>, ten: Option<u8>) -> (u32, usize) {
    let at = |k: usize| b.get(pos + k).copied();
    if at(0) == Some(one) && ten.is_some() && at(1) == ten {
        return (9, pos + 2);
    }
    if at(0) == Some(one) && five.is_some() && at(1) == five {
        return (4, pos + 2);
    }
    let mut digit = 0;
    let mut p = pos;
    if five.is_some() && b.get(p).copied() == five {
        digit = 5;
        p += 1;
    }
    let mut ones = 0;
    while ones < 3 && b.get(p) == Some(&one) {
        ones += 1;
        p += 1;
    }
    (digit + ones, p)
}

/// Parses a Roman numeral in standard form at the start of `input` (normalised view,
/// lower case), ending at a word boundary: the value (1..=3999) and the byte length.
#[allow(
    dead_code,
    reason = "the heading grammar that numbers parts is not wired yet"
)]
pub(crate) fn roman(input: &str) -> Option<(u32, usize)> {
    let b = input.as_bytes();
    let mut pos = 0;
    let mut value = 0;
    for (one, five, ten, unit) in PLACES {
        let (digit, next) = place(b, pos, one, five, ten);
        value += digit * unit;
        pos = next;
    }
    // only ASCII letters were consumed, so `pos` is a char boundary
    (pos > 0 && ends_word(input, pos)).then_some((value, pos))
}

/// Renders `n` (1..=3999) as an upper-case Roman numeral in standard form; `None`
/// outside that range, which standard form cannot write.
#[allow(
    dead_code,
    reason = "used by tests; rendering headings may use it later"
)]
pub(crate) fn to_roman(n: u32) -> Option<String> {
    if !(1..=3999).contains(&n) {
        return None;
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (v, s) in TABLE {
        while rest >= v {
            out.push_str(s);
            rest -= v;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;

    #[test]
    fn every_value_round_trips() {
        for n in 1..=3999 {
            let r = to_roman(n).unwrap().to_lowercase();
            assert_eq!(roman(&r), Some((n, r.len())), "{r}");
            let text = format!("{r}. đại hội");
            assert_eq!(roman(&text), Some((n, r.len())), "{text}");
        }
    }

    #[test]
    fn known_values() {
        for (s, v) in [
            ("i", 1),
            ("iv", 4),
            ("ix", 9),
            ("xiv", 14),
            ("xix", 19),
            ("xl", 40),
            ("xc", 90),
            ("xiii", 13),
            ("cd", 400),
            ("cm", 900),
            ("mcmxcix", 1999),
            ("mmxxiv", 2024),
            ("mmmcmxcix", 3999),
        ] {
            assert_eq!(roman(s), Some((v, s.len())), "{s}");
        }
        assert_eq!(to_roman(2024).as_deref(), Some("MMXXIV"));
    }

    #[test]
    fn non_standard_forms_and_non_numerals_are_rejected() {
        for s in [
            "", " ", "iiii", "vv", "ic", "il", "xm", "vx", "dd", "lc", "mmmm", "iix", "xxxx",
            "ccccx", "vix", "xiiđ", "xii1", "XII", "ab", "ia",
        ] {
            assert_eq!(roman(s), None, "{s:?}");
        }
        // numeral letters that run on into a word
        assert_eq!(roman(&fold("Xét")), None);
        assert_eq!(roman(&fold("Dự")), None);
    }

    #[test]
    fn ends_at_a_word_boundary() {
        assert_eq!(roman("ii-"), Some((2, 2)));
        assert_eq!(roman("xii, "), Some((12, 3)));
        assert_eq!(roman(&fold("XIII Đại hội")), Some((13, 4)));
        assert_eq!(roman("v\n"), Some((5, 1)));
    }

    #[test]
    fn out_of_range_does_not_render() {
        assert_eq!(to_roman(0), None);
        assert_eq!(to_roman(4000), None);
        assert_eq!(to_roman(u32::MAX), None);
    }
}
