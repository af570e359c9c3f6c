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
//!   (`\n`, a bare `\r`, vertical tab, form feed, U+0085, U+2028, U+2029) becomes
//!   one `\n`. Control characters (NUL, the other C0 and the C1 controls, DEL) are
//!   read as white space, so they separate words and never join them.
//! - Invisible characters vanish, inside words too ("đả\u{200B}ng" reads
//!   "đảng"): the byte-order mark, zero-width space, joiners and non-joiners, word
//!   joiner, soft hyphen, combining grapheme joiner, variation selectors, the
//!   invisible operators and the bidirectional controls.
//! - HTML character references read as their character: the numeric ones
//!   (`&#7843;`, `&#x1EA3;`) and the named ones of [`ENTITIES`] (`&nbsp;`,
//!   `&amp;`, `&ndash;`, the Latin-1 vowels such as `&agrave;`), each with its `;`.
//!   One pass: `&amp;nbsp;` reads `&nbsp;`. A reference to NUL, a surrogate or a
//!   number past U+10FFFF is left as written.
//! - Dashes: en dash, em dash, non-breaking hyphen, figure dash and minus read as `-`.
//!
//! The map is exact at every boundary a grammar can stop at: the start and end of
//! every word, digit, punctuation mark and space run. A character read from an
//! HTML reference maps to the whole reference; a span that ends before a dropped
//! invisible character may include it (it is still `input[span]`).

use compact_str::CompactString;
#[cfg(test)]
use rustc_hash::FxHashMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::span::Span;

mod plain_token;
mod token_cache;

use token_cache::TokenCache;

/// A normalised copy of a text with a map from its byte offsets to the original's.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    text: String,
    /// The offset map, kept sparse: `(view offset, original offset)` pairs sorted by
    /// view offset, the first at view offset 0. A view offset maps to the original
    /// offset of the last anchor at or before it plus its distance from that anchor.
    /// Most of a text is copied at its own length, so anchors are needed only where
    /// that rule breaks: after a folded run of spaces, a dropped character, a letter
    /// that changed length or a moved tone mark. The map is exact at every character
    /// start of the view and at its end, which maps to the end of the original.
    anchors: Vec<(usize, usize)>,
    /// For each [`BUCKET`] bytes of the view, the index of the first anchor at or
    /// after the bucket's start, so a lookup searches a few anchors, not all.
    buckets: Vec<usize>,
    /// The anchor the last lookup used: grammars mostly look up offsets in the order
    /// of the text, so the next lookup usually wants the same one or the next.
    last: std::cell::Cell<usize>,
}

/// Bytes of view per lookup bucket.
const BUCKET: usize = 128;

/// The buffers of a view that is no longer needed, to build the next one in: a
/// large document's view otherwise comes from fresh pages of the system each time.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    text: String,
    anchors: Vec<(usize, usize)>,
    buckets: Vec<usize>,
}

impl Buffers {
    /// The bytes the buffers hold.
    pub(crate) fn capacity_bytes(&self) -> usize {
        self.text.capacity()
            + self.anchors.capacity() * std::mem::size_of::<(usize, usize)>()
            + self.buckets.capacity() * std::mem::size_of::<usize>()
    }
}

impl Normalized {
    /// Builds the normalised view of `original`. Linear in its length.
    pub(crate) fn new(original: &str) -> Self {
        Self::new_in(original, Buffers::default())
    }

    /// [`Normalized::new`], built in the buffers of an earlier view.
    pub(crate) fn new_in(original: &str, spare: Buffers) -> Self {
        if !needs_hygiene(original) {
            return Self::build_in(original, spare);
        }
        // HTML references and invisible characters first, with their own map, so
        // that the word scan below sees "đ&#7843;ng" and "đả\u{200B}ng" as "đảng".
        let (clean, origin) = hygiene(original);
        let inner = Self::build(&clean);
        let mut out = Normalized {
            text: String::new(),
            anchors: vec![(0, 0)],
            buckets: Vec::new(),
            last: std::cell::Cell::new(0),
        };
        let mut k = 0;
        for (at, _) in inner.text.char_indices() {
            while k + 1 < inner.anchors.len() && inner.anchors[k + 1].0 <= at {
                k += 1;
            }
            let (v, c) = inner.anchors[k];
            out.anchor(
                at,
                origin.get(c + (at - v)).copied().unwrap_or(original.len()),
            );
        }
        out.anchor(inner.text.len(), original.len());
        out.text = inner.text;
        out.index_buckets();
        out
    }

    fn build(original: &str) -> Self {
        Self::build_in(original, Buffers::default())
    }

    fn build_in(original: &str, spare: Buffers) -> Self {
        let mut out = Self::empty_in(spare, original.len() + original.len() / 16);
        // A report repeats a few thousand distinct tokens: fold each once.
        let mut cache = TokenCache::for_text(original.len());
        // Most of a text reads as written (ASCII, single spaces, words already
        // folded), so it is copied in whole stretches, from `as_written` on, and its
        // ASCII lower-cased (which keeps every length). Each piece starts where the
        // map already gives its original offset, so only the pieces that fold to
        // another length anchor. Only a token that may not read as written is looked
        // up in the cache.
        let bytes = original.as_bytes();
        let mut as_written = 0;
        let mut i = 0;
        loop {
            i = plain_token::plain_run_end(bytes, i);
            match bytes.get(i) {
                None => break,
                Some(_) if space_starts(original, i) => {
                    // a space or line break taken as lone may start the run
                    if i > as_written && matches!(bytes.get(i - 1), Some(b' ' | b'\n')) {
                        i -= 1;
                    }
                    let (end, line_break) = space_run(original, i);
                    out.push_as_written(original, as_written, i);
                    out.push_char(if line_break { '\n' } else { ' ' }, i);
                    out.anchor(out.text.len(), end);
                    (i, as_written) = (end, end);
                }
                // not white space, so the token ends after it
                Some(_) => i = out.fold_token_at(original, i, &mut cache, &mut as_written),
            }
        }
        out.push_as_written(original, as_written, original.len());
        out.anchor(out.text.len(), original.len());
        out.index_buckets();
        out
    }

