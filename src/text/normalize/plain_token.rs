//! The view builder's shortcut for the common token: where it ends and whether it
//! reads as written (lower-cased), found from its bytes, without the token cache.
//!
//! Most tokens of a Vietnamese text are ASCII or lower-case precomposed letters
//! whose tone mark is already where the view puts it. Those fold to themselves but
//! for their ASCII capitals, so the builder copies them; any other token (a
//! non-ASCII capital, a combining mark, a tone mark that moves, a character that
//! may be white space) goes to the token cache.

use super::utf8_width;

/// One in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The end of the stretch at `from` that reads as written (lower-cased): tokens
/// that do (see [`plain_token_end`]) and the spaces and line breaks between them.
/// It ends at white space other than a lone space or line break after a token,
/// at a token that may not read as written, or at the end. A space or line break
/// just before the end may start a run of white space: the caller looks.
#[inline(always)]
pub(super) fn plain_run_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    loop {
        let Some((end, stop)) = plain_token_end(bytes, at) else {
            return at;
        };
        // white space right after the space or line break before it
        if end == at && at != from {
            return at;
        }
        if stop != b' ' && stop != b'\n' {
            return end;
        }
        at = end + 1;
    }
}

/// The end of the token at `from` if it reads as written, and the byte there (0
/// at the end); `None` if it may not, or may end at a non-ASCII space. It does if
/// it is printable ASCII and the lower-case precomposed Vietnamese letters of
/// [`LETTERS`], and no tone mark sits on a vowel that another vowel follows (the
/// view moves it to the last vowel of the run). Read eight bytes at a time: the
/// token's end from the ASCII white space among them, its characters from their
/// lead bytes. A test checks the answer against the fold, which has the last word.
#[inline(always)]
fn plain_token_end(bytes: &[u8], from: usize) -> Option<(usize, u8)> {
    let word = word_at(bytes, from);
    let stops = ascii_stops(word);
    if stops == 0 {
        return long_plain_token_end(bytes, from);
    }
    let len = stops.trailing_zeros() / 8;
    // the bytes before the stop's
    let high = word & HIGHS & stops.wrapping_sub(1) & !stops;
    if high != 0 {
        letters_read_as_written(word, high, len, false)?;
    }
    Some((from + len as usize, (word >> (8 * len)) as u8))
}

/// [`plain_token_end`] for a token longer than seven bytes: read eight bytes at
/// a time, but for a character that goes on past them.
#[inline(never)]
fn long_plain_token_end(bytes: &[u8], from: usize) -> Option<(usize, u8)> {
    let mut at = from;
    let mut after_tone = false;
    loop {
        let word = word_at(bytes, at);
        let stops = ascii_stops(word);
        let len = match stops {
            0 => whole_chars(word),
            _ => stops.trailing_zeros() / 8,
        };
        let high = word & HIGHS & low_bytes(len);
        if high != 0 || after_tone {
            after_tone = letters_read_as_written(word, high, len, after_tone)?;
        }
        if stops != 0 {
            // at most 7 bytes before the stop
            return Some((at + len as usize, (word >> (8 * len)) as u8));
        }
        at += len as usize;
    }
}

/// Whether the first `len` bytes of `word`, whole characters whose bytes that
/// are not ASCII are `high` (their high bits), read as written: their characters
/// that are not ASCII are letters of [`LETTERS`], and no vowel follows a tone mark,
/// nor starts them if `after_tone` (a tone mark ends the bytes before them). Then
/// whether a tone mark ends them; `None` if they may not read as written.
#[inline(always)]
fn letters_read_as_written(word: u64, high: u64, len: u32, after_tone: bool) -> Option<bool> {
    if after_tone && char_class(word) & VOWEL != 0 {
        return None;
    }
    let mut ends_toned = false;
    // lead bytes are 11xxxxxx; a byte's bit 6 shifted to its bit 7
    let mut leads = high & (word << 1);
    while leads != 0 {
        let at = leads.trailing_zeros() - 7;
        let letter = word >> at;
        let class = letter_class(letter);
        if class == 0 {
            return None;
        }
        if class & TONED != 0 {
            let width = 8 * u32::from(class & WIDTH);
            // the next character is whole in `word` unless it starts after `len`
            if at + width >= 8 * len {
                ends_toned = true;
            } else if char_class(letter >> width) & VOWEL != 0 {
                return None;
            }
        }
        leads &= leads - 1;
    }
    Some(ends_toned)
}

