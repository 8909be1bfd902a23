import NBHash
import Testing

/// FIPS 180-4 example vectors (and the well-known empty-string digest).
@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func millionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func paddingBoundaries() {
        // Lengths around the 55/56/64-byte padding edges: incremental and one-shot agree, all distinct.
        var seen = Set<String>()
        for length in 50...70 {
            let bytes = [UInt8](repeating: 0x5a, count: length)
            var hasher = SHA256()
            hasher.update(bytes.prefix(length / 2))
            hasher.update(bytes.dropFirst(length / 2))
            let digest = hasher.finalize().hex
            #expect(digest == SHA256.hex(bytes))
            seen.insert(digest)
        }
        #expect(seen.count == 21)
        // Independent values from Python's hashlib (`hashlib.sha256(b"Z" * n).hexdigest()`).
        #expect(SHA256.hex([UInt8](repeating: 0x5a, count: 55)) == "5f25f149aa92e3e13093aed8216072fae623f35e26ca605b6cce17e04b7ccf44")
        #expect(SHA256.hex([UInt8](repeating: 0x5a, count: 56)) == "301c69927f1603720c9f847b7e5e3bef77a7b9f75344490fe9039f13c36b842a")
        #expect(SHA256.hex([UInt8](repeating: 0x5a, count: 64)) == "cc7321cce5e4409bd8077d58422e1214969059bbd40b4eeb0de0a642f40f7282")
    }
}
