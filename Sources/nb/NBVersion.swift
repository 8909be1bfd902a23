/// The version `nb --version` prints.
enum NBVersion {
    static let string = "0.1.0"
}
