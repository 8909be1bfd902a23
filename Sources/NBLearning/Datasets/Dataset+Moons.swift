#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

extension Dataset {
    /// Two interleaving half circles in the plane, like scikit-learn's `make_moons`: `samples / 2`
    /// points (rounded down) on the upper arc `(cos t, sin t)`, t ∈ [0, π], labelled 0, the rest on
    /// the lower arc `(1 − cos t, 1/2 − sin t)` labelled 1, each coordinate moved by Gaussian noise
    /// with standard deviation `noise`, then shuffled. Identical for a seed on every machine.
    public static func moons(samples: Int = 100, noise: Double = 0.1, seed: UInt64 = 0) throws(DatasetError) -> Dataset {
        try DatasetError.checkSamples(samples)
        try DatasetError.checkSpread(noise, named: "noise")
        var generator = SeededGenerator(seed: seed)
        let outer = samples / 2
        var points: [Double] = []
        points.reserveCapacity(2 * samples)
        var labels: [Int] = []
        labels.reserveCapacity(samples)
        for t in SyntheticSupport.linspace(0, .pi, count: outer) {
            points += [cos(t), sin(t)]
            labels.append(0)
        }
        for t in SyntheticSupport.linspace(0, .pi, count: samples - outer) {
            points += [1 - cos(t), 1 - sin(t) - 0.5]
            labels.append(1)
        }
        for index in points.indices { points[index] += noise * generator.nextNormal() }
        return SyntheticSupport.shuffled(name: "moons", points: points, labels: labels, featureCount: 2,
                                         classCount: 2, generator: &generator)
    }
}
