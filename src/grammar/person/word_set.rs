//! The person grammar's word lists: folded together once, and looked up through
//! the text layer's [`WordIndex`].

use std::sync::OnceLock;

use crate::grammar::Vocabulary;
use crate::text::keyword::WordIndex;
use crate::text::normalize::fold;

use super::ALL_SETS;

/// A word list from [`tables`], folded on first use; the longest entry wins.
pub(super) struct WordSet {
    words: &'static [&'static str],
    folded: OnceLock<WordIndex<()>>,
}

impl WordSet {
    pub(super) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            folded: OnceLock::new(),
        }
    }

    fn folded(&self) -> &WordIndex<()> {
        self.folded.get_or_init(|| {
            let mut entries = fold_all(self.words);
            entries.retain(|e| !e.is_empty());
            // by first byte, then longest first: the order the trigger words keep
            entries.sort_by(|a, b| {
                (a.as_bytes()[0], std::cmp::Reverse(a.len()), a.as_str()).cmp(&(
                    b.as_bytes()[0],
                    std::cmp::Reverse(b.len()),
                    b.as_str(),
                ))
            });
            entries.dedup();
            WordIndex::new(entries.into_iter().map(|e| (e, ())).collect())
        })
    }

    /// The byte length of the longest entry at the start of `s`, ending a word.
    #[inline]
    pub(super) fn longest_at(&self, s: &str) -> Option<usize> {
        self.folded().longest_at(s).map(|((), len)| len)
    }

    /// Whether `s` is an entry.
    pub(super) fn contains(&self, s: &str) -> bool {
        self.folded().contains(s)
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
        self.folded().words().map(str::to_string).collect()
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
