import NBAutodiff

/// A tiny parser for the cell language's expression syntax, test-only: numbers, parameters,
/// `+ - * / ^` (right-associative, tighter than unary minus), calls of the elementary functions
/// and `max`/`min`, parentheses, `pi`.
struct TestParser {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private let characters: [Character]
    private var position = 0
    private let parameters: [String]

    static func parse(_ source: String, parameters: [String]) throws -> TestExpression {
        var parser = TestParser(characters: Array(source), parameters: parameters)
        let expression = try parser.sum()
        parser.skipSpaces()
        guard parser.position == parser.characters.count else { throw Failure(message: "trailing input in \(source)") }
        return expression
    }

    private init(characters: [Character], parameters: [String]) {
        self.characters = characters
        self.parameters = parameters
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position] == " " { position += 1 }
    }

    private mutating func accept(_ c: Character) -> Bool {
        skipSpaces()
        if position < characters.count, characters[position] == c { position += 1; return true }
        return false
    }

    private mutating func sum() throws -> TestExpression {
        var left = try product()
        while true {
            if accept("+") { left = .add(left, try product()) }
            else if accept("-") { left = .subtract(left, try product()) }
            else { return left }
        }
    }

    private mutating func product() throws -> TestExpression {
        var left = try unary()
        while true {
            if accept("*") { left = .multiply(left, try unary()) }
            else if accept("/") { left = .divide(left, try unary()) }
            else { return left }
        }
    }

    private mutating func unary() throws -> TestExpression {
        if accept("-") { return .negate(try unary()) }
        return try power()
    }

    private mutating func power() throws -> TestExpression {
        let base = try primary()
        if accept("^") { return .power(base, try unary()) }
        return base
    }

    private mutating func primary() throws -> TestExpression {
        skipSpaces()
        guard position < characters.count else { throw Failure(message: "unexpected end") }
        if accept("(") {
            let inner = try sum()
            guard accept(")") else { throw Failure(message: "expected )") }
            return inner
        }
        let c = characters[position]
        if c.isNumber || c == "." {
            let start = position
            while position < characters.count, characters[position].isNumber || characters[position] == "."
                    || characters[position] == "e" && position + 1 < characters.count
                       && (characters[position + 1].isNumber || characters[position + 1] == "-") {
                if characters[position] == "e" { position += 1 }
                position += 1
            }
            guard let value = Double(String(characters[start..<position])) else { throw Failure(message: "bad number") }
            return .constant(value)
        }
        guard c.isLetter else { throw Failure(message: "unexpected \(c)") }
        let start = position
        while position < characters.count, characters[position].isLetter || characters[position].isNumber { position += 1 }
        let name = String(characters[start..<position])
        if accept("(") {
            var arguments = [try sum()]
            while accept(",") { arguments.append(try sum()) }
            guard accept(")") else { throw Failure(message: "expected )") }
            switch (name, arguments.count) {
            case ("max", 2): return .maximum(arguments[0], arguments[1])
            case ("min", 2): return .minimum(arguments[0], arguments[1])
            case ("sign", 1), ("step", 1): return .kink(name, arguments[0])
            case (_, 1):
                guard let f = ElementaryFunction(rawValue: name) else { throw Failure(message: "unknown function \(name)") }
                return .function(f, arguments[0])
            default: throw Failure(message: "bad call \(name)")
            }
        }
        if name == "pi" { return .constant(Double.pi) }
        if name == "nan" { return .constant(.nan) }
        if name == "inf" { return .constant(.infinity) }
        guard let i = parameters.firstIndex(of: name) else { throw Failure(message: "unknown name \(name)") }
        return .variable(i, name)
    }
}
