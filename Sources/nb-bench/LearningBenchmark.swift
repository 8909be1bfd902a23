// `nb-bench learning`: the tensor engine against its peers, measured in the same run.
//
//   1. one training step (forward, softmax cross-entropy, backward, SGD) of an MLP 64-256-256-10
//      on a batch of 256 in Float — steps/s vs PyTorch on the CPU (Tests/Peers/learning_torch_mlp.py),
//      the two alternating, each side's best window of 25 steps;
//   2. SGEMM 1024³ through Tensor.matmul — GFLOP/s vs the best library available (OpenBLAS, BLIS)
//      called directly with its own pool of N threads;
//   3. micrograd's moons demo (MLP 2-16-16-1, hinge + L2, 100 SGD steps) — time per step vs
//      micrograd itself (Tests/Peers/learning_micrograd_moons.py);
//   4. the elementwise kernels of a step vs PyTorch's same ops (LearningBenchmark+Elementwise.swift);
//   5. --only blas: every library on nb's shapes, 1 and 2 threads (LearningBenchmark+BLAS.swift).
//
// Options: --seconds S (per timed workload, default 3) · --threads N (nb's compute threads, the
// peer library's pool and PyTorch's; default $OPENBLAS_NUM_THREADS, else 2) · --micrograd-steps N
// (steps of micrograd's loop to time, default 3: it is ~10⁴ times slower) ·
// --only mlp|elementwise|sgemm|moons|blas · --also PATH (with blas: another CBLAS library) · --no-peers.
import Foundation
import NBLearning

enum LearningBenchmark {
    struct Row {
        var workload: String
        var nb: String
        var peer: String
        var ratio: String
        var target: String
    }

    static func run(_ arguments: [String]) throws {
        let seconds = Double(option("--seconds", in: arguments) ?? "") ?? 3
        let environmentThreads = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"].flatMap { Int($0) }
        let threads = Int(option("--threads", in: arguments) ?? "") ?? environmentThreads ?? 2
        let micrograd = Int(option("--micrograd-steps", in: arguments) ?? "") ?? 3
        let peers = !arguments.contains("--no-peers")
        ComputeThreads.set(threads)
        print("nb-bench learning — compute threads: \(ComputeThreads.count), \(seconds) s per timed workload")

        let only = option("--only", in: arguments)
        var rows: [Row] = []
        var notes: [String] = []
        if only == nil || only == "mlp" {
            rows.append(try mlpStep(seconds: seconds, threads: threads, peers: peers, notes: &notes))
        }
        if only == nil || only == "elementwise" {
            rows += try elementwise(threads: threads, peers: peers, notes: &notes)
        }
        if only == nil || only == "sgemm" { rows.append(try sgemm(seconds: seconds, threads: threads)) }
        if only == "blas" { try blasTable(seconds: seconds * 4, also: values("--also", in: arguments)) }
        if only == nil || only == "moons" {
            rows.append(try moons(micrograd: micrograd, peers: peers, notes: &notes))
        }
        printTable(rows)
        for note in notes { print("note: \(note)") }
    }

    // MARK: 1. MLP training step

