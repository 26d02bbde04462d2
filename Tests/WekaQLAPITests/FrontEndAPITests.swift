// What an editor or a linter needs: tokens with ranges, the syntax tree, completeness, schema, completions.

import Testing
import WekaQL

@Suite struct FrontEndAPITests {
    @Test func tokensHaveKindsRangesAndKeywords() {
        let file = SourceFile(name: "q", text: "arrests | where arrested >= $n # big ones")
        let (tokens, problems) = Lexer.tokenize(file, keepComments: true)
        #expect(problems.isEmpty)
        #expect(tokens.map(\.kind) == [.word, .pipe, .word, .word, .greaterEqual, .parameter, .comment, .end])
        #expect(tokens[2].keyword == .where)
        #expect(tokens[0].keyword == nil)
        #expect(tokens[5].text == "n")
        #expect(file.text(in: tokens[5].range) == "$n")
        #expect(tokens[3].range == SourceRange(16, 24))
    }

    @Test func theLexerNeverThrows() {
        let (tokens, problems) = Lexer.tokenize(SourceFile(name: "q", text: "arrests where country = \"Togo"))
        #expect(tokens.last?.kind == .end)
        #expect(problems.map(\.code) == [.unterminatedString])
    }

    @Test func theSyntaxTreeCarriesEveryPart() throws {
        let file = SourceFile(name: "q", text: "let big = arrests where arrested > 2 sort by arrested desc\nbig count by country")
        let (program, problems) = Parser.parse(file)
        #expect(problems.isEmpty)
        #expect(program.statements.count == 2)
        guard case .binding(let name, let query) = program.statements[0].kind else {
            Issue.record("not a let: \(program.statements[0].kind)")
            return
        }
        #expect(name.text == "big")
        #expect(query.source.text == "arrests")
        #expect(query.stages.count == 2)
        guard case .filter(let condition) = query.stages[0].kind,
              case .binary(.greater, let left, let right) = condition.kind,
              case .field(let field) = left.kind, case .literal(let limit) = right.kind else {
            Issue.record("unexpected stage: \(query.stages[0].kind)")
            return
        }
        #expect(field.text == "arrested")
        #expect(limit == 2)
        #expect(file.text(in: condition.range) == "arrested > 2")
        guard case .sort(let keys) = query.stages[1].kind else { Issue.record("no sort"); return }
        #expect(keys.first?.descending == true)
        #expect(file.text(in: query.stages[1].keywordRange) == "sort by")
        guard case .count(let by) = program.statements[1].query.stages[0].kind else { Issue.record("no count"); return }
        #expect(by.map(\.field?.text) == ["country"])
    }

    @Test func parseErrorsAreReportedAndTheRestStillParses() {
        let (program, problems) = Parser.parse(SourceFile(name: "q", text: "arrests where arrested = = 2\nfunders count"))
        #expect(problems.count == 1)
        #expect(problems.first?.location?.line == 1)
        #expect(program.statements.map(\.query.source.text) == ["funders"])
    }

    @Test(arguments: [("arrests |", false), ("arrests count", true), ("arrests where country in (\"Togo\",", false),
                      ("countries where country = \"Côte", false), ("funders; partners", true)])
    func layoutSaysWhetherAStatementIsComplete(_ text: String, _ complete: Bool) {
        #expect(Layout.isComplete(text) == complete)
    }

    @Test func theSchemaListsCollectionsFieldsTypesAndDescriptions() throws {
        let dataset = Engine().dataset
        #expect(dataset.name == "Operation Weka II")
        #expect(dataset.collectionNames == ["operations", "figures", "countries", "arrests", "victims", "smuggling", "items",
                                            "other_crimes", "partners", "funders", "statements", "captions"])
        let arrests = try #require(dataset["arrests"])
        #expect(!arrests.description.isEmpty)
        let arrested = try #require(arrests.fields.first { $0.name == "arrested" })
        #expect(arrested.type == .integer)
        #expect(arrested.description.contains("number of people arrested"))
        #expect(dataset.collections.allSatisfy { collection in collection.fields.allSatisfy { !$0.description.isEmpty } })
        #expect(dataset["operations"]?.fields.first { $0.name == "start_date" }?.type == .date)
    }

    @Test func completionsAtTheCursor() {
        let engine = Engine()
        let start = engine.completions(for: "arr", cursor: 3)
        #expect(start.candidates.map(\.text) == ["arrests"])
        #expect(start.candidates.first?.kind == .collection)
        #expect(start.range == SourceRange(0, 3))

        let text = "arrests where co"
        let fields = engine.completions(for: text, cursor: text.utf8.count)
        #expect(fields.candidates.contains { $0.text == "country" && $0.kind == .field })

        let value = "countries where country = \"Tog"
        let values = engine.completions(for: value, cursor: value.utf8.count)
        #expect(values.candidates.map(\.text) == ["\"Togo\""])
        #expect(values.insertion == "\"Togo\" ")
    }
}
