import NBDocument
import NBLanguage

/// A grid of small grayscale images, each an inline SVG of crisp 1 × 1 `<rect>` pixels.
///
/// Pixel values are clamped to 0…1 and drawn as grey levels, 0 black and 1 white; a missing or
/// non-finite pixel is drawn in a muted red so it cannot pass for data. Images are laid out by CSS
/// grid (`.nb-images`), each in a `<figure class="nb-image">` with its caption; the classes
/// `nb-cols-N` (desktop, up to 10) and `nb-pcols-N` (phone, up to 5) give rows of even length.
enum ImageGridHTML {
    /// Colour of a pixel that is missing or not a number.
    static let invalidPixel = "#c05050"

    static func render(_ grid: ImageGrid) -> String {
        var html = "<figure class=\"nb-imagegrid\">\n"
        if !grid.title.isEmpty {
            html += "<figcaption>" + HTMLEscaping.escape(grid.title) + "</figcaption>\n"
        }
        let count = grid.pixels.count
        html += "<div class=\"nb-images nb-cols-\(columns(count, atMost: 10)) nb-pcols-\(columns(count, atMost: 5))\">\n"
        let (width, height) = (grid.width, grid.height)
        for (i, pixels) in grid.pixels.enumerated() {
            let caption = i < grid.captions.count ? grid.captions[i] : ""
            html += "<figure class=\"nb-image\">"
            html += image(pixels, width: width, height: height, title: caption.isEmpty ? "image \(i + 1)" : caption)
            if !caption.isEmpty { html += "<figcaption>" + HTMLEscaping.escape(caption) + "</figcaption>" }
            html += "</figure>\n"
        }
        if grid.pixels.isEmpty { html += "<p class=\"nb-images-empty\">no images</p>\n" }
        return html + "</div>\n</figure>\n"
    }

    /// Columns for `count` images in rows as even as can be: as few rows as `atMost` columns
    /// allow, the images spread evenly over them (40 → 4 rows of 10, 10 → 2 rows of 5 on a phone,
    /// 13 → 7 and 6).
    static func columns(_ count: Int, atMost limit: Int) -> Int {
        guard count > 0 else { return 1 }
        let rows = (count + limit - 1) / limit
        return (count + rows - 1) / rows
    }

    /// Largest image drawn, in pixels (512 × 512); bigger ones are named, not drawn.
    static let maxPixels = 512 * 512

    /// One image as SVG; `pixels` row-major, `width × height`.
    ///
    /// The most common grey is one background rectangle; every other pixel is a 1 × 1 `<rect>`
    /// (a mostly black digit costs a few hundred bytes, not one element per pixel).
    static func image(_ pixels: [Double], width: Int, height: Int, title: String) -> String {
        let (area, overflow) = width.multipliedReportingOverflow(by: height)
        guard width > 0, height > 0, !overflow, area <= maxPixels else {
            return "<span class=\"nb-image-invalid\">" + HTMLEscaping.escape("\(width)×\(height) image not shown") + "</span>"
        }
        let fills = (0..<area).map { $0 < pixels.count ? grey(pixels[$0]) : invalidPixel }
        let background = mostCommon(fills)
        // Natural size when the page's CSS is absent: about 96 px on the longer side.
        let scale = max(1, 96 / max(width, height))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width * scale)\""
            + " height=\"\(height * scale)\" shape-rendering=\"crispEdges\" role=\"img\"><title>"
            + HTMLEscaping.escape(title) + "</title>"
        svg += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"\(background)\"/>"
        for (index, fill) in fills.enumerated() where fill != background {
            svg += "<rect x=\"\(index % width)\" y=\"\(index / width)\" width=\"1\" height=\"1\" fill=\"\(fill)\"/>"
        }
        return svg + "</svg>"
    }

    /// The most frequent colour; ties go to the smallest string, so the choice never depends on
    /// hashing order.
    static func mostCommon(_ fills: [String]) -> String {
        var counts: [String: Int] = [:]
        for fill in fills { counts[fill, default: 0] += 1 }
        return counts.min { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }?.key ?? "#000000"
    }

    /// `#rrggbb` grey for a value in 0…1 (clamped), or the invalid colour.
    static func grey(_ value: Double) -> String {
        guard value.isFinite else { return invalidPixel }
        let level = Int((min(max(value, 0), 1) * 255).rounded())
        let hex = String(level, radix: 16)
        let byte = hex.count == 1 ? "0" + hex : hex
        return "#" + byte + byte + byte
    }
}
