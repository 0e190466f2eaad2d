/// The 64-bit FNV-1a hash (Fowler, Noll & Vo; the IETF draft "The FNV Non-Cryptographic Hash Algorithm"):
/// offset basis 0xcbf29ce484222325, prime 0x100000001b3. Used to detect damage in cache files and to name
/// cache entries; not a defence against deliberate tampering.
public enum FNV1a {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of raw bytes.
    public static func hash(bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    /// FNV-1a's step applied to 64-bit little-endian words instead of bytes (the tail zero-padded to a word),
    /// continuing from `hash`: 8× fewer steps, for digests of whole data directories (~23 MB) that must stay fast in
    /// a debug build. Each step (xor a word, multiply by the odd prime) is a bijection of the state for a fixed
    /// word, so two equally long inputs that differ in a single word always hash differently.
    public static func hashWords(_ raw: UnsafeRawBufferPointer, continuing hash: UInt64 = offsetBasis) -> UInt64 {
        var h = hash
        let words = raw.count / 8
        for i in 0..<words {
            h ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            h &*= prime
        }
        if raw.count % 8 != 0 {
            var tail: UInt64 = 0
            for j in (words * 8)..<raw.count { tail |= UInt64(raw[j]) << UInt64(8 * (j - words * 8)) }
            h ^= tail
            h &*= prime
        }
        return h
    }

    /// 16 lower-case hex digits.
    public static func hex(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The hash of the in-memory bytes of `values` (the digest of a cache payload).
    public static func hash(_ values: [Double]) -> UInt64 {
        values.withUnsafeBytes { hash(bytes: $0) }
    }

    /// The hash of a string's UTF-8 bytes, as 16 hex digits (a cache key).
    public static func hexKey(_ text: String) -> String {
        hex(hash(bytes: text.utf8))
    }
}
