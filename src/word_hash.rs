//! A hash of bytes taken eight at a time, shared by the drafts' duplicate buckets
//! (`rules::duplicates`, ASCII case folded) and the locale keys' slots (laid out by build.rs,
//! which includes this file, and searched by `i18n`).

/// A hash of `bytes`, with `or_mask` or-ed into every eight of them first (`0x2020…` sees
/// an ASCII letter and its upper case alike; 0 sees the bytes as they are).
pub(crate) fn hash_words(bytes: &[u8], or_mask: u64) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ (u64::from_le_bytes(word) | or_mask))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    let mut last = [0u8; 8];
    let rest = chunks.remainder();
    last[..rest.len()].copy_from_slice(rest);
    (h ^ (u64::from_le_bytes(last) | or_mask)).wrapping_mul(K)
}

/// Where a locale key's search starts among its table's slots (before the mask).
pub(crate) fn key_hash(key: &[u8]) -> u32 {
    (hash_words(key, 0) >> 32) as u32
}
