import NBDocument

/// A compact length-prefixed encoding of page-cache entries. JSON decoding of a rendered page
/// (tens of KB of escaped HTML) costs about a millisecond; this reads the same in a few
/// microseconds, which keeps a rebuild with nothing changed well under a millisecond per notebook.
///
/// Layout: the magic line, then fields in a fixed order; a string is `LENGTH:BYTES`, an integer
/// a string, an optional `-` (absent) or `+` then the value, a list its count then its items.
enum PageCacheCodec {
    static let magic = Array("nb-page-cache 3\n".utf8)

    static func encode(_ entry: PageCache.Entry) -> [UInt8] {
        var w = Writer(bytes: magic)
        w.string(entry.engineVersion); w.string(entry.sourceHash)
        w.list(entry.dependencies) { w, d in w.string(d.path); w.string(d.hash) }
        w.list(entry.cellLines) { w, line in w.int(line) }
        let r = entry.render
        w.string(r.title)
        w.optional(r.date.map(\.rfc3339)) { w, s in w.string(s) }
        w.optional(r.category) { w, s in w.string(s) }
        w.list(r.tags) { w, s in w.string(s) }
        w.list(r.blocks) { w, b in w.string(b.html); w.int(b.line) }
        w.list(r.references) { w, e in
            w.string(e.id); w.string(e.title); w.optional(e.url) { w, s in w.string(s) }
            w.list(e.authors) { w, s in w.string(s) }
            w.optional(e.year) { w, s in w.string(s) }; w.optional(e.venue) { w, s in w.string(s) }
            w.string(e.origin.rawValue); w.int(e.line)
        }
        w.string(r.summary); w.string(r.searchText)
        w.list(r.diagnostics) { w, d in
            w.string(d.file); w.int(d.line); w.int(d.column); w.string(d.severity.rawValue); w.string(d.message)
            w.optional(d.hint) { w, s in w.string(s) }
        }
        w.int(r.failed ? 1 : 0)
        w.string(r.frontMatter)
        w.optional(r.language) { w, s in w.string(s) }
        return w.bytes
    }

    static func decode(_ bytes: [UInt8]) -> PageCache.Entry? {
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { return nil }
        var r = Reader(bytes: bytes, position: magic.count)
        guard let engine = r.string(), let hash = r.string(),
              let dependencies = r.list({ r -> PageCache.Dependency? in
                  guard let p = r.string(), let h = r.string() else { return nil }
                  return PageCache.Dependency(path: p, hash: h)
              }),
              let lines = r.list({ $0.int() }),
              let title = r.string(), let date = r.optional({ $0.string() }), let category = r.optional({ $0.string() }),
              let tags = r.list({ $0.string() }),
              let blocks = r.list({ r -> HTMLBlock? in
                  guard let html = r.string(), let line = r.int() else { return nil }
                  return HTMLBlock(html: html, line: line)
              }),
              let references = r.list({ r -> BibliographyEntry? in
                  guard let id = r.string(), let title = r.string(), let url = r.optional({ $0.string() }),
                        let authors = r.list({ $0.string() }), let year = r.optional({ $0.string() }),
                        let venue = r.optional({ $0.string() }), let origin = r.string().flatMap(BibliographyEntry.Origin.init),
                        let line = r.int() else { return nil }
                  return BibliographyEntry(id: id, title: title, url: url, authors: authors, year: year, venue: venue, origin: origin, line: line)
              }),
              let summary = r.string(), let searchText = r.string(),
              let diagnostics = r.list({ r -> SiteDiagnostic? in
                  guard let file = r.string(), let line = r.int(), let column = r.int(),
                        let severity = r.string().flatMap(SiteDiagnostic.Severity.init), let message = r.string(),
                        let hint = r.optional({ $0.string() }) else { return nil }
                  return SiteDiagnostic(file: file, line: line, column: column, severity: severity, message: message, hint: hint)
              }),
              let failed = r.int(), let frontMatter = r.string(), let language = r.optional({ $0.string() }),
              r.position == bytes.count
        else { return nil }
        var render = NotebookRender(title: title, date: date.flatMap { $0 }.flatMap { SiteDate($0) }, category: category ?? nil, tags: tags,
                                    blocks: blocks, references: references, summary: summary, searchText: searchText,
                                    diagnostics: diagnostics, failed: failed != 0)
        render.frontMatter = frontMatter
        render.language = language
        return PageCache.Entry(format: PageCache.Entry.format, engineVersion: engine, sourceHash: hash,
                               dependencies: dependencies, cellLines: lines, render: render)
    }

    struct Writer {
        var bytes: [UInt8]
        mutating func string(_ s: String) {
            let utf8 = s.utf8
            bytes.append(contentsOf: String(utf8.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: utf8)
        }
        /// A run of raw bytes, framed like a string.
        mutating func run(_ run: [UInt8]) {
            bytes.append(contentsOf: String(run.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: run)
        }
        mutating func int(_ value: Int) { string(String(value)) }
        mutating func optional<T>(_ value: T?, _ body: (inout Writer, T) -> Void) {
            if let value { bytes.append(UInt8(ascii: "+")); body(&self, value) } else { bytes.append(UInt8(ascii: "-")) }
        }
        mutating func list<T>(_ items: [T], _ body: (inout Writer, T) -> Void) {
            int(items.count)
            for item in items { body(&self, item) }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var position: Int

        mutating func string() -> String? {
            run().map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        /// The bytes of a length-prefixed run (`LENGTH:BYTES`), nil when malformed or cut short.
        mutating func run() -> Range<Int>? {
            var length = 0
            var digits = 0
            while position < bytes.count, bytes[position] != UInt8(ascii: ":") {
                let d = Int(bytes[position]) - 48
                guard (0...9).contains(d), digits < 12 else { return nil }
                length = length * 10 + d; digits += 1; position += 1
            }
            guard digits > 0, position < bytes.count, position + 1 + length <= bytes.count else { return nil }
            position += 1
            defer { position += length }
            return position..<(position + length)
        }
        mutating func int() -> Int? { string().flatMap { Int($0) } }
        /// `.some(nil)` for an absent value, nil for malformed input.
        mutating func optional<T>(_ body: (inout Reader) -> T?) -> T?? {
            guard position < bytes.count else { return nil }
            let marker = bytes[position]; position += 1
            if marker == UInt8(ascii: "-") { return .some(nil) }
            guard marker == UInt8(ascii: "+"), let value = body(&self) else { return nil }
            return .some(value)
        }
        mutating func list<T>(_ body: (inout Reader) -> T?) -> [T]? {
            guard let count = int(), count >= 0, count <= bytes.count else { return nil }
            var items: [T] = []
            items.reserveCapacity(count)
            for _ in 0..<count { guard let item = body(&self) else { return nil }; items.append(item) }
            return items
        }
    }
}