    /// The straightforward builder [`Normalized::build`] must agree with: token by
    /// token, each pushed on its own.
    #[cfg(test)]
    fn build_reference(original: &str) -> Self {
        let mut out = Self::empty(original.len() + original.len() / 16);
        // A report repeats a few thousand distinct tokens: fold each once.
        let mut cache = ReferenceCache::default();
        let mut i = 0;
        while i < original.len() {
            let (space_end, line_break) = space_run(original, i);
            if space_end > i {
                out.push_char(if line_break { '\n' } else { ' ' }, i);
                i = space_end;
                continue;
            }
            let (end, ascii) = token_end_reference(original, i);
            let token = &original[i..end];
            if ascii {
                out.push_ascii_lowercase(token, i);
            } else if let Some(folded) = cache.get(&Token(token)) {
                out.push_folded(folded, i);
            } else {
                let folded = FoldedWord::of_token(token);
                out.push_folded(&folded, i);
                if cache.len() < MAX_CACHED_TOKENS {
                    cache.insert(Token(token), folded);
                }
            }
            i = end;
        }
        out.anchor(out.text.len(), original.len());
        out.index_buckets();
        out
    }

    fn empty(capacity: usize) -> Self {
        Self::empty_in(Buffers::default(), capacity)
    }

    fn empty_in(spare: Buffers, capacity: usize) -> Self {
        let Buffers {
            mut text,
            mut anchors,
            mut buckets,
        } = spare;
        text.clear();
        text.reserve(capacity);
        anchors.clear();
        anchors.push((0, 0));
        buckets.clear();
        Normalized {
            text,
            anchors,
            buckets,
            last: std::cell::Cell::new(0),
        }
    }

    /// The view's buffers, to build another view in.
    pub(crate) fn into_buffers(self) -> Buffers {
        Buffers {
            text: self.text,
            anchors: self.anchors,
            buckets: self.buckets,
        }
    }

    /// The view of one token (no white space in it), character by character.
    fn fold_token(token: &str) -> Self {
        let mut out = Self::empty(token.len() + 4);
        let mut i = 0;
        while let Some(c) = token[i..].chars().next() {
            if is_word_char(c) {
                let end = i + word_len(&token[i..]);
                let word = &token[i..end];
                if word.is_ascii() {
                    out.push_ascii_lowercase(word, i);
                } else {
                    out.push_folded(&FoldedWord::new(word), i);
                }
                i = end;
            } else {
                if !is_invisible(c) {
                    out.push_char(fold_symbol(c), i);
                }
                i += c.len_utf8();
            }
        }
        out.anchor(out.text.len(), token.len());
        out
    }

    fn index_buckets(&mut self) {
        let mut k = 0;
        let anchors = &self.anchors;
        self.buckets.clear();
        self.buckets
            .extend((0..=self.text.len() / BUCKET + 1).map(|b| {
                while anchors.get(k).is_some_and(|a| a.0 < b * BUCKET) {
                    k += 1;
                }
                k
            }));
    }

    /// The normalised text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte offset of a normalised offset, as a start position.
    pub(crate) fn original_offset(&self, normalised: usize) -> usize {
        let at = normalised.min(self.text.len());
        // The offset of `at` if anchor `k` is the last one at or before it.
        let through = |k: usize| {
            let &(v, o) = self.anchors.get(k)?;
            let next_after = self.anchors.get(k + 1).is_none_or(|next| next.0 > at);
            (v <= at && next_after).then(|| o + (at - v))
        };
        let last = self.last.get();
        if let Some(offset) = through(last) {
            return offset;
        }
        if let Some(offset) = through(last + 1) {
            self.last.set(last + 1);
            return offset;
        }
        // Count the anchors at or before `at`: all of those before `at`'s bucket, and
        // those in it up to `at` (every anchor after the bucket lies after `at`).
        let lo = self.buckets.get(at / BUCKET).copied().unwrap_or(0);
        let hi = self
            .buckets
            .get(at / BUCKET + 1)
            .copied()
            .unwrap_or(self.anchors.len());
        let window = self.anchors.get(lo..hi.max(lo)).unwrap_or_default();
        let k = lo + window.partition_point(|&(v, _)| v <= at);
        match k
            .checked_sub(1)
            .and_then(|k| self.anchors.get(k).map(|a| (k, a)))
        {
            Some((k, &(v, o))) => {
                self.last.set(k);
                o + (at - v)
            }
            None => at,
        }
    }

    /// The original span of a normalised byte range.
    pub(crate) fn original_span(&self, start: usize, end: usize) -> Span {
        let s = self.original_offset(start);
        // A span is mostly one stretch copied at its own length: the anchor that
        // mapped its start maps its end too, without a second look-up.
        let at = end.min(self.text.len());
        let k = self.last.get();
        let e = match self.anchors.get(k) {
            Some(&(v, o)) if v <= at && self.anchors.get(k + 1).is_none_or(|n| n.0 > at) => {
                o + (at - v)
            }
            _ => self.original_offset(end),
        };
        Span::new(s, e.max(s))
    }

    /// Records that view offset `at` (at or after every anchor so far) comes from
    /// original offset `origin`, if the distance rule does not already say so.
    #[inline]
    fn anchor(&mut self, at: usize, origin: usize) {
        let Some(last) = self.anchors.last_mut() else {
            self.anchors.push((at, origin));
            return;
        };
        let (v, o) = *last;
        if o + (at - v) != origin {
            if v == at {
                last.1 = origin;
            } else {
                self.anchors.push((at, origin));
            }
        }
    }

    fn push_str(&mut self, s: &str, origin: usize) {
        self.anchor(self.text.len(), origin);
        self.text.push_str(s);
    }

    /// ASCII text, lower-cased: the same length, so no anchor inside it.
    fn push_ascii_lowercase(&mut self, s: &str, origin: usize) {
        let start = self.text.len();
        self.push_str(s, origin);
        self.text[start..].make_ascii_lowercase();
    }

    #[inline]
    fn push_char(&mut self, c: char, origin: usize) {
        self.anchor(self.text.len(), origin);
        self.text.push(c);
    }

    /// Folds the token at `start` (which may end before a non-ASCII space the
    /// ASCII scan did not see) through the cache: pushes the stretch as written
    /// before it and its fold if it does not read as written. Returns its end.
    fn fold_token_at(
        &mut self,
        original: &str,
        start: usize,
        cache: &mut TokenCache,
        as_written: &mut usize,
    ) -> usize {
        let (end, seen) = scan_token(original.as_bytes(), start);
        if seen & NON_ASCII == 0 {
            return end;
        }
        let (end, folded) = cache.folded(original, start, end);
        if let Some(word) = folded {
            self.push_as_written(original, *as_written, start);
            self.push_token(word, start, end);
            *as_written = end;
        }
        end
    }

    /// `original[from..to]`, which reads as written but for its ASCII capitals:
    /// lower-cased, it keeps its length, so no anchor inside it.
    fn push_as_written(&mut self, original: &str, from: usize, to: usize) {
        let start = self.text.len();
        self.text
            .push_str(original.get(from..to).unwrap_or_default());
        self.text.as_mut_str()[start..].make_ascii_lowercase();
    }

