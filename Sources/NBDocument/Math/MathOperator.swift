/// An `<mo>` element and its attributes.
struct MathOperator: Sendable, Equatable {
    enum Form: String, Sendable { case prefix, infix, postfix }

    var text: String
    var form: Form? = nil
    var fence: Bool = false
    var stretchy: Bool? = nil
    /// Fixed size (`minsize` = `maxsize`) for `\big` and friends.
    var size: MathLength? = nil
    var lspace: MathLength? = nil
    var rspace: MathLength? = nil
    var movableLimits: Bool? = nil
    /// Large operators (∑ ∏ …) take limits above/below in display style; integrals do not.
    var prefersLimits: Bool = false

    init(_ text: String, form: Form? = nil, fence: Bool = false, stretchy: Bool? = nil,
         lspace: MathLength? = nil, rspace: MathLength? = nil, prefersLimits: Bool = false) {
        self.text = text
        self.form = form
        self.fence = fence
        self.stretchy = stretchy
        self.lspace = lspace
        self.rspace = rspace
        self.prefersLimits = prefersLimits
    }
}
