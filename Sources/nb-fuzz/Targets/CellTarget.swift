import NBDocument
import NBLanguage
import NBRender

/// The cell language: lexer, parser, interpreter and builtins, then the display of what a cell
/// shows (transcript and HTML).
///
/// An input is up to 16 cells separated by a line `%%`, run in order in one session with a
/// 0.2 s timeout per cell and a 10⁶-element tensor limit. A cell may fail; it must fail with a
/// typed error, within its timeout, and what it shows must be escaped.
struct CellTarget: FuzzTarget {
    let name = "cell"
    /// At most `maximumCells` cells of 0.2 s each: anything much longer is nb not honouring a timeout.
    let hangSeconds = 8.0
    /// The folder `load(...)` may read (the notebooks folder), nil to forbid reading.
    var dataFolder: String?

    static let cellSeparator = "\n%%\n"
    static let cellTimeout = 0.2
    static let elementLimit = 1_000_000
    /// Cells after this many are not run, so that an input's legitimate run time stays bounded.
    static let maximumCells = 16

    let tokens = [
        "%%\n", "f(x) = ", "(x, y) -> ", "x", "y", "=", "+", "-", "*", "/", "^", "@", "%", "==", "<", "<=", "&&", "||", "!",
        "(", ")", "[", "]", "{", "}", ",", ":", ".", "..", "..<", "\"", "\"\\n\"", "\"```\"", "\"<script>\"", "#",
        "if ", " else ", "for i in 0..<3 ", "while ", "return ", "let ", "var ", "true", "false", "nothing",
        "print(", "grad(", "valuegrad(", "jvp(", "numgrad(", "hessian(", "jacobian(", "derivative(", "gradtable(",
        "gradcheck(", "hsweep(", "zeros(", "ones(", "randn(", "rand(", "linspace(", "shape(", "sum(", "mean(",
        "transpose(", "reshape(", "argmax(", "onehot(", "table(", "plot(", "scatter(", "images(", "swell(", "dual(",
        "close(", "assert ", "load(\"data/diabetes.csv\")", "load(\"../../etc/passwd\")", "mlp([2, 4, 1])",
        "train(", "epochs: ", "seed: ", "lr: ", "axis: ", "title: ", "1e6", "1e300", "0.5", "3", "-1", "nan", "inf",
        "sin(", "exp(", "log(", "sqrt(", "abs(", "max(", "min(", "logsumexp(", "batches(", "rows(", "columns(",
    ]

    func seeds(from notebooks: [NotebookSeed]) -> [[UInt8]] {
        notebooks.flatMap { notebook -> [[UInt8]] in
            let cells = notebook.document.cells.map(\.source)
            return cells.map { Array($0.utf8) } + [Array(cells.joined(separator: Self.cellSeparator).utf8)]
        }
    }

    func run(_ input: [UInt8]) throws(Violation) {
        let options = SessionOptions(timeout: Self.cellTimeout, rootDirectory: dataFolder, elementLimit: Self.elementLimit)
        let session = Session(options: options)
        let text = String(decoding: input, as: UTF8.self)
        for cell in text.components(separatedBy: Self.cellSeparator).prefix(Self.maximumCells) {
            let outcome = session.run(cell: cell)
            for item in outcome.items {
                _ = item.transcript
                try HTMLInvariants.check(DisplayHTML.render(item), what: "cell display HTML")
            }
            if let error = outcome.error {
                try HTMLInvariants.check(DisplayHTML.render(error), what: "cell error HTML")
                guard error.location.line >= 1, error.location.column >= 1 else {
                    throw Violation("cell error without a position: \(error.message)")
                }
            }
        }
    }
}
