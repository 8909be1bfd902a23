/// A table of numbers read from comma-separated text with one header line: the column names and a
/// row-major matrix of values.
public struct NumericTable: Sendable, Equatable {
    /// The names from the header line.
    public let columnNames: [String]
    /// The number of data rows.
    public let rowCount: Int
    /// The values, row-major.
    public let values: [Double]

    /// The value in `row`, `column`.
    public subscript(row: Int, column: Int) -> Double { values[row * columnNames.count + column] }

    /// The values of the column called `name`, or `nil` if there is no such column.
    public func column(named name: String) -> [Double]? {
        guard let index = columnNames.firstIndex(of: name) else { return nil }
        return (0..<rowCount).map { self[$0, index] }
    }

    /// Parses comma-separated text: a header line of names, then one line of numbers per row.
    ///
    /// Blank lines and a final newline are ignored, `\r\n` line ends are accepted, fields may be
    /// surrounded by spaces. Every row must have as many fields as the header.
    public init(parsing text: String, source: String = "<csv>") throws(NumericTableError) {
        var names: [String]?
        var values: [Double] = []
        var rows = 0
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so it must be named as a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for line in lines {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let header = names else {
                names = fields.map { String($0).trimmingSpaces }
                continue
            }
            guard fields.count == header.count else {
                throw NumericTableError(source: source, line: lineNumber, column: 1,
                                        message: "expected \(header.count) fields, found \(fields.count)")
            }
            var column = 1
            for field in fields {
                let trimmed = String(field).trimmingSpaces
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
        guard let header = names else {
            throw NumericTableError(source: source, line: 1, column: 1, message: "the file is empty; expected a header line")
        }
        columnNames = header
        rowCount = rows
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