    /// The folded `word` of the token `start..end`, where the map already gives
    /// `start`; afterwards it gives `end` at the view's end.
    fn push_token(&mut self, word: &FoldedWord, start: usize, end: usize) {
        if word.keeps_step(end - start) {
            self.text.push_str(&word.text);
        } else {
            self.push_folded(word, start);
            self.anchor(self.text.len(), end);
        }
    }

    #[inline]
    fn push_folded(&mut self, word: &FoldedWord, origin: usize) {
        let start = self.text.len();
        self.anchor(start, origin);
        self.text.push_str(&word.text);
        for &(at, from) in &word.anchors {
            self.anchor(start + at, origin + from);
        }
    }
}

/// The token cache of [`Normalized::build_reference`].
#[cfg(test)]
type ReferenceCache<'a> = FxHashMap<Token<'a>, FoldedWord>;

/// A token as a cache key. Tokens are short and most equal the key they are
/// compared with: a byte loop is quicker than a call to `memcmp`.
#[cfg(test)]
#[derive(Debug, Hash)]
struct Token<'a>(&'a str);

#[cfg(test)]
impl PartialEq for Token<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
    }
}

#[cfg(test)]
impl Eq for Token<'_> {}

/// Bounds the cache on adversarial input (every token different).
const MAX_CACHED_TOKENS: usize = 1 << 16;

/// The end of the white-space run at `from` (`from` itself when there is none) and
/// whether it breaks the line.
fn space_run(s: &str, from: usize) -> (usize, bool) {
    let bytes = s.as_bytes();
    // the common case: one ASCII space between words
    if bytes.get(from) == Some(&b' ') && !space_at(s, from + 1) {
        return (from + 1, false);
    }
    let mut line_break = false;
    let mut end = from;
    for c in s[from..].chars() {
        if !is_space(c) {
            break;
        }
        line_break |= matches!(
            c,
            '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        end += c.len_utf8();
    }
    (end, line_break)
}

/// Whether a white-space (or control) character starts at byte `i` of `s`; false
/// past the end and inside a character.
#[inline]
fn space_at(s: &str, i: usize) -> bool {
    let bytes = s.as_bytes();
    match bytes.get(i) {
        None => false,
        // ASCII white space and control characters
        Some(&b) if b.is_ascii() => b <= b' ' || b == 0x7F,
        // Only these lead bytes start a non-ASCII space or control character
        // (U+0080–U+00A0, U+1680, U+2000–U+205F, U+3000); E1 also leads every
        // Vietnamese letter of U+1Exx, so its second byte is checked first.
        Some(0xC2 | 0xE2 | 0xE3) => s
            .get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(is_space),
        Some(0xE1) => {
            bytes.get(i + 1) == Some(&0x9A) && s[i..].chars().next().is_some_and(is_space)
        }
        Some(_) => false,
    }
}

/// What [`scan_token`] reads in a byte that starts a character: the character's
/// byte length, 0 if it is white space or may be, and these flags.
static TOKEN_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            0x21..=0x7E => 1,
            0..=0x7F => 0,
            // Only these lead bytes start a non-ASCII space or control character
            // (U+0080–U+00A0, U+2000–U+205F, U+3000) but for E1, of U+1680, which is
            // left to the token cache since E1 also leads every letter of U+1Exx.
            0xC2 | 0xE2 | 0xE3 => MAY_BE_SPACE,
            0x80..=0xDF => 2 | NON_ASCII,
            0xE0..=0xEF => 3 | NON_ASCII,
            _ => 4 | NON_ASCII,
        };
        b += 1;
    }
    table
};

/// The byte length in a [`TOKEN_BYTES`] entry.
const WIDTH: u8 = 0b111;
/// A [`TOKEN_BYTES`] flag: a non-ASCII character that may be white space.
const MAY_BE_SPACE: u8 = 0b1000;
/// A [`TOKEN_BYTES`] flag: a non-ASCII character.
const NON_ASCII: u8 = 0b10_0000;

/// The end of the token (a run of characters that are not white space) at `from`,
/// and the [`TOKEN_BYTES`] flags of its characters. An Ogham space mark (U+1680)
/// is read as part of the token: [`TokenCache::folded`] cuts the token there.
#[inline]
fn scan_token(bytes: &[u8], from: usize) -> (usize, u8) {
    let mut seen = 0;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let class = TOKEN_BYTES[usize::from(b)];
        let width = class & WIDTH;
        if width > 0 {
            seen |= class;
            i += usize::from(width);
        } else if class & MAY_BE_SPACE != 0 && !lead_starts_space(bytes, i) {
            seen |= NON_ASCII;
            i += utf8_width(b);
        } else {
            break;
        }
    }
    (i, seen)
}

/// Whether the character at byte `i` of `bytes` (which starts with C2, E2 or E3)
/// is white space or a control character.
fn lead_starts_space(bytes: &[u8], i: usize) -> bool {
    let c = bytes
        .get(i..)
        .and_then(|rest| rest.utf8_chunks().next())
        .and_then(|chunk| chunk.valid().chars().next());
    c.is_some_and(is_space)
}

/// Whether white space starts at byte `i` of `s`: [`space_at`], with the common
/// answers found without decoding a character.
#[inline(always)]
fn space_starts(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(&b) if b.is_ascii() => b <= b' ' || b == 0x7F,
        Some(&b) if TOKEN_BYTES[usize::from(b)] & MAY_BE_SPACE != 0 => space_at(s, i),
        Some(0xE1) => s.as_bytes().get(i + 1) == Some(&0x9A) && space_at(s, i),
        Some(_) => false,
    }
}

/// The byte length of the character whose UTF-8 form starts with `lead`.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The end of the token (a run of characters that are not white space) at `from`,
/// and whether it is all ASCII.
#[cfg(test)]
fn token_end_reference(s: &str, from: usize) -> (usize, bool) {
    let bytes = s.as_bytes();
    let mut ascii = true;
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let in_token = match b {
            0x21..=0x7E => true,
            // every Vietnamese letter of U+1Exx; U+1680 is the one space it leads
            0xE1 => bytes.get(i + 1) != Some(&0x9A) || !space_at(s, i),
            0xC2 | 0xE2 | 0xE3 => !space_at(s, i),
            0x80..=0xFF => true,
            _ => false, // ASCII white space and control characters
        };
        if !in_token {
            break;
        }
        ascii &= b.is_ascii();
        i += 1;
    }
    (i, ascii)
}

