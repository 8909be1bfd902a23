import Foundation

/// Reference data committed under `Tests/Fixtures` (made by the scripts in `Tests/Peers`), found
/// from this file's path so the tests never depend on `Bundle.module`.
enum Fixtures {
    /// `<repository>/Tests/Fixtures`.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Datasets
        .deletingLastPathComponent()  // NBLearningTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures")

    /// `<repository>`.
    static let repository = directory.deletingLastPathComponent().deletingLastPathComponent()

    /// Decodes `Tests/Fixtures/NAME` as `T`.
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// The path of `notebooks/data/diabetes.csv`.
    static var diabetesPath: String {
        repository.appendingPathComponent("notebooks/data/diabetes.csv").path
    }
}