    /// Ours and PyTorch's step alternate for `rounds` rounds (the machine is shared: load that comes
    /// and goes hits both sides), and each side reports its best window of 25 steps — the rate the
    /// code achieves when it has the cores, as `timeit` reports the minimum.
    static func mlpStep(seconds: Double, threads: Int, peers: Bool, notes: inout [String]) throws -> Row {
        var generator = SeededGenerator(seed: 0)
        let inputs = try Tensor<Float>.randomNormal([256, 64], generator: &generator)
        let labels = (0..<256).map { _ in generator.nextIndex(below: 10) }
        var model = try MLP<Float>(sizes: [64, 256, 256, 10], activation: .relu, seed: 0)
        var optimizer = SGD<Float>(learningRate: 0.01)
        let targets = TrainingTargets<Float>.classes(labels)
        let rounds = 3
        var ours = 0.0, peer: Double?, version = "?"
        for _ in 0..<rounds {
            ours = max(ours, try bestWindowRate(seconds: seconds / Double(rounds), window: 25) {
                _ = try trainingStep(&model, inputs: inputs, targets: targets, loss: .softmaxCrossEntropy, optimizer: &optimizer)
            })
            guard peers else { continue }
            switch python(script: "learning_torch_mlp.py",
                          ["--threads", "\(threads)", "--seconds", "\(seconds / Double(rounds))", "--window", "25"],
                          requires: "torch") {
            case .success(let json):
                if let rate = json["steps_per_second"] as? Double { peer = max(peer ?? 0, rate) }
                version = "\(json["torch"] ?? "?")"
            case .failure(let note):
                notes.append("PyTorch skipped: \(note)")
            }
        }
        var row = Row(workload: "MLP 64-256-256-10 step, batch 256, Float", nb: format(ours) + " steps/s",
                      peer: "—", ratio: "—", target: "≥ 1.2× PyTorch")
        if let peer {
            row.peer = format(peer) + " steps/s (PyTorch \(version), \(threads) threads)"
            row.ratio = String(format: "%.2f×", ours / peer)
        }
        notes.append("MLP step: best window of 25 steps over \(rounds) alternating rounds of \(format(seconds / Double(rounds))) s per side")
        return row
    }

    // MARK: 2. SGEMM

    /// The peer is the fastest library reachable here with its own thread pool of `threads` (ours
    /// splits the product over single-threaded calls on nb's worker team).
    static func sgemm(seconds: Double, threads: Int) throws -> Row {
        let n = 1024
        let flops = 2 * Double(n * n * n)
        let a = try Tensor<Float>.randomUniform([n, n], seed: 1)
        let b = try Tensor<Float>.randomUniform([n, n], seed: 2)
        let ours = try measure(seconds: seconds, batch: 2) { _ = try Tensor.matmul(a, b) }
        var best = (name: "none", gflops: 0.0)
        for library in DirectBLAS.available {
            let rate = try library.gflops(m: n, n: n, k: n, threads: threads, seconds: seconds / 2)
            if rate > best.gflops { best = (library.name, rate) }
        }
        let direct = best.gflops * 1e9 / flops
        return Row(workload: "SGEMM 1024³ (Tensor.matmul)", nb: format(ours * flops / 1e9) + " GFLOP/s",
                   peer: format(best.gflops) + " GFLOP/s (best library: \(best.name), \(threads) threads)",
                   ratio: String(format: "%.0f%%", 100 * ours / direct), target: "≥ 95%")
    }

    // MARK: 3. micrograd's demo

    static func moons(micrograd steps: Int, peers: Bool, notes: inout [String]) throws -> Row {
        let (inputs, signs) = try twoMoons(count: 100, noise: 0.1, seed: 1337)
        var accuracy = 0.0
        var timings: [Double] = []
        for _ in 0..<5 {
            var model = try MLP<Double>(sizes: [2, 16, 16, 1], activation: .relu, initialization: .uniform(1), seed: 1337)
            var optimizer = SGD<Double>(learningRate: 1)
            let configuration = TrainingConfiguration(
                epochs: 100, shuffle: false, l2Penalty: 1e-4, schedule: { k, _ in 1.0 - 0.9 * Double(k) / 100 })
            let start = ContinuousClock.now
            let history = try train(&model, inputs: inputs, targets: .signs(signs), loss: .hinge,
                                    optimizer: &optimizer, configuration: configuration)
            timings.append(seconds(since: start))
            accuracy = history.accuracy?.last ?? 0
        }
        let perStep = timings.min()! / 100
        var row = Row(workload: "micrograd moons demo (100 SGD steps), per step",
                      nb: format(perStep * 1e6) + " µs (accuracy \(Int(accuracy * 100))%)",
                      peer: "—", ratio: "—", target: "≥ 100× micrograd")
        if peers {
            switch python(script: "learning_micrograd_moons.py", ["--steps", "\(steps)"], requires: "micrograd") {
            case .success(let json):
                if let peerStep = json["seconds_per_step"] as? Double {
                    row.peer = format(peerStep * 1e6) + " µs (micrograd, \(steps) steps timed)"
                    row.ratio = String(format: "%.0f×", peerStep / perStep)
                }
            case .failure(let note): notes.append("micrograd skipped: \(note)")
            }
        }
        return row
    }

