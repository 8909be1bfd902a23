@testable import NBLearning
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Two interleaving half circles with Gaussian noise, laid out as scikit-learn's `make_moons`
/// (outer moon first, then inner moon; labels 0 and 1), drawn from a seeded generator.
/// A local helper so these tests do not depend on the data sets module.
func twoMoons(count: Int, noise: Double, seed: UInt64) throws -> (inputs: Tensor<Double>, labels: [Int]) {
    var generator = SeededGenerator(seed: seed)
    let outer = count / 2
    let inner = count - outer
    var points: [Double] = []
    var labels: [Int] = []
    for i in 0..<outer {
        let t = outer > 1 ? Double.pi * Double(i) / Double(outer - 1) : 0
        points += [cos(t), sin(t)]
        labels.append(0)
    }
    for i in 0..<inner {
        let t = inner > 1 ? Double.pi * Double(i) / Double(inner - 1) : 0
        points += [1 - cos(t), 1 - sin(t) - 0.5]
        labels.append(1)
    }
    for i in points.indices { points[i] += noise * generator.nextNormal() }
    return (try Tensor(shape: [count, 2], scalars: points), labels)
}
