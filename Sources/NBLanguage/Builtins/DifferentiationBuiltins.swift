/// `derivative`, `grad`, `jvp`, `numgrad`, `hessian`, `jacobian`, `gradtable`, `gradcheck`, `hsweep`.
public enum DifferentiationBuiltins {
    public static let all: [Builtin] = []
}
