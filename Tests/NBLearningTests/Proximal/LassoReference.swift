/// `Tests/Fixtures/lasso_diabetes.json`, written by `Tests/Peers/sklearn_lasso_reference.py`.
struct LassoReference: Decodable {
    struct Run: Decodable {
        let iterations_to_gap: Int
        let final_lipschitz: Double
        let objective_head: [Double]
    }
    struct Path: Decodable {
        let alpha_max: Double
        let alphas: [Double]
        let coefficients: [[Double]]
    }
    let alpha: Double
    let samples: Int
    let features: Int
    let coefficients: [Double]
    let intercept: Double
    let objective: Double
    let lipschitz: Double
    let gap_tolerance: Double
    let runs: [String: Run]
    let path: Path

    static func load() throws -> LassoReference { try Fixtures.load("lasso_diabetes.json") }
}
