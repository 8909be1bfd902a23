/// The sections of the builtins' reference, in the order the reference shows them.
public enum BuiltinSection: String, Sendable, CaseIterable {
    case mathematics
    case values
    case tensors
    case display
    case differentiation
    case data
    case networks
    case proximal
    case semiSupervised
    case representations

    /// The section's heading.
    public var title: String {
        switch self {
        case .mathematics: "Numbers and elementary functions"
        case .values: "Printing, dual numbers, comparison, files"
        case .tensors: "Tensors"
        case .display: "Plots, tables and images"
        case .differentiation: "Differentiation"
        case .data: "Data sets and rows"
        case .networks: "Networks"
        case .proximal: "Proximal gradient and the Lasso"
        case .semiSupervised: "Semi-supervised learning"
        case .representations: "Representations"
        }
    }

    /// The paragraph under the heading, before the section's builtins (Markdown; may be empty).
    public var introduction: String {
        switch self {
        case .mathematics:
            "The elementary functions take a number, a dual number or a tensor (elementwise) and can be differentiated."
        case .values: ""
        case .tensors:
            "Tensor constructors, shapes and reductions. Random tensors use xoshiro256** seeded by SplitMix64 (normals by Box–Muller): the same seed gives the same numbers on every machine."
        case .display: "Display objects: drawn on the page, summarised in the transcript."
        case .differentiation:
            "Every method runs the same function body; the forms of `at` are [above](#the-point-at)."
        case .data: ""
        case .networks:
            "A model is a record `{sizes, activation, parameters}` of plain tensors: it can be inspected, copied and trained again."
        case .proximal: ""
        case .semiSupervised:
            "The semi-supervised builtins take `X`, the labels `y` of every row and `labelled` — the indices of the rows whose labels may be used (or a 0/1 mask, one entry per row) — and label every row."
        case .representations: ""
        }
    }
}
