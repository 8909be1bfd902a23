/// The reload support of `nb serve`. Built pages contain no script; only when served by `nb serve`
/// does the server insert this small script before `</body>`. It polls `/__nb/version` once a
/// second and reloads the page when the site has been rebuilt. Without JavaScript the site works
/// the same, only without the automatic reload.
public enum LiveReload {
    /// The path answering the current build generation.
    public static let versionPath = "/__nb/version"

    static func script(generation: Int) -> String {
        """
        <script>/* nb serve: live reload (not part of the built site) */
        (function () { var seen = "\(generation)";
          setInterval(function () { fetch("\(versionPath)", { cache: "no-store" }).then(function (r) { return r.text(); })
            .then(function (v) { if (v !== seen) location.reload(); }).catch(function () {}); }, 1000); })();
        </script>

        """
    }

    /// `html` with the script inserted before the last `</body>` (or appended).
    public static func inject(into html: String, generation: Int) -> String {
        let script = script(generation: generation)
        guard let range = html.range(of: "</body>", options: .backwards) else { return html + script }
        return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: script)
    }
}

import Foundation
