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

    /// The hash of the in-memory bytes of `values` (the digest of a cache payload).
    public static func hash(_ values: [Double]) -> UInt64 {
        values.withUnsafeBytes { hash(bytes: $0) }
    }

    /// The hash of a string's UTF-8 bytes, as 16 hex digits (a cache key).
    public static func hexKey(_ text: String) -> String {
        let hex = String(hash(bytes: text.utf8), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
