enum AutodiffBenchmark {
    static func run(_ arguments: [String]) throws {
        print("not implemented yet")
    }
}
