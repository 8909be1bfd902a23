/// Proximal operators used by the proximal-gradient solvers.
public enum Proximal {
    /// Soft-thresholding, the proximal operator of t‖·‖₁ in one coordinate:
    /// argmin_u ½(u − v)² + t|u| = sign(v) · max(|v| − t, 0).
    ///
    /// Values with |v| ≤ t map to exactly zero, which is how the Lasso produces sparse solutions.
    @inlinable
    public static func softThreshold(_ value: Double, threshold: Double) -> Double {
        if value > threshold { return value - threshold }
        if value < -threshold { return value + threshold }
        return value.isNaN ? value : 0
    }

    /// Soft-thresholding applied to every coordinate: the proximal operator of t‖·‖₁.
    public static func softThreshold(_ values: [Double], threshold: Double) -> [Double] {
        values.map { softThreshold($0, threshold: threshold) }
    }
}
