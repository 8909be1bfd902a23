/// The site's chrome (header, index, previous/next, tags, bibliography, search, error page): the
/// last piece of the one stylesheet (`PageStyle`). Its colours are the page's (`--nb-site-*` name
/// them), and it leaves the body, links, bibliography and errors to the page's rules.
public enum SiteStylesheet {
    public static let css = """
    /* nb site chrome */
    :root { --nb-site-fg: var(--nb-fg); --nb-site-muted: var(--nb-muted); --nb-site-bg: var(--nb-bg); --nb-site-rule: var(--nb-rule);
            --nb-site-accent: var(--nb-link); --nb-site-chip: var(--nb-code-bg); }
    .nb-site-header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; justify-content: space-between;
                      max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem; border-bottom: 1px solid var(--nb-site-rule); }
    .nb-site-title { font-weight: 700; font-size: 1.1rem; color: var(--nb-site-fg); text-decoration: none; }
    .nb-site-header nav a { margin-left: 1rem; color: var(--nb-site-muted); text-decoration: none; }
    .nb-site-header nav a:hover, .nb-site-title:hover { color: var(--nb-site-accent); }
    .nb-index h1, .nb-site-bibliography h1 { line-height: 1.25; margin: 0 0 .5rem; }
    .nb-index .nb-description, .nb-site-bibliography .nb-meta { color: var(--nb-site-muted); margin: 0 0 1.5rem; }
    .nb-tag { display: inline-block; padding: 0 .5rem; border-radius: 999px; background: var(--nb-site-chip);
              color: var(--nb-site-muted); text-decoration: none; font-size: .85rem; }
    .nb-index h2 { margin-top: 2rem; padding-bottom: .25rem; border-bottom: 1px solid var(--nb-site-rule); font-size: 1.2rem; }
    .nb-index-list { list-style: none; padding: 0; }
    .nb-card { padding: .6rem 0; }
    .nb-card + .nb-card { margin-top: 0; border-top: 1px solid var(--nb-site-rule); }
    .nb-card-title { font-weight: 600; font-size: 1.05rem; }
    .nb-card-meta { display: block; color: var(--nb-site-muted); font-size: .85rem; font-variant-numeric: tabular-nums; }
    .nb-card-description { display: block; margin-top: .2rem; line-height: 1.55; }
    .nb-index-list a, .nb-tag-list a { text-decoration: none; }
    .nb-index-list a:hover, .nb-tag-list a:hover { text-decoration: underline; }
    .nb-tag-list dt { font-weight: 600; margin-top: .5rem; }
    .nb-tag-list dd { margin-left: 1rem; }
    .nb-site-header + .nb-page { padding-top: 1.5rem; }
    .nb-prevnext { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem;
                   border-top: 1px solid var(--nb-site-rule); }
    .nb-prevnext a[rel=next] { text-align: right; margin-left: auto; }
    .nb-bibliography.nb-unnumbered { list-style: none; padding-left: 0; }
    .nb-unnumbered li { padding-left: 1.5rem; text-indent: -1.5rem; }
    .nb-ref-citedby { display: block; text-indent: 0; font-size: .85rem; color: var(--nb-site-muted); }
    .nb-ref-citedby a { color: var(--nb-site-muted); }
    .nb-search input { width: 100%; box-sizing: border-box; padding: .5rem .75rem; font: inherit; color: inherit;
                       background: var(--nb-site-bg); border: 1px solid var(--nb-site-rule); border-radius: 6px; }
    .nb-error pre { white-space: pre-wrap; margin: 0; background: none; padding: 0; }
    @media (max-width: 600px) { .nb-site-header { padding: .75rem .9rem; } }
    @media (max-width: 30rem) { .nb-site-header nav a { margin-left: 0; margin-right: 1rem; } }

    """
}
