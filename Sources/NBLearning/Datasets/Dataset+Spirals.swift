#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

extension Dataset {
    /// Interleaved spiral arms in the plane (the CS231n toy set): class c's m points have radius
    /// r = linspace(0, 1, m) and angle t = linspace(4c, 4c + 4, m) plus Gaussian noise with standard
    /// deviation `noise`, at (r sin t, r cos t); classes share the samples as in `blobs`; shuffled.
    /// Identical for a seed on every machine.
    public static func spirals(samples: Int = 300, classes: Int = 3, noise: Double = 0.2,
                               seed: UInt64 = 0) throws(DatasetError) -> Dataset {
        try DatasetError.checkSamples(samples)
        try DatasetError.checkSpread(noise, named: "noise")
        guard classes >= 1, classes <= samples else {
            throw DatasetError("classes must be between 1 and the number of samples, got \(classes)")
        }
        var generator = SeededGenerator(seed: seed)
        var points: [Double] = []
        points.reserveCapacity(2 * samples)
        var labels: [Int] = []
        labels.reserveCapacity(samples)
        for (arm, size) in SyntheticSupport.classSizes(samples: samples, classes: classes).enumerated() {
            let radii = SyntheticSupport.linspace(0, 1, count: size)
            let angles = SyntheticSupport.linspace(4 * Double(arm), 4 * Double(arm) + 4, count: size)
            for (r, angle) in zip(radii, angles) {
                let t = angle + noise * generator.nextNormal()
                points += [r * sin(t), r * cos(t)]
                labels.append(arm)
            }
        }
        return SyntheticSupport.shuffled(name: "spirals", points: points, labels: labels, featureCount: 2,
                                         classCount: classes, generator: &generator)
    }
}
