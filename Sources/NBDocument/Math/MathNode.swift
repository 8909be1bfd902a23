/// The presentation tree a TeX formula is parsed into; each case is one MathML Core element
/// (see `MathMLWriter.swift`). Only the cases that nest are `indirect`, so leaves are not boxed.
enum MathNode: Sendable, Equatable {
    /// `<mi>`; `upright` asks for `mathvariant="normal"` on a single character.
    case identifier(String, upright: Bool)
    /// `<mn>`
    case number(String)
    /// `<mo>`
    case op(MathOperator)
    /// `<mtext>`
    case text(String)
    /// `<mspace width="…"/>`
    case space(width: String)
    /// `<mrow>`
    case row([MathNode])
    /// A function name such as `sin` or `\operatorname{argmax}`: `<mi>` with function-application spacing.
    case operatorName(String, limits: Bool)
    /// `<mfrac>`; `lineThickness` "0" for `\binom`, `displayStyle` set by `\dfrac`/`\tfrac`.
    indirect case fraction(MathNode, MathNode, lineThickness: String?, displayStyle: Bool?)
    /// `<msqrt>`
    indirect case squareRoot(MathNode)
    /// `<mroot>`
    indirect case root(MathNode, index: MathNode)
    /// `<msub>`, `<msup>`, `<msubsup>`
    indirect case scripts(MathNode, sub: MathNode?, sup: MathNode?)
    /// `<munder>`, `<mover>`, `<munderover>`; `accent` marks `over` as an accent, `accentUnder` the `under`.
    indirect case underOver(MathNode, under: MathNode?, over: MathNode?, accent: Bool, accentUnder: Bool)
    /// `<mtable>`
    case table(MathTable)
    /// `<mstyle>`
    indirect case style(MathStyle, MathNode)
    /// `<mrow style="…">`: drawing MathML Core has no element for (`\overline`, `\boxed`).
    indirect case styled(String, MathNode)
    /// `<mphantom>`
    indirect case phantom(MathNode)
    /// `<merror>`: visible error text (the offending source).
    case error(String)

    /// The children of a row, or the node itself.
    var rowChildren: [MathNode] {
        if case .row(let children) = self { return children }
        return [self]
    }

    /// A node for a list: the single element itself, or a row.
    static func wrap(_ nodes: [MathNode]) -> MathNode {
        nodes.count == 1 ? nodes[0] : .row(nodes)
    }
}

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

/// The few lengths operators use (a byte each, keeping nodes small): TeX's spaces and `\big` sizes.
enum MathLength: UInt8, Sendable {
    case zero, thin, medium, thick, big, Big, bigg, Bigg

    var css: String {
        switch self {
        case .zero: "0"
        case .thin: "0.1667em"
        case .medium: "0.2222em"
        case .thick: "0.2778em"
        case .big: "1.2em"
        case .Big: "1.623em"
        case .bigg: "2.047em"
        case .Bigg: "2.470em"
        }
    }
}

/// Attributes of `<mstyle>`.
struct MathStyle: Sendable, Equatable {
    var displayStyle: Bool? = nil
    var scriptLevel: Int? = nil
    var color: String? = nil
}

/// An `<mtable>`: rows of cells, column alignment cycling through `columnAlignments`.
struct MathTable: Sendable, Equatable {
    enum Alignment: String, Sendable { case left, center, right }

    var rows: [[MathNode]]
    var columnAlignments: [Alignment]
    /// Cells in display style (aligned, gathered, dcases) rather than text style (matrices).
    var displayStyle: Bool
    /// Pairs of right/left columns sit flush against each other (aligned, split, cases).
    var flushPairs: Bool

    func alignment(ofColumn column: Int) -> Alignment {
        columnAlignments.isEmpty ? .center : columnAlignments[column % columnAlignments.count]
    }
}