/// A non-ASCII word folded, and the anchors (offsets into the folded and the
/// original word) where its letters do not sit at the same distance from the
/// word's start: none for most words.
#[derive(Debug)]
struct FoldedWord {
    text: Box<str>,
    anchors: Box<[(usize, usize)]>,
}

impl FoldedWord {
    /// A token folded by [`Normalized::fold_token`].
    fn of_token(token: &str) -> Self {
        let view = Normalized::fold_token(token);
        FoldedWord {
            text: view.text.into_boxed_str(),
            anchors: view.anchors.into_boxed_slice(),
        }
    }

    /// Whether the word folds from a token of `token_len` bytes to as many, every
    /// letter at its own offset: then it needs no anchor.
    fn keeps_step(&self, token_len: usize) -> bool {
        self.text.len() == token_len && self.anchors.iter().all(|&(at, from)| at == from)
    }

    /// Letters (a base character with its marks) keep their order through every
    /// fold, so letter k of the folded word maps to letter k of the original.
    fn new(word: &str) -> Self {
        let letter_starts: Vec<usize> = word
            .char_indices()
            .filter(|&(_, c)| !is_combining_mark(c))
            .map(|(i, _)| i)
            .collect();
        let folded = fold_word(word);
        let folded_letters = folded.chars().filter(|&c| !is_combining_mark(c)).count();
        let aligned = folded_letters == letter_starts.len();
        let mut anchors = Vec::new();
        let (mut last_at, mut last_from) = (0, 0);
        let mut letter = 0usize;
        let mut current = 0;
        for (at, c) in folded.char_indices() {
            if !is_combining_mark(c) {
                // Unaligned (a composition merged two letters): every inner boundary
                // falls back to the word's start; the word's own ends stay exact.
                current = if aligned { letter_starts[letter] } else { 0 };
                letter += 1;
            }
            if last_from + (at - last_at) != current {
                anchors.push((at, current));
                (last_at, last_from) = (at, current);
            }
        }
        FoldedWord {
            text: folded.into_boxed_str(),
            anchors: anchors.into_boxed_slice(),
        }
    }
}

/// Folds a whole string the way [`Normalized`] does; the result is what keyword
/// tables are compared against.
pub(crate) fn fold(s: &str) -> String {
    Normalized::new(s).text
}

/// The byte length of the word (letters and their marks) at the start of `s`.
///
/// Read byte by byte where the answer shows in the UTF-8 form: ASCII, the
/// Latin-1 and Latin Extended letters, the combining diacritics and Latin
/// Extended Additional, which [`is_word_char`] answers without its tables; any
/// other character is decoded and asked. A test checks every character against
/// the plain character loop.
pub(crate) fn word_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if (b | 0x20).wrapping_sub(b'a') < 26 {
            i += 1;
            continue;
        }
        if b.is_ascii() {
            break;
        }
        let next = bytes.get(i + 1).copied().unwrap_or_default();
        i += match b {
            // U+00C0–U+00FF, but × (C3 97) and ÷ (C3 B7)
            0xC3 if next != 0x97 && next != 0xB7 => 2,
            // U+0100–U+023F; U+0300–U+036F
            0xC4..=0xC8 | 0xCC => 2,
            0xCD if next <= 0xAF => 2,
            // U+1E00–U+1EFF
            0xE1 if (0xB8..=0xBB).contains(&next) => 3,
            _ => match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_word_char(c) => c.len_utf8(),
                _ => break,
            },
        };
    }
    i
}

/// Whether `c` belongs to a word: a letter or a combining mark that follows one.
///
/// Asked of nearly every character, so the blocks Vietnamese is written in are
/// answered without the Unicode tables (a test checks the shortcut against them).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        // Latin-1 letters and Latin Extended-A/B: all letters but × and ÷
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        // combining diacritics; Latin Extended Additional (ạ…ỹ)
        0x300..=0x36F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic() || is_combining_mark(c),
    }
}

/// White space, and the control characters, which read as white space.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Characters that show nothing and mean nothing to a reader of the text.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                   // soft hyphen
            | '\u{034F}'             // combining grapheme joiner
            | '\u{180E}'             // Mongolian vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width space, non-joiner, joiner, LRM, RLM
            | '\u{202A}'..='\u{202E}' // bidirectional embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidirectional isolates
            | '\u{FE00}'..='\u{FE0F}' // variation selectors
            | '\u{FEFF}' // byte-order mark, zero-width no-break space
    )
}

/// A stretch of the original text as a person would read it, for the string
/// fields of a record (a subject, an issuer): HTML references decoded, invisible
/// characters dropped, control characters and runs of white space as one space,
/// NFC, `Ð` as `Đ`. Case and tone placement are kept as written.
pub(crate) fn readable(raw: &str) -> CompactString {
    if reads_plainly(raw) || reads_as_written(raw) {
        return CompactString::new(raw);
    }
    let clean = if needs_hygiene(raw) {
        hygiene(raw).0
    } else {
        raw.to_string()
    };
    let nfc: String = clean
        .nfc()
        .map(|c| match c {
            '\u{D0}' => '\u{110}',
            c if is_space(c) => ' ',
            c => c,
        })
        .collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ").into()
}

/// Whether [`readable`] returns `raw` as it is,
/// seen without its Unicode tables: printable ASCII but "&", and the precomposed
/// Latin letters Vietnamese is written in (U+00C0–U+024F, U+1E00–U+1EFF: NFC as
/// they are; not "Ð", which reads "Đ"), with single spaces between words. Read
/// byte by byte; a test checks every character against the letters' ranges and
/// the letters against `readable`. Kept as the plain statement of the rules that
/// [`reads_plainly`], which extraction uses, must agree with.
#[cfg(test)]
pub(crate) fn plainly_readable(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // the bytes after a lead byte are there: the text is UTF-8
        let next = || bytes[i + 1];
        i += match b {
            b' ' if bytes.get(i + 1) == Some(&b' ') => return false,
            b'&' => return false,
            b' '..=b'~' => 1,
            // U+00C0–U+00FF but Ð (C3 90); U+0100–U+023F; U+0240–U+024F
            0xC3 if next() != 0x90 => 2,
            0xC4..=0xC8 => 2,
            0xC9 if next() <= 0x8F => 2,
            // U+1E00–U+1EFF
            0xE1 if (0xB8..=0xBB).contains(&next()) => 3,
            _ => return false,
        };
    }
    true
}

