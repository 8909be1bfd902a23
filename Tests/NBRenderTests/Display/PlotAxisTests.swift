import Foundation
import Testing
@testable import NBRender

@Suite struct LinearTickTests {
    @Test func unitInterval() {
        let axis = PlotAxis.linear(from: 0, to: 1, targetCount: 5)
        #expect(axis.major.map(\.value) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(axis.major.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(axis.lower == 0 && axis.upper == 1 && axis.commonExponent == nil)
    }

    @Test func widensToWholeSteps() {
        let axis = PlotAxis.linear(from: 0.13, to: 9.2, targetCount: 5)
        #expect(axis.major.map(\.value) == [0, 2, 4, 6, 8, 10])
        #expect(axis.major.map(\.label) == ["0", "2", "4", "6", "8", "10"])
    }

    @Test func negativeValuesUseATrueMinusSign() {
        let axis = PlotAxis.linear(from: -3, to: 3, targetCount: 6)
        #expect(axis.major.map(\.label) == ["−3", "−2", "−1", "0", "1", "2", "3"])
        let small = PlotAxis.linear(from: -0.5, to: 0.5, targetCount: 5)
        #expect(small.major.map(\.label) == ["−0.6", "−0.4", "−0.2", "0.0", "0.2", "0.4", "0.6"])
    }

    @Test func decimalTicksAreTheDecimalLiterals() {
        let axis = PlotAxis.linear(from: 0.3, to: 0.7, targetCount: 5)
        #expect(axis.major.map(\.value) == [0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test func largeValuesShareAPowerOfTen() {
        let axis = PlotAxis.linear(from: 1.2e6, to: 4.1e6, targetCount: 6)
        #expect(axis.commonExponent == 6)
        #expect(axis.major.map(\.label) == ["1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5"])
    }

    @Test func smallValuesShareAPowerOfTen() {
        let axis = PlotAxis.linear(from: 1e-9, to: 5e-9, targetCount: 4)
        #expect(axis.commonExponent == -9)
        #expect(axis.major.map(\.label) == ["1", "2", "3", "4", "5"])
    }

    @Test func zeroRangeIsCentredInARoomyInterval() {
        let five = PlotAxis.linear(from: 5, to: 5)
        #expect(five.lower < 5 && five.upper > 5)
        #expect(five.major.count >= 3)
        let zero = PlotAxis.linear(from: 0, to: 0)
        #expect(zero.lower == -1 && zero.upper == 1)
        let negative = PlotAxis.linear(from: -2e-7, to: -2e-7)
        #expect(negative.lower < -2e-7 && negative.upper > -2e-7)
        checkInvariants(negative, covering: -2e-7, -2e-7)
    }

    @Test func rangesLostInRoundingCountAsConstant() {
        let axis = PlotAxis.linear(from: 1e20, to: 1e20 + 1e4)
        checkInvariants(axis, covering: 1e20, 1e20 + 1e4)
        #expect(Set(axis.major.map(\.label)).count == axis.major.count)
    }

    @Test func extremeMagnitudesStayFinite() {
        for (a, b) in [(1e300, 1.7e308), (-1.7e308, 1.7e308), (-Double.greatestFiniteMagnitude, 0),
                       (Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude * 2000), (-Double.leastNormalMagnitude / 100, Double.leastNormalMagnitude / 100), (0, Double.greatestFiniteMagnitude)] {
            let axis = PlotAxis.linear(from: a, to: b)
            #expect(axis.lower.isFinite && axis.upper.isFinite && axis.lower < axis.upper, "\(a)…\(b)")
            #expect(axis.lower <= a && axis.upper >= b, "\(a)…\(b)")
            #expect(axis.major.allSatisfy { $0.value.isFinite && !$0.label.isEmpty }, "\(a)…\(b)")
            #expect(axis.major.count >= 2, "\(a)…\(b)")
        }
    }

    @Test func nonFiniteInputFallsBackToTheUnitInterval() {
        let axis = PlotAxis.linear(from: .nan, to: .infinity)
        #expect(axis.lower == 0 && axis.upper == 1)
    }

    @Test func marginKeepsDataOffTheEnds() {
        let axis = PlotAxis.linear(from: 5, to: 5.2, targetCount: 4, margin: 0.04)
        #expect(axis.lower < 5 - 0.0079 && axis.upper > 5.2 + 0.0079)
        #expect(axis.major.first?.value == 5 && axis.major.last?.value == 5.2)
    }

