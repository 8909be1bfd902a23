import Testing

@Test func NBRenderTestsModuleBuilds() {
    #expect(Bool(true))
}
