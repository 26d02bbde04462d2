// Errors as a tool sees them: thrown `Diagnostic` values with a code, a place, hints and CLI text.

import Testing
import WekaQL

@Suite struct DiagnosticAPITests {
    @Test func anUnknownFieldIsThrownWithItsPlaceAndAHint() throws {
        var engine = Engine()
        let error = try #require(throws: Diagnostic.self) { try engine.run("arrests where contry = \"Togo\"") }
        #expect(error.code == .unknownField)
        #expect(error.code.rawValue == "E0201")
        #expect(error.severity == .error)
        #expect(error.message == "unknown field \"contry\" in arrests")
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 15)
        #expect(error.range == SourceRange(14, 20))
        #expect(error.file?.text(in: error.range!) == "contry")
        #expect(error.hints.first?.hasPrefix("did you mean \"country\"?") == true)
    }

    @Test func theDescriptionRendersLikeTheCLI() throws {
        var engine = Engine()
        let error = try #require(throws: Diagnostic.self) { try engine.run("arrests where contry = \"Togo\"") }
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[0] == "<query>:1:15: error[E0201]: unknown field \"contry\" in arrests")
        #expect(lines[1] == "arrests where contry = \"Togo\"")
        #expect(lines[2] == "              ^~~~~~")
        #expect(lines[3].hasPrefix("help: did you mean \"country\"?"))
        #expect(String(describing: error) == DiagnosticRenderer().render(error))
        #expect(DiagnosticRenderer(colored: true).render(error).contains("\u{1B}["))
    }

    @Test func aDiagnosticRendersAsJSONForTools() throws {
        var engine = Engine()
        let error = try #require(throws: Diagnostic.self) { try engine.run("funders\nfunders where 1 +") }
        #expect(error.location?.line == 2)
        let json = DiagnosticRenderer().json(error)
        #expect(json.hasPrefix("{\"code\":\"E01"))
        #expect(json.contains("\"line\":2"))
    }

    @Test func aRuntimeErrorNamesThePlace() throws {
        var engine = Engine()
        let error = try #require(throws: Diagnostic.self) {
            try engine.run("operations select arrests / (countries - countries) as ratio")
        }
        #expect(error.code == .divisionByZero)
        #expect(error.location?.column == 19)
    }

    @Test func everyCodeIsDistinctAndStable() {
        let codes = Diagnostic.Code.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(Diagnostic.Code(rawValue: "E0402") == .cancelled)
    }
}
