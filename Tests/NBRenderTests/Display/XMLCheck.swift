import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses markup back as XML: SVG and the HTML this module writes must be well-formed.
enum XMLCheck {
    static func isWellFormed(_ markup: String) -> Bool {
        let parser = XMLParser(data: Data(markup.utf8))
        // On Linux, `parse()` can return true for a mismatched tag while still setting `parserError`.
        return parser.parse() && parser.parserError == nil
    }
}
