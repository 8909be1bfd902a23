#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// scikit-learn's diabetes regression data: 442 patients, ten baseline variables (age, sex, body
/// mass index, blood pressure, six serum measurements), each mean-centred and scaled to unit sum
/// of squares, and a quantitative measure of disease progression one year later as the target.
///
/// Origin: B. Efron, T. Hastie, I. Johnstone, R. Tibshirani (2004), "Least Angle Regression",
/// Annals of Statistics 32(2); https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html, as
/// shipped in scikit-learn. The repository keeps it as `notebooks/data/diabetes.csv` (written by
/// `Tests/Peers/sklearn_export_diabetes.py`); it is read by path, not compiled in.
public enum Diabetes {
    /// The feature columns, in file order.
    public static let featureNames = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
    /// The name of the target column.
    public static let targetName = "target"

    /// Reads the data set from a CSV file with the header `age,sex,…,s6,target`.
    public static func load(path: String) throws(NumericTableError) -> Dataset {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            text = String(decoding: data, as: UTF8.self)
        } catch {
            throw NumericTableError(source: path, line: 1, column: 1, message: "cannot read the file")
        }
        return try dataset(from: NumericTable(parsing: text, source: path), source: path)
    }

    /// Builds the data set from a parsed table whose columns are the ten features and the target.
    public static func dataset(from table: NumericTable, source: String = "<csv>") throws(NumericTableError) -> Dataset {
        guard table.columnNames == featureNames + [targetName] else {
            throw NumericTableError(source: source, line: 1, column: 1,
                                    message: "expected the header \((featureNames + [targetName]).joined(separator: ","))")
        }
        let width = table.columnCount
        var features: [Double] = []
        features.reserveCapacity(table.rowCount * featureNames.count)
        var targets: [Double] = []
        targets.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            features.append(contentsOf: table.values[(row * width)..<(row * width + featureNames.count)])
            targets.append(table.values[row * width + featureNames.count])
        }
        return Dataset(validName: "diabetes", sampleCount: table.rowCount, featureCount: featureNames.count,
                       features: features, targets: targets, featureNames: featureNames)
    }
}
