import NBDocument
/// Appends SVG elements to a string; every attribute value and text node goes through
/// `HTMLEscaping.escape`, attributes keep the order given.
struct SVGWriter {
    private(set) var output = ""

    /// `<name a="…">` (left open).
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        output += "<" + name + Self.attributes(attributes) + ">\n"
    }

    /// `</name>`.
    mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// `<name a="…"/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)]) {
        output += "<" + name + Self.attributes(attributes) + "/>\n"
    }

    /// `<name a="…">text</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        output += "<" + name + Self.attributes(attributes) + ">" + HTMLEscaping.escape(text) + "</" + name + ">\n"
    }

    /// `<name a="…">markup</name>`; `markup` must already be escaped (`PlotText.svg`).
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], markup: String) {
        output += "<" + name + Self.attributes(attributes) + ">" + markup + "</" + name + ">\n"
    }

    private static func attributes(_ list: [(String, String)]) -> String {
        var out = ""
        for (key, value) in list { out += " " + key + "=\"" + HTMLEscaping.escape(value) + "\"" }
        return out
    }
}