    /// scikit-learn's make_moons layout with seeded Gaussian noise; labels ±1.
    static func twoMoons(count: Int, noise: Double, seed: UInt64) throws -> (Tensor<Double>, Tensor<Double>) {
        var generator = SeededGenerator(seed: seed)
        let outer = count / 2, inner = count - outer
        var points: [Double] = []
        for i in 0..<outer {
            let t = Double.pi * Double(i) / Double(outer - 1)
            points += [cos(t), sin(t)]
        }
        for i in 0..<inner {
            let t = Double.pi * Double(i) / Double(inner - 1)
            points += [1 - cos(t), 1 - sin(t) - 0.5]
        }
        for i in points.indices { points[i] += noise * generator.nextNormal() }
        let signs = (0..<count).map { $0 < outer ? -1.0 : 1.0 }
        return (try Tensor(shape: [count, 2], scalars: points), Tensor(signs))
    }

    // MARK: helpers

    /// Calls `body` in batches until `seconds` have passed (after one warm-up batch); returns calls/s.
    static func measure(seconds: Double, batch: Int, _ body: () throws -> Void) throws -> Double {
        for _ in 0..<batch { try body() }
        var calls = 0
        let start = ContinuousClock.now
        var elapsed = 0.0
        repeat {
            for _ in 0..<batch { try body() }
            calls += batch
            elapsed = Self.seconds(since: start)
        } while elapsed < seconds
        return Double(calls) / elapsed
    }

    /// Runs `body` in windows of `window` calls for `seconds` (after one warm-up window) and returns
    /// the best window's calls per second.
    static func bestWindowRate(seconds: Double, window: Int, _ body: () throws -> Void) throws -> Double {
        for _ in 0..<window { try body() }
        let start = ContinuousClock.now
        var best = 0.0
        repeat {
            let windowStart = ContinuousClock.now
            for _ in 0..<window { try body() }
            best = max(best, Double(window) / Self.seconds(since: windowStart))
        } while Self.seconds(since: start) < seconds
        return best
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Runs a peer script from Tests/Peers and parses the JSON object it prints last.
    static func python(script: String, _ arguments: [String], requires module: String) -> Result<[String: Any], PeerError> {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = repository.appendingPathComponent("Tests/Peers/\(script)").path
        guard FileManager.default.fileExists(atPath: path) else { return .failure(PeerError("\(path) not found")) }
        guard let check = try? shell(["python3", "-c", "import \(module)"]), check.status == 0 else {
            return .failure(PeerError("python3 module '\(module)' is not installed"))
        }
        guard let result = try? shell(["python3", path] + arguments), result.status == 0 else {
            return .failure(PeerError("\(script) failed"))
        }
        guard let line = result.output.split(separator: "\n").last,
              let json = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return .failure(PeerError("\(script) printed no JSON"))
        }
        return .success(json)
    }

    struct PeerError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func shell(_ command: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func option(_ name: String, in arguments: [String]) -> String? {
        guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }

    /// Every value given to a repeatable option (`--also A --also B`).
    static func values(_ name: String, in arguments: [String]) -> [String] {
        zip(arguments, arguments.dropFirst()).compactMap { $0 == name ? $1 : nil }
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : String(format: "%.3g", value)
    }

    static func printTable(_ rows: [Row]) {
        let header = Row(workload: "workload", nb: "nb", peer: "peer", ratio: "nb/peer", target: "target")
        let all = [header] + rows
        let widths = [\Row.workload, \Row.nb, \Row.peer, \Row.ratio, \Row.target].map { key in
            all.map { $0[keyPath: key].count }.max() ?? 0
        }
        func line(_ row: Row) -> String {
            zip([row.workload, row.nb, row.peer, row.ratio, row.target], widths)
                .map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: " | ")
        }
        print(line(header))
        print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-"))
        for row in rows { print(line(row)) }
    }
}
