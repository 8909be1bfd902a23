import Foundation
import Testing
import NBLanguage
import NBLearning
@testable import NBExecution

/// Every kind of value survives encoding bit for bit, and encoding is deterministic.
@Suite struct ValueCodableTests {
    /// Runs `source` in a fresh session and returns the session.
    private func session(_ source: String, seed: UInt64 = 5) -> Session {
        let session = Session(options: SessionOptions(seed: seed))
        let outcome = session.run(cell: source)
        #expect(outcome.error == nil, "\(outcome.error?.transcript ?? "")")
        return session
    }

    private func encode(_ value: Value) throws -> Data { try EnvironmentCoding.encoder().encode(value) }
    private func decode(_ data: Data) throws -> Value {
        try EnvironmentCoding.decoder(.standard).decode(Value.self, from: data)
    }

    @Test func scalarsKeepTheirBits() throws {
        for x in [0.0, -0.0, 1.5, .nan, -.infinity, .infinity, .leastNonzeroMagnitude, Double(bitPattern: 0x7FF8_0000_0000_1234)] {
            guard case .number(let back) = try decode(encode(.number(x))) else { Issue.record("not a number"); continue }
            #expect(back.bitPattern == x.bitPattern)
        }
        guard case .dual(let d) = try decode(encode(.dual(DualNumber(2, tangent: -0.0)))) else { Issue.record("not dual"); return }
        #expect(d.value == 2 && d.tangent.bitPattern == (-0.0).bitPattern)
    }

