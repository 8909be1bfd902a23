import Foundation
import NBAutodiff
import Testing

/// Values, gradients and Hessians computed once with SymPy
/// (`Tests/Peers/autodiff_sympy_reference.py` → `Fixtures/sympy_reference.json`).
@Suite struct ReferenceTests {
    struct Entry: Decodable {
        let expression: String
        let parameters: [String]
        let point: [Double]
        let value: Double
        let gradient: [Double]
        let hessian: [[Double]]
    }

    struct Reference: Decodable {
        let functions: [Entry]
    }

    static func load() throws -> [Entry] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/sympy_reference.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url)).functions
    }

    @Test func atLeastThirtyReferenceFunctions() throws {
        let entries = try Self.load()
        #expect(entries.count >= 30)
        #expect(Set(entries.map(\.parameters.count)) == [1, 2, 3])
    }

    @Test(arguments: try ReferenceTests.load().map(\.expression))
    func everyMethodMatchesSymPy(_ expression: String) throws {
        let entry = try #require(try Self.load().first { $0.expression == expression })
        let f = try ParsedFunction(entry.parameters.joined(separator: " "), entry.expression)
        let x = entry.point
        let (value, reverse) = try valueAndGradient(of: f, at: x)
        #expect(agrees(value, entry.value, relative: 1e-13, absolute: 1e-15))
        #expect(agrees(reverse, entry.gradient, relative: 1e-12, absolute: 1e-14))
        #expect(agrees(try forwardGradient(of: f, at: x), entry.gradient, relative: 1e-12, absolute: 1e-14))
        let symbolic = try SymbolicFunction(of: f).gradient().map { try $0.evaluate(x) as Double }
        #expect(agrees(symbolic, entry.gradient, relative: 1e-12, absolute: 1e-14))
        #expect(agrees(try numericGradient(of: f, at: x, scheme: .complexStep), entry.gradient,
                       relative: 1e-13, absolute: 1e-14))
        #expect(agrees(try numericGradient(of: f, at: x), entry.gradient, relative: 1e-7, absolute: 1e-9))
        #expect(agrees(try hessian(of: f, at: x), entry.hessian, relative: 1e-11, absolute: 1e-13))
        #expect(agrees(try hessian(of: f, at: x, method: .nestedDuals), entry.hessian, relative: 1e-11, absolute: 1e-13))
        #expect(try gradcheck(of: f, at: x))
    }
}
