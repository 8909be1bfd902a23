import Foundation
import Testing
@testable import NBLanguage

@Suite struct LargeStackThreadsTests {
    /// Recursion far deeper than a default 512 KB–8 MB thread stack allows.
    @inline(never) static func depth(_ n: Int) -> Int {
        var padding = (n, n &+ 1, n &+ 2, n &+ 3)
        return withUnsafeMutablePointer(to: &padding) { $0.pointee.0 } == 0 ? 0 : 1 &+ depth(n &- 1)
    }

    @Test func deepRecursionRunsAndThreadsAreReused() {
        let pool = LargeStackThreads(stackSize: 64 << 20)
        #expect(pool.run { Self.depth(200_000) } == 200_000)
        let first = pool.run { pthread_self() }
        let second = pool.run { pthread_self() }
        #expect(first == second, "an idle thread is reused, not a new one started per call")
    }

    @Test func aCallFromAPoolThreadRunsInPlace() {
        let pool = LargeStackThreads(stackSize: 16 << 20)
        let (outer, inner) = pool.run { (pthread_self(), pool.run { pthread_self() }) }
        #expect(outer == inner)
    }

    @Test func concurrentCallersEachGetAThread() async {
        let pool = LargeStackThreads(stackSize: 16 << 20)
        let sums = await withTaskGroup(of: Int.self) { group in
            for k in 1...4 { group.addTask { pool.run { (1...1000).reduce(0, +) * k } } }
            var all: [Int] = []
            for await s in group { all.append(s) }
            return all.sorted()
        }
        #expect(sums == [500_500, 1_001_000, 1_501_500, 2_002_000])
    }
}
