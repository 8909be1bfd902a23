/// Ten series colours (a Tableau-10 variant), each with a light-scheme and a dark-scheme shade.
///
/// SVG elements (or the `<g>` around a series' dots) carry the class `nb-sK` and the light shade as a presentation attribute (so a plot
/// saved on its own still has colour); the stylesheet sets `--nb-c` per class and per scheme, which
/// overrides the attribute on a page.
enum PlotPalette {
    /// `(light, dark)` hex colours, index = class number.
    /// Chosen so that in each scheme every pair is at least 25 apart in CIELAB (ΔE*ab) and every
    /// shade stands out from the page at 3:1 or more (`DisplayTypographyTests`): the dark shades
    /// are saturated rather than pastel, so red, pink and purple stay apart on a dark page.
    static let colours: [(light: String, dark: String)] = [
        ("#2f6db0", "#5ea3ff"),   // blue
        ("#d4700f", "#ff9d3d"),   // orange
        ("#c93c3e", "#ff6b6b"),   // red
        ("#2e9a94", "#3fd0c4"),   // teal
        ("#3f8a34", "#7fd45a"),   // green
        ("#b08a00", "#f2d94e"),   // yellow, darkened to stay visible on white
        ("#7b4fa8", "#b98cff"),   // purple
        ("#d9577a", "#ff8fd0"),   // pink
        ("#8a5424", "#c8976a"),   // brown
        ("#6b6b6b", "#a3a3a3"),   // grey
    ]

    /// Colour for points whose group is negative (unlabelled data in semi-supervised learning).
    static let unlabelled = (light: "#a8a8a8", dark: "#6e6e6e")

    /// Palette slot for series or group number `k` (non-negative; wraps after ten).
    static func slot(_ k: Int) -> Int { ((k % colours.count) + colours.count) % colours.count }

    /// CSS class of slot `k`.
    static func className(_ k: Int) -> String { "nb-s\(slot(k))" }
}
