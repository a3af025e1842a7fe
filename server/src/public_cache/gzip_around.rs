//! A gzip body around a hole: the parts before and after it are compressed once, the part that
//! fills it on every answer. Deflate lets independently compressed pieces follow each other when
//! every piece but the last ends on a sync flush (an empty stored block, on a byte boundary) and no
//! piece refers back into another (each has its own compressor, so none can). One gzip header and
//! one trailer (CRC-32 and length of the whole, combined from the pieces') frame them.
use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::Compression;

/// A gzip member header: deflate, no name, no time, unknown system.
const HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

pub struct GzipAround {
    /// The header and the part before the hole.
    head: Vec<u8>,
    /// The part after the hole, ending the deflate stream.
    tail: Vec<u8>,
    before: crc32fast::Hasher,
    after: crc32fast::Hasher,
    /// Uncompressed length of `before` and `after`.
    len: usize,
}

impl GzipAround {
    pub fn new(before: &[u8], after: &[u8]) -> Self {
        let mut head = HEADER.to_vec();
        head.extend(deflate(before, Compression::best(), false));
        let hash = |bytes: &[u8]| {
            let mut h = crc32fast::Hasher::new();
            h.update(bytes);
            h
        };
        GzipAround { head, tail: deflate(after, Compression::best(), true), before: hash(before), after: hash(after), len: before.len() + after.len() }
    }

    /// The whole gzip body with `middle` in the hole.
    pub fn with(&self, middle: &[u8]) -> Vec<u8> {
        let piece = deflate(middle, Compression::fast(), false);
        let mut crc = self.before.clone();
        crc.update(middle);
        crc.combine(&self.after);
        let mut out = Vec::with_capacity(self.head.len() + piece.len() + self.tail.len() + 8);
        out.extend_from_slice(&self.head);
        out.extend_from_slice(&piece);
        out.extend_from_slice(&self.tail);
        out.extend_from_slice(&crc.finalize().to_le_bytes());
        // ISIZE is the length modulo 2^32 (RFC 1952).
        out.extend_from_slice(&((self.len + middle.len()) as u32).to_le_bytes());
        out
    }

    /// Compressed bytes kept.
    #[cfg(test)]
    pub fn kept_bytes(&self) -> usize {
        self.head.len() + self.tail.len()
    }
}

/// Raw deflate of `bytes`: the stream's end when `last`, else a sync-flushed piece another may follow.
fn deflate(bytes: &[u8], level: Compression, last: bool) -> Vec<u8> {
    let mut enc = DeflateEncoder::new(Vec::with_capacity(bytes.len() / 3 + 64), level);
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(bytes);
    if last {
        return enc.finish().unwrap_or_default();
    }
    let _ = enc.flush();
    // What the encoder would still add when dropped (the stream's end) goes to the emptied Vec.
    std::mem::take(enc.get_mut())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn gunzip(body: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        // GzDecoder checks the trailer's CRC-32 and length.
        flate2::read::GzDecoder::new(body).read_to_end(&mut out).expect("a valid gzip body");
        out
    }

    #[test]
    fn the_hole_filled_with_anything_gives_the_whole_text_back() {
        let before = "<html><head><title>Agenda</title></head><body><header>".repeat(50);
        let after = "</header><main>talks, talks and talks</main></body></html>".repeat(200);
        let around = GzipAround::new(before.as_bytes(), after.as_bytes());
        for middle in ["", "<ul>Ada Lovelace</ul>", &"é → ☆ ".repeat(5_000)] {
            let whole = gunzip(&around.with(middle.as_bytes()));
            assert_eq!(String::from_utf8(whole).unwrap(), format!("{before}{middle}{after}"));
        }
    }

    #[test]
    fn one_piece_is_compressed_once_and_the_other_on_every_answer() {
        let before = "a".repeat(100_000);
        let after = "b".repeat(100_000);
        let around = GzipAround::new(before.as_bytes(), after.as_bytes());
        assert!(around.kept_bytes() < 1_000, "compressed: {}", around.kept_bytes());
        let body = around.with(b"menu");
        assert!(body.len() < around.kept_bytes() + 40, "{} bytes", body.len());
        assert_eq!(gunzip(&body).len(), 200_004);
    }

    #[test]
    fn empty_parts_around_the_hole_are_fine() {
        let around = GzipAround::new(b"", b"");
        assert_eq!(gunzip(&around.with(b"only this")), b"only this");
    }
}
