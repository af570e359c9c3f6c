//! The person grammar's word lists, folded once and looked up by their first two
//! bytes.

use std::sync::OnceLock;

use crate::grammar::Vocabulary;
use crate::text::keyword::{bucket, Head, BUCKET_BITS};
use crate::text::normalize::{fold, is_word_char};

use super::ALL_SETS;

/// A word list from [`tables`], folded on first use; the longest entry wins.
pub(super) struct WordSet {
    words: &'static [&'static str],
    folded: OnceLock<Folded>,
}

/// A [`WordSet`]'s entries in the normalised view's spelling, in buckets by their
/// first two bytes: a look-up reads one bucket, and most of its entries are told
/// apart from the text by their first eight bytes alone.
struct Folded {
    /// Sorted by first byte, then longest first.
    entries: Vec<String>,
    /// Bucket `b` is `candidates[starts[b]..starts[b + 1]]`, longest first.
    starts: Vec<u16>,
    candidates: Vec<Candidate>,
    /// The entries of one byte, longest first (after any bucket's).
    short: Vec<Candidate>,
}

/// An entry, its first eight bytes and what a look-up needs to know of it without
/// reading it: a head that matches settles an entry of up to eight bytes.
#[derive(Clone, Copy)]
struct Candidate {
    head: Head,
    entry: u16,
    len: u8,
    /// Whether the entry ends in a letter, so that a letter or digit after it in
    /// the text continues the word.
    ends_in_letter: bool,
}

impl Candidate {
    /// Whether the entry starts `s`, whose head is `head`.
    #[inline]
    fn starts(&self, f: &Folded, s: &str, head: Head) -> bool {
        let len = usize::from(self.len);
        self.head.may_start(head)
            && s.len() >= len
            && (len <= 8 || {
                let rest = &f.entries[usize::from(self.entry)].as_bytes()[8..];
                s.as_bytes()[8..len].iter().zip(rest).all(|(a, b)| a == b)
            })
    }

    /// Whether the entry, starting `s`, ends a word there.
    #[inline]
    fn ends_word_in(&self, s: &str) -> bool {
        !self.ends_in_letter
            || !s[usize::from(self.len)..]
                .chars()
                .next()
                .is_some_and(|c| is_word_char(c) || c.is_ascii_digit())
    }
}

impl WordSet {
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            folded: OnceLock::new(),
        }
    }

    fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| {
            let mut entries = fold_all(self.words);
            entries.retain(|e| !e.is_empty());
            entries.sort_by(|a, b| {
                (a.as_bytes()[0], std::cmp::Reverse(a.len()), a.as_str()).cmp(&(
                    b.as_bytes()[0],
                    std::cmp::Reverse(b.len()),
                    b.as_str(),
                ))
            });
            entries.dedup();
            let mut buckets = vec![Vec::new(); 1 << BUCKET_BITS];
            let mut short = Vec::new();
            for (i, e) in entries.iter().enumerate() {
                let candidate = Candidate {
                    head: Head::of(e),
                    entry: u16::try_from(i).expect("a word set has fewer than 65536 entries"),
                    len: u8::try_from(e.len()).expect("a word set's entries are short"),
                    ends_in_letter: e
                        .chars()
                        .next_back()
                        .is_some_and(|c| is_word_char(c) || c.is_ascii_digit()),
                };
                match bucket(e) {
                    Some(b) => buckets[b].push(candidate),
                    None => short.push(candidate),
                }
            }
            // the entries of a bucket that may start one text share their first two
            // bytes, and so stay longest first
            let mut starts = vec![0u16];
            let mut candidates = Vec::new();
            for b in buckets {
                candidates.extend(b);
                starts.push(candidates.len() as u16);
            }
            Folded {
                entries,
                starts,
                candidates,
                short,
            }
        })
    }

    /// The entries that may start `s`: its bucket's, then the one-byte entries; each
    /// longest first.
    #[inline]
    fn candidates(&self, s: &str) -> (&Folded, &[Candidate], &[Candidate]) {
        let f = self.folded();
        let bucket = bucket(s).map_or(&[][..], |b| {
            &f.candidates[usize::from(f.starts[b])..usize::from(f.starts[b + 1])]
        });
        (f, bucket, &f.short)
    }

    /// The byte length of the longest entry at the start of `s`, ending a word.
    pub(super) fn longest_at(&self, s: &str) -> Option<usize> {
        let (f, bucket, short) = self.candidates(s);
        // most look-ups are of words the set has nothing like
        if bucket.is_empty() && short.is_empty() {
            return None;
        }
        let head = Head::of(s);
        for list in [bucket, short] {
            for c in list {
                if c.starts(f, s, head) && c.ends_word_in(s) {
                    return Some(usize::from(c.len));
                }
            }
        }
        None
    }

    /// Whether `s` is an entry.
    pub(super) fn contains(&self, s: &str) -> bool {
        let (f, bucket, short) = self.candidates(s);
        if bucket.is_empty() && short.is_empty() {
            return false;
        }
        let head = Head::of(s);
        [bucket, short].iter().any(|list| {
            list.iter()
                .any(|c| usize::from(c.len) == s.len() && c.starts(f, s, head))
        })
    }
}

/// Each word [`fold`]ed. One view of the words joined by line breaks, split again:
/// a view costs far more to set up than to extend, and folding never reaches
/// across a line break (a test checks every set against folding word by word).
fn fold_all(words: &[&str]) -> Vec<String> {
    let folded = fold(&words.join("\n"));
    let parts: Vec<String> = folded.split('\n').map(str::to_string).collect();
    if parts.len() == words.len() {
        parts
    } else {
        // an empty word, or one with a line break of its own
        words.iter().map(|w| fold(w)).collect()
    }
}

impl Vocabulary for WordSet {
    /// Asked while an extractor is built: every set is folded then, so that no
    /// extraction pays for it on its first mention.
    fn folded_words(&self) -> Vec<String> {
        for set in ALL_SETS {
            set.folded();
        }
        self.folded().entries.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_a_set_at_once_agrees_with_folding_word_by_word() {
        for set in ALL_SETS {
            let one_by_one: Vec<String> = set.words.iter().map(|w| fold(w)).collect();
            assert_eq!(fold_all(set.words), one_by_one);
        }
        // the fallback
        assert_eq!(fold_all(&["Ông", "", "Bà"]), ["ông", "", "bà"]);
    }
}
