import Foundation

/// Command-line settings of one fuzzing run (see `usage`).
struct FuzzOptions: Sendable {
    var target = ""
    var seed: UInt64 = 1
    var seconds: Double? = nil
    var runs: Int? = nil
    var corpus = "Tests/Fuzz/Corpus"
    var notebooks = "notebooks"
    var maximumLength = 64 << 10
    var output = ".build/fuzz"
    var maximumGrowthMB = 512
    var keepGoing = false
    /// Internal: run the loop in this process (the supervisor starts children with it).
    var child = false
    /// Internal: how many times the supervisor restarted the loop (a fresh random stream each).
    var restart = 0

    static let usage = """
    usage: nb-fuzz TARGET [options]        fuzz one target (tex, cell, frontmatter, bibtex, render, accept)
           nb-fuzz replay TARGET FILE...   run saved inputs once each; exit 1 if any finds something
           nb-fuzz selftest                check that the HTML checks catch what they are for
    options:
      --seed N          random seed (default 1); a run is reproducible from its seed and budget
      --seconds S       time budget (default 20 when --runs is not given)
      --runs N          execution budget instead of time
      --corpus DIR      committed seeds, DIR/TARGET/* (default Tests/Fuzz/Corpus)
      --notebooks DIR   notebooks to cut seeds from (default notebooks)
      --max-len N       longest input in bytes (default 65536)
      --out DIR         where findings and the current input go (default .build/fuzz)
      --max-rss-mb N    resident-memory growth during one input that counts as a finding (default 512)
      --keep-going      after a finding, restart and continue until the budget is spent
    exit status: 0 nothing found, 1 a finding (crash, hang, memory, broken invariant), 2 usage
    """

    static func parse(_ arguments: [String]) -> FuzzOptions? {
        var options = FuzzOptions()
        var rest = arguments[...]
        guard let target = rest.popFirst() else { return nil }
        options.target = target
        while let flag = rest.popFirst() {
            func value() -> String? { rest.popFirst() }
            switch flag {
            case "--seed": guard let v = value().flatMap({ UInt64($0) }) else { return nil }; options.seed = v
            case "--seconds": guard let v = value().flatMap({ Double($0) }), v > 0 else { return nil }; options.seconds = v
            case "--runs": guard let v = value().flatMap({ Int($0) }), v > 0 else { return nil }; options.runs = v
            case "--corpus": guard let v = value() else { return nil }; options.corpus = v
            case "--notebooks": guard let v = value() else { return nil }; options.notebooks = v
            case "--max-len": guard let v = value().flatMap({ Int($0) }), v > 0 else { return nil }; options.maximumLength = v
            case "--out": guard let v = value() else { return nil }; options.output = v
            case "--max-rss-mb": guard let v = value().flatMap({ Int($0) }), v > 0 else { return nil }; options.maximumGrowthMB = v
            case "--keep-going": options.keepGoing = true
            case "--child": options.child = true
            case "--restart": guard let v = value().flatMap({ Int($0) }) else { return nil }; options.restart = v
            default: return nil
            }
        }
        if options.seconds == nil && options.runs == nil { options.seconds = 20 }
        return options
    }

    /// The arguments that start a child continuing this run.
    func childArguments(restart: Int, seconds: Double?, runs: Int?) -> [String] {
        var arguments = [target, "--child", "--restart", String(restart), "--seed", String(seed),
                         "--corpus", corpus, "--notebooks", notebooks, "--max-len", String(maximumLength),
                         "--out", output, "--max-rss-mb", String(maximumGrowthMB)]
        if let seconds { arguments += ["--seconds", String(seconds)] }
        if let runs { arguments += ["--runs", String(runs)] }
        if keepGoing { arguments.append("--keep-going") }
        return arguments
    }
}
