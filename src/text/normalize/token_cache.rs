//! The token cache of the view builder: each distinct token of a text is folded
//! once.

use super::{FoldedWord, MAX_CACHED_TOKENS};

/// The folded tokens of one text, found by their bytes in it: an open-addressed
/// table (linear probing, at most half full).
pub(super) struct TokenCache {
    /// A power of two long.
    slots: Vec<Slot>,
    /// How many slots are taken.
    taken: usize,
    /// The folds that differ from their tokens, which the slots index.
    words: Vec<FoldedWord>,
    /// The fold of the last token that found no room in the table.
    uncached: FoldedWord,
}

/// A cached token, `text[start..start + key.len]`; empty when `key.len` is 0.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: TokenKey,
    start: usize,
    /// An index into [`TokenCache::words`], or [`READS_AS_WRITTEN`].
    word: u32,
}

/// The slot's token folds to itself.
const READS_AS_WRITTEN: u32 = u32::MAX;

/// Slots looked at before a token is folded without the cache: a bound on the
/// work per token even when many tokens collide.
const MAX_PROBES: usize = 16;

/// A token's length and up to 16 of its bytes (its first and last eight, or four,
/// or its first, middle and last byte), read without a loop. They are all of its
/// bytes when it is at most 16 bytes long, so then equal keys mean equal tokens.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct TokenKey {
    len: usize,
    head: u64,
    tail: u64,
}

impl TokenKey {
    fn of(token: &[u8]) -> Self {
        let len = token.len();
        let (head, tail) = match len {
            8.. => (le_u64(token, 0), le_u64(token, len - 8)),
            4.. => (le_u32(token, 0), le_u32(token, len - 4)),
            1.. => {
                let byte = |at: usize| u64::from(token.get(at).copied().unwrap_or_default());
                (byte(0) | byte(len / 2) << 8 | byte(len - 1) << 16, 0)
            }
            0 => (0, 0),
        };
        TokenKey { len, head, tail }
    }

    /// Whether the key tells its token from every other.
    fn is_whole(&self) -> bool {
        self.len <= 16
    }

    /// The key's first slot in a table of `mask + 1` slots.
    fn home(&self, mask: usize) -> usize {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        let mixed = (self.head ^ self.tail.rotate_left(29) ^ self.len as u64).wrapping_mul(K);
        (mixed >> 32) as usize & mask
    }
}

/// The little-endian `u64` at byte `at` of `bytes` (0 past the end).
fn le_u64(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// The little-endian `u32` at byte `at` of `bytes` (0 past the end).
fn le_u32(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
}

impl TokenCache {
    /// An empty cache for a text of `len` bytes, with room to start with for the
    /// distinct tokens of a short text (it grows for a long one).
    pub(super) fn for_text(len: usize) -> Self {
        TokenCache {
            slots: vec![Slot::default(); (len / 8).clamp(16, 4096).next_power_of_two()],
            taken: 0,
            words: Vec::new(),
            uncached: FoldedWord {
                text: Box::default(),
                anchors: Box::default(),
            },
        }
    }

    /// Where the token at `text[start..end]` ends, and its fold (`None` when it
    /// reads as written). The token ends before `end` at an Ogham space mark
    /// (U+1680), which [`scan_token`] does not look for: no cached token has one.
    #[inline(always)]
    pub(super) fn folded(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
    ) -> (usize, Option<&FoldedWord>) {
        match self.find(text.as_bytes(), start, end) {
            Ok(word) => (end, self.words.get(word as usize)),
            Err(free) => self.fold_new(text, start, end, free),
        }
    }

    /// [`TokenCache::folded`] for a token the cache does not hold (or an empty one).
    #[cold]
    #[inline(never)]
    fn fold_new(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        free: Option<usize>,
    ) -> (usize, Option<&FoldedWord>) {
        let token = text.as_bytes().get(start..end).unwrap_or_default();
        if token.is_empty() {
            return (end, None);
        }
        match memchr::memmem::find(token, "\u{1680}".as_bytes()) {
            Some(at) => self.folded(text, start, start + at),
            None => (
                end,
                self.fold_and_keep(text, start, end, TokenKey::of(token), free),
            ),
        }
    }

    /// The word a slot holds for the token `bytes[start..end]` (at most
    /// [`MAX_PROBES`] looked at), or the free slot where it may go.
    #[inline(always)]
    fn find(&self, bytes: &[u8], start: usize, end: usize) -> Result<u32, Option<usize>> {
        let token = bytes.get(start..end).unwrap_or_default();
        let key = TokenKey::of(token);
        let mask = self.slots.len() - 1;
        let mut k = key.home(mask);
        for _ in 0..MAX_PROBES {
            let Some(slot) = self.slots.get(k) else {
                break;
            };
            if slot.key.len == 0 {
                return Err(Some(k));
            }
            if slot.key == key
                && (key.is_whole() || bytes.get(slot.start..slot.start + key.len) == Some(token))
            {
                return Ok(slot.word);
            }
            k = (k + 1) & mask;
        }
        Err(None)
    }

    /// Folds the token `text[start..end]`, which the cache does not hold, and keeps
    /// it in slot `free` if there is one and room.
    fn fold_and_keep(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        key: TokenKey,
        free: Option<usize>,
    ) -> Option<&FoldedWord> {
        let token = text.get(start..end).unwrap_or_default();
        let folded = FoldedWord::of_token(token);
        let as_written = folded.keeps_step(token.len()) && *folded.text == *token;
        let word = if as_written {
            READS_AS_WRITTEN
        } else {
            self.words.len() as u32
        };
        let cached = match free {
            Some(k) if self.taken < MAX_CACHED_TOKENS => {
                self.slots[k] = Slot { key, start, word };
                self.taken += 1;
                if 2 * self.taken > self.slots.len() {
                    self.grow();
                }
                true
            }
            _ => false,
        };
        if as_written {
            None
        } else if cached {
            self.words.push(folded);
            self.words.last()
        } else {
            self.uncached = folded;
            Some(&self.uncached)
        }
    }

    /// Doubles the table, keeping every token that finds room within [`MAX_PROBES`].
    fn grow(&mut self) {
        let doubled = vec![Slot::default(); 2 * self.slots.len()];
        let old = std::mem::replace(&mut self.slots, doubled);
        let mask = self.slots.len() - 1;
        self.taken = 0;
        for slot in old.into_iter().filter(|s| s.key.len > 0) {
            let mut k = slot.key.home(mask);
            for _ in 0..MAX_PROBES {
                if self.slots[k].key.len == 0 {
                    self.slots[k] = slot;
                    self.taken += 1;
                    break;
                }
                k = (k + 1) & mask;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_without_room_in_the_cache_is_still_folded() {
        let mut cache = TokenCache::for_text(0);
        let full = Slot {
            key: TokenKey {
                len: 1,
                head: 1,
                tail: 0,
            },
            start: 0,
            word: READS_AS_WRITTEN,
        };
        cache.slots.fill(full);
        for token in ["Hòa", "đảng", "Hòa"] {
            let expected = FoldedWord::of_token(token);
            match cache.folded(token, 0, token.len()).1 {
                Some(word) => {
                    assert_eq!(word.text, expected.text);
                    assert_eq!(word.anchors, expected.anchors);
                }
                None => assert_eq!(&*expected.text, token),
            }
        }
    }
}
