/// Attributes of `<mstyle>`.
struct MathStyle: Sendable, Equatable {
    var displayStyle: Bool? = nil
    var scriptLevel: Int? = nil
    var color: String? = nil
    /// `mathsize` (`\\small`, `\\Large` …), relative to the surrounding text.
    var size: String? = nil
}
