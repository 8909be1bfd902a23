import Foundation
import NBLanguage

/// Whether two environments hold the same values (`nb test --mutants` stops a mutant as soon as
/// the notebook is back where the unmutated run was: everything after it would run the same).
public enum EnvironmentComparison {
    /// True when the names, the failed names, the random generator and every value are the same;
    /// values are compared by storage first and by their stored encoding otherwise (so a function
    /// compares by its code and captured values). False when unsure.
    public static func same(_ a: Session.Environment, _ b: Session.Environment) -> Bool {
        guard a.names == b.names, a.failedNames == b.failedNames, a.values.count == b.values.count else { return false }
        return onLargeStack {
            let encoder = EnvironmentCoding.encoder()
            func encoded<T: Encodable>(_ value: T) -> Data? { try? encoder.encode(value) }
            guard let g = encoded(a.generator), g == encoded(b.generator) else { return false }
            for (x, y) in zip(a.values, b.values) {
                switch (x, y) {
                case (nil, nil): continue
                case let (x?, y?):
                    if x.isIdentical(to: y) { continue }
                    guard let ex = encoded(x), ex == encoded(y) else { return false }
                default: return false
                }
            }
            return true
        }
    }
}
