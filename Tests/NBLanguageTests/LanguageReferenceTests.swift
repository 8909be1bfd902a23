import NBDocument
import Foundation
import Testing
@testable import NBLanguage
import NBLearning

/// The builtins' part of the language reference (`docs/language.md`) is generated from the
/// builtins' declarations; these tests fail when the file is out of date, when a declaration is
/// incomplete, and when argument checking does not follow the declarations.
@Suite struct LanguageReferenceTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/language.md")

    @Test func docsLanguageIsTheGeneratedReference() throws {
        let text = try String(contentsOf: Self.path, encoding: .utf8)
        let updated = try LanguageReference.updating(text)
        let firstDifference = zip(text.split(separator: "\n", omittingEmptySubsequences: false),
                                  updated.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().first { $0.element.0 != $0.element.1 }
        #expect(updated == text, """
            docs/language.md is out of date with the builtins' declarations (first difference at line \
            \((firstDifference?.offset ?? 0) + 1)); run `swift run nb docs language docs/language.md`
            """)
    }

    @Test func everyBuiltinAndConstantHasAnEntry() {
        let generated = LanguageReference.builtins()
        let registry = BuiltinRegistry.standard
        let missing = registry.declared.map(\.name).filter { !generated.contains("#### `\($0)`\n\n`\($0)(") }
            + registry.constantDeclarations.map(\.name).filter { !generated.contains("- `\($0)` — ") }
        #expect(missing.isEmpty, "no entry for: \(missing.joined(separator: ", "))")
        #expect(registry.declared.count + registry.constantDeclarations.count == registry.names.count)
    }

    @Test func everyDeclarationIsComplete() {
        var ids: [String: String] = [:]
        for constant in BuiltinRegistry.standard.constantDeclarations {
            #expect(constant.example.source.contains(constant.name), "the example of \(constant.name) does not use it")
            ids[constant.example.id] = constant.name
        }
        for builtin in BuiltinRegistry.standard.declared {
            #expect(!builtin.summary.isEmpty && !builtin.summary.contains("\n"), "\(builtin.name): the summary is one line")
            #expect(!builtin.examples.isEmpty, "\(builtin.name) has no example")
            #expect(builtin.examples.contains { $0.source.contains(builtin.name + "(") }, "no example of \(builtin.name) calls it")
            for example in builtin.examples {
                #expect(ids[example.id] == nil, "example id \(example.id) of \(builtin.name) is also used by \(ids[example.id] ?? "")")
                ids[example.id] = builtin.name
            }
            for form in builtin.forms {
                let names = form.map(\.name) + builtin.options.map(\.name)
                #expect(Set(names).count == names.count, "\(builtin.name): a parameter name repeats")
                // Required parameters first, then optional ones; a variadic one only last.
                let firstOptional = form.firstIndex { $0.isOptional || $0.isVariadic } ?? form.count
                #expect(form[firstOptional...].allSatisfy { $0.isOptional || $0.isVariadic }, "\(builtin.name): a required parameter after an optional one")
                #expect(form.dropLast().allSatisfy { !$0.isVariadic }, "\(builtin.name): a variadic parameter before the last")
            }
            for option in builtin.options {
                if let value = option.defaultValue {
                    #expect(option.kind.accepts(value), "\(builtin.name): the default of \(option.name): is not a \(option.kind.description)")
                }
            }
        }
    }

    @Test func usageLinesComeFromTheParameters() throws {
        let registry = BuiltinRegistry.standard
        #expect(registry["numgrad"]?.usage == #"numgrad(f, at, h: …, scheme: "central")"#)
        #expect(registry["min"]?.usage == "min(a, b) or min(t)")
        #expect(registry["print"]?.usage == "print(values…)")
        #expect(registry["derivative"]?.usage == "derivative(f, parameter?)")
        #expect(LanguageReference.describe(try #require(registry["numgrad"]?.option("scheme"))) == #"- `scheme:` — string; default `"central"`"#)
    }

    @Test func updatingKeepsTheProseAndNeedsTheMarkers() throws {
        let document = "# Title\n\nprose\n\n\(LanguageReference.beginMarker)\nstale\n\(LanguageReference.endMarker)\n\nmore prose\n"
        let updated = try LanguageReference.updating(document)
        #expect(updated.hasPrefix("# Title\n\nprose\n\n\(LanguageReference.beginMarker)\n"))
        #expect(updated.hasSuffix("\(LanguageReference.endMarker)\n\nmore prose\n"))
        #expect(!updated.contains("stale"))
        #expect(try LanguageReference.updating(updated) == updated)
        #expect(throws: LanguageReferenceError.missingMarker(LanguageReference.endMarker)) {
            try LanguageReference.updating("\(LanguageReference.beginMarker)\n")
        }
    }
}

/// Calls are checked against the declarations before a builtin runs, errors at the argument.
@Suite struct BuiltinArgumentCheckingTests {
    @Test func kindsCountsAndLabelsAreCheckedWithPositions() {
        let wrongKind = run("a = 1\nmoons(2.5, seed: 1)")[0].error
        #expect(wrongKind?.message == "moons: n must be a whole number, got 2.5")
        #expect(wrongKind?.location == TextLocation(line: 2, column: 7))
        #expect(wrongKind?.hint == "usage: moons(n, noise: 0.1, seed: …)")
        let wrongLabel = run("moons(10, noise: \"a\")")[0].error
        #expect(wrongLabel?.message == "moons: noise: must be a number, got a string")
        #expect(wrongLabel?.location == TextLocation(line: 1, column: 11))
        #expect(errorMessage("min(1, 2, 3)") == "min: expects 1 or 2 arguments, got 3")
        #expect(errorMessage("swell()") == "swell: expects at least 1 argument, got 0")
        #expect(errorMessage("digits(1)") == "digits: expects 0 arguments, got 1")
        #expect(errorMessage("digits(seed: 1)") == "digits: unknown argument label 'seed:' (it takes no labelled arguments)")
        #expect(errorMessage("plot(x -> x, \"a\")") == "plot: xs must be a number or tensor, got a function")
    }

    @Test func formsAndDefaultsFollowTheDeclaration() {
        #expect(transcript("plot(x -> x^2, [1, 2, 3], title: \"squares\")") == """
            <plot: squares, 1 series, 3 points>
              series "": 3 points, x from 1 to 3, y from 1 to 9
                x  1  2  3
                y  1  4  9
            """)
        #expect(transcript("zeros([2, 1])") == "[[0], [0]]")
        #expect(transcript("close(1, 1.0000000001)") == "true")
        #expect(transcript("accuracy([1, 0], [1, 1])") == "0.5")
    }
}

/// The semi-supervised builtins take their defaults from NBLearning's recipes; the reference
/// shows them as text, which must say what the recipes do.
@Suite struct RecipeDefaultTests {
    @Test func shownDefaultsAreTheRecipes() {
        let registry = BuiltinRegistry.standard
        func number(_ x: Double) -> String { Value.number(x).text }
        func sizes(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }
        let pseudo = PseudoLabelling(), pi = PiModel(), vat = VirtualAdversarialTraining(), prop = DeepLabelPropagation()
        let expected: [(builtin: String, label: String, text: String)] = [
            ("pseudolabel", "hidden", sizes(pseudo.hiddenSizes)), ("pseudolabel", "threshold", number(pseudo.threshold)),
            ("pseudolabel", "rounds", "\(pseudo.rounds)"), ("pseudolabel", "epochs", "\(pseudo.epochs)"),
            ("pseudolabel", "lr", number(pseudo.learningRate)),
            ("pimodel", "hidden", sizes(pi.hiddenSizes)), ("pimodel", "weight", number(pi.consistencyWeight)),
            ("pimodel", "epochs", "\(pi.epochs)"), ("pimodel", "rampup", "\(pi.rampUpEpochs)"), ("pimodel", "lr", number(pi.learningRate)),
            ("vat", "hidden", sizes(vat.hiddenSizes)), ("vat", "eps", number(vat.epsilon)), ("vat", "weight", number(vat.weight)),
            ("vat", "epochs", "\(vat.epochs)"), ("vat", "lr", number(vat.learningRate)),
            ("labelprop", "k", "\(prop.graph.neighbours) "), ("labelprop", "power", number(prop.graph.power)),
            ("labelprop", "alpha", number(prop.graph.alpha)), ("labelprop", "hidden", sizes(prop.hiddenSizes)),
            ("labelprop", "epochs", "\(prop.epochs)"), ("labelprop", "rounds", "\(prop.rounds)"), ("labelprop", "lr", number(prop.learningRate)),
        ]
        for (builtin, label, text) in expected {
            let shown = registry[builtin]?.option(label)?.defaultText ?? ""
            #expect(shown == text || (text.hasSuffix(" ") && shown.hasPrefix(text)), "\(builtin) \(label): shows \(shown), the recipe uses \(text)")
        }
    }
}
