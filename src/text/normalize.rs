//! The normalised view: one string that every grammar reads, with a map back to the
//! caller's bytes.
//!
//! What the view folds, so that a grammar written once matches every spelling:
//! - Unicode form: NFD input reads like NFC input.
//! - Case: everything is lower case (per character, so byte lengths may change —
//!   which is why the offset map exists at all).
//! - Tone placement: the old and new conventions (`hoà`/`hòa`, `uỷ`/`ủy`,
//!   `thuý`/`thúy`) fold to one canonical placement: the tone mark sits on the
//!   last vowel of the vowel run that carries it. The canonical form is internal;
//!   nothing a user sees is ever spelt that way.
//! - Look-alikes: `Ð` (U+00D0, Icelandic eth) reads as `Đ`.
//! - Spacing: a run of horizontal white space (including no-break and the other
//!   Unicode spaces) becomes one ASCII space; a run that contains a line break
//!   becomes one `\n`. Zero-width characters and soft hyphens vanish.
//! - Dashes: en dash, em dash, non-breaking hyphen, figure dash and minus read as `-`.
//!
//! The map is exact at every boundary a grammar can stop at: the start and end of
//! every word, digit, punctuation mark and space run.

use std::collections::HashMap;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::span::Span;

/// A normalised copy of a text with a map from its byte offsets to the original's.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    text: String,
    /// `map[i]` is the original byte offset of normalised byte `i`; one extra entry
    /// at the end maps the end of the view to the end of the original.
    map: Vec<usize>,
}

impl Normalized {
    /// Builds the normalised view of `original`. Linear in its length.
    pub(crate) fn new(original: &str) -> Self {
        let mut out = Normalized {
            text: String::with_capacity(original.len() + original.len() / 8),
            map: Vec::with_capacity(original.len() + original.len() / 8 + 1),
        };
        let mut cache = WordCache::new();
        let mut chars = original.char_indices().peekable();
        while let Some(&(start, c)) = chars.peek() {
            if is_word_char(c) {
                let mut end = start;
                while let Some(&(i, c)) = chars.peek() {
                    if !is_word_char(c) {
                        break;
                    }
                    end = i + c.len_utf8();
                    chars.next();
                }
                out.push_word(&original[start..end], start, &mut cache);
            } else if is_space(c) {
                let mut line_break = false;
                while let Some(&(_, c)) = chars.peek() {
                    if !is_space(c) {
                        break;
                    }
                    line_break |= matches!(c, '\n' | '\u{2028}' | '\u{2029}' | '\u{85}');
                    chars.next();
                }
                out.push_char(if line_break { '\n' } else { ' ' }, start);
            } else {
                chars.next();
                if is_invisible(c) {
                    continue;
                }
                out.push_char(fold_symbol(c), start);
            }
        }
        out.map.push(original.len());
        out
    }

    /// The normalised text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte offset of a normalised offset, as a start position.
    pub(crate) fn original_offset(&self, normalised: usize) -> usize {
        self.map[normalised.min(self.text.len())]
    }

    /// The original span of a normalised byte range.
    pub(crate) fn original_span(&self, start: usize, end: usize) -> Span {
        let s = self.original_offset(start);
        let e = self.original_offset(end).max(s);
        Span::new(s, e)
    }

    fn push_char(&mut self, c: char, origin: usize) {
        self.text.push(c);
        self.map.extend(std::iter::repeat_n(origin, c.len_utf8()));
    }

    fn push_word<'a>(&mut self, word: &'a str, origin: usize, cache: &mut WordCache<'a>) {
        if word.is_ascii() {
            self.text
                .extend(word.chars().map(|c| c.to_ascii_lowercase()));
            self.map.extend(origin..origin + word.len());
            return;
        }
        // A report repeats a few thousand distinct words: fold each once.
        if let Some((folded, offsets)) = cache.get(word) {
            self.text.push_str(folded);
            self.map.extend(offsets.iter().map(|o| origin + o));
            return;
        }
        let (folded, offsets) = fold_with_offsets(word);
        self.text.push_str(&folded);
        self.map.extend(offsets.iter().map(|o| origin + o));
        if cache.len() < MAX_CACHED_WORDS {
            cache.insert(word, (folded, offsets));
        }
    }
}

type WordCache<'a> = HashMap<&'a str, (String, Vec<usize>)>;

/// Bounds the cache on adversarial input (every word different).
const MAX_CACHED_WORDS: usize = 1 << 16;

