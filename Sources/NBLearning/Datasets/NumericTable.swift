/// A table of numbers read from comma-separated text, with or without a header line: the column
/// names (if any) and a row-major matrix of values. The one CSV reader of the project: data sets
/// (`Dataset.load`) and the cell language's `load("file.csv")` both use it.
public struct NumericTable: Sendable, Equatable {
    /// Whether the first non-blank line names the columns.
    public enum Header: Sendable {
        /// The first line is a header (a missing one is an error).
        case required
        /// The first line is a header unless every field of it is a number.
        case optional
    }

    /// The names from the header line (empty when the text had none).
    public let columnNames: [String]
    /// The number of columns.
    public let columnCount: Int
    /// The number of data rows.
    public let rowCount: Int
    /// The values, row-major.
    public let values: [Double]

    /// The value in `row`, `column`.
    public subscript(row: Int, column: Int) -> Double { values[row * columnCount + column] }

    /// The values of the column called `name`, or `nil` if there is no such column.
    public func column(named name: String) -> [Double]? {
        guard let index = columnNames.firstIndex(of: name) else { return nil }
        return (0..<rowCount).map { self[$0, index] }
    }

    /// Parses comma-separated text: (a header line of names, then) one line of numbers per row.
    ///
    /// Blank lines and a final newline are ignored, `\r\n` line ends are accepted, fields may be
    /// surrounded by spaces. Every row must have as many fields as the first. More than
    /// `valueLimit` numbers is refused as soon as the count passes it (`NumericTableError.tooLarge`).
    public init(
        parsing text: String, source: String = "<csv>", header: Header = .required, valueLimit: Int = .max
    ) throws(NumericTableError) {
        var names: [String]?
        var width: Int?
        var values: [Double] = []
        var rows = 0
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so it must be named as a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for line in lines {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
            if width == nil {
                width = fields.count
                let isHeader = header == .required || fields.contains { Double($0.trimmingSpaces) == nil }
                if isHeader {
                    names = fields.map(\.trimmingSpaces)
                    continue
                }
            }
            guard fields.count == width else {
                throw NumericTableError(source: source, line: lineNumber, column: 1,
                                        message: "expected \(width ?? 0) fields, found \(fields.count)")
            }
            if values.count + fields.count > valueLimit {
                throw NumericTableError(source: source, line: lineNumber, column: 1,
                                        message: "more than \(valueLimit) numbers", kind: .tooLarge)
            }
            var column = 1
            for field in fields {
                let trimmed = field.trimmingSpaces
                guard let value = Double(trimmed) else {
                    let shown = trimmed.isEmpty ? "an empty field" : "'\(trimmed.prefix(40))'"
                    throw NumericTableError(source: source, line: lineNumber, column: column,
                                            message: "expected a number, found \(shown)")
                }
                values.append(value)
                column += field.count + 1
            }
            rows += 1
        }
        guard let width else {
            guard header == .optional else {
                throw NumericTableError(source: source, line: 1, column: 1, message: "the file is empty; expected a header line")
            }
            self.init(columnNames: [], columnCount: 0, rowCount: 0, values: [])
            return
        }
        self.init(columnNames: names ?? [], columnCount: width, rowCount: rows, values: values)
    }

    private init(columnNames: [String], columnCount: Int, rowCount: Int, values: [Double]) {
        self.columnNames = columnNames
        self.columnCount = columnCount
        self.rowCount = rowCount
        self.values = values
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
