import Foundation
import Testing
import NBLanguage

/// Derivatives at the edges against 50-digit references (`Tests/Fixtures/edge_derivatives.json`,
/// made by `Tests/Peers/mpmath_edge_derivatives.py`): the log-sigmoid and softplus in their
/// saturated tails to full precision, and infinite limits as infinities rather than nan.
struct EdgeDerivativeTests {
    struct Case: Decodable {
        var what: String
        var x: Int
        var value: String
    }

    struct Reference: Decodable { var cases: [Case] }

    static let cases: [Case] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/edge_derivatives.json")
        guard let data = try? Data(contentsOf: file),
              let reference = try? JSONDecoder().decode(Reference.self, from: data) else { return [] }
        return reference.cases
    }()

    /// The numbers a cell's last expression `r = …` leaves in `r`.
    private func numbers(_ source: String) -> [Double] {
        let session = Session()
        let outcome = session.run(cell: "r = " + source)
        #expect(outcome.error == nil, "\(source): \(outcome.transcript)")
        switch session.value(of: "r") {
        case .number(let x)?: return [x]
        case .tensor(let t)?: return t.scalars
        default: return []
        }
    }

    /// The cell expression each reference case is checked with.
    private func expressions(_ c: Case) -> [String] {
        switch c.what {
        case "log(sigmoid(x))''":
            return ["hessian(x -> log(sigmoid(x)), [\(c.x)])",
                    "derivative(derivative(x -> log(sigmoid(x))))(\(c.x))"]
        case "log(sigmoid(x))'": return ["grad(x -> log(sigmoid(x)), [\(c.x)])", "derivative(x -> log(sigmoid(x)))(\(c.x))"]
        case "softplus(x)''": return ["hessian(x -> softplus(x), [\(c.x)])"]
        case "d/dy x^y at (0, 2)": return ["grad((x, y) -> x^y, [0, 2])[1]", "jvp((x, y) -> x^y, [0, 2], [0, 1])"]
        case "sqrt''(0+)": return ["hessian(x -> sqrt(x), [0])", "hessian(x -> x^0.5, [0])"]
        case "log''(0+)": return ["hessian(x -> log(x), [0])"]
        case "asin''(1-)": return ["hessian(x -> asin(x), [1])"]
        default: return []
        }
    }

    @Test func theReferenceIsPresent() {
        #expect(Self.cases.count == 22)
    }

    @Test(arguments: cases.indices)
    func agreesWithTheFiftyDigitReference(index: Int) {
        let c = Self.cases[index]
        let truth = Double(c.value) ?? .nan
        let sources = expressions(c)
        #expect(!sources.isEmpty, "no expression for \(c.what)")
        for source in sources {
            let values = numbers(source)
            #expect(values.count == 1, "\(source) gave \(values)")
            guard let value = values.first else { continue }
            if truth.isInfinite || truth == 0 {
                #expect(value == truth, "\(source) = \(value), truth \(c.value)")
            } else {
                #expect(abs(value - truth) <= 4e-15 * abs(truth), "\(source) = \(value), truth \(c.value)")
            }
        }
    }
}
