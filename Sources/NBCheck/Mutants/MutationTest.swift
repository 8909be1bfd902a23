import Foundation
import NBDocument
import NBExecution
import NBLanguage
import NBLearning

/// `nb test --mutants`: how much of a notebook its checks pin down.
///
/// The notebook runs once, cells and inline code in document order, keeping the environment
/// before and after every cell. Each mutant (a small edit to one cell, `MutantGenerator`) then
/// starts from the environment stored before its cell, runs the mutated cell and everything after
/// it, and stops at the first check that fails where the unmutated notebook passed (an output
/// block, an assert, an inline check): the mutant is killed. It survives when it gets through
/// every cell, or as soon as the environment after a cell is the same as the unmutated run's there
/// (the rest would run exactly as before). A mutant whose cell shows exactly what it showed and
/// leaves exactly the same environment is equivalent: nothing could detect it, and the kill rate
/// leaves it out. A cell may take at most five times as long as in the
/// unmutated run plus two seconds (a timeout kills the mutant).
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
        /// The mutated cell showed exactly what it showed before and left exactly the same
        /// environment: no check anywhere in the notebook could tell the two apart, so the mutant
        /// is not counted (`hessian(r, [1, 2])` → `[1, 3]` when r's Hessian does not depend on y).
        case equivalent
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
        public var equivalent: Int { fates.filter { $0 == .equivalent }.count }
        /// The mutants the kill rate is over: those that ran and are not equivalent.
        public var counted: Int { killed + survived }

        /// `file:line:col: changing X to Y was not detected`, one per survivor, in source order.
        public var survivors: [String] {
            zip(mutants, fates).filter { $0.1 == .survived }.map(\.0)
                .sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map {
                "\(file):\($0.line):\($0.column): \($0.change) was not detected"
            }
        }

        /// `file:line:col: changing X to Y changes nothing here`, one per equivalent mutant, in
        /// source order.
        public var equivalents: [String] {
            zip(mutants, fates).filter { $0.1 == .equivalent }.map(\.0)
                .sorted { ($0.line, $0.column) < ($1.line, $1.column) }.map {
                "\(file):\($0.line):\($0.column): \($0.change) changes nothing here (equivalent)"
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
        let sessionOptions = NotebookExecution(document: document, path: file).sessionOptions
        let tolerance = Tolerance(rtol: sessionOptions.rtol, atol: sessionOptions.atol)
        let units = ExecutionUnit.units(of: document)

        // The unmutated run, cells and inline code in document order: the environment before and
        // after each unit, the units that fail anyway, the time each took.
        let baseline = Session(options: sessionOptions)
        var before: [Session.Environment] = []
        var outcomes: [CellOutcome] = []
        var failing = Set<Int>()
        var seconds: [Double] = []
        for unit in units {
            before.append(baseline.environment)
            let began = Date()
            let outcome = Self.run(unit, mutated: nil, in: baseline, timeout: nil)
            seconds.append(Date().timeIntervalSince(began))
            outcomes.append(outcome)
            if Self.fails(unit, outcome, tolerance) { failing.insert(seconds.count - 1) }
        }
        let after = Array(before.dropFirst()) + [baseline.environment]
        var unitOfCell: [Int: Int] = [:]
        for (u, unit) in units.enumerated() { if case .cell(let cell) = unit { unitOfCell[cell.index] = u } }

        // Names the notebook binds to something else shadow builtins of the same name.
        let final = baseline.environment
        let shadowed = Set(zip(final.names, final.values).compactMap { name, value -> String? in
            guard let value else { return nil }
            if case .builtin(let builtin) = value, builtin.name == name { return nil }
            return name
        })
        let mutants = document.cells.flatMap {
            MutantGenerator(cell: $0, registry: .standard, shadowed: shadowed, documentSeed: sessionOptions.seed).mutants()
        }
        var generator = SeededGenerator(seed: options.seed)
        let order = generator.permutation(mutants.count)
        // The budget counts from here: the unmutated run is not a mutant's time.
        let start = Date()
        let budget = options.budget
        let frozenBefore = before, frozenAfter = after, unmutated = outcomes, limits = seconds, failures = failing
        let cellUnits = unitOfCell
        let fates = parallelMap(order, jobs: options.jobs) { m -> Fate in
            if let budget, Date().timeIntervalSince(start) > budget { return .notRun }
            let mutant = mutants[m]
            guard let first = cellUnits[mutant.cell] else { return .notRun }
            let session = Session(options: sessionOptions)
            guard session.restore(frozenBefore[first]) else { return .killed }
            for u in first..<units.count {
                let unit = units[u]
                let timeout = min(unit.timeout ?? sessionOptions.timeout, 5 * limits[u] + 2)
                let outcome = Self.run(unit, mutated: u == first ? mutant.source : nil, in: session, timeout: timeout)
                if !failures.contains(u), Self.fails(unit, outcome, tolerance) { return .killed }
                // Back where the unmutated run was: everything after runs the same and passes.
                if case .cell = unit, EnvironmentComparison.same(session.environment, frozenAfter[u]) {
                    return u == first && outcome == unmutated[u] ? .equivalent : .survived
                }
            }
            return .survived
        }
        var inOrder = Array(repeating: Fate.notRun, count: mutants.count)
        for (k, m) in order.enumerated() { inOrder[m] = fates[k] }
        return Report(file: file, mutants: mutants, fates: inOrder, inputError: nil)
    }

    /// Runs a cell (with `mutated` as its source when given) or inline code.
    static func run(_ unit: ExecutionUnit, mutated: String?, in session: Session, timeout: Double?) -> CellOutcome {
        switch unit {
        case .cell(let cell):
            let origin = cell.sourceLocation
            return session.run(cell: mutated ?? cell.source, origin: origin, timeout: timeout ?? cell.options.timeout)
        case .inline(let code):
            return session.run(inline: code.source, timeout: timeout)
        }
    }

    /// The unit fails `nb test`: a cell with an unexpected error, a failed check or a differing
    /// output block; inline code with an error or a check that does not hold.
    static func fails(_ unit: ExecutionUnit, _ outcome: CellOutcome, _ tolerance: Tolerance) -> Bool {
        switch unit {
        case .cell(let cell):
            CellVerdict(cell: cell, outcome: outcome, tolerance: tolerance).problem(ignoringOutput: false) != nil
        case .inline(let code):
            InlineProblem(code, outcome) != nil
        }
    }
}

extension ExecutionUnit {
    /// The cell's own timeout (inline code has none).
    var timeout: Double? {
        if case .cell(let cell) = self { return cell.options.timeout }
        return nil
    }
}
