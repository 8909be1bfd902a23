extension DisplayHTML {
    /// CSS for everything this module emits (text, formulas, tables, plots, images, errors), for
    /// light and dark schemes (`prefers-color-scheme`). Text and axes follow the page's `color`;
    /// only accents (series, verdicts, errors) are set here.
    public static var stylesheet: String {
        baseRules + gridRules + seriesRules(dark: false) + "@media (prefers-color-scheme: dark) {\n" + darkRules
            + seriesRules(dark: true) + "}\n"
    }

    private static let baseRules = """
    .nb-text { margin: .4em 0; padding: .5em .75em; overflow-x: auto; white-space: pre; \
    font-family: var(--nb-mono, monospace); font-size: .9em; \
    line-height: 1.4; background: rgba(127, 127, 127, .08); border-radius: 4px; }
    .nb-formula { margin: .5em 0; padding: .2em .75em; overflow-x: auto; overflow-y: hidden; }
    .nb-formula math { font-size: 1.1em; }
    .nb-table-wrap { margin: .6em 0; overflow-x: auto; max-width: 100%; }
    .nb-table, .nb-gradtable { display: table; margin: 0; border-collapse: collapse; font-size: .9em; line-height: 1.35; }
    .nb-table caption, .nb-gradtable caption { caption-side: top; text-align: left; font-weight: 600; \
    padding: 0 .65em .35em; margin: 0; }
    .nb-table th, .nb-table td, .nb-gradtable th, .nb-gradtable td { padding: .3em .5em; text-align: left; \
    border: 0; border-bottom: 1px solid rgba(127, 127, 127, .28); vertical-align: baseline; }
    .nb-table thead th, .nb-gradtable thead th { border-bottom: 2px solid rgba(127, 127, 127, .55); font-weight: 600; }
    .nb-table .nb-num, .nb-gradtable .nb-num { text-align: right; font-variant-numeric: tabular-nums lining-nums; \
    white-space: nowrap; }
    .nb-gradtable { font-size: .85em; }
    .nb-gradtable td { font-variant-numeric: tabular-nums; }
    .nb-table .nb-verdict, .nb-gradtable .nb-verdict { text-align: center; font-weight: 700; }
    .nb-pass { color: #1a7f37; }
    .nb-fail { color: #c4232b; }
    tr.nb-row-fail { background: rgba(207, 34, 46, .1); }
    tr.nb-row-fail td:first-child { box-shadow: inset 3px 0 0 #c4232b; }
    .nb-figure { margin: .8em 0; }
    .nb-plot { display: block; width: 100%; height: auto; overflow: visible; font-family: var(--nb-font, sans-serif); }
    .nb-plot-narrow { display: none; }
    @media (max-width: 40rem) { .nb-plot-wide { display: none; } .nb-plot-narrow { display: block; } }
    .nb-plot .nb-line { stroke: var(--nb-c); }
    .nb-plot .nb-dot, .nb-plot .nb-dots { fill: var(--nb-c); }
    .nb-plot .nb-unlabelled { --nb-c: #a8a8a8; }
    .nb-plot .nb-halo { paint-order: stroke; stroke: Canvas; stroke-width: 4px; stroke-linejoin: round; }
    .nb-imagegrid { margin: .8em 0; }
    .nb-imagegrid > figcaption { font-weight: 600; margin-bottom: .4em; }
    .nb-images { display: grid; grid-template-columns: repeat(auto-fill, minmax(4.5rem, 1fr)); gap: .6rem; \
    max-width: 40rem; }
    .nb-output > .nb-imagegrid, .nb-output > .nb-figure, .nb-output > .nb-table-wrap { margin: 0; padding: .5em; }
    @media (max-width: 40rem) { .nb-output > .nb-figure { padding: .4em .2em; } }
    .nb-image { margin: 0; text-align: center; }
    .nb-image svg { display: block; width: 100%; height: auto; image-rendering: pixelated; \
    outline: 1px solid rgba(127, 127, 127, .35); }
    .nb-image figcaption { font-size: .8em; margin-top: .2em; font-variant-numeric: tabular-nums; \
    overflow-wrap: anywhere; }
    .nb-error { margin: .6em 0; padding: .55em .85em; border-left: 4px solid #c4232b; \
    background: rgba(207, 34, 46, .08); border-radius: 0 4px 4px 0; }
    .nb-error p { margin: 0; }
    .nb-error-message { font-family: var(--nb-mono, monospace); \
    font-size: .9em; white-space: pre-wrap; overflow-wrap: anywhere; }
    .nb-error-label { color: #c4232b; font-weight: 700; }
    .nb-error-location, .nb-error-hint { margin-top: .25em; font-size: .88em; opacity: .85; }
    .nb-check { font-size: .8em; vertical-align: .1em; }
    .nb-inline-error { padding: 0 .3em; border-bottom: 2px solid #c4232b; background: rgba(207, 34, 46, .08); }

    """

    private static let darkRules = """
    .nb-pass { color: #4ac26b; }
    .nb-fail { color: #ff7b72; }
    tr.nb-row-fail { background: rgba(248, 81, 73, .16); }
    tr.nb-row-fail td:first-child { box-shadow: inset 3px 0 0 #ff7b72; }
    .nb-error { border-left-color: #ff7b72; background: rgba(248, 81, 73, .12); }
    .nb-error-label { color: #ff7b72; }
    .nb-inline-error { border-bottom-color: #ff7b72; background: rgba(248, 81, 73, .12); }
    .nb-plot .nb-unlabelled { --nb-c: #6e6e6e; }

    """

    /// Even rows of images (`ImageGridHTML.columns`): N columns of at most 6rem on a wide screen,
    /// the phone's own count below 40rem.
    private static var gridRules: String {
        var css = ""
        for n in 1...10 {
            css += ".nb-images.nb-cols-\(n) { grid-template-columns: repeat(\(n), minmax(0, 1fr)); max-width: \(n * 6)rem; }\n"
        }
        css += "@media (max-width: 40rem) {\n"
        for n in 1...5 {
            css += ".nb-images.nb-pcols-\(n) { grid-template-columns: repeat(\(n), minmax(0, 1fr)); max-width: \(n * 6)rem; }\n"
        }
        return css + "}\n"
    }

    /// `.nb-plot .nb-sK { --nb-c: … }` for the ten palette slots.
    private static func seriesRules(dark: Bool) -> String {
        PlotPalette.colours.enumerated().map { k, colour in
            ".nb-plot .nb-s\(k) { --nb-c: \(dark ? colour.dark : colour.light); }\n"
        }.joined()
    }
}