/// `plainly_readable`, as one pass over the pairs of neighbouring bytes that the
/// compiler turns into vector code: what each byte may be depends on the byte
/// after it alone (a space on no space, a lead byte on its first continuation
/// byte), and every field is read through this. A continuation byte passes
/// wherever it is: in UTF-8 it follows a lead byte, which is checked. A test checks
/// it against `plainly_readable` (test-only).
pub(crate) fn reads_plainly(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    let mut ok = true;
    let mut done = 0;
    for block in bytes.windows(LANES + 1).step_by(LANES) {
        ok &= plain_block(block);
        done += LANES;
    }
    // the rest, padded with a letter, which passes before anything and lets any
    // byte but a lead byte (never last in UTF-8) pass before it
    let mut rest = [b'a'; LANES + 1];
    let tail = bytes.get(done..).unwrap_or_default();
    for (r, &b) in rest.iter_mut().zip(tail) {
        *r = b;
    }
    ok & plain_block(&rest)
}

/// Bytes in a block of [`reads_plainly`], each with the byte after it.
const LANES: usize = 16;

/// Whether the first [`LANES`] bytes of `block` ([`LANES`] + 1 long) pass, with
/// no early exit: a fixed number of independent tests becomes vector code.
#[inline(always)]
fn plain_block(block: &[u8]) -> bool {
    let Some(block) = block.first_chunk::<{ LANES + 1 }>() else {
        return false;
    };
    (0..LANES).fold(true, |ok, k| ok & plain_before(block[k], block[k + 1]))
}

/// Whether byte `b` followed by `next` may be part of a plainly readable text
/// (`plainly_readable`'s rules, byte by byte).
#[inline(always)]
fn plain_before(b: u8, next: u8) -> bool {
    let ascii = (b' '..=b'~').contains(&b) && b != b'&' && !(b == b' ' && next == b' ');
    let continuation = (0x80..=0xBF).contains(&b);
    // U+00C0–U+00FF but Ð (C3 90); U+0100–U+023F; U+0240–U+024F
    let latin =
        (b == 0xC3 && next != 0x90) | (0xC4..=0xC8).contains(&b) | (b == 0xC9 && next <= 0x8F);
    // U+1E00–U+1EFF
    let extended = b == 0xE1 && (0xB8..=0xBB).contains(&next);
    ascii | continuation | latin | extended
}

/// Whether [`readable`] would return `raw` unchanged: NFC, single ASCII spaces
/// between words, nothing to decode, drop or replace. Most fields are.
fn reads_as_written(raw: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    let bytes = raw.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for c in raw.chars() {
        let plain = match c {
            ' ' => !after_space,
            '&' | '\u{D0}' => false,
            c if c.is_ascii() => !c.is_ascii_control(),
            c => !is_space(c) && !is_invisible(c),
        };
        if !plain {
            return false;
        }
        after_space = c == ' ';
    }
    is_nfc_quick(raw.chars()) == IsNormalized::Yes
}