    /// Against an independent definition of the step: the smallest m·10ᵉ (m ∈ {1, 2, 5}) at least
    /// span / target, over random ranges of every sign and magnitude.
    @Test func stepIsTheSmallestNiceStepAndTicksAreConsistent() {
        var state: UInt64 = 2024
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<2000 {
            let scale = pow(10, (uniform() * 40 - 20).rounded())
            let a = (uniform() * 2 - 1) * scale, b = a + uniform() * scale * pow(10, -(uniform() * 3).rounded())
            let target = 2 + Int(uniform() * 8)
            let axis = PlotAxis.linear(from: a, to: b, targetCount: target)
            checkInvariants(axis, covering: a, b)
            guard b - a > max(abs(a), abs(b)) * 1e-12 else { continue }
            var best = Double.infinity
            for e in -40...40 { for m in [1.0, 2, 5] where m * pow(10, Double(e)) >= (b - a) / Double(target) * (1 - 1e-12) {
                best = min(best, m * pow(10, Double(e)))
            } }
            let step = axis.major[1].value - axis.major[0].value
            #expect(abs(step - best) <= best * 1e-9, "\(a)…\(b) target \(target): step \(step), expected \(best)")
        }
    }

    private func checkInvariants(_ axis: PlotAxis, covering a: Double, _ b: Double,
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        let values = axis.major.map(\.value)
        #expect(axis.lower <= min(a, b) && axis.upper >= max(a, b), "\(a)…\(b)", sourceLocation: sourceLocation)
        #expect(values.count >= 2, sourceLocation: sourceLocation)
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 }, sourceLocation: sourceLocation)
        #expect(values.allSatisfy { $0 >= axis.lower && $0 <= axis.upper }, sourceLocation: sourceLocation)
        let steps = zip(values, values.dropFirst()).map { $1 - $0 }
        if let first = steps.first {
            #expect(steps.allSatisfy { abs($0 - first) <= first * 1e-6 }, "\(a)…\(b)", sourceLocation: sourceLocation)
        }
        #expect(Set(axis.major.map(\.label)).count == values.count, "duplicate labels \(axis.major.map(\.label))",
                sourceLocation: sourceLocation)
    }
}

@Suite struct LogTickTests {
    @Test func hSweepRangeLabelsEveryFourthDecade() {
        let axis = PlotAxis.logarithmic(from: 1e-16, to: 1, targetCount: 6)
        #expect(axis.major.map(\.label) == ["10⁻¹⁶", "10⁻¹²", "10⁻⁸", "10⁻⁴", "10⁰"])
        #expect(axis.lower == 1e-16 && axis.upper == 1)
        // The unlabelled decades are minor ticks.
        #expect(axis.minor.count == 12)
        #expect(axis.minor.contains(1e-15) && axis.minor.contains(1e-1))
    }

    @Test func fewDecadesGetEveryDecadeAndTwoToNineMinors() {
        let axis = PlotAxis.logarithmic(from: 1, to: 1000)
        #expect(axis.major.map(\.value) == [1, 10, 100, 1000])
        #expect(axis.major.map(\.label) == ["10⁰", "10¹", "10²", "10³"])
        #expect(axis.minor.count == 24)
        #expect(axis.minor.first == 2 && axis.minor.last == 900)
    }

    @Test func oneDecadeAlsoLabelsTwoAndFive() {
        let axis = PlotAxis.logarithmic(from: 2, to: 8)
        #expect(axis.major.map(\.label) == ["10⁰", "2", "5", "10¹"])
        #expect(axis.minor == [3, 4, 6, 7, 8, 9])
        let small = PlotAxis.logarithmic(from: 0.0011, to: 0.009)
        #expect(small.major.map(\.label) == ["10⁻³", "0.002", "0.005", "10⁻²"])
    }

    @Test func widensToWholeDecades() {
        let axis = PlotAxis.logarithmic(from: 0.03, to: 47)
        #expect(axis.lower == 0.01 && axis.upper == 100)
    }

