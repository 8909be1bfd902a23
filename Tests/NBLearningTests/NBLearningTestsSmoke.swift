import Testing

@Test func NBLearningTestsModuleBuilds() {
    #expect(Bool(true))
}
