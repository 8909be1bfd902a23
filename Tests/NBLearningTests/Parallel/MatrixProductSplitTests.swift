import Glibc
import Testing
@testable import NBLearning

/// Products large enough to be split over the worker team must equal the definition for every
/// transpose combination and for shapes that split by rows and by columns.
@Suite struct MatrixProductSplitTests {
    static func naive(_ a: [Double], _ b: [Double], m: Int, n: Int, k: Int, ta: Bool, tb: Bool) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]) }
                c[i * n + j] = s
            }
        }
        return c
    }

    @Test(arguments: [(256, 80, 40), (20, 300, 70), (301, 9, 128), (1030, 40, 8)])
    func splitProductsMatchTheDefinition(shape: (Int, Int, Int)) throws {
        let (m, n, k) = shape
        #expect(MatrixProduct.parts(extent: max(m, n), work: m * n * k) > 1, "the shape must be large enough to be split")
        for ta in [false, true] {
            for tb in [false, true] {
                let a = try Tensor<Double>.randomUniform(ta ? [k, m] : [m, k], seed: 3)
                let b = try Tensor<Double>.randomUniform(tb ? [n, k] : [k, n], seed: 4)
                let c = try Tensor.matmul(a, b, transposeLHS: ta, transposeRHS: tb)
                let expected = Self.naive(a.scalars, b.scalars, m: m, n: n, k: k, ta: ta, tb: tb)
                #expect(c.shape == [m, n])
                let worst = zip(c.scalars, expected).map { abs($0 - $1) }.max() ?? 0
                #expect(worst < 1e-10, "m=\(m) n=\(n) k=\(k) ta=\(ta) tb=\(tb): \(worst)")
            }
        }
    }

    /// The partition depends on the shape only, so the thread count cannot change a single bit
    /// (other tests running meanwhile see the setting change, which by the same property cannot
    /// change their results either).
    @Test func theThreadCountDoesNotChangeTheResult() throws {
        let a = try Tensor<Float>.randomUniform([1024, 200], seed: 1)
        let b = try Tensor<Float>.randomUniform([200, 190], seed: 2)
        let before = ComputeThreads.count
        defer { ComputeThreads.set(before) }
        var results: [[Float]] = []
        for threads in [1, 2, 3, 8] {
            ComputeThreads.set(threads)
            results.append(try Tensor.matmul(a, b).scalars)
        }
        #expect(results.allSatisfy { $0 == results[0] })
    }

    /// Products up to `slabWork` keep their ≤ 4 blocks; a larger one is cut into more blocks, run
    /// four at a time (a budget check between groups), along the same axis. Either way the result
    /// matches the definition and does not depend on the thread count.
    @Test func productsAboveTheSlabWorkRunInMoreBlocks() throws {
        #expect(MatrixProduct.blocks(extent: 700, work: 700 * 650 * 640) == 4)
        #expect(MatrixProduct.blocks(extent: 1100, work: 1100 * 1000 * 1000) == 5)
        #expect(MatrixProduct.blocks(extent: 3, work: 3e12) == 3)
        for (m, n, k, ta, tb) in [(1100, 1000, 1000, false, false), (1000, 1100, 1000, true, true)] {
            let a = try Tensor<Double>.randomNormal(ta ? [k, m] : [m, k], seed: 5)
            let b = try Tensor<Double>.randomNormal(tb ? [n, k] : [k, n], seed: 6)
            let before = ComputeThreads.count
            defer { ComputeThreads.set(before) }
            ComputeThreads.set(1)
            let single = try Tensor.matmul(a, b, transposeLHS: ta, transposeRHS: tb)
            ComputeThreads.set(3)
            let product = try Tensor.matmul(a, b, transposeLHS: ta, transposeRHS: tb)
            #expect(product == single)
            for (i, j) in [(0, 0), (m / 2, n / 3), (m - 1, n - 1), (m / 5 + 1, n - 2)] {
                var dot = 0.0
                for p in 0..<k { dot += (ta ? a.scalars[p * m + i] : a.scalars[i * k + p]) * (tb ? b.scalars[j * k + p] : b.scalars[p * n + j]) }
                #expect(abs(product.scalars[i * n + j] - dot) < 1e-9, "m=\(m) n=\(n) (\(i), \(j))")
            }
        }
    }

    @Test func theTeamRunsEveryPartOnceAndSurvivesConcurrentCallers() async {
        let team = WorkerTeam(helpers: 2)
        for parts in [1, 2, 3, 7] {
            let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: parts)
            counts.initialize(repeating: 0)
            let box = UnsafeSendableBuffer(counts)
            for _ in 0..<200 { team.perform(parts: parts, threads: 3) { box.buffer[$0] += 1 } }
            #expect(Array(counts) == [Int](repeating: 200, count: parts))
            counts.deallocate()
        }
        // Parts are taken, not dealt: a helper beyond `threads` takes none, and a part that takes
        // long leaves the others to the threads that are free.
        let threadsOfParts = UnsafeMutableBufferPointer<pthread_t>.allocate(capacity: 64)
        let threadBox = UnsafeSendableThreads(threadsOfParts)
        for round in 0..<50 {
            threadsOfParts.initialize(repeating: pthread_t())
            team.perform(parts: 64, threads: 2) { part in
                if part == 0 && round % 10 == 0 { usleep(2000) }
                threadBox.buffer[part] = pthread_self()
            }
            #expect(Set(threadsOfParts.map { UInt(bitPattern: Int($0)) }).count <= 2)
            #expect(!threadsOfParts.contains(pthread_t()))
        }
        threadsOfParts.deallocate()
        // Two callers at once: one gets the team, the other runs its parts itself.
        await withTaskGroup(of: Int.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 3)
                    counts.initialize(repeating: 0)
                    let box = UnsafeSendableBuffer(counts)
                    for _ in 0..<500 { team.perform(parts: 3, threads: 3) { box.buffer[$0] += 1 } }
                    let total = counts.reduce(0, +)
                    counts.deallocate()
                    return total
                }
            }
            var totals: [Int] = []
            for await total in group { totals.append(total) }
            #expect(totals == [1500, 1500])
        }
    }
}

private struct UnsafeSendableThreads: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<pthread_t>
    init(_ buffer: UnsafeMutableBufferPointer<pthread_t>) { self.buffer = buffer }
}

private struct UnsafeSendableBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Int>
    init(_ buffer: UnsafeMutableBufferPointer<Int>) { self.buffer = buffer }
}

/// A whole training step — forward, backward with dX and dW on two threads, the update — gives
/// the same bits with one thread as with several.
@Suite struct ParallelTrainingStepTests {
    @Test func gradientsDoNotDependOnTheThreadCount() throws {
        var generator = SeededGenerator(seed: 5)
        let inputs = try Tensor<Float>.randomNormal([300, 64], generator: &generator)
        let labels = (0..<300).map { _ in generator.nextIndex(below: 10) }
        let model = try MLP<Float>(sizes: [64, 300, 300, 10], activation: .relu, seed: 2)
        let before = ComputeThreads.count
        defer { ComputeThreads.set(before) }
        var runs: [[[Float]]] = []
        for threads in [1, 2] {
            ComputeThreads.set(threads)
            let (_, gradients) = try lossAndGradients(model, inputs: inputs, targets: .classes(labels), loss: .softmaxCrossEntropy)
            runs.append(gradients.map(\.scalars))
        }
        #expect(runs[0] == runs[1])
        #expect(runs[0].count == 6)
    }
}
