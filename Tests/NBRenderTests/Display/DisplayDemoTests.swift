import Foundation
import Testing
@testable import NBRender

/// Writes the demo page to `$NB_DISPLAY_DEMO` (for screenshots) and checks it is well-formed.
@Test func demoPageIsWellFormedAndDeterministic() throws {
    let page = DisplayDemo.page
    #expect(page == DisplayDemo.page)
    for item in DisplayDemo.items {
        let html = DisplayHTML.render(item)
        #expect(XMLCheck.isWellFormed("<div>" + html.replacingOccurrences(of: "<!doctype html>", with: "") + "</div>"),
                "\(html.prefix(200))")
    }
    if let path = ProcessInfo.processInfo.environment["NB_DISPLAY_DEMO"] {
        try page.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
