import Testing

@Test func NBDocumentTestsModuleBuilds() {
    #expect(Bool(true))
}
