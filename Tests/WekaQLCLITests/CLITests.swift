// The real `wekaql` binary, driven as a user would: arguments, standard input, exit status and output.

import Foundation
import Testing

@Suite struct CLITests {
    @Test func runsAQuery() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "-e", "arrests where country = \"Togo\" select country, arrested"])
        #expect(result.status == 0)
        #expect(result.output == "country,arrested\nTogo,1\n")
        #expect(result.error.isEmpty)
    }
}