    /// Each global of a session that made one of everything: decoding and encoding again gives the
    /// same bytes, and the restored session displays every value as the original does.
    @Test func everyValueKindRoundTripsThroughASession() throws {
        let source = """
        n = 3.25
        t = [[1, 2], [3, 4.5]]
        l = ["a", 1, true, [1, 2]]
        r = 1..<4
        dd = dual(2, 1)
        f(x, y) = x * sin(y) + 2
        adder = k -> (x -> x + k)
        add3 = adder(3)
        b = sin
        fp = derivative(x -> x^3 * exp(x))
        hp = derivative(x -> if abs(x) < 1 && x != 0.5 { 0.5*x^2 } else { abs(x) - 0.5 })
        m = mlp([2, 3, 1], seed: 1)
        data = moons(20, seed: 2)
        p = plot([1, 2, 3], [1, 4, 9], title: "squares")
        s = "text"
        """
        let original = session(source)
        let environment = original.environment
        let restored = Session(options: SessionOptions(seed: 5))
        var values: [Value?] = []
        for value in environment.values {
            guard let value else { values.append(nil); continue }
            let data = try encode(value)
            let back = try decode(data)
            #expect(try encode(back) == data)
            values.append(back)
        }
        #expect(restored.restore(Session.Environment(names: environment.names, values: values,
                                                     failedNames: environment.failedNames, generator: environment.generator)))
        let probe = "n\nt\nl\nr\ndd\nf\nf(1, 2)\nadd3(4)\nb(0.5)\nfp\nfp(1.5)\nhp\nhp(0.25)\nhp(0.5)\nhp(-2)\nforward(m, data.X)\ndata.y\np\ns\nrandn(3)"
        let a = original.run(cell: probe), b = restored.run(cell: probe)
        #expect(a.error == nil)
        #expect(a == b)
        #expect(a.items.count == 20)
    }

    @Test func theGeneratorContinuesItsStream() throws {
        var generator = SeededGenerator(seed: 11)
        _ = generator.nextNormal()   // leaves a spare normal deviate cached
        let data = try JSONEncoder().encode(generator)
        var back = try JSONDecoder().decode(SeededGenerator.self, from: data)
        for _ in 0..<5 {
            #expect(back.nextNormal() == generator.nextNormal())
            #expect(back.next() == generator.next())
        }
    }

    @Test func malformedStoredValuesAreErrorsNotCrashes() throws {
        let bad = [
            #"{"t":"tensor","shape":[2,2],"d":"AAAAAAAAAAA="}"#,          // 8 bytes for 4 elements
            #"{"t":"tensor","shape":[-1],"d":""}"#,
            #"{"t":"tensor","shape":[4611686018427387904,4],"d":""}"#,     // overflowing shape
            #"{"t":"builtin","n":"no_such_builtin"}"#,
            #"{"t":"symbolic","f":{"name":"g","parameters":["x"],"nodes":[{"o":"+","c":[0,1]}]}}"#,
            #"{"t":"symbolic","f":{"name":"g","parameters":["x"],"nodes":[{"o":"$","n":"y","c":[]}]}}"#,
            #"{"t":"symbolic","f":{"name":"g","parameters":["x"],"nodes":[{"o":"sin","c":[]}]}}"#,
            #"{"t":"symbolic","f":{"name":"g","parameters":["x"],"nodes":[{"o":"$","n":"x","c":[]},{"o":"if","c":[0,0]}]}}"#,
            #"{"t":"function","p":["x"],"y":{"k":"global","id":"x","slot":-3,"at":{"line":1,"column":1}},"captured":[],"at":{"line":1,"column":1}}"#,
            #"{"t":"mystery"}"#,
        ]
        for text in bad {
            #expect(throws: (any Error).self) { try decode(Data(text.utf8)) }
        }
    }

    @Test func aFunctionReadingAGlobalFromAnotherSlotIsNotRestored() throws {
        let original = session("a = 1\nf(x) = x + a")
        var environment = original.environment
        environment.names.swapAt(0, 1)   // `a` and `f` trade slots: f's body would read the wrong one
        environment.values.swapAt(0, 1)
        #expect(!Session().restore(environment))
    }

    @Test func identityIsSharedStorageNotEquality() throws {
        let t = Value.tensor(Tensor<Double>([1, 2, 3]))
        let copy = t
        #expect(t.isIdentical(to: copy))
        #expect(!t.isIdentical(to: .tensor(Tensor<Double>([1, 2, 3]))))   // equal, but not known to be
        guard case .tensor(var changed) = copy else { return }
        try changed.setElement(1, at: [0])   // same contents, but written: a new buffer
        #expect(!t.isIdentical(to: .tensor(changed)))
        let record = Value.record(RecordValue(fields: [("X", t), ("name", .string("d"))]))
        #expect(record.isIdentical(to: record))
        #expect(!record.isIdentical(to: .record(RecordValue(fields: [("X", t), ("name", .string("e"))]))))
        #expect(Value.number(.nan).isIdentical(to: .number(.nan)))
        #expect(!Value.number(0).isIdentical(to: .number(-0.0)))
    }

    /// The deepest function body that is still stored decodes again (JSON nests three levels
    /// per call, so this is where a decoder's depth limit would show).
    @Test func theDeepestStoredFunctionBodyDecodes() throws {
        let depth = Value.maximumStoredDepth - 2
        let body = String(repeating: "g(", count: depth) + "x" + String(repeating: ")", count: depth)
        let original = session("g(x) = x + 1\nh(x) = \(body)")
        let h = try #require(original.value(of: "h"))
        #expect(h.storageProblem == nil)
        let back = try onLargeStack { Result { try decode(try encode(h)) } }.get()
        #expect(try encode(back) == encode(h))
    }

    @Test func aFunctionReadingAFramePositionItLacksIsNotRestored() throws {
        let original = session("adder = k -> (x -> x + k)\nadd3 = adder(3)")
        var environment = original.environment
        let slot = try #require(environment.names.firstIndex(of: "add3"))
        guard case .function(var function)? = environment.values[slot] else { Issue.record("not a function"); return }
        #expect(Session().restore(environment))
        function.captured = []   // the body reads k from a captured frame that is no longer there
        environment.values[slot] = .function(function)
        #expect(!Session().restore(environment))
    }

    @Test func tooDeeplyNestedValuesAreNotStored() throws {
        let original = session("wrap = k -> (x -> k(x))\ndeep = x -> x\nfor i in 1...\(Value.maximumStoredDepth + 1) { deep = wrap(deep) }\nshallow = wrap(wrap(sin))")
        #expect(original.value(of: "deep")?.storageProblem != nil)
        #expect(original.value(of: "shallow")?.storageProblem == nil)
    }
}
