import Testing
@testable import NBLearning

@Suite struct DiabetesTests {
    @Test func loadsScikitLearnsScaledData() throws {
        let diabetes = try Diabetes.load(path: Fixtures.diabetesPath)
        #expect(diabetes.sampleCount == 442)
        #expect(diabetes.featureCount == 10)
        #expect(diabetes.featureNames == Diabetes.featureNames)
        #expect(diabetes.classCount == nil)
        // Spot values straight from sklearn.datasets.load_diabetes().
        #expect(diabetes[0, 0] == 0.038075906433423026)
        #expect(diabetes[1, 6] == 0.07441156407875721)
        #expect(diabetes.targets.prefix(5) == [151, 75, 141, 206, 135])
        // load_diabetes() scales every column to mean 0 and sum of squares 1.
        for feature in 0..<10 {
            let column = diabetes.column(feature)
            #expect(abs(column.reduce(0, +)) < 1e-12)
            #expect(abs(column.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
        }
    }

    @Test func missingFileIsAnErrorNotACrash() {
        #expect(throws: NumericTableError.self) { try Diabetes.load(path: "/nonexistent/diabetes.csv") }
    }

    @Test func wrongHeaderIsRejected() throws {
        let table = try NumericTable(parsing: "a,b\n1,2\n")
        #expect(throws: NumericTableError.self) { try Diabetes.dataset(from: table) }
    }
}

@Suite struct NumericTableTests {
    @Test func parsesHeaderRowsAndLineEndings() throws {
        let table = try NumericTable(parsing: "x, y\r\n1, 2.5\r\n\r\n-3,4e-2\r\n")
        #expect(table.columnNames == ["x", "y"])
        #expect(table.rowCount == 2)
        #expect(table.values == [1, 2.5, -3, 0.04])
        #expect(table.column(named: "y") == [2.5, 0.04])
        #expect(table.column(named: "z") == nil)
    }

    @Test func badFieldNamesItsPosition() {
        #expect(throws: NumericTableError(source: "t.csv", line: 3, column: 3, message: "expected a number, found 'abc'")) {
            try NumericTable(parsing: "a,b\n1,2\n1,abc\n", source: "t.csv")
        }
    }

    @Test func anOptionalHeaderIsDetectedByItsWords() throws {
        let bare = try NumericTable(parsing: "1, 2\n3,4\n", header: .optional)
        #expect(bare.columnNames.isEmpty && bare.columnCount == 2 && bare.rowCount == 2)
        #expect(bare.values == [1, 2, 3, 4])
        let named = try NumericTable(parsing: "a,b\n3,4\n", header: .optional)
        #expect(named.columnNames == ["a", "b"] && named.rowCount == 1)
        let empty = try NumericTable(parsing: "\n", header: .optional)
        #expect(empty.rowCount == 0 && empty.values.isEmpty)
    }

    @Test func theValueLimitStopsReadingWithItsOwnKind() {
        #expect(throws: NumericTableError(source: "big.csv", line: 2, column: 1, message: "more than 3 numbers", kind: .tooLarge)) {
            try NumericTable(parsing: "1,2\n3,4\n", source: "big.csv", header: .optional, valueLimit: 3)
        }
    }

    @Test func raggedRowAndEmptyInputAreErrors() {
        #expect(throws: NumericTableError.self) { try NumericTable(parsing: "a,b\n1\n") }
        #expect(throws: NumericTableError.self) { try NumericTable(parsing: "\n \n") }
        #expect(throws: NumericTableError.self) { try NumericTable(parsing: "a\n\n,\n") }
    }
}
