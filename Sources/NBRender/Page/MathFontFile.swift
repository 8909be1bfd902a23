import CNBMathFont
import Foundation
import NBDocument

/// The math font every page uses: NB Math, a subset of Latin Modern Math (GUST Font License;
/// Sources/CNBMathFont/README.md), linked into the executable, so pages typeset the same on a
/// machine without TeX fonts.
///
/// A site gets the font as a file (`fileName`, next to `style.css`); a page from `nb render`
/// carries it inline as a `data:` URL, so that the page stays one self-contained file.
/// Either way `local()` comes first, so a reader with Latin Modern Math installed downloads nothing.
public enum MathFontFile {
    /// The font's path in a built site, relative to the site root.
    public static let fileName = "nb-math.woff2"

    /// The CSS family name.
    public static let family = "NB Math"

    /// The WOFF2 bytes.
    public static var bytes: [UInt8] {
        let count = Int(nb_math_font_woff2_count())
        guard count > 0, let start = nb_math_font_woff2_bytes() else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// The `@font-face` rule and the `math` font stack, with the font at `url`.
    public static func stylesheet(url: String) -> String {
        """
        /* math font (Sources/CNBMathFont) */
        @font-face { font-family: "\(family)"; font-display: swap; \
        src: local("Latin Modern Math"), local("LatinModernMath-Regular"), url("\(url)") format("woff2"); }
        math { font-family: "\(family)", "Latin Modern Math", "STIX Two Math", "Cambria Math", math; }

        """
    }

    /// The rules for a site's stylesheet, which has the font file next to it.
    public static let siteStylesheet = stylesheet(url: fileName)

    /// The rules for a self-contained page (`nb render`): the font inline, base64-encoded (made once).
    public static let embeddedStylesheet = stylesheet(url: "data:font/woff2;base64," + Data(bytes).base64EncodedString())

    /// Writes the font next to the stylesheet at `stylesheetPath` (relative to `output`) unless it
    /// is there already; returns the font's relative path and whether it was written.
    static func write(besideStylesheet stylesheetPath: String, in output: URL) throws -> (path: String, written: Bool) {
        let folder = stylesheetPath.split(separator: "/").dropLast().joined(separator: "/")
        let path = folder.isEmpty ? fileName : folder + "/" + fileName
        let written = try AtomicFile.writeIfChanged(Data(bytes), to: output.appendingPathComponent(path), durable: false)
        return (path, written)
    }
}
