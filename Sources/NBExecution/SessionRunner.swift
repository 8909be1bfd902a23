import Foundation
import NBDocument
import NBLanguage
import NBLearning

/// Feeds a document's cells and inline code to one `Session`, and stores and restores its
/// environment for the cache.
struct SessionRunner: CellRunning {
    let units: [ExecutionUnit]
    let session: Session
    /// Hears which cell runs (nil: nobody listens).
    var progress: (any ExecutionProgress)?
    /// The notebook's path, for `progress`.
    var notebook = ""
    /// Each global's value at the last capture with its encoding (kept alive so that
    /// `Value.isIdentical` can trust shared storage).
    private var encodings: [String: EncodedGlobal] = [:]

    init(units: [ExecutionUnit], session: Session) {
        self.units = units
        self.session = session
    }

    /// Runs unit `index`: a cell at its place in the file, inline code from line 1, column 1
    /// (`CellOutcome.placed(at:)` moves its positions into the file).
    mutating func run(cellAt index: Int) -> CellOutcome {
        switch units[index] {
        case .cell(let cell):
            let origin = cell.sourceLocation
            guard let progress else { return session.run(cell: cell.source, origin: origin, timeout: cell.options.timeout) }
            let running = RunningCell(notebook: notebook, index: index, id: cell.id, line: cell.location.line)
            let sink = progress.cellStarted(running)
            defer { progress.cellFinished(running) }
            return session.run(cell: cell.source, origin: origin, timeout: cell.options.timeout, progress: sink)
        case .inline(let code):
            return session.run(inline: code.source)
        }
    }

    var storesEnvironments: Bool { true }

    /// Encodes every global (values too deeply nested are named as unstorable instead). A value
    /// the last cell left untouched (`Value.isIdentical`) keeps its encoding from the last capture.
    mutating func captureEnvironment() -> CapturedEnvironment? {
        let environment = session.environment
        for (name, value) in zip(environment.names, environment.values) {
            if let problem = value?.storageProblem { return .unstorable(name: name, reason: problem) }
        }
        let previous = encodings
        let captured = onLargeStack { () -> (CapturedEnvironment, [String: EncodedGlobal])? in
            let encoder = EnvironmentCoding.encoder()
            var values: [EncodedValue?] = []
            var encoded: [String: EncodedGlobal] = [:]
            values.reserveCapacity(environment.values.count)
            for (name, value) in zip(environment.names, environment.values) {
                guard let value else { values.append(nil); continue }
                if let last = previous[name], last.value.isIdentical(to: value) {
                    values.append(last.encoded)
                    encoded[name] = last
                    continue
                }
                do {
                    let data = EncodedValue(try encoder.encode(value))
                    values.append(data)
                    encoded[name] = EncodedGlobal(value: value, encoded: data)
                } catch {
                    return (.unstorable(name: name, reason: "encoding failed: \(error)"), [:])
                }
            }
            guard let generator = try? encoder.encode(environment.generator) else { return nil }
            return (.stored(EncodedEnvironment(names: environment.names, values: values,
                                               failedNames: environment.failedNames, generator: generator)), encoded)
        }
        encodings = captured?.1 ?? [:]
        return captured?.0
    }

    /// Decodes a stored environment into the session; false (session unchanged) when any part
    /// does not decode or does not fit together.
    mutating func restoreEnvironment(_ stored: EncodedEnvironment) -> Bool {
        let registry = session.registry
        let decoded = onLargeStack { () -> Session.Environment? in
            let decoder = EnvironmentCoding.decoder(registry)
            var values: [Value?] = []
            values.reserveCapacity(stored.values.count)
            for encoded in stored.values {
                guard let encoded else { values.append(nil); continue }
                guard let value = try? decoder.decode(Value.self, from: encoded.data) else { return nil }
                values.append(value)
            }
            guard let generator = try? decoder.decode(SeededGenerator.self, from: stored.generator) else { return nil }
            return Session.Environment(names: stored.names, values: values, failedNames: stored.failedNames, generator: generator)
        }
        guard let decoded, session.restore(decoded) else { return false }
        // The stored bytes are the encoding of the values just decoded from them.
        encodings = [:]
        for (name, (value, encoded)) in zip(decoded.names, zip(decoded.values, stored.values)) {
            if let value, let encoded { encodings[name] = EncodedGlobal(value: value, encoded: encoded) }
        }
        return true
    }
}

/// A global's value and its encoding at the last capture.
struct EncodedGlobal {
    var value: Value
    var encoded: EncodedValue
}

/// The JSON coders of stored values: sorted keys (the same environment gives the same bytes) and
/// the session's builtins for decoding builtins by name.
public enum EnvironmentCoding {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    public static func decoder(_ registry: BuiltinRegistry) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[Value.registryKey] = registry
        return decoder
    }
}
