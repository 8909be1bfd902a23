import NBLanguage

/// Runs `body` on one of the shared large-stack threads and waits for it: encoding and decoding
/// nested values recurses once per level, deeper than a worker thread's default stack allows.
func onLargeStack<T>(_ body: () -> T) -> T {
    LargeStackThreads.shared.run(body)
}
