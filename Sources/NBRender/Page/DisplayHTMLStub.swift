// TEMPORARY: stands in for the display engineer's API (branch `display`,
// Sources/NBRender/Display/) until it lands. Delete this file when merging `display`.
import NBLanguage

public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

public enum DisplayHTML {
    public static func render(_ item: DisplayItem) -> String {
        switch item {
        case .printed(let text), .value(let text): "<pre class=\"nb-text\">\(HTMLEscaping.escape(text))</pre>\n"
        case .formula(_, let mathML): "<div class=\"nb-formula\">\(mathML)</div>\n"
        case .table(let table): "<pre class=\"nb-text\">\(HTMLEscaping.escape(table.columns.joined(separator: " ")))</pre>\n"
        case .plot(let plot): "<p>\(HTMLEscaping.escape(plot.title))</p>\n"
        case .images(let grid): "<p>\(HTMLEscaping.escape(grid.title))</p>\n"
        }
    }

    public static func render(_ error: CellError) -> String {
        "<div class=\"nb-error\"><p>error: \(HTMLEscaping.escape(error.message)) (line \(error.location.line))</p></div>\n"
    }

    public static var stylesheet: String { "" }
}
