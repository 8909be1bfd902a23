import Foundation
import NBDocument
import NBExecution
import NBLanguage
import NBLearning

/// `nb test --mutants`: how much of a notebook its checks pin down.
///
/// The notebook runs once, keeping the environment before every cell. Each mutant (a small edit
/// to one cell, `MutantGenerator`) then starts from the environment stored before its cell, runs
/// the mutated cell and the cells after it, and stops at the first check that fails where the
/// unmutated notebook passed: the mutant is killed. A mutant that gets through every cell
/// survives and is reported. A mutated cell may take at most five times as long as the original
/// plus two seconds (a timeout kills it).
public struct MutationTest: Sendable {
    public struct Options: Sendable {
        /// Orders the mutants (which ones run first when the time budget is short).
        public var seed: UInt64
        /// Mutants run at once.
        public var jobs: Int
        /// Wall-clock seconds after which no further mutant starts; nil for no limit.
        public var budget: Double?
        public init(seed: UInt64 = 0, jobs: Int = 1, budget: Double? = nil) {
            self.seed = seed; self.jobs = jobs; self.budget = budget
        }
    }

    /// What became of one mutant.
    public enum Fate: Sendable, Equatable {
        case killed
        case survived
        /// The time budget ran out before it started.
        case notRun
    }

    public struct Report: Sendable {
        public var file: String
        public var mutants: [Mutant]
        /// One fate per mutant, in the same order.
        public var fates: [Fate]
        /// The notebook could not be read or parsed.
        public var inputError: String?

        public var killed: Int { fates.filter { $0 == .killed }.count }
        public var survived: Int { fates.filter { $0 == .survived }.count }
        public var notRun: Int { fates.filter { $0 == .notRun }.count }

        /// `file:line:col: changing X to Y was not detected`, one per survivor, in source order.
        public var survivors: [String] {
            zip(mutants, fates).filter { $0.1 == .survived }.map(\.0)
                .sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map {
                "\(file):\($0.line):\($0.column): \($0.change) was not detected"
            }
        }
    }

    public var file: String
    public var options: Options

    public init(file: String, options: Options = Options()) {
        self.file = file
        self.options = options
    }

    public func run() -> Report {
        let document: Document
        do {
            document = try NotebookSource.load(file).document
        } catch {
            return Report(file: file, mutants: [], fates: [], inputError: error.message)
        }
        let start = Date()
        let sessionOptions = NotebookExecution(document: document, path: file).sessionOptions
        let tolerance = Tolerance(rtol: sessionOptions.rtol, atol: sessionOptions.atol)
        let cells = document.cells

        // The unmutated run: the environment before each cell, what fails anyway, cell times.
        let baseline = Session(options: sessionOptions)
        var environments: [Session.Environment] = []
        var failing = Set<Int>()
        var seconds: [Double] = []
        for cell in cells {
            environments.append(baseline.environment)
            let began = Date()
            let outcome = Self.run(cell, source: cell.source, in: baseline, timeout: nil)
            seconds.append(Date().timeIntervalSince(began))
            if Self.fails(cell, outcome, tolerance) { failing.insert(cell.index) }
        }

        let mutants = cells.flatMap { MutantGenerator(cell: $0).mutants() }
        var generator = SeededGenerator(seed: options.seed)
        let order = generator.permutation(mutants.count)
        let budget = options.budget
        let frozen = environments, limits = seconds, failures = failing
        let fates = parallelMap(order, jobs: options.jobs) { m -> Fate in
            if let budget, Date().timeIntervalSince(start) > budget { return .notRun }
            let mutant = mutants[m]
            let session = Session(options: sessionOptions)
            guard session.restore(frozen[mutant.cell]) else { return .killed }
            for cell in cells[mutant.cell...] {
                let mutated = cell.index == mutant.cell
                let timeout = min(cell.options.timeout ?? sessionOptions.timeout, 5 * limits[cell.index] + 2)
                let outcome = Self.run(cell, source: mutated ? mutant.source : cell.source, in: session, timeout: timeout)
                if !failures.contains(cell.index), Self.fails(cell, outcome, tolerance) { return .killed }
            }
            return .survived
        }
        var inOrder = Array(repeating: Fate.notRun, count: mutants.count)
        for (k, m) in order.enumerated() { inOrder[m] = fates[k] }
        return Report(file: file, mutants: mutants, fates: inOrder, inputError: nil)
    }

    static func run(_ cell: Cell, source: String, in session: Session, timeout: Double?) -> CellOutcome {
        let origin = cell.sourceLocation
        return session.run(cell: source, origin: origin, timeout: timeout ?? cell.options.timeout)
    }

    /// The cell fails `nb test`: an unexpected error, a failed check or a differing output block.
    static func fails(_ cell: Cell, _ outcome: CellOutcome, _ tolerance: Tolerance) -> Bool {
        CellVerdict(cell: cell, outcome: outcome, tolerance: tolerance).problem(ignoringOutput: false) != nil
    }
}
