// `extend`, `rename`, `drop`, `top`, and `select NAME = EXPR`: the columns they leave, in order, and
// `top` as the same rows as `sort by` then `limit`.

import Testing
import WekaQL

@Suite struct ReshapingStageTests {
    static func names(_ query: String) throws -> [String] {
        try LangFixtures.table(query).fields.map(\.name)
    }

    @Test func extendAddsAfterAndReplacesInPlace() throws {
        #expect(try Self.names("people extend double = age * 2") == LangFixtures.peopleColumns + ["double"])
        #expect(try Self.names("people extend age = 0, x = 1") == LangFixtures.peopleColumns + ["x"])
        #expect(try LangFixtures.column("people extend age = id * 10 select age") == [10, 20, 30, 40, 50, 60])
        // Each expression reads the input: `age` below is the old age, not the replaced one.
        #expect(try LangFixtures.column("people where id = 1 extend age = 0, old = age select old") == [30])
    }

    @Test func extendNamingAColumnTwiceIsAnError() {
        let codes = LangFixtures.diagnostics("people extend x = 1, x = 2").map(\.code)
        #expect(codes == [.duplicateColumn])
    }

    @Test func selectNameEqualsExpressionNamesAColumn() throws {
        #expect(try Self.names("people select n = name, (age = 30), age == 30") == ["n", "(age = 30)", "age == 30"])
        #expect(try LangFixtures.column("people where id = 1 select m = age = 30") == [true])
    }

    @Test func renameKeepsColumnsAndOrder() throws {
        #expect(try Self.names("people rename name as who, id as `key`")
                == ["key", "who", "city", "age", "score", "active", "joined"])
        #expect(try LangFixtures.column("people rename age as years where years > 29 select id") == [1, 4, 5])
        #expect(try Self.names("people rename age as age") == LangFixtures.peopleColumns)
    }

    @Test func renameErrorsArePlaced() {
        let clash = LangFixtures.diagnostics("people rename name as city")
        #expect(clash.map(\.code) == [.renameClash])
        #expect(clash.first?.range == SourceRange(22, 26))
        #expect(LangFixtures.diagnostics("people rename nme as who").map(\.code) == [.unknownField])
    }

    @Test func dropKeepsTheOthers() throws {
        #expect(try Self.names("people drop score, name") == ["id", "city", "age", "active", "joined"])
        let all = LangFixtures.diagnostics("people drop " + LangFixtures.peopleColumns.joined(separator: ", "))
        #expect(all.map(\.code) == [.dropsEverything])
        #expect(LangFixtures.diagnostics("people drop nme").map(\.code) == [.unknownField])
    }

    @Test(arguments: ["age", "age desc", "score desc, id", "city, age desc", "name desc"])
    func topIsSortThenLimit(_ keys: String) throws {
        for n in 0...7 {
            #expect(try LangFixtures.column("people top \(n) by \(keys) select id")
                    == LangFixtures.column("people sort by \(keys) limit \(n) select id"))
        }
    }

    @Test func topNullsLastAndCountChecked() throws {
        #expect(try LangFixtures.column("people top 6 by age desc select id") == [5, 1, 4, 3, 2, 6])
        #expect(LangFixtures.diagnostics("people top -1 by age").map(\.code) == [.notConstant])
    }
}
