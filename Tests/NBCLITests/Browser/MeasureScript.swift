/// The script added to a test copy of a page: once its fonts are ready it measures what a reader
/// sees and posts it (JSON) to the wrapper page.
///
/// - `scrollWidth` against `width`: horizontal overflow.
/// - `failures`: visible text (outside SVG) whose colour, composited over its effective background
///   (the element's and its ancestors' backgrounds over the scheme's canvas), is below 4.5:1 (WCAG
///   AA), by WCAG 2's relative luminance.
/// - `aligned`: per `aligned`/`align` environment, the spread of the `=` signs' left edges and of
///   the left-hand column's right edges (TeX sets that column flush right).
/// - `mathFaces`: the `@font-face` faces named like a math font, with their load status.
/// - `toc`, `sidebar`: whether a contents block (`.nb-toc…`) is visible, and beside the text column.
enum MeasureScript {
    static let source = #"""
    (function () {
      function rgba(text) {
        var m = /rgba?\(([^)]*)\)/.exec(text || ''); if (!m) return null;
        var p = m[1].split(/[\s,\/]+/).filter(function (s) { return s.length; }).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
      }
      function over(top, bottom) {
        var a = top[3]; return [0, 1, 2].map(function (i) { return top[i] * a + bottom[i] * (1 - a); }).concat([1]);
      }
      function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
      function luminance(c) { return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]); }
      function ratio(a, b) { var x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
      var dark = matchMedia('(prefers-color-scheme: dark)').matches;
      var canvas = dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
      function background(el) {
        var chain = []; for (var e = el; e; e = e.parentElement) chain.unshift(e);
        var bg = canvas;
        chain.forEach(function (e) { var c = rgba(getComputedStyle(e).backgroundColor); if (c && c[3] > 0) bg = over(c, bg); });
        return bg;
      }
      function visible(el) {
        for (var e = el; e; e = e.parentElement) {
          var s = getComputedStyle(e);
          if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
        }
        var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0;
      }
      function measure() {
        var failures = [], checked = 0, seen = new Set();
        var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (var n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.data.trim()) continue;
          var el = n.parentElement; if (!el || seen.has(el)) continue; seen.add(el);
          if (el.closest('svg, script, style, annotation, noscript')) continue;
          if (!visible(el)) continue;
          var style = getComputedStyle(el), bg = background(el), fg0 = rgba(style.color); if (!fg0) continue;
          var r = ratio(over(fg0, bg), bg); checked++;
          if (r < 4.5) failures.push({ text: n.data.trim().slice(0, 40), element: el.tagName.toLowerCase() +
            (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : ''),
            ratio: Math.round(r * 100) / 100, color: style.color,
            background: 'rgb(' + bg.slice(0, 3).map(Math.round).join(', ') + ')' });
        }
        var aligned = [];
        document.querySelectorAll('math').forEach(function (math) {
          var tex = (math.querySelector('annotation') || {}).textContent || '';
          if (!/\\begin\{(aligned|align\*?)\}/.test(tex)) return;
          var table = math.querySelector('mtable'); if (!table) return;
          var xs = [], rights = [];
          Array.prototype.forEach.call(table.children, function (row) {
            var eq = Array.prototype.find.call(row.querySelectorAll('mo'), function (mo) { return mo.textContent.trim() === '='; });
            if (eq) xs.push(eq.getBoundingClientRect().left);
            var cell = row.firstElementChild, right = -Infinity;
            if (cell) Array.prototype.forEach.call(cell.children, function (c) { right = Math.max(right, c.getBoundingClientRect().right); });
            if (right > -Infinity) rights.push(right);
          });
          function spread(v) { return v.length ? Math.max.apply(null, v) - Math.min.apply(null, v) : 0; }
          if (xs.length >= 2) aligned.push({ tex: tex.slice(0, 60), spread: spread(xs), leftSpread: spread(rights) });
        });
        var mathFaces = [];
        document.fonts.forEach(function (f) { if (/math/i.test(f.family)) mathFaces.push({ family: f.family, status: f.status }); });
        // A sidebar: a visible contents block beside the text column (not above or below it).
        var tocs = Array.prototype.filter.call(document.querySelectorAll('[class*="nb-toc"]'), visible);
        var text = document.querySelector('.nb-article p, article p'), sidebar = false;
        tocs.forEach(function (toc) {
          if (!text) return;
          var t = toc.getBoundingClientRect(), p = text.getBoundingClientRect();
          if (t.left >= p.right - 1 || t.right <= p.left + 1) sidebar = true;
        });
        var toc = tocs.length > 0;
        return { dark: dark, width: innerWidth, scrollWidth: document.documentElement.scrollWidth, checked: checked,
                 failures: failures.slice(0, 25), failureCount: failures.length, aligned: aligned, mathFaces: mathFaces,
                 toc: !!toc, sidebar: sidebar };
      }
      function post() { setTimeout(function () { parent.postMessage(JSON.stringify(measure()), '*'); }, 100); }
      if (document.readyState === 'complete') document.fonts.ready.then(post);
      else addEventListener('load', function () { document.fonts.ready.then(post); });
    })();
    """#
}
