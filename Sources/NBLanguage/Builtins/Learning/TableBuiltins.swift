import NBLearning
/// `table(columns, rows, caption:)`: a results table of strings and numbers.
public enum TableBuiltins {
    /// The most cells one table may hold.
    static let maximumCells = 10_000

    public static let all: [Builtin] = [
        Builtin("table", .display,
            summary: "A table from column titles and rows of strings and numbers.",
            parameters: [.positional("columns", .list), .positional("rows", .any), .labelled("caption", .string, shown: "none")],
            examples: [
                BuiltinExample("table", #"""
                table(["method", "error"], [["forward", 1e-8], ["central", 1e-11]], caption: "finite differences")
                """#, output: #"""
                finite differences
                method   error
                -------  -----
                forward  1e-8
                central  1e-11
                """#),
            ]) { call throws(LanguageError) in
            let columns = try cells(call.positional[0], call, at: 0)
            guard !columns.isEmpty else { throw call.error("needs at least one column name") }
            let rowValues: [Value]
            switch call.positional[1] {
            case .list(let items): rowValues = items
            case .tensor(let t) where t.rank == 2:
                rowValues = (0..<t.shape[0]).map { r in .tensor(Tensor<Double>(Array(t.scalars[(r * t.shape[1])..<((r + 1) * t.shape[1])]))) }
            default: throw call.error("rows must be a list of rows, got a \(call.positional[1].typeName)", at: call.location(of: 1))
            }
            guard rowValues.count * columns.count <= maximumCells else { throw call.limitError("a table of more than \(maximumCells) cells") }
            var rows: [[String]] = []
            for (i, value) in rowValues.enumerated() {
                let row = try cells(value, call, at: 1)
                guard row.count == columns.count else {
                    throw call.error("row \(i + 1) has \(row.count) cells but there are \(columns.count) columns", at: call.location(of: 1))
                }
                rows.append(row)
            }
            let caption = call.named["caption"] == nil ? nil : try call.string(label: "caption", default: "")
            return .display(.table(DisplayTable(caption: caption, columns: columns, rows: rows)))
        },
    ]

    /// The cells of one row: strings as they are, numbers in the §5 number format.
    private static func cells(_ value: Value, _ call: BuiltinCall, at index: Int) throws(LanguageError) -> [String] {
        switch value {
        case .list(let items):
            var out: [String] = []
            for item in items {
                switch item {
                case .string(let s): out.append(s)
                case .number(let x): out.append(NumberFormat.format(x))
                case .bool(let b): out.append(b ? "true" : "false")
                default: throw call.error("table cells must be strings or numbers, got a \(item.typeName)", at: call.location(of: index))
                }
            }
            return out
        case .tensor(let t) where t.rank <= 1: return t.scalars.map(NumberFormat.format)
        case .string(let s): return [s]
        case .number(let x): return [NumberFormat.format(x)]
        default: throw call.error("a row must be a list of strings and numbers, got a \(value.typeName)", at: call.location(of: index))
        }
    }
}
