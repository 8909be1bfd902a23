import NBAutodiff

/// SPEC §5 number text: integers without a decimal point, otherwise up to 10 significant digits
/// (`12`, `0.3333333333`, `1e-8`, `nan`, `inf`). The engine's formatter, so every layer prints
/// numbers identically.
public enum NumberFormat {
    public static func format(_ x: Double) -> String { NumberFormatting.text(x) }
}