/// A non-ASCII word folded, with the offset into the word of each folded byte.
/// Letters (a base character with its marks) keep their order through every fold,
/// so letter k of the folded word maps to letter k of the original.
fn fold_with_offsets(word: &str) -> (String, Vec<usize>) {
    let letter_starts: Vec<usize> = word
        .char_indices()
        .filter(|&(_, c)| !is_combining_mark(c))
        .map(|(i, _)| i)
        .collect();
    let folded = fold_word(word);
    let folded_letters = folded.chars().filter(|&c| !is_combining_mark(c)).count();
    let aligned = folded_letters == letter_starts.len();
    let mut offsets = Vec::with_capacity(folded.len());
    let mut letter = 0usize;
    let mut current = 0;
    for c in folded.chars() {
        if !is_combining_mark(c) {
            // Unaligned (a composition merged two letters): every inner boundary
            // falls back to the word's start; the word's own ends stay exact.
            current = if aligned { letter_starts[letter] } else { 0 };
            letter += 1;
        }
        offsets.extend(std::iter::repeat_n(current, c.len_utf8()));
    }
    (folded, offsets)
}

/// Folds a whole string the way [`Normalized`] does; the result is what keyword
/// tables are compared against.
pub(crate) fn fold(s: &str) -> String {
    Normalized::new(s).text
}

/// Whether `c` belongs to a word: a letter or a combining mark that follows one.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || (!c.is_ascii() && is_combining_mark(c))
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn fold_symbol(c: char) -> char {
    match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{FF05}' => '%',
        _ => c,
    }
}

const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

fn is_vowel_base(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// One word: NFC, lower case, `Ð` as `đ`, tone mark on the last vowel of its run.
fn fold_word(word: &str) -> String {
    let lowered: String = word
        .chars()
        .map(|c| if c == '\u{D0}' { '\u{110}' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    // letters: (base, marks without tone)
    let mut letters: Vec<(char, Vec<char>)> = Vec::with_capacity(lowered.len());
    let mut tones: Vec<(usize, char)> = Vec::new();
    for c in lowered.nfd() {
        if is_combining_mark(c) {
            match letters.last_mut() {
                Some((_, marks)) if !TONE_MARKS.contains(&c) => marks.push(c),
                Some(_) => tones.push((letters.len() - 1, c)),
                None => letters.push((c, Vec::new())),
            }
        } else {
            letters.push((c, Vec::new()));
        }
    }
    let tone_at = match tones.as_slice() {
        [(at, tone)] if is_vowel_base(letters[*at].0) => {
            let mut last = *at;
            while last + 1 < letters.len() && is_vowel_base(letters[last + 1].0) {
                last += 1;
            }
            Some((last, *tone))
        }
        _ => None,
    };
    let mut rebuilt = String::with_capacity(lowered.len() + 2);
    for (i, (base, marks)) in letters.iter().enumerate() {
        rebuilt.push(*base);
        rebuilt.extend(marks.iter());
        match tone_at {
            Some((at, tone)) if at == i => rebuilt.push(tone),
            None => rebuilt.extend(tones.iter().filter(|(t, _)| *t == i).map(|(_, c)| *c)),
            _ => {}
        }
    }
    rebuilt.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_new_tone_placement_fold_together() {
        for (a, b) in [
            ("hoà", "hòa"),
            ("uỷ", "ủy"),
            ("thuý", "thúy"),
            ("khoẻ", "khỏe"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} vs {b}");
        }
        assert_ne!(fold("năm"), fold("nam"));
        assert_ne!(fold("hòa"), fold("hóa"));
    }

    #[test]
    fn nfd_case_and_look_alikes_fold() {
        let nfd: String = "Đảng viên".nfd().collect();
        assert_eq!(fold(&nfd), fold("đảng viên"));
        assert_eq!(fold("ÐẢNG VIÊN"), fold("đảng viên"));
        assert_eq!(fold("a\u{a0}\u{2009} b"), "a b");
        assert_eq!(fold("a \r\n  b"), "a\nb");
        assert_eq!(fold("05 – CT"), "05 - ct");
        assert_eq!(fold("đảng\u{200B}viên"), fold("đảngviên"));
    }

    #[test]
    fn map_is_exact_at_word_boundaries() {
        let original: String = "Ủy BAN Nhân dân, ngày 26/3".nfd().collect();
        let view = Normalized::new(&original);
        let text = view.as_str();
        let ngay = fold("ngày");
        let start = text.find(&ngay).unwrap();
        let span = view.original_span(start, start + ngay.len());
        let expected: String = "ngày".nfd().collect();
        assert_eq!(&original[span.start..span.end], expected);
        let end = view.original_span(0, text.len());
        assert_eq!(end.end, original.len());
    }

    #[test]
    fn kelvin_sign_and_dotted_capital_i_do_not_break_the_map() {
        let original = "\u{212A}İstanbul đảng";
        let view = Normalized::new(original);
        let at = view.as_str().find(&fold("đảng")).unwrap();
        let span = view.original_span(at, view.as_str().len());
        assert_eq!(&original[span.start..span.end], "đảng");
    }
}