/// The character a reader sees at byte `offset` of the original text: an HTML
/// reference read as its character, invisible characters skipped. For checks such
/// as "does the name start with a capital" on text that may carry `&#272;`.
pub(crate) fn char_at(original: &str, offset: usize) -> Option<char> {
    let mut rest = original.get(offset..)?;
    while let Some(c) = rest.chars().next() {
        if c == '&' {
            if let Some((decoded, len)) = html_reference(rest) {
                if !is_invisible(decoded) {
                    return Some(decoded);
                }
                rest = &rest[len..];
                continue;
            }
        }
        if !is_invisible(c) {
            return Some(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    None
}

/// Whether [`hygiene`] has anything to do: an `&`, or an invisible character.
fn needs_hygiene(s: &str) -> bool {
    let bytes = s.as_bytes();
    if memchr::memchr(b'&', bytes).is_some() {
        return true;
    }
    // Only characters starting with a lead byte of an invisible character's UTF-8
    // form are decoded. E1 leads every Vietnamese letter of U+1Exx, so the one
    // invisible character it leads (U+180E) is searched for whole.
    let decoded_invisible = |i: usize| s[i..].chars().next().is_some_and(is_invisible);
    memchr::memchr3_iter(0xC2, 0xCD, 0xE2, bytes).any(decoded_invisible)
        || memchr::memchr_iter(0xEF, bytes).any(decoded_invisible)
        || memchr::memmem::find(bytes, "\u{180E}".as_bytes()).is_some()
}

/// `s` with HTML character references decoded and invisible characters dropped,
/// and for each of its bytes the original offset (one extra entry for the end).
/// A decoded reference maps to its `&`; other characters map byte for byte.
fn hygiene(s: &str) -> (String, Vec<usize>) {
    let mut clean = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len() + 1);
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        if c == '&' {
            if let Some((decoded, len)) = html_reference(&s[i..]) {
                if !is_invisible(decoded) {
                    clean.push(decoded);
                    origin.extend(std::iter::repeat_n(i, decoded.len_utf8()));
                }
                i += len;
                continue;
            }
        }
        if !is_invisible(c) {
            clean.push(c);
            origin.extend(i..i + c.len_utf8());
        }
        i += c.len_utf8();
    }
    origin.push(s.len());
    (clean, origin)
}

/// The named HTML references read (sorted by name): the ones scrapers leave in
/// Vietnamese text — spaces, dashes, quotes, the markup characters — and the
/// Latin-1 letters that Vietnamese uses.
pub(crate) const ENTITIES: [(&str, char); 63] = [
    ("AElig", 'Æ'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Atilde", 'Ã'),
    ("ETH", 'Ð'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Iacute", 'Í'),
    ("Igrave", 'Ì'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ograve", 'Ò'),
    ("Otilde", 'Õ'),
    ("Uacute", 'Ú'),
    ("Ugrave", 'Ù'),
    ("Yacute", 'Ý'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("amp", '&'),
    ("apos", '\''),
    ("atilde", 'ã'),
    ("bull", '•'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("eth", 'ð'),
    ("gt", '>'),
    ("hellip", '…'),
    ("iacute", 'í'),
    ("igrave", 'ì'),
    ("laquo", '«'),
    ("ldquo", '“'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("mdash", '—'),
    ("middot", '·'),
    ("minus", '−'),
    ("nbsp", '\u{A0}'),
    ("ndash", '–'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("ograve", 'ò'),
    ("otilde", 'õ'),
    ("percnt", '%'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rdquo", '”'),
    ("rsquo", '’'),
    ("shy", '\u{AD}'),
    ("sol", '/'),
    ("thinsp", '\u{2009}'),
    ("uacute", 'ú'),
    ("ugrave", 'ù'),
    ("yacute", 'ý'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
    ("zwsp", '\u{200B}'),
];

/// An HTML character reference at the start of `s` (which starts with `&`): the
/// character and the reference's byte length, `;` included.
// &#7843;  &#x1EA3;  &#X1ea3;  &nbsp;
fn html_reference(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('&')?;
    let end = body.bytes().take(12).position(|b| b == b';')?;
    let name = &body[..end];
    let len = 1 + end + 1;
    if let Some(num) = name.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        let n = u32::from_str_radix(digits, radix).ok()?;
        return char::from_u32(n).filter(|&c| c != '\0').map(|c| (c, len));
    }
    ENTITIES
        .binary_search_by(|(k, _)| k.cmp(&name))
        .ok()
        .map(|i| (ENTITIES[i].1, len))
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

    /// The original text of the view's first match of `word` (folded).
    fn found<'a>(original: &'a str, word: &str) -> &'a str {
        let view = Normalized::new(original);
        let w = fold(word);
        let at = view
            .as_str()
            .find(&w)
            .unwrap_or_else(|| panic!("{w:?} in {view:?}"));
        let span = view.original_span(at, at + w.len());
        &original[span.range()]
    }

    #[test]
    fn byte_order_mark_vanishes_and_the_map_skips_it() {
        let original = "\u{FEFF}Ngày 26/3";
        let view = Normalized::new(original);
        assert_eq!(view.as_str(), fold("Ngày 26/3"));
        assert_eq!(view.original_offset(0), 3);
        assert_eq!(found(original, "ngày"), "Ngày");
        assert_eq!(fold("a\u{FEFF}b"), "ab");
    }

    #[test]
    fn line_endings_fold_to_one_line_break() {
        assert_eq!(fold("a\r\nb"), "a\nb");
        assert_eq!(fold("a\r\n\r\n  b"), "a\nb");
        assert_eq!(fold("a\rb"), "a\nb"); // old Mac
        assert_eq!(fold("a\u{B}b\u{C}c"), "a\nb\nc");
        let original = "5.246\r\nđảng viên";
        assert_eq!(found(original, "đảng viên"), "đảng viên");
        assert_eq!(found(original, "5.246"), "5.246");
    }

    #[test]
    fn control_characters_read_as_spaces() {
        assert_eq!(fold("5\u{0}đảng"), "5 đảng");
        assert_eq!(fold("a\u{0}\u{0}\u{1} \u{7F}b"), "a b");
        assert_eq!(fold("a\u{9C}b"), "a b");
        assert_eq!(fold("a\u{0}\nb"), "a\nb");
        let original = "\u{0}\u{7}Có 91\u{0}tổ chức";
        assert_eq!(found(original, "có 91"), "Có 91");
        assert_eq!(found(original, "tổ chức"), "tổ chức");
    }

    #[test]
    fn html_references_read_as_their_characters() {
        assert_eq!(fold("đ&#7843;ng vi&ecirc;n"), fold("đảng viên"));
        assert_eq!(fold("đ&#x1EA3;ng&nbsp;vi&#xEA;n"), fold("đảng viên"));
        assert_eq!(fold("&#X1ea3;"), fold("ả"));
        assert_eq!(fold("05&ndash;CT/TW"), "05-ct/tw");
        assert_eq!(fold("A&amp;B"), "a&b");
        assert_eq!(fold("&amp;nbsp;"), "&nbsp;"); // one pass only
        assert_eq!(fold("98,5&percnt;"), "98,5%");
        assert_eq!(fold("đả&shy;ng"), fold("đảng"));
        assert_eq!(fold("đả&#8203;ng"), fold("đảng"));
        // not references: left as written
        for s in [
            "&#0;",
            "&#xD800;",
            "&#x110000;",
            "&nbsp",
            "&foo;",
            "& amp;",
            "&#;",
            "&#x;",
        ] {
            assert_eq!(fold(s), s.to_lowercase(), "{s}");
        }
    }

    #[test]
    fn html_references_map_to_the_whole_reference() {
        let original = "Có 5 đ&#7843;ng&nbsp;viên";
        assert_eq!(found(original, "đảng viên"), "đ&#7843;ng&nbsp;viên");
        assert_eq!(found(original, "ả"), "&#7843;");
        assert_eq!(found(original, "5"), "5");
        let original = "&Ecirc; &#x110; &nbsp;";
        assert_eq!(found(original, "đ"), "&#x110;");
        let view = Normalized::new(original);
        assert_eq!(
            view.original_span(0, view.as_str().len()).end,
            original.len()
        );
    }

    #[test]
    fn invisible_characters_inside_words_vanish() {
        for s in [
            "đả\u{200B}ng",
            "đả\u{200D}ng",
            "đ\u{AD}ảng",
            "đảng\u{FE0F}",
            "\u{2066}đảng\u{2069}",
            "đả\u{34F}ng",
        ] {
            assert_eq!(fold(s), fold("đảng"), "{s:?}");
        }
        // tone placement folds across the invisible character too
        assert_eq!(fold("thu\u{200B}ỷ"), fold("thủy"));
        assert_eq!(fold("a \u{200B} b"), "a b");
        assert_eq!(found("Có đả\u{200B}ng viên", "đảng"), "đả\u{200B}ng");
    }

    #[test]
    fn readable_text_reads_through_the_noise() {
        assert_eq!(readable("k&#7871;\u{0}ho&#x1EA1;ch"), "kế hoạch");
        assert_eq!(
            readable("B\u{1ed9}&nbsp;Ch\u{AD}ính\r\n tr\u{200B}ị"),
            "Bộ Chính trị"
        );
        let nfd: String = "Ðảng Ủy".nfd().collect();
        assert_eq!(readable(&nfd), "Đảng Ủy");
        assert_eq!(readable("  hoà  "), "hoà");
        for plain in ["Bộ Chính trị", "05-CT/TW", "", "Ủy ban nhân dân tỉnh"] {
            assert!(reads_as_written(plain), "{plain}");
            assert_eq!(readable(plain), plain);
        }
        for noisy in [
            "a  b",
            " a",
            "a ",
            "a\tb",
            "Ðảng",
            "a&amp;b",
            "đả\u{200B}ng",
            &nfd,
        ] {
            assert!(!reads_as_written(noisy), "{noisy:?}");
        }
    }

    #[test]
    fn char_at_reads_through_references_and_invisibles() {
        let s = "của &#272;ảng \u{200B}Ủy &amp;";
        assert_eq!(char_at(s, 0), Some('c'));
        assert_eq!(char_at(s, s.find('&').unwrap()), Some('Đ'));
        assert_eq!(char_at(s, s.find('\u{200B}').unwrap()), Some('Ủ'));
        assert_eq!(char_at(s, s.rfind('&').unwrap()), Some('&'));
        assert_eq!(char_at(s, s.len()), None);
        assert_eq!(char_at(s, 1000), None);
        assert_eq!(char_at("\u{200B}", 0), None);
    }

    /// The original offset of `at` from a search of the whole map: what the
    /// look-ups that start from the last anchor used must agree with.
    fn offset_by_searching_the_map(view: &Normalized, at: usize) -> usize {
        let at = at.min(view.as_str().len());
        let k = view.anchors.partition_point(|&(v, _)| v <= at);
        view.anchors
            .get(k.wrapping_sub(1))
            .map_or(at, |&(v, o)| o + (at - v))
    }

    proptest::proptest! {
        /// A view built in the buffers of another is the view built fresh: nothing
        /// of the first is left in its text, map or buckets.
        #[test]
        fn a_view_built_in_used_buffers_is_the_fresh_view(
            first in "([a-zA-Z0-9 .,&;#\n]|[àáảạđêềếộơờưựỳ]|[ÀĐÔƯ]|\u{0301}|\u{00A0}|\u{200B}|&#7843;){0,300}",
            second in "([a-zA-Z0-9 .,&;#\n]|[àáảạđêềếộơờưựỳ]|[ÀĐÔƯ]|\u{0301}|\u{00A0}|\u{200B}|&#7843;){0,60}",
        ) {
            let used = Normalized::new(&first).into_buffers();
            let reused = Normalized::new_in(&second, used);
            let fresh = Normalized::new(&second);
            proptest::prop_assert_eq!(reused.as_str(), fresh.as_str());
            proptest::prop_assert_eq!(&reused.anchors, &fresh.anchors);
            proptest::prop_assert_eq!(&reused.buckets, &fresh.buckets);
        }
    }

    proptest::proptest! {
        /// At every character start of the view the map gives a character boundary
        /// of the original, never going back; the view's end maps to the original's.
        #[test]
        fn offset_map_is_monotone_and_on_boundaries(
            s in "([a-zA-Z0-9 .,&;#]|[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]|[ÀÁĐÈÊÔƠƯỦ]|\u{0300}|\u{0301}|\u{0323}|\u{00A0}|\u{200B}|\r\n|&nbsp;|&#7843;){0,40}"
        ) {
            let view = Normalized::new(&s);
            let mut last = 0;
            for (at, _) in view.as_str().char_indices() {
                let o = view.original_offset(at);
                proptest::prop_assert!(s.is_char_boundary(o) && o >= last, "{s:?} at {at}: {o}");
                last = o;
            }
            proptest::prop_assert_eq!(view.original_offset(view.as_str().len()), s.len());
        }
    }

    proptest::proptest! {
        /// Looked up in any order, every view offset maps where the first anchor
        /// search over the whole map says.
        #[test]
        fn original_offset_agrees_with_a_search_of_the_whole_map(
            pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..60),
            lookups in proptest::collection::vec(0..400usize, 0..80)
        ) {
            let s = pieces.concat();
            let view = Normalized::new(&s);
            let len = view.as_str().len();
            let expected = |at: usize| offset_by_searching_the_map(&view, at);
            let in_order = (0..=len + 1).step_by(1 + len / 97);
            for at in lookups.into_iter().chain(in_order) {
                proptest::prop_assert_eq!(view.original_offset(at), expected(at), "{:?} at {}", s, at);
            }
        }
    }

    proptest::proptest! {
        /// Looked up in any order, every span maps its ends where two searches of
        /// the whole map say, even when the last look-up left another anchor.
        #[test]
        fn original_span_agrees_with_a_search_of_the_whole_map(
            pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..60),
            spans in proptest::collection::vec((0..400usize, 0..40usize), 0..80)
        ) {
            let s = pieces.concat();
            let view = Normalized::new(&s);
            let expected = |at: usize| offset_by_searching_the_map(&view, at);
            for (start, n) in spans {
                // spans running backwards too: their end is clamped to their start
                let end = if n % 7 == 0 { start.saturating_sub(n) } else { start + n };
                let got = view.original_span(start, end);
                let want = (expected(start), expected(end).max(expected(start)));
                proptest::prop_assert_eq!((got.start, got.end), want, "{:?} {}..{}", s, start, end);
            }
        }
    }

    #[test]
    fn reads_plainly_agrees_with_plainly_readable_on_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("a{c}b"),
                format!("{c}{c}"),
                format!("{c} ạ"),
                format!("x {c}"),
                // across the edge of a block of sixteen bytes
                format!("{}{c}  {c}", "a".repeat(15)),
                format!("{}{c}ạ", "ab ".repeat(5)),
                format!("{}{c}{c}b", "a".repeat(31)),
            ] {
                assert_eq!(reads_plainly(&s), plainly_readable(&s), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn reads_plainly_agrees_with_plainly_readable(
            s in "([a-zA-Z0-9 .,&;#~]|[àáạăằđèêệìòôơờùưựỳ]|[ÀĐÊÔƠƯỦ]|\u{D0}|\u{D7}|\u{24F}|\u{250}|\u{0300}|\u{00A0}|\u{200B}|\u{1E00}|\u{1EFF}|\u{1F00}|\t|\n|\u{7F}|  ){0,40}"
        ) {
            proptest::prop_assert_eq!(reads_plainly(&s), plainly_readable(&s), "{:?}", s);
        }
    }

    #[test]
    fn every_invisible_character_is_seen() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("đảng{c}viên");
            assert_eq!(
                needs_hygiene(&s),
                is_invisible(c) || c == '&',
                "U+{:04X}",
                c as u32
            );
        }
        assert!(needs_hygiene("a &amp; b"));
    }

    #[test]
    fn space_shortcut_agrees_with_is_space() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("ả{c}");
            assert_eq!(space_at(&s, "ả".len()), is_space(c), "U+{:04X}", c as u32);
            assert!(!space_at(&s, 1), "inside a character");
        }
    }

    /// The character loop [`word_len`] reads byte by byte.
    fn word_len_reference(s: &str) -> usize {
        s.char_indices()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(s.len(), |(i, _)| i)
    }

    #[test]
    fn word_len_agrees_with_the_character_loop() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("a{c}b "), format!("{c}\u{301}{c}.")] {
                assert_eq!(word_len(&s), word_len_reference(&s), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_len_agrees_on_any_text(s in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(word_len(&s), word_len_reference(&s));
        }

        #[test]
        fn word_len_agrees_on_mixed_pieces(
            pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..12)
        ) {
            let s = pieces.concat();
            proptest::prop_assert_eq!(word_len(&s), word_len_reference(&s));
        }
    }

    #[test]
    fn word_char_shortcut_agrees_with_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let slow = c.is_alphabetic() || (!c.is_ascii() && is_combining_mark(c));
            assert_eq!(is_word_char(c), slow, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn entity_table_is_sorted_and_unique() {
        for w in ENTITIES.windows(2) {
            assert!(w[0].0 < w[1].0, "{} before {}", w[0].0, w[1].0);
        }
        for (name, c) in ENTITIES {
            assert_eq!(
                html_reference(&format!("&{name};")),
                Some((c, name.len() + 2))
            );
        }
    }

    #[test]
    fn kelvin_sign_and_dotted_capital_i_do_not_break_the_map() {
        let original = "\u{212A}İstanbul đảng";
        let view = Normalized::new(original);
        let at = view.as_str().find(&fold("đảng")).unwrap();
        let span = view.original_span(at, view.as_str().len());
        assert_eq!(&original[span.start..span.end], "đảng");
    }

    #[test]
    fn plainly_readable_text_reads_as_written() {
        let letters = (0xC0..=0x24F)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32)
            .filter(|&c| c != '\u{D0}');
        let mut all = String::new();
        for c in letters {
            for s in [c.to_string(), format!("a{c}"), format!("{c}b {c}")] {
                assert!(plainly_readable(&s), "{s:?}");
                assert_eq!(readable(&s), s, "{s:?}");
            }
            all.push(c);
            all.push(if all.len() % 3 == 0 { ' ' } else { 'x' });
        }
        let ascii: String = (b' '..=b'~')
            .map(char::from)
            .filter(|&c| c != '&')
            .collect();
        for s in [all.trim_end().to_string(), ascii.trim().to_string()] {
            assert!(plainly_readable(&s));
            assert_eq!(readable(&s), s);
        }
        for s in ["Ðảng", "a  b", " a", "a ", "a&amp;b", "a\tb", "e\u{301}"] {
            assert!(!plainly_readable(s), "{s:?}");
        }
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let plain = match c {
                '&' | '\u{D0}' => false,
                ' '..='~' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
                _ => false,
            };
            assert_eq!(plainly_readable(&format!("a{c}b")), plain, "{c:?}");
        }
    }

    /// Pieces of text that fold in every way the view folds, repeated in the
    /// generated texts so that the token cache is hit as well as missed.
    const PIECES: [&str; 72] = [
        "đảng",
        "Đảng",
        "ĐẢNG",
        "ÐẢNG",
        "hòa",
        "hoà",
        "HÒA",
        "HOÀ",
        "uỷ",
        "ủy",
        "Ủy",
        "UỶ",
        "thuý",
        "thúy",
        "người",
        "NGƯỜI",
        "khoẻ",
        "đa\u{309}ng",
        "ho\u{300}a",
        "Việt",
        "năm",
        "a",
        "Ab",
        "CT/TW",
        "05-CT",
        "98,5%",
        "(đảng)",
        "İstanbul",
        "\u{212A}",
        "ẞ",
        "ß",
        "ﬁ",
        "Σ",
        "ǅ",
        "ᚁ",
        "€",
        "、",
        "°C",
        "«",
        "中",
        "𝐀",
        "e\u{301}",
        "\u{301}",
        "\u{323}a",
        "đả\u{200B}ng",
        "&nbsp;",
        "&#7843;",
        "&",
        "–",
        "−",
        "x\u{200D}y",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\u{B}",
        "\u{C}",
        "\u{0}",
        "\u{7F}",
        "\u{85}",
        "\u{9C}",
        "\u{A0}",
        "\u{1680}",
        "\u{2003}",
        "\u{2028}",
        "\u{2029}",
        "\u{3000}",
        " \n",
        "\n ",
        "Đ",
    ];

    /// `Normalized::build` gives the reference builder's view and map of `s`.
    fn assert_builds_agree(s: &str) {
        let fast = Normalized::build(s);
        let slow = Normalized::build_reference(s);
        assert_eq!(fast.text, slow.text, "view of {s:?}");
        assert_eq!(fast.anchors, slow.anchors, "map of {s:?}");
        assert_eq!(fast.buckets, slow.buckets, "buckets of {s:?}");
    }

    proptest::proptest! {
        #[test]
        fn build_agrees_with_the_reference_on_mixed_pieces(
            pieces in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..80)
        ) {
            assert_builds_agree(&pieces.concat());
        }

        #[test]
        fn build_agrees_with_the_reference_on_any_text(s in proptest::prelude::any::<String>()) {
            assert_builds_agree(&s);
        }
    }

    #[test]
    fn build_agrees_with_the_reference_on_tricky_texts() {
        let nfd: String = "Ủy BAN Nhân dân, ĐẢNG viên hòa hoà".nfd().collect();
        let long_token = "ĐảngViênHòa".repeat(200);
        for s in [
            "",
            " ",
            "\n",
            "a",
            "Đ",
            "đảng",
            "  đảng  ",
            "Đảng viên đảng viên ĐẢNG VIÊN",
            "hòa hoà hoà hòa uỷ ủy thuý thúy",
            "a \r\n  b\u{A0}\u{2009} c\u{0}d\u{7F}e\u{85}f\u{2028}g\u{3000}h\u{1680}i",
            "đ&#7843;ng vi&ecirc;n &amp;nbsp; &#0; &foo;",
            "đả\u{200B}ng \u{FEFF}Ngày \u{2066}đảng\u{2069}",
            "05 – CT/TW ngày 15/5/2016, đạt 98,5%",
            "\u{212A}İstanbul ẞ đảng",
            &nfd,
            &long_token,
        ] {
            assert_builds_agree(s);
        }
    }

    #[test]
    fn build_agrees_with_the_reference_around_every_character() {
        let chars: Vec<char> = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        for chunk in chars.chunks(256) {
            let s: String = chunk
                .iter()
                .map(|c| format!("x{c}Y {c}{c}\u{301} Đ{c}\n"))
                .collect();
            assert_builds_agree(&s);
        }
    }

    #[test]
    fn build_agrees_with_the_reference_past_the_cache_bound() {
        let distinct = MAX_CACHED_TOKENS + 5000;
        let mut s = String::new();
        for n in 0..distinct {
            s.push_str(&format!("đ{n} Hòa{n} "));
        }
        for n in (0..distinct).step_by(97) {
            s.push_str(&format!("đ{n} hoà{n}\n"));
        }
        assert_builds_agree(&s);
    }
}
