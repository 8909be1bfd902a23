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

    /// A value kept after its tape ended stops the program instead of writing into freed memory
    /// (the tape is named by a slot whose generation changed when the tape ended).
    @Test func aValueUsedAfterItsTapeEndedStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            func escaped() -> Tracked<Double> { Tape<Double>().variable(2) }
            let kept = escaped()
            _ = kept * kept
        }
    }

    /// Values of two tapes cannot be combined, even when one tape reuses the other's slot.
    @Test func aValueOfAnEndedTapeCannotJoinItsSuccessor() async {
        await #expect(processExitsWith: .failure) {
            func escaped() -> Tracked<Double> { Tape<Double>().variable(2) }
            let kept = escaped()
            let tape = Tape<Double>()
            _ = tape.variable(1) + kept
        }
    }

    /// Tapes end and their slots are reused: many tapes in a row stay correct.
    @Test func slotsAreReusedAcrossManyTapes() {
        for k in 0..<100_000 {
            let tape = Tape<Double>(capacity: 16)
            let x = tape.variable(Double(k))
            #expect(tape.gradient(of: x * x, withRespectTo: [x]) == [2 * Double(k)])
            #expect(x.isRecorded(on: tape))
        }
        let a = Tape<Double>(), b = Tape<Double>()
        #expect(!a.variable(1).isRecorded(on: b))
    }
}