    @Test func constantDataGetsAtLeastOneDecade() {
        let five = PlotAxis.logarithmic(from: 5, to: 5)
        #expect(five.lower == 1 && five.upper == 10)
        #expect(five.major.map(\.value) == [1, 2, 5, 10])
        let ten = PlotAxis.logarithmic(from: 10, to: 10)
        #expect(ten.lower == 1 && ten.upper == 100)
    }

    @Test func hugeRangesStayReadable() {
        let axis = PlotAxis.logarithmic(from: 1e-300, to: 1e300, targetCount: 6)
        #expect(axis.major.count >= 2 && axis.major.count <= 7)
        #expect(axis.major.allSatisfy { $0.value > 0 && $0.value.isFinite })
        let extreme = PlotAxis.logarithmic(from: .leastNonzeroMagnitude, to: .greatestFiniteMagnitude)
        #expect(extreme.lower > 0 && extreme.upper.isFinite && extreme.major.count >= 2)
    }

    @Test func nonPositiveInputFallsBackToOneDecade() {
        let axis = PlotAxis.logarithmic(from: 0, to: -1)
        #expect(axis.lower == 1 && axis.upper == 10)
    }

    @Test func fractionIsLinearInTheLogarithm() {
        let axis = PlotAxis.logarithmic(from: 1e-4, to: 1)
        #expect(abs(axis.fraction(of: 1e-2) - 0.5) < 1e-12)
        #expect(axis.fraction(of: 1e-4) == 0 && axis.fraction(of: 1) == 1)
        let linear = PlotAxis.linear(from: -2, to: 2, targetCount: 4)
        #expect(linear.fraction(of: 0) == 0.5)
    }
}

@Suite struct NumberFormattingTests {
    @Test func svgNumbersHaveAtMostTwoDecimals() {
        #expect(SVGNumber.format(12) == "12")
        #expect(SVGNumber.format(12.5) == "12.5")
        #expect(SVGNumber.format(-3.256) == "-3.26")
        #expect(SVGNumber.format(0.1 + 0.2) == "0.3")
        #expect(SVGNumber.format(7.04) == "7.04")
        #expect(SVGNumber.format(-0.001) == "0")
        #expect(SVGNumber.format(.nan) == "0")
        #expect(SVGNumber.format(1e30) == "1000000000000")
    }

    @Test func tickLabels() {
        #expect(TickLabel.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(TickLabel.fixed(-1.5, decimals: 1) == "−1.5")
        #expect(TickLabel.superscript(-16) == "⁻¹⁶")
        #expect(TickLabel.powerOfTen(0) == "10⁰")
        #expect(TickLabel.general(1.5e6) == "1.5×10⁶")
        #expect(TickLabel.general(-0.25) == "−0.25")
    }
}

@Suite struct TextMetricsTests {
    @Test func wrapsAtSpacesWithinTheWidth() {
        let lines = TextMetrics.wrap("the quick brown fox jumps over the lazy dog", in: 100, fontSize: 10, maxLines: 5)
        #expect(lines.count > 1)
        #expect(lines.joined(separator: " ") == "the quick brown fox jumps over the lazy dog")
        #expect(lines.allSatisfy { TextMetrics.width($0, fontSize: 10) <= 100 })
    }

    @Test func wrapsChineseBetweenCharacters() {
        let title = String(repeating: "自动微分与半监督学习中的有限差分步长误差分析", count: 2)
        let lines = TextMetrics.wrap(title, in: 200, fontSize: 16, maxLines: 3)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { TextMetrics.width($0, fontSize: 16) <= 200 })
        #expect(lines[0] + lines[1] == String(title.prefix(lines[0].count + lines[1].count)))
        #expect(lines[2].hasSuffix("…"))
    }

    @Test func mixedScriptKeepsSpacesBetweenWords() {
        let lines = TextMetrics.wrap("h-sweep 误差 of f", in: 1000, fontSize: 10, maxLines: 2)
        #expect(lines == ["h-sweep 误差 of f"])
    }

    @Test func fitShortensWithAnEllipsis() {
        let text = TextMetrics.fit(String(repeating: "w", count: 100), in: 50, fontSize: 10)
        #expect(text.hasSuffix("…") && TextMetrics.width(text, fontSize: 10) <= 50)
        #expect(TextMetrics.fit("ok", in: 50, fontSize: 10) == "ok")
    }
}
