import NBRender
import Testing

/// `nb build --shard K/N`: the shards partition the notebooks, deterministically, balanced by weight.
@Suite struct SiteShardTests {
    let notebooks = (1...23).map { "folder/n\($0).md" } + ["index.md", "a.md"]

    @Test func shardsPartitionTheNotebooks() throws {
        for count in 1...5 {
            let slices = try (1...count).map { try #require(SiteShard(index: $0, count: count)).slice(notebooks) { _ in nil } }
            #expect(slices.flatMap { $0 }.sorted() == notebooks.sorted())
            #expect(Set(slices.flatMap { $0 }).count == notebooks.count)
            // Unknown weights: counts differ by at most one.
            #expect((slices.map(\.count).max() ?? 0) - (slices.map(\.count).min() ?? 0) <= 1)
        }
    }

    @Test func weightsFromThePreviousRunBalanceTheWork() throws {
        // One notebook as heavy as all the others together gets a shard of its own.
        let weight: (String) -> Double? = { $0 == "a.md" ? 24 : 1 }
        let one = try #require(SiteShard("1/2")).slice(notebooks, weight: weight)
        let two = try #require(SiteShard("2/2")).slice(notebooks, weight: weight)
        #expect(one == ["a.md"])
        #expect(two.count == notebooks.count - 1)
        // The same inputs always give the same slice, whatever order they come in.
        #expect(try #require(SiteShard("2/2")).slice(notebooks.reversed(), weight: weight) == two)
    }

    @Test func onlyKOverNIsAccepted() {
        #expect(SiteShard("1/1") == SiteShard(index: 1, count: 1))
        for bad in ["0/1", "2/1", "1/0", "1", "/2", "1/", "a/b", "-1/2", "1/2/3", " 1/2", "1/9999999"] {
            #expect(SiteShard(bad) == nil, "\(bad)")
        }
    }
}
