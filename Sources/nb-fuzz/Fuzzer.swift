import Foundation
import NBDocument

/// The mutation loop of one process: seeds first (on the first start), then mutants of seeds
/// and of the previous mutant, each run under the watchdog. A crash ends the process with the
/// input left in `current-TARGET.bin`; a hang or memory finding is saved and ends it with status
/// 3 or 4; a broken invariant is saved and ends it with status 5 (or, with `--keep-going`, the
/// loop goes on).
struct Fuzzer {
    static let hangStatus: Int32 = 3, memoryStatus: Int32 = 4, violationStatus: Int32 = 5

    let options: FuzzOptions
    let target: any FuzzTarget
    let store: FindingStore

    /// Seeds: the committed corpus of the target, then those cut from the notebooks.
    static func seeds(for target: any FuzzTarget, options: FuzzOptions) -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        let folder = URL(fileURLWithPath: options.corpus).appendingPathComponent(target.name)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
        for file in files {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) { seeds.append(Array(data)) }
        }
        seeds += target.seeds(from: notebookSeeds(in: options.notebooks))
        return seeds.isEmpty ? [[]] : seeds
    }

    static func notebookSeeds(in folder: String) -> [NotebookSeed] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)),
                  let document = try? DocumentParser.parse(bytes: Array(data)) else { return nil }
            return NotebookSeed(name: name, bytes: Array(data), document: document)
        }
    }

    /// Runs until the budget is spent; returns the process exit status.
    func run() -> Int32 {
        let seeds = Self.seeds(for: target, options: options)
        let dictionary = (sharedTokens + target.tokens).map { Array($0.utf8) }
        var mutator = Mutator(random: FuzzRandom(seed: options.seed &+ UInt64(options.restart) &* 1_000_003),
                              dictionary: dictionary, maximumLength: options.maximumLength)
        let watchdog = Watchdog(maximumGrowthMB: options.maximumGrowthMB)
        let deadline = options.seconds.map { Date().addingTimeInterval($0) }
        var executions = 0, findings = 0
        var lastWrite = Date()
        var previous: [UInt8]? = nil
        var kinds: Set<String> = []
        // Each seed once, unmutated, on the first start only.
        var pending = options.restart == 0 ? seeds : []
        while true {
            if let runs = options.runs, executions >= runs { break }
            if let deadline, Date() >= deadline { break }
            let input: [UInt8]
            if !pending.isEmpty {
                input = pending.removeFirst()
            } else {
                let base: [UInt8]
                if let previous, mutator.random.oneIn(3) { base = previous } else { base = seeds[mutator.random.below(seeds.count)] }
                input = mutator.mutate(base, other: seeds[mutator.random.below(seeds.count)])
                previous = input
            }
            try? Data(input).write(to: store.currentInput)
            let target = self.target
            let outcome = watchdog.run(limitSeconds: target.hangSeconds) {
                do throws(Violation) { try target.run(input); return nil } catch { return error }
            }
            executions += 1
            switch outcome {
            case .finished(nil):
                break
            case .finished(let violation?):
                // With --keep-going, one finding per kind of broken invariant (`Violation.kind`),
                // so one common bug does not bury the others.
                guard kinds.insert(violation.kind).inserted else { break }
                findings += 1
                let path = store.save(input, kind: "violation", message: violation.message)
                FileHandle.standardError.write(Data("nb-fuzz \(target.name): invariant broken: \(violation.message)\n  input: \(path)\n".utf8))
                if !options.keepGoing {
                    store.writeStatistics(executions: executions, findings: findings)
                    return Self.violationStatus
                }
            case .hang(let seconds):
                let path = store.save(input, kind: "hang", message: "still running after \(Int(seconds)) s")
                FileHandle.standardError.write(Data("nb-fuzz \(target.name): hang (over \(Int(seconds)) s)\n  input: \(path)\n".utf8))
                store.writeStatistics(executions: executions, findings: findings + 1)
                return Self.hangStatus
            case .memory(let megabytes):
                let path = store.save(input, kind: "memory", message: "resident memory grew by \(megabytes) MB")
                FileHandle.standardError.write(Data("nb-fuzz \(target.name): memory grew by \(megabytes) MB\n  input: \(path)\n".utf8))
                store.writeStatistics(executions: executions, findings: findings + 1)
                return Self.memoryStatus
            }
            if Date().timeIntervalSince(lastWrite) > 1 {
                store.writeStatistics(executions: executions, findings: findings)
                lastWrite = Date()
            }
        }
        store.writeStatistics(executions: executions, findings: findings)
        return 0
    }
}
