// `.why N` and `.explain` at the shell, through a pseudo-terminal: the rows and sentences behind a row of
// the last result, through a refinement of it (`_`), and what each stage of the last statement did.

import Foundation
import Testing

@Suite struct ShellWhyTests {
    @Test func whyShowsTheRowsAndSentencesBehindARow() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("arrests where offence = \"human trafficking\" count by offence" + Key.enter)
        shell.waitFor("1 row, 2 columns")
        try #require(shell.waitForPrompt())
        shell.type(".why 1" + Key.enter)
        shell.waitFor("row 1: offence = human trafficking, count = 6")
        shell.waitFor("arrests: 6 rows")
        shell.waitFor("row 3")
        shell.waitFor("Authorities in Gabon arrest a suspected human trafficker.")
        try #require(shell.waitForPrompt())
        // A refinement of the last result traces through `_` to the collection's rows.
        shell.type("where count > 2" + Key.enter)
        shell.waitFor("1 row, 2 columns")
        try #require(shell.waitForPrompt())
        shell.type(".why" + Key.enter)
        shell.waitFor("arrests: 6 rows")
        try #require(shell.waitForPrompt())
        shell.type(".why 7" + Key.enter)
        shell.waitFor("the result has no row 7: it has 1 row")
    }

    @Test func explainShowsWhatEachStageOfTheLastStatementDid() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type(".mode csv" + Key.enter)
        try #require(shell.waitForPrompt())
        shell.type("arrests where offence = \"human trafficking\" count by offence" + Key.enter)
        shell.waitFor("human trafficking,6")
        try #require(shell.waitForPrompt())
        shell.type(".explain" + Key.enter)
        shell.waitFor("stage,rows_in,rows_out,ms,detail,example")
        shell.waitFor("arrests,,9,,11 columns,")
        shell.waitFor("\"where offence = \"\"human trafficking\"\"\",9,6,")
        shell.waitFor("false 3, null 0")
        shell.waitFor("count by offence,6,1,")
        shell.waitFor("1 group")
    }
}
