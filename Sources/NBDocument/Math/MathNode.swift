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
    /// `<mpadded width="…">`: content that takes the given width (`\\rlap`, `\\llap`).
    indirect case padded(width: String, MathNode)
    /// `<mrow id="eq-…">`: an equation `\label` links point at.
    indirect case anchor(String, MathNode)
    /// `\eqref{…}`: a link to an equation's anchor; `marker` becomes its number once the page's
    /// labels are known (see ``MathPageContext/resolvingReferences(in:)``).
    case reference(anchor: String, marker: String)

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
