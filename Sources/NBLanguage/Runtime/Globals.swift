/// A session's global bindings: a symbol table and one slot per name.
struct Globals {
    var symbols = SymbolTable()
    var values: [Value?] = []

    /// The value bound to `name`, if any (a hash lookup: for the session's API, not the hot path).
    subscript(name: String) -> Value? {
        guard let slot = symbols.slots[name], slot < values.count else { return nil }
        return values[slot]
    }

    /// The parts of the user function bound to `slot`, if any, without a reference count: valid
    /// while the slot is not written (see `Interpreter.setGlobal`).
    @inline(__always)
    func functionParts(at slot: Int) -> Unmanaged<FunctionValue.Parts>? {
        guard slot < values.count, case .function(let f)? = values[slot] else { return nil }
        return .passUnretained(f.parts)
    }

    /// Names that currently have a value.
    var boundNames: [String] {
        symbols.names.indices.filter { $0 < values.count && values[$0] != nil }.map { symbols.names[$0] }
    }

    /// Grows the value array to cover every slot of the symbol table.
    mutating func reserveSlots() {
        if values.count < symbols.names.count {
            values.append(contentsOf: repeatElement(nil, count: symbols.names.count - values.count))
        }
    }
}
