import Testing

@Test func NBCLITestsModuleBuilds() {
    #expect(Bool(true))
}
