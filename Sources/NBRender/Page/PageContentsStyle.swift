/// Layout of the "On this page" contents (`PageContents`): a collapsible block above the text on
/// narrow screens; from 64rem wide, a sticky sidebar to the right of the text, and the page wider
/// to hold it.
enum PageContentsStyle {
    static let css = """
    .nb-toc ol { list-style: none; margin: 0; padding: 0; }
    .nb-toc ol ol { padding-left: .9rem; }
    .nb-toc li { margin: .15rem 0; line-height: 1.4; }
    .nb-toc li + li { margin-top: .15rem; }
    .nb-toc a { color: var(--nb-muted); text-decoration: none; }
    .nb-toc a:hover, .nb-toc a:focus { color: var(--nb-link); text-decoration: underline; }
    .nb-toc-inline { margin: 0 0 1.5rem; padding: .5rem .9rem; border: 1px solid var(--nb-rule); border-radius: 6px; \
    font-size: .92rem; }
    .nb-toc-inline summary { cursor: pointer; font-weight: 600; color: var(--nb-muted); }
    .nb-toc-inline[open] summary { margin-bottom: .4rem; }
    .nb-toc-side { display: none; }
    .nb-toc-title { margin: 0 0 .5rem; font-size: .8rem; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; \
    color: var(--nb-muted); }
    @media (min-width: 64rem) {
    .nb-page:has(.nb-toc-side), body:has(.nb-toc-side) .nb-site-header { max-width: 64rem; }
    .nb-article:has(> .nb-toc-side) { position: relative; padding-right: 16rem; }
    .nb-toc-inline { display: none; }
    .nb-toc-side { display: block; position: absolute; top: 0; right: 0; bottom: 0; width: 14rem; font-size: .88rem; }
    .nb-toc-sticky { position: sticky; top: 1.5rem; max-height: calc(100vh - 3rem); overflow-y: auto; \
    padding-left: 1rem; border-left: 1px solid var(--nb-rule); }
    }

    """
}
