import ArgumentParser
import Foundation
import NBDocument

/// `nb new NAME [--site]`: a notebook (or a site folder) to start from.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a notebook (or, with --site, a site folder) that runs and tests as it is.",
        discussion: """
        `nb new demo` writes demo.md: front matter, a paragraph on what to do next, and a first \
        cell with its expected output, so `nb test demo.md` passes at once. `nb new blog --site` \
        writes blog/site.yml, blog/index.md (the home page's introduction) and a first notebook, \
        blog/first.md, ready for `nb build blog`. An existing file is never overwritten. Exit status: 0 written, 2 the file or folder already exists or cannot \
        be written.
        """
    )

    @Argument(help: "The notebook's name (demo or demo.md), or with --site the site's folder.")
    var name: String

    @Flag(help: "Write a site folder (site.yml, index.md and a first notebook) instead of one notebook.")
    var site = false

    func validate() throws {
        guard !name.isEmpty, !name.hasSuffix("/") || name.count > 1 else { throw ValidationError("NAME must not be empty") }
    }

    func run() throws {
        let diagnostics = DiagnosticPrinter()
        let files: [(path: String, text: String)]
        if site {
            let folder = name.hasSuffix("/") ? String(name.dropLast()) : name
            let title = URL(fileURLWithPath: folder).lastPathComponent
            files = [("\(folder)/site.yml", Scaffold.siteConfig(title: title)),
                     ("\(folder)/index.md", Scaffold.siteIntroduction(title: title, site: folder)),
                     ("\(folder)/first.md", Scaffold.notebook(title: "A first notebook", file: "first.md", site: folder))]
        } else {
            let path = name.hasSuffix(".md") ? name : name + ".md"
            let title = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            files = [(path, Scaffold.notebook(title: title, file: path, site: nil))]
        }
        for file in files where FileManager.default.fileExists(atPath: file.path) {
            diagnostics.report(error: "already exists; nb new never overwrites a file (pick another name)", about: file.path)
            throw ExitCode(2)
        }
        for file in files {
            do {
                let url = URL(fileURLWithPath: file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try AtomicFile.write(file.text, to: url)
            } catch {
                diagnostics.report(error: "cannot write the file: \(error.localizedDescription)", about: file.path)
                throw ExitCode(2)
            }
            print(file.path)
        }
    }
}

/// The text `nb new` writes.
enum Scaffold {
    /// A notebook whose first cell runs and whose output block matches it.
    static func notebook(title: String, file: String, site: String?) -> String {
        let next = site.map { "`nb build \($0)` turns every notebook in this folder into a site and `nb serve \($0)` shows it while you write" }
            ?? "`nb render \(file)` writes it as a web page"
        return """
        ---
        title: \(quoted(title))
        nb:
          seed: 0
        ---

        Prose is Markdown, with math such as $f(x) = x^3 + 2x$. Code goes in `nb` cells:
        `nb run \(file)` prints what they compute, `nb test \(file)` checks it against the `output`
        blocks (`nb test --accept \(file)` rewrites them) and \(next).

        ```nb id=first
        f(x) = x^3 + 2*x
        f(2)
        derivative(f)
        grad(f, 2)
        ```

        ```output
        12
        f'(x) = 3*x^2 + 2
        14
        ```

        """
    }

    /// The home page's introduction (`index.md`: the site lists its notebooks below it).
    static func siteIntroduction(title: String, site: String) -> String {
        """
        ---
        title: \(quoted(title))
        ---

        Notebooks that run: every result on these pages was computed when the site was built.
        Add a notebook to this folder (`nb new \(site)/NAME`) and run `nb build \(site)`.

        """
    }

    /// `site.yml` for a site titled `title`.
    static func siteConfig(title: String) -> String {
        """
        title: \(quoted(title))
        description: "Notebooks published with nb"
        # url: https://example.org/notes/   (the address the site will live at; the feed and sitemap need it)

        """
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
