import NBAutodiff
import Testing

@Suite struct TapeTests {
    /// Recording past the initial capacity moves the entries and keeps every partial.
    @Test func growingKeepsTheRecordedEntries() {
        let tape = Tape<Double>(capacity: 16)
        let x = tape.variable(0.5)
        var value = x
        for _ in 0..<100 { value = value * Tracked.apply(.sin, value) }
        #expect(tape.entryCount == 202) // the sink, x, then a sin and a product per step
        // The same chain by forward mode.
        var dual = Dual(0.5, tangent: 1.0)
        for _ in 0..<100 { dual = dual * Dual.apply(.sin, dual) }
        let gradient = tape.gradient(of: value, withRespectTo: [x])
        #expect(value.value == dual.value)
        #expect(abs(gradient[0] - dual.tangent) <= 1e-12 * abs(dual.tangent))
    }
}
