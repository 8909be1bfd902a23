import Foundation
import NBLanguage

/// One axis of a plot: the interval it shows, its ticks and their labels.
///
/// Linear axes step by 1, 2 or 5 times a power of ten and are widened to whole steps; labels of
/// very large or very small values share one power of ten (`commonExponent`, shown next to the
/// axis label). Logarithmic axes span whole decades, label every decade (or every 2nd, 4th, 5th,
/// 10th … when there are many) as `10ⁿ`, and carry minor ticks.
struct PlotAxis: Equatable, Sendable {
    /// A labelled tick.
    struct Tick: Equatable, Sendable {
        var value: Double
        var label: String
    }

    var scale: PlotSpec.Scale
    /// The interval shown, in data units (for a log axis, powers of ten).
    var lower: Double
    var upper: Double
    /// Labelled ticks, ascending.
    var major: [Tick]
    /// Unlabelled ticks, ascending.
    var minor: [Double]
    /// For a linear axis whose labels are divided by 10ⁿ: n.
    var commonExponent: Int?

    /// Where `value` sits on the axis: 0 at `lower`, 1 at `upper`.
    func fraction(of value: Double) -> Double {
        switch scale {
        case .linear:
            // Halves keep the differences finite even for values near ±Double.greatestFiniteMagnitude.
            let span = upper / 2 - lower / 2
            return span > 0 ? (value / 2 - lower / 2) / span : 0.5
        case .log:
            let low = Foundation.log10(lower), span = Foundation.log10(upper) - low
            return span > 0 ? (Foundation.log10(value) - low) / span : 0.5
        }
    }

    /// Whether `value` can be placed on this axis (finite, and positive on a log axis).
    func accepts(_ value: Double) -> Bool {
        value.isFinite && (scale == .linear || value > 0)
    }
}

extension PlotAxis {
    /// An axis of the given scale covering `range` (`nil`: no data, a default interval).
    static func make(scale: PlotSpec.Scale, covering range: ClosedRange<Double>?, targetCount: Int,
                     margin: Double = 0) -> PlotAxis {
        let margin = range == nil ? 0 : margin
        switch scale {
        case .linear:
            return linear(from: range?.lowerBound ?? 0, to: range?.upperBound ?? 1, targetCount: targetCount,
                          margin: margin)
        case .log:
            return logarithmic(from: range?.lowerBound ?? 1, to: range?.upperBound ?? 10, targetCount: targetCount,
                               margin: margin)
        }
    }

    /// A linear axis covering `a…b` with about `targetCount` intervals between labelled ticks.
    ///
    /// The axis ends at whole steps, or further out when data would come closer than `margin`
    /// (a fraction of the data's span) to an end.
    static func linear(from a: Double, to b: Double, targetCount: Int = 6, margin: Double = 0) -> PlotAxis {
        guard a.isFinite, b.isFinite else { return linear(from: 0, to: 1, targetCount: targetCount) }
        var low = min(a, b), high = max(a, b)
        let magnitude = max(abs(low), abs(high))
        var room = 0.0
        if high / 2 - low / 2 <= magnitude * 0.5e-12 {
            // Constant data (or a range lost in rounding): centre it in a small interval.
            let pad = magnitude == 0 ? 1 : magnitude * 0.1
            low -= pad
            high += pad
        } else {
            room = (high / 2 - low / 2) * 2 * max(margin, 0)
        }
        let target = Double(max(targetCount, 2))
        let rawStep = (high / 2 - low / 2) / target * 2
        guard low.isFinite, high.isFinite, rawStep.isFinite, rawStep > 0 else {
            return endpointsOnly(low.isFinite ? low : -.greatestFiniteMagnitude,
                                 high.isFinite ? high : .greatestFiniteMagnitude)
        }
        var exponent = Int(Foundation.floor(Foundation.log10(rawStep)).clamped(to: -330...310))
        var mantissa: Double = 10
        for candidate in [1.0, 2, 5, 10] where candidate * power(exponent) >= rawStep * (1 - 1e-12) {
            mantissa = candidate
            break
        }
        if mantissa == 10 { mantissa = 1; exponent += 1 }
        let step = mantissa * power(exponent)
        func value(_ k: Double) -> Double {
            // Dividing by an exact 10ⁿ gives the correctly rounded decimal (0.3, not 0.30000000000000004).
            (-22..<0).contains(exponent) ? k * mantissa / power(-exponent) : k * mantissa * power(exponent)
        }
        let firstIndex = Foundation.floor(low / step + 1e-9)
        let lastIndex = Foundation.ceil(high / step - 1e-9)
        let count = lastIndex - firstIndex + 1
        guard step > 0, count.isFinite, count >= 2, count <= 200,
              value(firstIndex).isFinite, value(lastIndex).isFinite else {
            return endpointsOnly(low, high)
        }
        var lower = value(firstIndex), upper = value(lastIndex)
        let largest = max(abs(lower), abs(upper))
        var common: Int?
        if largest >= 1e5 || largest < 1e-3 {
            common = Int(Foundation.floor(Foundation.log10(largest) + 1e-9).clamped(to: -330...310))
        }
        let decimals = max(0, (common ?? 0) - exponent)
        var ticks: [Tick] = []
        var k = firstIndex
        while k <= lastIndex {
            let v = value(k)
            let shown = common.map { scaled(v, byPowerOfTen: -$0) } ?? v
            ticks.append(Tick(value: v, label: TickLabel.fixed(shown, decimals: decimals)))
            k += 1
        }
        if room.isFinite, room > 0 {
            lower = min(lower, low - room)
            upper = max(upper, high + room)
        }
        return PlotAxis(scale: .linear, lower: lower, upper: upper, major: ticks, minor: [], commonExponent: common)
    }

