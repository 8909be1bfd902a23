/// The global names of a session, each with a fixed slot in the globals array.
struct SymbolTable {
    private(set) var slots: [String: Int] = [:]
    private(set) var names: [String] = []

    /// The slot of `name`, allocating one on first use.
    mutating func slot(for name: String) -> Int {
        if let slot = slots[name] { return slot }
        slots[name] = names.count
        names.append(name)
        return names.count - 1
    }
}
