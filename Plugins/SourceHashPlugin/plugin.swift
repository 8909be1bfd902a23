import Foundation
import PackagePlugin

/// Derives cache keys from the build itself: for the module it is applied to, generates a Swift
/// file whose constant is the SHA-256 of the sources that module's results depend on (paths
/// relative to the package and file bytes, sorted). Editing any of those sources changes the key,
/// so an upgraded `nb` never serves results an older build computed. Runs offline, on every
/// build configuration, and only when one of the hashed files changed.
@main
struct SourceHashPlugin: BuildToolPlugin {
    /// Per module: the type to generate and the modules whose sources it hashes.
    static let plans: [String: (type: String, modules: [String])] = [
        // Cell results: the engine, the C kernels and BLAS loader, the learning library, the language
        // and the executor.
        "NBExecution": ("EngineSourceHash", ["NBAutodiff", "CNBKernels", "CNBBLAS", "NBLearning", "NBLanguage", "NBExecution", "NBHash"]),
        // Rendered pages: the Markdown/math pipeline and the renderer (cell results are keyed above).
        "NBRender": ("RendererSourceHash", ["NBDocument", "NBRender"]),
    ]

    /// A C target's public headers (its `include` folder), which `sourceFiles` does not list.
    static func publicHeaders(of module: Target) -> [URL] {
        guard let clang = module as? ClangSourceModuleTarget, let folder = clang.publicHeadersDirectoryURL,
              let found = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return found.compactMap { $0 as? URL }.filter { $0.pathExtension == "h" }
            .map { $0.resolvingSymlinksInPath().standardizedFileURL }
    }

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let plan = Self.plans[target.name] else {
            Diagnostics.error("SourceHashPlugin has no plan for \(target.name)")
            return []
        }
        let modules = ([target] + target.recursiveTargetDependencies).filter { plan.modules.contains($0.name) }
        let missing = Set(plan.modules).subtracting(modules.map(\.name))
        guard missing.isEmpty else {
            Diagnostics.error("SourceHashPlugin: \(target.name) does not depend on \(missing.sorted().joined(separator: ", "))")
            return []
        }
        let files = Set(modules.flatMap { module -> [URL] in
            guard let source = module.sourceModule else { return [] }
            return source.sourceFiles.filter { $0.type == .source || $0.type == .header }.map(\.url)
                + Self.publicHeaders(of: module)
        }).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("\(plan.type).swift")
        let tool = try context.tool(named: "nb-source-hash")
        return [.buildCommand(
            displayName: "Hashing the sources of \(plan.modules.joined(separator: ", ")) for \(target.name)",
            executable: tool.url,
            arguments: [output.path, plan.type, context.package.directoryURL.path] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output])]
    }
}