/// How many bytes of `word` (which starts a character) are whole characters: 8
/// but when its last character goes on past it.
#[inline(always)]
fn whole_chars(word: u64) -> u32 {
    let leads = word & HIGHS & (word << 1);
    if leads == 0 {
        return 8;
    }
    let last = (63 - leads.leading_zeros()) / 8;
    let width = utf8_width((word >> (8 * last)) as u8) as u32;
    // a character is at most four bytes, so the last starts after the first byte
    if last + width > 8 {
        last
    } else {
        8
    }
}

/// A word with the first `len` bytes (at most eight) of `!0`.
#[inline(always)]
fn low_bytes(len: u32) -> u64 {
    u64::MAX.checked_shr(64 - 8 * len).unwrap_or(0)
}

/// The eight bytes at `at` as a little-endian word, NUL past the end of `bytes`
/// (so that the end stops a token as white space does).
#[inline(always)]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    // one comparison in the common case: `at` is at most the length, so `at + 8`
    // does not overflow
    if at + 8 <= bytes.len() {
        if let Some(eight) = bytes
            .get(at..at + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
        {
            return u64::from_le_bytes(eight);
        }
    }
    let rest = bytes.get(at..).unwrap_or_default();
    let mut padded = [0; 8];
    for (to, &b) in padded.iter_mut().zip(rest) {
        *to = b;
    }
    u64::from_le_bytes(padded)
}

/// The high bit of each byte of `word` that is ASCII white space or a control
/// character, and of no other byte.
#[inline(always)]
fn ascii_stops(word: u64) -> u64 {
    const LOW7: u64 = 0x7F * ONES;
    // per byte, (b + 1) mod 128: DEL wraps to 0, and no byte carries into the next
    let shifted = ((word & LOW7) + ONES) & LOW7;
    // the high bit of each byte that is at least 0x22, that is b at least '!'
    let printable = shifted + (0x80 - 0x22) * ONES;
    !(printable | word) & HIGHS
}

#[cfg(test)]
/// Whether the token `token` (no ASCII white space or control character in it)
/// reads as written as [`plain_token_end`] says, character by character: what the
/// tests check it against.
fn reads_as_written(token: &[u8]) -> bool {
    let mut i = 0;
    let mut after_tone = false;
    while let Some(rest) = token.get(i..).filter(|rest| !rest.is_empty()) {
        let class = char_class(word_at(rest, 0));
        if class == 0 || (after_tone && class & VOWEL != 0) {
            return false;
        }
        after_tone = class & TONED != 0;
        i += usize::from(class & WIDTH);
    }
    true
}

/// The class of the character whose UTF-8 form starts `bytes` (little-endian):
/// [`ASCII_CLASSES`] or [`LETTERS`].
#[inline(always)]
fn char_class(bytes: u64) -> u8 {
    match bytes as u8 {
        ascii @ 0..0x80 => ASCII_CLASSES[usize::from(ascii)],
        _ => letter_class(bytes),
    }
}

/// The [`LETTERS`] class of the non-ASCII character whose UTF-8 form starts
/// `bytes` (little-endian); 0 for any character that is not one of them. Found
/// without a branch: the lead byte is as likely to be one as the other.
#[inline(always)]
fn letter_class(bytes: u64) -> u8 {
    LETTERS[letter_key(bytes)]
}

/// Where [`LETTERS`] keeps the class of the character whose UTF-8 form starts
/// `bytes`: the last six bits of its last two bytes, and whether its lead is E1
/// (then its second byte is the one that tells rows apart). Two-byte characters
/// and the leads of the others but E1 have rows 0–3F of their own; the second
/// bytes after E1 have rows 40–7F.
#[inline(always)]
const fn letter_key(bytes: u64) -> usize {
    let after_e1 = (bytes as u8 == 0xE1) as u64;
    let last_two = bytes >> (8 * after_e1);
    let key = after_e1 << 12 | (last_two & 0x3F) << 6 | (last_two >> 8 & 0x3F);
    key as usize
}