    /// A logarithmic axis covering `a…b` (both positive) in whole decades, or further out when data
    /// would come closer than `margin` (a fraction of the data's span in decades) to an end.
    static func logarithmic(from a: Double, to b: Double, targetCount: Int = 6, margin: Double = 0) -> PlotAxis {
        guard a > 0, b > 0, a.isFinite, b.isFinite else { return logarithmic(from: 1, to: 10, targetCount: targetCount) }
        // 10⁻³²³ is the smallest power of ten a Double holds (subnormal); 10³⁰⁸ the largest.
        var low = Int(Foundation.floor(Foundation.log10(min(a, b)) + 1e-9).clamped(to: -323...308))
        var high = Int(Foundation.ceil(Foundation.log10(max(a, b)) - 1e-9).clamped(to: -323...308))
        if high <= low {
            if low > -323 { low -= 1 }
            if high < 308 { high += 1 }
        }
        let decades = high - low
        let target = max(targetCount, 1)
        let steps = [1, 2, 4, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
        let every = steps.first { (decades + $0 - 1) / $0 <= target } ?? 1000
        var major: [Tick] = []
        var minor: [Double] = []
        for d in low...high {
            if d % every == 0 {
                major.append(Tick(value: power(d), label: TickLabel.powerOfTen(d)))
            } else {
                minor.append(power(d))
            }
            if every == 1, decades <= 6, d < high {
                for m in 2...9 { minor.append(Double(m) * power(d)) }
            }
        }
        if decades == 1 {
            // One decade has only two labels; 2 and 5 times the power of ten are labelled too.
            let inner = [2.0, 5.0].map { $0 * power(low) }
            minor.removeAll { inner.contains($0) }
            major.insert(contentsOf: inner.map { Tick(value: $0, label: TickLabel.general($0)) }, at: 1)
        }
        // The clamps above can leave the extreme Doubles just outside the decades.
        var lower = min(power(low), min(a, b)), upper = max(power(high), max(a, b))
        let dataLow = Foundation.log10(min(a, b)), dataHigh = Foundation.log10(max(a, b))
        let room = (dataHigh - dataLow) * max(margin, 0)
        if room > 0 {
            lower = max(min(lower, Foundation.pow(10, dataLow - room)), .leastNonzeroMagnitude)
            upper = min(max(upper, Foundation.pow(10, dataHigh + room)), .greatestFiniteMagnitude)
        }
        return PlotAxis(scale: .log, lower: lower, upper: upper, major: major, minor: minor, commonExponent: nil)
    }

    /// Fallback for ranges the 1-2-5 search cannot tick (astronomically wide): label the ends only.
    private static func endpointsOnly(_ low: Double, _ high: Double) -> PlotAxis {
        let ticks = [low, high].map { Tick(value: $0, label: TickLabel.general($0)) }
        return PlotAxis(scale: .linear, lower: low, upper: high, major: ticks, minor: [], commonExponent: nil)
    }

    /// 10ⁿ as a Double, exact for the integer powers a Double can hold.
    static func power(_ n: Int) -> Double {
        // Up to 10²², 10ⁿ is exact and 1 / 10ⁿ correctly rounded; beyond, libm's pow (which also
        // reaches the subnormal 10⁻³²³).
        if (0...22).contains(n.magnitude) {
            return n >= 0 ? Foundation.pow(10, Double(n)) : 1 / Foundation.pow(10, Double(-n))
        }
        return Foundation.pow(10, Double(n))
    }

    /// `value` × 10ⁿ without overflowing or underflowing the intermediate power.
    static func scaled(_ value: Double, byPowerOfTen n: Int) -> Double {
        let half = n / 2
        return value * power(half) * power(n - half)
    }
}

extension Comparable {
    fileprivate func clamped(to limits: ClosedRange<Self>) -> Self {
        min(max(self, limits.lowerBound), limits.upperBound)
    }
}
