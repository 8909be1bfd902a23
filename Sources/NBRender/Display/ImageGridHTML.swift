import NBLanguage

/// A grid of small grayscale images, each an inline SVG with one `<rect>` per pixel.
///
/// Pixel values are clamped to 0…1 and drawn as grey levels, 0 black and 1 white; a missing or
/// non-finite pixel is drawn in a muted red so it cannot pass for data. Images are laid out by CSS
/// grid (`.nb-images`), each in a `<figure class="nb-image">` with its caption.
enum ImageGridHTML {
    /// Colour of a pixel that is missing or not a number.
    static let invalidPixel = "#c05050"

    static func render(_ grid: ImageGrid) -> String {
        var html = "<figure class=\"nb-imagegrid\">\n"
        if !grid.title.isEmpty {
            html += "<figcaption>" + HTMLEscaping.escape(grid.title) + "</figcaption>\n"
        }
        html += "<div class=\"nb-images\">\n"
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

    /// One image as SVG; `pixels` row-major, `width × height`.
    static func image(_ pixels: [Double], width: Int, height: Int, title: String) -> String {
        guard width > 0, height > 0, width.multipliedReportingOverflow(by: height).overflow == false else {
            return "<span class=\"nb-image-invalid\">" + HTMLEscaping.escape("\(width)×\(height) image") + "</span>"
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width * 8)\""
            + " height=\"\(height * 8)\" shape-rendering=\"crispEdges\" role=\"img\"><title>"
            + HTMLEscaping.escape(title) + "</title>"
        for row in 0..<height {
            for column in 0..<width {
                let index = row * width + column
                let fill = index < pixels.count ? grey(pixels[index]) : invalidPixel
                svg += "<rect x=\"\(column)\" y=\"\(row)\" width=\"1\" height=\"1\" fill=\"\(fill)\"/>"
            }
        }
        return svg + "</svg>"
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
