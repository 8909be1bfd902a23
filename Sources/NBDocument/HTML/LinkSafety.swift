/// The link rules of cmark's safe mode, for links this module writes itself.
enum LinkSafety {
    /// `javascript:`, `vbscript:`, `file:` and `data:` (except `data:image/png|gif|jpeg|webp`),
    /// case-insensitively: the schemes cmark's safe mode drops.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.prefix(32).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) { return true }
        if lower.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return false
    }

    /// A URL ready for an `href` attribute: bytes outside the URL-safe set percent-encoded (as
    /// cmark does), `&` and `'` as entities. Dangerous URLs become empty unless `unsafe`.
    static func href(_ url: String, unsafe: Bool) -> String {
        if !unsafe && isDangerous(url) { return "" }
        var result = ""
        for byte in url.utf8 {
            switch byte {
            case 0x26: result += "&amp;"
            case 0x27: result += "&#x27;"
            case 0x25, 0x2F, 0x3A, 0x3F, 0x23, 0x5B, 0x5D, 0x40, 0x21, 0x24, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x3B,
                 0x3D, 0x2D, 0x2E, 0x5F, 0x7E, 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }
}
