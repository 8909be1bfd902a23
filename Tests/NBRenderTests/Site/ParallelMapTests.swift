import Testing
import NBExecution

@Suite struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 8])
    func keepsInputOrderAndAccountsForEveryItem(jobs: Int) {
        let items = Array(0..<97)
        let (results, workers) = measuredParallelMap(items, jobs: jobs) { i -> String in
            var x = UInt64(i)
            for _ in 0..<(i % 7) * 1000 { x = x &* 6364136223846793005 &+ 1 }   // uneven work
            return "\(i):\(x % 10)"
        }
        #expect(results.map { Int($0.split(separator: ":")[0])! } == items)
        #expect(results == parallelMap(items, jobs: 1) { i in
            var x = UInt64(i)
            for _ in 0..<(i % 7) * 1000 { x = x &* 6364136223846793005 &+ 1 }
            return "\(i):\(x % 10)"
        })
        #expect(workers.count == min(jobs, items.count))
        #expect(workers.map(\.items).reduce(0, +) == items.count)
        #expect(workers.allSatisfy { $0.cpuSeconds >= 0 })
    }

    @Test func emptyInput() {
        #expect(parallelMap([Int](), jobs: 4) { $0 }.isEmpty)
    }
}
