/// The one stylesheet of every page nb writes: `nb render` embeds it, `nb build` writes it as
/// `style.css`. It is made of pieces, each with one job and none overriding another's rules:
/// the page (typography for English and Chinese, prose, cells, bibliography), highlighted code,
/// the contents, what cells display (tables, plots, errors: `DisplayHTML.stylesheet`) and the
/// site's chrome (`SiteStylesheet`). A new concern is a new piece in `pieces`.
public enum PageStyle {
    /// The full stylesheet, the same for every page (so a site can share one file).
    public static let css: String = pieces.map { "/* nb: \($0.name) */\n" + $0.css }.joined()

    /// The pieces in cascade order.
    static let pieces: [(name: String, css: String)] = [
        ("page", pageRules), ("code", CodeStyle.css), ("contents", PageContentsStyle.css),
        ("display", DisplayHTML.stylesheet), ("site", SiteStylesheet.css),
    ]

    static let pageRules = """
    :root { color-scheme: light dark; --nb-fg: #1f2328; --nb-muted: #59636e; --nb-bg: #ffffff; \
    --nb-link: #0b5cad; --nb-rule: #d8dee4; --nb-code-bg: #f5f6f8; --nb-cell-bar: #4f7cc4; \
    --nb-output-bg: #fbfbfc; \
    --nb-font: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", \
    "Liberation Sans", "DejaVu Sans", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", \
    "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; \
    --nb-mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", \
    "Noto Sans Mono CJK SC", monospace; }
    @media (prefers-color-scheme: dark) {
    :root { --nb-fg: #e6e8eb; --nb-muted: #9aa4af; --nb-bg: #16181c; --nb-link: #7cb7ff; \
    --nb-rule: #343a42; --nb-code-bg: #1f2329; --nb-cell-bar: #6f9be0; --nb-output-bg: #1a1d22; }
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: var(--nb-bg); color: var(--nb-fg); \
    font-family: var(--nb-font); font-size: 17px; line-height: 1.75; \
    overflow-wrap: break-word; text-rendering: optimizeLegibility; }
    .nb-page { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
    .nb-header { margin-bottom: 2rem; padding-bottom: 1rem; border-bottom: 1px solid var(--nb-rule); }
    .nb-title { font-size: 2rem; line-height: 1.3; margin: 0 0 .4rem; }
    h1, h2, h3, h4, h5, h6, .nb-title, a { word-break: keep-all; overflow-wrap: anywhere; }
    .nb-nowrap { white-space: nowrap; }
    .nb-meta { margin: 0; color: var(--nb-muted); font-size: .9rem; }
    .nb-tag { white-space: nowrap; }
    h1, h2, h3, h4, h5, h6 { line-height: 1.35; margin: 2rem 0 .8rem; font-weight: 650; scroll-margin-top: 1rem; }
    h1 { font-size: 1.75rem; } h2 { font-size: 1.4rem; } h3 { font-size: 1.2rem; } h4, h5, h6 { font-size: 1rem; }
    .nb-anchor { margin-left: .4em; color: var(--nb-muted); text-decoration: none; font-weight: 400; \
    opacity: 0; transition: opacity .15s; }
    h1:hover .nb-anchor, h2:hover .nb-anchor, h3:hover .nb-anchor, h4:hover .nb-anchor, \
    h5:hover .nb-anchor, h6:hover .nb-anchor, .nb-anchor:focus { opacity: 1; }
    p, ul, ol, blockquote, table, pre, .nb-math { margin: 0 0 1.1rem; }
    ul, ol { padding-left: 1.6em; }
    li + li { margin-top: .25em; }
    a { color: var(--nb-link); text-decoration: underline; text-decoration-thickness: 1px; \
    text-underline-offset: 2px; overflow-wrap: anywhere; }
    blockquote { margin-left: 0; padding: .1rem 1rem; border-left: 3px solid var(--nb-rule); color: var(--nb-muted); }
    hr { border: 0; border-top: 1px solid var(--nb-rule); margin: 2rem 0; }
    img { max-width: 100%; height: auto; }
    code, pre, kbd, samp { font-family: var(--nb-mono); font-size: .88em; }
    :not(pre) > code { padding: .1em .35em; border-radius: 4px; background: var(--nb-code-bg); }
    pre { padding: .8rem 1rem; overflow-x: auto; line-height: 1.5; background: var(--nb-code-bg); \
    border-radius: 6px; tab-size: 4; }
    pre code { font-size: inherit; padding: 0; background: none; }
    table:not(.nb-table, .nb-gradtable) { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
    table:not(.nb-table, .nb-gradtable) :is(th, td) { padding: .35rem .7rem; border: 1px solid var(--nb-rule); }
    math { font-size: 1.08em; }
    .nb-math { overflow-x: auto; overflow-y: hidden; padding: .2rem 0; }
    .nb-math > math[display="block"] { margin: 0; }
    .nb-cell { margin: 0 0 1.3rem; border-left: 3px solid var(--nb-cell-bar); padding-left: .75rem; }
    .nb-cell .nb-source { margin: 0 0 .4rem; }
    .nb-output { background: var(--nb-output-bg); border: 1px solid var(--nb-rule); border-radius: 6px; }
    .nb-output:empty { display: none; }
    .nb-cell .nb-output > .nb-text { margin: 0; border-radius: 0; background: transparent; }
    .nb-cell .nb-output > .nb-text:first-child { border-radius: 6px 6px 0 0; }
    .nb-cell .nb-output > .nb-text:last-child { border-radius: 0 0 6px 6px; }
    .nb-cell .nb-output > .nb-text:only-child { border-radius: 6px; }
    .nb-cell .nb-output > .nb-text + .nb-text { padding-top: 0; }
    .nb-bibliography { padding-left: 2.2em; font-size: .95rem; line-height: 1.6; }
    .nb-cite { text-decoration: none; font-size: .9em; }
    .nb-bibliography li { margin: .35em 0; padding-left: .2em; overflow-wrap: anywhere; }
    .nb-bibliography li:target, .nb-cite:target { background: rgba(255, 212, 0, .18); }
    .nb-ref-venue { font-style: italic; }
    .nb-ref-host { color: var(--nb-muted); }
    .nb-backref, .nb-backrefs a { text-decoration: none; }
    :root { --nb-warn-fg: #a40e26; --nb-warn-bg: #fff0ee; --nb-warn-rule: #d1242f; }
    @media (prefers-color-scheme: dark) { :root { --nb-warn-fg: #ffb1a8; --nb-warn-bg: #3b1219; --nb-warn-rule: #f85149; } }
    .nb-cite-missing { color: var(--nb-warn-fg); background: var(--nb-warn-bg); border-radius: 3px; padding: 0 .2rem; }
    merror { color: var(--nb-warn-fg); background: var(--nb-warn-bg); border: 1px solid var(--nb-warn-rule); }
    @media (max-width: 600px) {
    body { font-size: 16px; line-height: 1.7; }
    .nb-page { padding: 1.25rem .9rem 3rem; }
    .nb-cell { padding-left: .5rem; border-left-width: 2px; }
    .nb-title { font-size: 1.55rem; }
    h1 { font-size: 1.45rem; } h2 { font-size: 1.25rem; } h3 { font-size: 1.1rem; }
    pre { padding: .6rem .7rem; margin-left: -.2rem; margin-right: -.2rem; }
    }
    @media print { .nb-anchor, .nb-toc { display: none; } a { color: inherit; } }

    """
}
