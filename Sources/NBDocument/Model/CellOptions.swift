/// Options of a cell, from its info string:
/// `nb id=NAME echo=false output=false error=true timeout=S rtol=R atol=A`.
public struct CellOptions: Sendable, Equatable {
    public var id: String?
    /// Show the source (default true).
    public var echo: Bool
    /// Show the output (default true).
    public var output: Bool
    /// The cell must fail (default false).
    public var error: Bool
    /// Seconds; `nil` means the document's default.
    public var timeout: Double?
    /// Relative tolerance for comparing this cell's numbers with its output block; `nil` means the
    /// document's (`nb test --rtol`, front matter). For results that honestly vary more than the
    /// default allows, e.g. with the CPU's BLAS kernels.
    public var rtol: Double?
    /// Absolute tolerance for the same comparison; `nil` means the document's.
    public var atol: Double?

    public init(id: String? = nil, echo: Bool = true, output: Bool = true, error: Bool = false, timeout: Double? = nil) {
        self.id = id
        self.echo = echo
        self.output = output
        self.error = error
        self.timeout = timeout
    }

    /// `true` when `info` (a fence's info string) marks a cell: its first word is `nb`.
    public static func isCell(info: String) -> Bool {
        firstWord(info) == "nb"
    }

    static func firstWord(_ info: String) -> Substring {
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? ""
    }

    /// Reads the options after `nb`. Problems become warnings at `location`; the option is ignored.
    public static func parse(info: String, at location: TextLocation) -> (options: CellOptions, diagnostics: [Diagnostic]) {
        var options = CellOptions()
        var diagnostics: [Diagnostic] = []
        func warn(_ message: String) { diagnostics.append(Diagnostic(.warning, message, at: location)) }
        for word in info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst() {
            guard let equals = word.firstIndex(of: "=") else {
                warn("cell option `\(word)` should be `key=value` (id, echo, output, error, timeout); ignored")
                continue
            }
            let key = word[..<equals]
            let value = String(word[word.index(after: equals)...])
            func flag() -> Bool? {
                switch value {
                case "true": return true
                case "false": return false
                default:
                    warn("cell option `\(key)` should be true or false, not `\(value)`; ignored")
                    return nil
                }
            }
            switch key {
            case "id":
                if !value.isEmpty, value.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) {
                    options.id = value
                } else {
                    warn("cell id `\(value)` should be letters, digits, `-` or `_`; ignored")
                }
            case "echo": options.echo = flag() ?? options.echo
            case "output": options.output = flag() ?? options.output
            case "error": options.error = flag() ?? options.error
            case "timeout":
                if let seconds = Double(value), seconds > 0, seconds.isFinite { options.timeout = seconds }
                else { warn("cell option `timeout` should be a positive number of seconds, not `\(value)`; ignored") }
            case "rtol", "atol":
                if let tolerance = Double(value), tolerance >= 0, tolerance < 1 {
                    if key == "rtol" { options.rtol = tolerance } else { options.atol = tolerance }
                } else {
                    warn("cell option `\(key)` should be a number from 0 to below 1, not `\(value)`; ignored")
                }
            default:
                warn("unknown cell option `\(key)` (known: id, echo, output, error, timeout, rtol, atol); ignored")
            }
        }
        return (options, diagnostics)
    }
}
