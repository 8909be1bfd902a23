import NBAutodiff

/// The dual number `a + bε` a cell's `dual(a, b)` creates: the engine's forward-mode type.
public typealias DualNumber = Dual<Double>
