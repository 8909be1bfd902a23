import NBDocument

/// JUnit XML for CI dashboards: a `<testsuite>` per notebook, a `<testcase>` per counted cell.
public enum JUnitReport {
    public static func xml(_ results: [CellTestResult]) -> String {
        var files: [String] = []
        var byFile: [String: [CellTestResult]] = [:]
        for r in results {
            if byFile[r.file] == nil { files.append(r.file) }
            byFile[r.file, default: []].append(r)
        }
        let total = TestSummary(results)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"nb test\" tests=\"\(results.count)\" failures=\"\(total.failed)\" skipped=\"\(total.skipped)\">\n"
        for file in files {
            let cases = byFile[file] ?? []
            let s = TestSummary(cases)
            out += "  <testsuite name=\"\(escape(file))\" tests=\"\(cases.count)\" failures=\"\(s.failed)\" skipped=\"\(s.skipped)\">\n"
            for c in cases {
                let name = "\(c.cellID) (line \(c.line))"
                out += "    <testcase name=\"\(escape(name))\" classname=\"\(escape(file))\" file=\"\(escape(file))\" line=\"\(c.line)\""
                switch c.status {
                case .passed:
                    out += "/>\n"
                case .failed(let message, let detail):
                    out += ">\n      <failure message=\"\(escape(message))\">\(escape(detail))</failure>\n    </testcase>\n"
                case .skipped(let reason):
                    out += ">\n      <skipped message=\"\(escape(reason))\"/>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func escape(_ s: String) -> String { HTMLEscaping.escape(s) }
}
