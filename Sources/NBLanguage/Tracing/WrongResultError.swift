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
           Self.tailIfLocations(of: function.body).contains(branch.ifLocation) {
            return LanguageError(.runtime, "\(shownName) returns \(got) from this branch, where differentiating it needs \(expected)",
                                 at: branch.branchLocation,
                                 hint: "differentiated at \(location); make every branch of the if return \(expected)"
                                     + (hint.map { "; \($0)" } ?? ""))
        }
        return LanguageError(.runtime, "\(shownName) must return \(expected) here, got \(got)", at: location, hint: hint)
    }

    /// The `if` expressions whose value is the value of `body`: the body itself, the last item of
    /// a block, and recursively the branches of such an `if`.
    static func tailIfLocations(of body: Expr) -> [TextLocation] {
        switch body.kind {
        case .block(let items): return items.last.map(tailIfLocations) ?? []
        case .frame(_, let inner): return tailIfLocations(of: inner)
        case .ifElse(_, let then, let otherwise):
            return [body.location] + tailIfLocations(of: then) + (otherwise.map(tailIfLocations) ?? [])
        default: return []
        }
    }
}
