/// Ten series colours (a Tableau-10 variant), each with a light-scheme and a dark-scheme shade.
///
/// SVG elements (or the `<g>` around a series' dots) carry the class `nb-sK` and the light shade as a presentation attribute (so a plot
/// saved on its own still has colour); the stylesheet sets `--nb-c` per class and per scheme, which
/// overrides the attribute on a page.
enum PlotPalette {
    /// `(light, dark)` hex colours, index = class number.
    static let colours: [(light: String, dark: String)] = [
        ("#2f6db0", "#79aee8"),   // blue
        ("#e07b1a", "#ffab5c"),   // orange
        ("#c93c3e", "#ff8486"),   // red
        ("#2e9a94", "#7fd6cf"),   // teal
        ("#3f8a34", "#8ed27f"),   // green
        ("#b08a00", "#f2d45c"),   // yellow, darkened to stay visible on white
        ("#8f5a8a", "#d3a5cb"),   // purple
        ("#d9577a", "#ffa3bb"),   // pink
        ("#7f5f47", "#c9a48d"),   // brown
        ("#6b6b6b", "#b5b5b5"),   // grey
    ]

    /// Colour for points whose group is negative (unlabelled data in semi-supervised learning).
    static let unlabelled = (light: "#a8a8a8", dark: "#6e6e6e")

    /// Palette slot for series or group number `k` (non-negative; wraps after ten).
    static func slot(_ k: Int) -> Int { ((k % colours.count) + colours.count) % colours.count }

    /// CSS class of slot `k`.
    static func className(_ k: Int) -> String { "nb-s\(slot(k))" }
}
