import Testing
@testable import NBDocument

@Suite struct SlugTests {
    @Test(arguments: [
        ("Numerical differentiation", "numerical-differentiation"),
        ("自动求导", "自动求导"),
        ("无监督/半监督/自监督深度学习", "无监督半监督自监督深度学习"),
        ("  Dual numbers -- (and ε)!  ", "dual-numbers-and-ε"),
        ("C++ & Swift 6", "c-swift-6"),
        ("!!!", "section"),
    ])
    func slugs(text: String, slug: String) {
        #expect(Slugger.slug(text) == slug)
    }

    @Test func repeatsGetNumbers() throws {
        let document = try DocumentParser.parse("## 参考\n\n## 参考\n\n## 参考-1\n\n## Math $x^2$\n")
        let ids = document.blocks.compactMap { if case .heading(let h) = $0 { h.id } else { nil } }
        #expect(ids == ["参考", "参考-1", "参考-1-1", "math-x2"])
    }
}