/// A class's byte length.
const WIDTH: u8 = 0b11;
/// A class flag: a vowel, with or without marks (the tone mark moves onto it).
const VOWEL: u8 = 0b100;
/// A class flag: a vowel with a tone mark.
const TONED: u8 = 0b1000;

/// The classes of ASCII bytes: printable characters but the white space, the
/// vowels flagged (`y` is one, for the fold).
static ASCII_CLASSES: [u8; 128] = {
    let mut classes = [0; 128];
    let mut b = b'!';
    while b <= b'~' {
        classes[b as usize] = match b.to_ascii_lowercase() {
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y' => 1 | VOWEL,
            _ => 1,
        };
        b += 1;
    }
    classes
};

/// The lower-case vowels of Vietnamese with a tone mark.
const TONED_VOWELS: &str = "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
/// The lower-case vowels of Vietnamese without a tone mark but not ASCII.
const MARKED_VOWELS: &str = "ăâêôơư";

/// The classes of the lower-case Vietnamese letters that are not ASCII, at their
/// [`letter_key`]; every other character is 0.
static LETTERS: [u8; 1 << 13] = {
    let mut classes = [0; 1 << 13];
    classes = with_class(classes, TONED_VOWELS, VOWEL | TONED);
    classes = with_class(classes, MARKED_VOWELS, VOWEL);
    with_class(classes, "đ", 0)
};

