import Foundation
import Testing
@testable import NBExecution

/// The shared cache's `ac/` entries: what is written reads back; anything else is no entry.
@Suite struct RemoteEntryTests {
    let key = String(repeating: "ab", count: 32)

    @Test func anEntryReadsBack() {
        for entry in [RemoteEntry(record: key, environments: nil), RemoteEntry(record: key, environments: String(repeating: "0", count: 64))] {
            #expect(RemoteEntry(entry.encoded) == entry)
        }
    }

    @Test func foreignOrDamagedEntriesAreRefused() {
        for text in ["", "nb-remote-entry 1\n", "nb-remote-entry 2\nrecord \(key)\nenvironments -\n",
                     "nb-remote-entry 1\nrecord \(key.uppercased())\nenvironments -\n",
                     "nb-remote-entry 1\nrecord ../../etc/passwd\nenvironments -\n",
                     "nb-remote-entry 1\nrecord \(key)\nenvironments x\n"] {
            #expect(RemoteEntry(Data(text.utf8)) == nil, "\(text)")
        }
    }

    @Test func aServerThatIsDownIsOneWarningAndNoBlob() throws {
        // Port 9 on loopback (discard) refuses connections on a machine that runs no such service.
        let remote = RemoteCache(url: try #require(URL(string: "http://127.0.0.1:9/nb")), timeout: 5)
        #expect(remote.get(.ac, key) == nil)
        remote.put(.cas, key, Data("x".utf8))
        #expect(remote.get(.cas, key) == nil)
        #expect(remote.warning?.contains("this build used the local cache only") == true)
        #expect(remote.transfers.downloads == 0 && remote.transfers.uploads == 0)
    }
}
