/// Attributes of `<mstyle>`.
struct MathStyle: Sendable, Equatable {
    var displayStyle: Bool? = nil
    var scriptLevel: Int? = nil
    var color: String? = nil
}
