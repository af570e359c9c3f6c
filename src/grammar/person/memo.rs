//! What the person grammar keeps of one document between its calls.

use std::cell::{Cell, RefCell};

use super::{Body, Chain, Fields, Range, Run, Tok};

/// What the grammar read in one document, kept across its calls: one mention is
/// read from its honorific, its family name and its title's head, and each reading
/// reads the same words, each word's case in the original, and the same titles.
/// Every entry is a pure function of the document and its key, so a hit returns
/// what reading again would (a test checks it against fresh contexts).
pub(crate) struct Memo {
    /// The word at each position read (or that none starts there).
    pub(super) words: Slots<usize, Option<Tok>, 64>,
    /// [`prev_word`]'s answers, by the position after the space.
    pub(super) prev_words: Slots<usize, Option<Tok>, 16>,
    /// [`honorific_at`]'s answers, by position.
    pub(super) honorifics: Slots<usize, Option<(bool, usize)>, 4>,
    /// [`head_at`]'s answers, by position.
    pub(super) heads: Slots<usize, Option<Range>, 32>,
    /// [`next_title`]'s answers, by where the title before ends.
    pub(super) next_titles: Slots<usize, Option<usize>, 8>,
    /// [`body`]'s answers, by its arguments.
    pub(super) bodies: Slots<(usize, bool, bool), Body, 8>,
    /// [`chain`]'s answers, by its arguments.
    pub(super) chains: Slots<(usize, bool, usize), Option<Chain>, 8>,
    /// [`name_run`]'s answers, by where the run starts.
    pub(super) name_runs: Slots<usize, Run, 4>,
    /// The fields of the last records.
    pub(super) fields: RefCell<Fields>,
}

impl Default for Memo {
    fn default() -> Self {
        Memo {
            words: Slots::new(),
            prev_words: Slots::new(),
            honorifics: Slots::new(),
            heads: Slots::new(),
            next_titles: Slots::new(),
            bodies: Slots::new(),
            chains: Slots::new(),
            name_runs: Slots::new(),
            fields: RefCell::default(),
        }
    }
}

/// Answers by key, `N` of them: each key has one slot, chosen by the text position
/// it starts with, and a key that takes another's slot is read again. `N` is more
/// than one mention's worth of keys.
pub(super) struct Slots<K, V, const N: usize>([Cell<Option<(K, V)>>; N]);

impl<K: Copy + PartialEq, V: Copy, const N: usize> Slots<K, V, N> {
    fn new() -> Self {
        Slots([const { Cell::new(None) }; N])
    }

    /// Remembers `value` for `key`, whose position is `at`.
    pub(super) fn set(&self, at: usize, key: K, value: V) {
        self.0[at % N].set(Some((key, value)));
    }

    /// The answer for `key`, whose position is `at`: remembered, or read now.
    #[inline]
    pub(super) fn get_or(&self, at: usize, key: K, read: impl FnOnce() -> V) -> V {
        let slot = &self.0[at % N];
        match slot.get() {
            Some((k, v)) if k == key => v,
            _ => {
                let v = read();
                slot.set(Some((key, v)));
                v
            }
        }
    }
}
