import Foundation
import NBLearning

// `nb-bench learning --only elementwise`: the elementwise kernels of a training step (relu, its
// backward gate, SGD with and without momentum, Adam, softmax cross-entropy forward + backward) on
// the sizes the MLP step runs them at, against PyTorch's same ops (Tests/Peers/learning_torch_elementwise.py)
// with the same thread count. Each figure is the best of 5 timings of a batch lasting ≥ 20 ms, in
// ns per element; nb and PyTorch alternate over 3 rounds and each keeps its best.
extension LearningBenchmark {
    static let elementwiseOperations = ["relu", "relu_backward", "sgd", "sgd_momentum", "adam", "cross_entropy"]

    static func elementwise(threads: Int, peers: Bool, notes: inout [String]) throws -> [Row] {
        var ours = [String: Double](), theirs = [String: Double](), version = "?"
        for _ in 0..<3 {
            for (name, value) in try elementwiseTimings() { ours[name] = min(ours[name] ?? .infinity, value) }
            guard peers else { continue }
            switch python(script: "learning_torch_elementwise.py", ["--threads", "\(threads)"], requires: "torch") {
            case .success(let json):
                version = "\(json["torch"] ?? "?")"
                for (name, value) in (json["ns_per_element"] as? [String: Double]) ?? [:] {
                    theirs[name] = min(theirs[name] ?? .infinity, value)
                }
            case .failure(let note):
                notes.append("PyTorch elementwise skipped: \(note)")
            }
        }
        notes.append("elementwise: 65536 Float (256×256) per op, cross-entropy on 256×10 logits; ns/element, best of 3 alternating rounds")
        return elementwiseOperations.map { name in
            var row = Row(workload: "elementwise \(name)", nb: format(ours[name] ?? .nan) + " ns/elt",
                          peer: "—", ratio: "—", target: "≥ 1× PyTorch")
            if let peer = theirs[name], let mine = ours[name] {
                row.peer = format(peer) + " ns/elt (PyTorch \(version), \(threads) threads)"
                row.ratio = String(format: "%.2f×", peer / mine)
            }
            return row
        }
    }

    /// nb's side: ns per element of each operation, best of 5.
    static func elementwiseTimings() throws -> [String: Double] {
        let n = 256 * 256
        var generator = SeededGenerator(seed: 3)
        let x = try Tensor<Float>.randomNormal([256, 256], generator: &generator)
        let g = try Tensor<Float>.randomNormal([256, 256], generator: &generator)
        var results = [String: Double]()
        results["relu"] = try bestNanoseconds(per: n) { _ = x.relu() }
        results["relu_backward"] = try bestNanoseconds(per: n) { _ = try g.combined(with: x, .gateByPositive) }
        let small = g * Float(1e-3)
        var plain = SGD<Float>(learningRate: 0.01), momentum = SGD<Float>(learningRate: 0.01, momentum: 0.9)
        var adam = Adam<Float>(learningRate: 1e-3)
        var parameters = [x]
        results["sgd"] = try bestNanoseconds(per: n) { try plain.update(&parameters, gradients: [small]) }
        results["sgd_momentum"] = try bestNanoseconds(per: n) { try momentum.update(&parameters, gradients: [small]) }
        results["adam"] = try bestNanoseconds(per: n) { try adam.update(&parameters, gradients: [small]) }
        let logits = try Tensor<Float>.randomNormal([256, 10], generator: &generator)
        let labels = (0..<256).map { _ in generator.nextIndex(below: 10) }
        results["cross_entropy"] = try bestNanoseconds(per: logits.count) {
            let tape = TensorTape<Float>()
            let z = tape.variable(logits)
            let loss = try z.softmaxCrossEntropy(labels: labels)
            _ = try tape.gradients(of: loss)[z]
        }
        return results
    }

    /// The best of 5 timings (each a batch of calls lasting ≥ 20 ms), in ns per element.
    static func bestNanoseconds(per elements: Int, _ body: () throws -> Void) throws -> Double {
        for _ in 0..<3 { try body() }
        var best = Double.infinity
        for _ in 0..<5 {
            var calls = 1
            while true {
                let start = ContinuousClock.now
                for _ in 0..<calls { try body() }
                let elapsed = ContinuousClock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                if seconds >= 0.02 {
                    best = min(best, seconds / Double(calls) / Double(elements) * 1e9)
                    break
                }
                calls *= 2
            }
        }
        return best
    }
}
