import NBDocument

extension Interpreter {
    /// The error for `callee`, differentiated by the call at `location`, having returned `result`
    /// where `expected` ("a number", "a list of numbers") is needed. When the value came from a
    /// branch of an `if` in tail position of the function's body, the error points at that branch
    /// (and names the call); otherwise at the call.
    func wrongResult(of callee: Value, named shownName: String, result: Value, expected: String,
                     at location: TextLocation, hint: String? = nil) -> LanguageError {
        let got = Value.describeKind(result)
        if let branch = lastTakenBranch, case .function(let function) = callee,
           Self.tailBranchLocations(of: function.body).contains(branch) {
            return LanguageError(.runtime, "\(shownName) returns \(got) from this branch, where differentiating it needs \(expected)",
                                 at: branch,
                                 hint: "differentiated at \(location); make every branch of the if return \(expected)"
                                     + (hint.map { "; \($0)" } ?? ""))
        }
        return LanguageError(.runtime, "\(shownName) must return \(expected) here, got \(got)", at: location, hint: hint)
    }

    /// The branches whose value is the value of `body`: those of an `if` that is the body, the last
    /// item of a block, or recursively such a branch.
    static func tailBranchLocations(of body: Expr) -> [TextLocation] {
        switch body.kind {
        case .block(let items): return items.last.map(tailBranchLocations) ?? []
        case .frame(_, let inner): return tailBranchLocations(of: inner)
        case .ifElse(_, let then, let otherwise):
            return [then.location] + tailBranchLocations(of: then)
                + (otherwise.map { [$0.location] + tailBranchLocations(of: $0) } ?? [])
        default: return []
        }
    }
}
