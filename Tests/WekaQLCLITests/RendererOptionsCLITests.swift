// The renderer's options as the command gives them: --nullvalue, --no-footer, .nullvalue, .footer, and
// the version the library and --version share.

import Foundation
import Testing

@Suite struct RendererOptionsCLITests {
    private let query = "arrests where country = \"Lesotho\" select country, arrested"

    @Test func nullvalueAndNoFooterFlags() throws {
        let result = try WekaQLProcess.run(["--nullvalue", "–", "--no-footer", "-e", query])
        #expect(result.status == 0)
        #expect(result.output.contains("│ Lesotho │        – │"))
        #expect(!result.output.contains("rows"))
        #expect(!result.output.contains("null"))
    }

    @Test func dotCommandsSetThemForTheStatementsAfter() throws {
        let result = try WekaQLProcess.run(["-e", ".nullvalue NA", "-e", ".footer off", "-e", query,
                                            "-e", ".nullvalue", "-e", ".footer on", "-e", query])
        #expect(result.status == 0)
        let halves = result.output.components(separatedBy: "┘\n")
        #expect(halves.count == 3)
        #expect(halves[0].contains("NA") && !halves[0].contains("null"))
        #expect(halves[1].contains("┌") && halves[1].contains("null"))
        #expect(halves[2] == "2 rows, 2 columns\n")
    }

    @Test func aBadFooterSwitchIsAnError() throws {
        let result = try WekaQLProcess.run(["-e", ".footer sometimes"])
        #expect(result.status != 0)
        #expect(result.error.contains("footer is on or off"))
    }

    @Test func versionFlagPrintsTheLibrarysVersion() throws {
        let result = try WekaQLProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output.range(of: #"^wekaql \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }
}
