//! Byte spans into a document and conversion of byte offsets to code-point offsets.

use serde::Serialize;

/// A half-open byte range `start..end` into a document's text.
///
/// Invariant: both ends lie on UTF-8 character boundaries of the text the span was made for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not exceed `end`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end}");
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The span shrunk at its end to the nearest char boundary of `text`.
    pub fn snap(self, text: &str) -> Span {
        let mut end = self.end.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        Span::new(self.start.min(end), end)
    }

    /// True when `other` lies entirely inside this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text to code-point (Python string index) offsets.
///
/// Built once per document in O(n); each lookup is O(log k) in the number of non-ASCII
/// characters, and O(1) for pure ASCII text.
#[derive(Clone, Debug)]
pub struct CharMap {
    /// Byte offsets of every non-ASCII character, in order, with the number of extra bytes
    /// accumulated up to and including it.
    multibyte: Vec<(usize, usize)>,
}

/// The first byte at or after `from` that is not ASCII, eight bytes at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        if u64::from_ne_bytes(word) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    bytes[i..]
        .iter()
        .position(|&b| b >= 0x80)
        .map(|off| i + off)
}

impl CharMap {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharMap {
        let mut multibyte = Vec::new();
        let bytes = text.as_bytes();
        let (mut i, mut extra) = (0, 0);
        // Jump from one non-ASCII lead byte to the next; its length comes from its high bits.
        while let Some(start) = next_non_ascii(bytes, i) {
            let n = match bytes[start] {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            extra += n - 1;
            multibyte.push((start, extra));
            i = start + n;
        }
        CharMap { multibyte }
    }

    /// The code-point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        // Count the extra bytes of multi-byte characters that start before `byte`.
        let k = self.multibyte.partition_point(|&(pos, _)| pos < byte);
        if k == 0 {
            byte
        } else {
            byte - self.multibyte[k - 1].1
        }
    }

    /// The code-point range of a byte span.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_python_indices() {
        let text = "a “é” 😀 b\u{301}c";
        let map = CharMap::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(bi), ci, "byte {bi}");
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn ascii_text_is_identity() {
        let map = CharMap::new("plain text");
        assert_eq!(map.char_offset(5), 5);
        assert_eq!(map.char_span(Span::new(2, 7)), (2, 7));
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(3, 8)));
        assert!(!a.contains(Span::new(1, 3)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(a.slice("0123456789"), "234567");
    }
}
