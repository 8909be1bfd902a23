import NBAutodiff
import Testing

@Suite struct NumberFormattingTests {
    @Test func section5NumberForm() {
        #expect(NumberFormatting.text(12) == "12")
        #expect(NumberFormatting.text(-3) == "-3")
        #expect(NumberFormatting.text(-0.0) == "0")
        #expect(NumberFormatting.text(1.0 / 3) == "0.3333333333")
        #expect(NumberFormatting.text(2.5) == "2.5")
        #expect(NumberFormatting.text(1e-7) == "1e-7")
        #expect(NumberFormatting.text(1.5e20) == "1.5e20")
        #expect(NumberFormatting.text(123456789012.5) == "1.23456789e11")
        #expect(NumberFormatting.text(.nan) == "nan")
        #expect(NumberFormatting.text(.infinity) == "inf")
        #expect(NumberFormatting.text(-.infinity) == "-inf")
    }
}
