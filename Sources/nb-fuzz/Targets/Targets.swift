import Foundation

/// The targets by name.
enum Targets {
    static let names = ["tex", "cell", "frontmatter", "bibtex", "render", "accept"]

    /// The target called `name`; `scratch` is a folder of the process's own, `notebooks` the
    /// folder cells may read from.
    static func make(_ name: String, notebooks: URL, scratch: URL) -> (any FuzzTarget)? {
        switch name {
        case "tex": TeXTarget()
        case "cell": CellTarget(dataFolder: notebooks.standardizedFileURL.path)
        case "frontmatter": FrontMatterTarget()
        case "bibtex": BibTeXTarget()
        case "render": RenderTarget(root: notebooks.standardizedFileURL)
        case "accept": AcceptTarget(folder: scratch)
        default: nil
        }
    }
}
