import CCmark

extension CmarkNode {
    /// The plain text of the node's inline content: text and code literals, line breaks as
    /// `lineBreak`, markup dropped.
    func plainText(lineBreak: String = " ") -> String {
        var text = ""
        walk { node, entering in
            guard entering else { return }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += lineBreak
            default: break
            }
        }
        return text
    }
}