/// `classes` with every character of `letters` (two or three bytes long) given
/// `flags` and its width.
const fn with_class(mut classes: [u8; 1 << 13], letters: &str, flags: u8) -> [u8; 1 << 13] {
    let bytes = letters.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let width = if bytes[i] >= 0xE0 { 3 } else { 2 };
        let mut utf8 = 0;
        let mut k = 0;
        while k < width {
            utf8 |= (bytes[i + k] as u64) << (8 * k);
            k += 1;
        }
        classes[letter_key(utf8)] = width as u8 | flags;
        i += width;
    }
    classes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::space_starts;
    use crate::text::normalize::FoldedWord;
    use unicode_normalization::UnicodeNormalization;

    /// Where a token ends before ASCII white space, and whether it is not ASCII.
    fn ascii_token_end_reference(bytes: &[u8], from: usize) -> (usize, bool) {
        let end = bytes[from..]
            .iter()
            .position(|&b| b <= b' ' || b == 0x7F)
            .map_or(bytes.len(), |n| from + n);
        (end, !bytes[from..end].is_ascii())
    }

    /// The token loop [`plain_run_end`] shortens: a lone space or line break,
    /// then a token, while the token reads as written.
    fn plain_run_end_reference(s: &str, from: usize) -> usize {
        let bytes = s.as_bytes();
        let mut at = from;
        loop {
            if let Some(b' ' | b'\n') = bytes.get(at) {
                if space_starts(s, at + 1) {
                    return at;
                }
                at += 1;
            }
            let (end, non_ascii) = ascii_token_end_reference(bytes, at);
            if end == at || (non_ascii && !reads_as_written(&bytes[at..end])) {
                return at;
            }
            at = end;
        }
    }

    fn assert_token_ends_agree(s: &str) {
        let bytes = s.as_bytes();
        for from in (0..=bytes.len()).filter(|&i| s.is_char_boundary(i)) {
            let (end, non_ascii) = ascii_token_end_reference(bytes, from);
            let token = &bytes[from..end];
            let plain = !non_ascii || reads_as_written(token);
            let stop = bytes.get(end).copied().unwrap_or_default();
            let found = plain_token_end(bytes, from);
            assert_eq!(found, plain.then_some((end, stop)), "{s:?} from {from}");
            let run_end = plain_run_end_reference(s, from);
            let mut at = plain_run_end(bytes, from);
            // where the builder starts a run of white space
            if at > from && space_starts(s, at) && matches!(bytes[at - 1], b' ' | b'\n') {
                at -= 1;
            }
            assert_eq!(at, run_end, "{s:?} from {from}");
        }
    }

    #[test]
    fn token_end_agrees_with_the_byte_loop_around_every_byte() {
        for b in 0..=0x7F_u8 {
            let c = char::from(b);
            for s in [
                format!("{c}"),
                format!("abcdefg{c}xyz"),
                format!("ab{c}{c}cdefghijklmnop{c}"),
                format!("à{c}ạ{c}"),
                format!("ĐảngViên{c}"),
            ] {
                assert_token_ends_agree(&s);
            }
        }
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            assert_token_ends_agree(&format!("ab{c}!{c} {c}"));
        }
    }

    proptest::proptest! {
        #[test]
        fn token_end_agrees_with_the_byte_loop(s in proptest::prelude::any::<String>()) {
            assert_token_ends_agree(&s);
        }

        #[test]
        fn token_end_agrees_on_words_and_spaces(
            s in "([a-zA-Z!~ ]|[àđỹ]|\u{0}|\u{7F}|\u{A0}|\u{1680}|\n|\t|hòa|đảng|Đảng|người|e\u{301}){0,40}"
        ) {
            assert_token_ends_agree(&s);
        }
    }

    /// The letters [`LETTERS`] knows, ASCII letters, and the characters next to
    /// them in Unicode that it must turn down.
    fn candidates() -> Vec<char> {
        let known = TONED_VOWELS
            .chars()
            .chain(MARKED_VOWELS.chars())
            .chain(['đ']);
        let neighbours = (0xC0..=0x1BF)
            .chain(0x1E80..=0x1EFF)
            .filter_map(char::from_u32);
        let mut all: Vec<char> = known
            .chain(neighbours)
            .chain([
                'a', 'o', 'y', 'B', 'E', 'n', '1', '-', '\u{301}', '\u{1680}',
            ])
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// What the fold says: the token folds to itself with its ASCII lower-cased,
    /// every character where it was.
    fn folds_as_written(token: &str) -> bool {
        let folded = FoldedWord::of_token(token);
        folded.keeps_step(token.len()) && *folded.text == token.to_ascii_lowercase()
    }

    #[test]
    fn a_token_read_as_written_folds_as_written() {
        let all = candidates();
        let mut accepted = 0;
        for &a in &all {
            for &b in &all {
                for token in [
                    format!("{a}{b}"),
                    format!("{a}{b}n"),
                    format!("T{a}{b}"),
                    format!("{a}{b}-đviên"),
                    format!("abcdef{a}{b}"),
                    format!("abcde{a}{b}c"),
                    format!("ngh{a}{b}{a}{b}ng"),
                ] {
                    let plain = reads_as_written(token.as_bytes());
                    let spaced = format!("{token} ");
                    let end = plain_token_end(spaced.as_bytes(), 0).map(|(end, _)| end);
                    assert_eq!(end, plain.then_some(token.len()), "{token:?}");
                    if plain {
                        accepted += 1;
                        assert!(folds_as_written(&token), "{token:?}");
                    }
                }
            }
        }
        assert!(accepted > 3_000, "{accepted}");
    }

    #[test]
    fn common_words_read_as_written_and_moving_tones_do_not() {
        for word in [
            "đảng", "được", "Việt", "kỷ", "chức,", "(51", "05-CT/TW", "thuỷ",
        ] {
            assert!(reads_as_written(word.as_bytes()), "{word}");
        }
        for word in [
            "hòa",
            "người",
            "của",
            "Đảng",
            "ÐẢNG",
            "hoà\u{A0}",
            "e\u{301}",
            "ç",
        ] {
            assert!(!reads_as_written(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn letter_classes_agree_with_the_decomposition() {
        const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut utf8 = [0; 4];
            c.encode_utf8(&mut utf8);
            let class = letter_class(u64::from(u32::from_le_bytes(utf8)));
            let known = TONED_VOWELS.contains(c) || MARKED_VOWELS.contains(c) || c == 'đ';
            assert_eq!(class != 0, known, "{c}");
            if known {
                let nfd: Vec<char> = c.nfd().collect();
                let vowel = "aeiouy".contains(nfd[0]);
                let toned = nfd.iter().any(|m| TONES.contains(m));
                assert_eq!(usize::from(class & WIDTH), c.len_utf8(), "{c}");
                assert_eq!(class & VOWEL != 0, vowel, "{c}");
                assert_eq!(class & TONED != 0, toned, "{c}");
                assert!(c.is_lowercase() && c.nfc().eq([c]), "{c}");
            }
        }
    }
}
