import Testing

@Test func NBCheckTestsModuleBuilds() {
    #expect(Bool(true))
}
