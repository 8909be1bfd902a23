/// The site's chrome (header, index, previous/next, tags, bibliography, search, error page) in
/// light and dark schemes. `style.css` is the page stylesheet followed by this.
public enum SiteStylesheet {
    public static let css = """
    /* nb site chrome */
    :root { --nb-site-fg: #1f2328; --nb-site-muted: #59636e; --nb-site-bg: #ffffff; --nb-site-rule: #d1d9e0;
            --nb-site-accent: #0550ae; --nb-site-chip: #eef2f6; --nb-site-error: #b42318; --nb-site-error-bg: #fff1f0; }
    @media (prefers-color-scheme: dark) {
      :root { --nb-site-fg: #e6edf3; --nb-site-muted: #9198a1; --nb-site-bg: #0d1117; --nb-site-rule: #30363d;
              --nb-site-accent: #6cb6ff; --nb-site-chip: #21262d; --nb-site-error: #ff7b72; --nb-site-error-bg: #2d1214; }
    }
    html { background: var(--nb-site-bg); color: var(--nb-site-fg); }
    body { margin: 0; background: var(--nb-site-bg); color: var(--nb-site-fg);
           font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", Roboto, "Helvetica Neue", Arial, sans-serif;
           line-height: 1.65; }
    a { color: var(--nb-site-accent); }
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
    .nb-bibliography { padding-left: 2.2rem; }
    .nb-bibliography li { margin: .35rem 0; overflow-wrap: anywhere; }
    .nb-ref-host { color: var(--nb-site-muted); }
    .nb-bibliography.nb-unnumbered { list-style: none; padding-left: 0; }
    .nb-unnumbered li { padding-left: 1.5rem; text-indent: -1.5rem; }
    .nb-ref-citedby { display: block; text-indent: 0; font-size: .85rem; color: var(--nb-site-muted); }
    .nb-ref-citedby a { color: var(--nb-site-muted); }
    .nb-search input { width: 100%; box-sizing: border-box; padding: .5rem .75rem; font: inherit; color: inherit;
                       background: var(--nb-site-bg); border: 1px solid var(--nb-site-rule); border-radius: 6px; }
    .nb-error { border-left: 4px solid var(--nb-site-error); background: var(--nb-site-error-bg); padding: .5rem 1rem; }
    .nb-error pre { white-space: pre-wrap; margin: 0; }
    @media (max-width: 600px) { .nb-site-header { padding: .75rem .9rem; } }
    @media (max-width: 30rem) { .nb-site-header nav a { margin-left: 0; margin-right: 1rem; } }

    """
}
