import Testing
@testable import NBLanguage

/// What a plot or an image grid shows is in its transcript (SPEC §5), so an output block pins it.
struct DisplaySummaryTests {
    private func transcript(_ source: String) -> String { Session().run(cell: source).transcript }

    @Test func aPlotQuotesEightEvenlySpacedPointsAndItsRanges() {
        let text = transcript("plot(x -> x^2, linspace(0, 1, 11), title: \"sq\", label: \"f\")")
        #expect(text == """
        <plot: sq, 1 series, 11 points>
          series "f": 11 points, x from 0 to 1, y from 0 to 1
            x  0  0.1  0.3  0.4  0.6  0.7  0.9  1
            y  0  0.01  0.09  0.16  0.36  0.49  0.81  1
        """)
    }

    @Test func drawingADifferentFunctionChangesTheTranscript() {
        let sine = transcript("plot(sin, linspace(0, 3, 50))")
        let cosine = transcript("plot(cos, linspace(0, 3, 50))")
        #expect(sine.split(separator: "\n")[0] == cosine.split(separator: "\n")[0])
        #expect(sine != cosine)
    }

    @Test func aScatterColouredByGroupCountsEachGroup() {
        let text = transcript("scatter([1, 2, 3], [3, 1, 2], groups: [0, 1, 0])")
        #expect(text.contains("    groups  0: 2, 1: 1\n    group  0  1  0"))
    }

    @Test func dotsAndALineThroughTheSamePointsDiffer() {
        let dots = transcript("scatter([1, 2, 3], [3, 1, 2])")
        let line = transcript("plot([1, 2, 3], [3, 1, 2])")
        #expect(dots.contains("  series \"\": scatter, 3 points, x from 1 to 3"))
        #expect(line.contains("  series \"\": 3 points, x from 1 to 3"))
    }

    @Test func rangesSkipNonFiniteValuesAndAnEmptySeriesSaysNone() {
        let plot = PlotSpec(title: "p", series: [.init(name: "a", xs: [1, 2, 3], ys: [.nan, 2, .infinity]),
                                                 .init(name: "b\nc", xs: [], ys: [])])
        #expect(plot.transcript == """
        <plot: p, 2 series, 3 points>
          series "a": 3 points, x from 1 to 3, y from 2 to 2
            x  1  2  3
            y  nan  2  inf
          series "b c": 0 points, x none, y none
        """)
    }

    @Test func sampleIndicesAreEvenlySpacedWithBothEnds() {
        #expect(DisplaySummary.sampleIndices(count: 3, samples: 8) == [0, 1, 2])
        #expect(DisplaySummary.sampleIndices(count: 100, samples: 8) == [0, 14, 28, 42, 57, 71, 85, 99])
        #expect(DisplaySummary.sampleIndices(count: 0, samples: 8) == [])
    }

    @Test func anImageGridGivesItsPixelStatisticsAndImageMeans() {
        let grid = ImageGrid(title: "g", width: 2, height: 1, pixels: [[0, 1], [0.5, 0.5]])
        #expect(grid.transcript == """
        <images: g, 2 images, 2x1>
          pixels  min 0, max 1, mean 0.5, sd 0.3535533906
          image means  0.5  0.5
        """)
        let captioned = ImageGrid(title: "g", width: 2, height: 1, pixels: [[0, 1], [0.5, 0.5]], captions: ["7", "a b"])
        #expect(captioned.transcript.hasSuffix("\n  captions  7  \"a b\""))
    }
}
