import NBDocument

/// The `if` expression that finished last and the branch it took. When a differentiated function
/// returns the wrong kind of value (a tensor where a number is needed) from a branch, the error
/// points at that branch rather than at the call that differentiates it.
struct TakenBranch {
    /// Where the `if` expression starts.
    let ifLocation: TextLocation
    /// Where the branch it took starts (its `{`).
    let branchLocation: TextLocation
}
