import Foundation
import NBLanguage

/// Whether two environments hold the same values (`nb test --mutants` stops a mutant as soon as
/// the notebook is back where the unmutated run was: everything after it would run the same).
public enum EnvironmentComparison {
    /// True when the same names are bound to the same values, the failed names and the random
    /// generator are the same. Names that are only referred to (a builtin's name has a slot once a
    /// cell mentions it) do not count, nor does the order of the slots. Values are compared by
    /// storage first and by their stored encoding otherwise (so a function compares by its code and
    /// captured values). False when unsure.
    public static func same(_ a: Session.Environment, _ b: Session.Environment) -> Bool {
        guard a.failedNames == b.failedNames else { return false }
        func bound(_ e: Session.Environment) -> [String: Value] {
            var result: [String: Value] = [:]
            for (name, value) in zip(e.names, e.values) { if let value { result[name] = value } }
            return result
        }
        let x = bound(a), y = bound(b)
        guard x.count == y.count else { return false }
        return onLargeStack {
            let encoder = EnvironmentCoding.encoder()
            func encoded<T: Encodable>(_ value: T) -> Data? { try? encoder.encode(value) }
            guard let g = encoded(a.generator), g == encoded(b.generator) else { return false }
            for (name, value) in x {
                guard let other = y[name] else { return false }
                if value.isIdentical(to: other) { continue }
                guard let data = encoded(value), data == encoded(other) else { return false }
            }
            return true
        }
    }
}
