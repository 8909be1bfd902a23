import Testing

@Test func NBLanguageTestsModuleBuilds() {
    #expect(Bool(true))
}
