// swift-tools-version:6.1
import PackageDescription

// Layers, lowest first. A module imports only modules above it in this list:
//   NBHash       – SHA-256: content hashes, cache keys, checksums, the build's source hashes.
//   NBAutodiff   – the differentiation engine (numbers, duals, tape, symbols); no Markdown.
//   CNBKernels   – elementwise kernels in C for baseline x86-64, AVX2 and AVX-512 (chosen at run time).
//   CNBBLAS      – matrix products through OpenBLAS or BLIS, loaded at run time per CPU class.
//   NBLearning   – tensors, nn, optimizers, proximal methods, datasets, recipes.
//   NBLanguage   – the cell language: lexer, parser, interpreter, values, display model.
//   NBDocument   – Markdown (libcmark), front matter, math → MathML, references.
//   NBExecution  – runs a document's cells, caches results.
//   CNBMathFont  – the math font pages ship with (woff2 bytes linked into the binary).
//   NBRender     – HTML pages, SVG plots, the static site.
//   NBCheck      – `nb test`: expected-output comparison, --accept, JUnit.
//   nb           – the thin command-line executable.
//
// SourceHashPlugin (with its tool nb-source-hash) generates NBExecution's and NBRender's cache
// keys from the sources they depend on at build time: see Plugins/SourceHashPlugin.
let package = Package(
    name: "nb",
    // Linux only (tested: Debian 12 x86_64, Swift 6.3.1). No Apple platform is claimed: the code uses
    // Glibc thread calls and the Synchronization module, and nothing builds or tests it on macOS.
    products: [
        .executable(name: "nb", targets: ["nb"]),
        .library(name: "NBAutodiff", targets: ["NBAutodiff"]),
        .library(name: "NBLearning", targets: ["NBLearning"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .target(name: "NBHash"),
        .executableTarget(name: "nb-source-hash", dependencies: ["NBHash"]),
        .plugin(name: "SourceHashPlugin", capability: .buildTool(), dependencies: ["nb-source-hash"]),
        .target(name: "NBAutodiff", dependencies: [.product(name: "ComplexModule", package: "swift-numerics")]),
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // Elementwise kernels in C, one copy per instruction set chosen at run time (docs/engine.md).
        .target(name: "CNBKernels"),
        // Matrix products through OpenBLAS or BLIS, loaded at run time with the library and kernel
        // chosen per CPU class (docs/engine.md, "Matrix products").
        .target(name: "CNBBLAS", dependencies: ["CNBKernels"], linkerSettings: [.linkedLibrary("dl")]),
        // The math font pages ship with (nb-math.woff2, GUST Font License), linked in by `.incbin`.
        .target(name: "CNBMathFont", exclude: ["nb-math.woff2", "make-math-font.py", "LICENSE-GUST-FONT.txt", "README.md"],
                cSettings: [.headerSearchPath(".")]),
        .target(name: "NBLearning", dependencies: ["NBAutodiff", "CNBBLAS", "CMalloc", "CNBKernels"], exclude: ["README.md"]),
        .target(name: "NBLanguage", dependencies: ["NBAutodiff", "NBLearning", "NBDocument"]),
        .target(name: "NBDocument", dependencies: ["CCmark", "Yams"]),
        .target(name: "NBExecution", dependencies: ["NBHash", "NBDocument", "NBLanguage", "NBLearning"], plugins: ["SourceHashPlugin"]),
        .target(name: "NBRender", dependencies: ["NBHash", "NBExecution", "NBDocument", "NBLanguage", "CNBMathFont"],
                plugins: ["SourceHashPlugin"]),
        .target(name: "NBServe"),
        .target(name: "NBCheck", dependencies: ["NBExecution", "NBDocument", "NBLanguage", "NBLearning"]),
        .executableTarget(name: "nb", dependencies: ["NBLearning", 
            "NBRender", "NBCheck", "NBExecution", "NBDocument", "NBServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Seeded mutation fuzzer over the parsers, the evaluator, rendering and --accept (docs/fuzzing.md).
        .executableTarget(name: "nb-fuzz", dependencies: ["NBRender", "NBCheck", "NBExecution", "NBDocument", "NBLanguage"]),
        .executableTarget(name: "nb-bench", dependencies: ["NBRender", "NBCheck", "NBExecution", "NBDocument", "NBAutodiff", "NBLearning", "NBLanguage", "CCmark", "CNBBLAS"]),
        .testTarget(name: "NBAutodiffTests", dependencies: ["NBAutodiff", .product(name: "PropertyBased", package: "swift-property-based")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "NBLearningTests", dependencies: ["NBLearning", "CNBKernels", "CNBBLAS"], exclude: ["Unsupervised/Fixtures"]),
        .testTarget(name: "NBLanguageTests", dependencies: ["NBLanguage", "NBAutodiff"]),
        .testTarget(name: "NBDocumentTests", dependencies: ["NBDocument"], exclude: ["Bibliography/Fixtures"]),
        .testTarget(name: "NBRenderTests", dependencies: ["NBRender", "NBServe", "NBDocument", "NBHash", "CCmark"], exclude: ["Page/Fixtures"]),
        .testTarget(name: "NBCheckTests", dependencies: ["NBCheck", "NBDocument"], exclude: ["Fixtures"]),
        .testTarget(name: "NBExecutionTests", dependencies: ["NBExecution", "NBDocument", "NBLanguage", "NBHash"]),
        .testTarget(name: "NBCLITests", dependencies: []),
    ]
)
