// Completion of window functions and their `over (…)` clause, and of the `pivot` and `unpivot` stages.

import Testing
import WekaQL

@Suite struct ReshapingCompletionTests {
    private func texts(_ text: String) -> [String] {
        Engine().completions(for: text, cursor: text.utf8.count, commands: []) { _ in [] }.candidates.map(\.text)
    }

    @Test func extendAndSelectOfferWindowFunctionsAndAggregates() {
        for text in ["arrests extend r = ", "arrests select country, "] {
            let names = texts(text)
            #expect(names.contains("rank(") && names.contains("row_number(") && names.contains("lag("), "\(text)")
            #expect(names.contains("sum(") && names.contains("lower("), "\(text)")
        }
        #expect(!texts("arrests where ").contains("rank("))
        #expect(texts("arrests extend r = ra") == ["rank("])
    }

    @Test func overFollowsAWindowableCall() {
        #expect(texts("arrests extend r = rank() ").contains("over"))
        #expect(texts("arrests select sum(arrested) ").contains("over"))
        #expect(!texts("arrests extend r = lower(country) ").contains("over"))
    }

    @Test func insideOverItsPartsThenFields() {
        #expect(texts("arrests extend r = rank() over (") == ["by", "sort by"])
        let afterBy = texts("arrests extend r = rank() over (by ")
        #expect(afterBy.contains("country") && afterBy.contains("offence"))
        #expect(texts("arrests extend r = rank() over (by country ").contains("sort by"))
        #expect(texts("arrests extend r = rank() over (by country sort ") == ["by"])
        #expect(texts("arrests extend r = rank() over (sort by arrested ").contains("desc"))
        #expect(!texts("arrests extend r = rank() over (sort by arrested ").contains("where"))
        #expect(texts("arrests extend r = rank() over (sort by arrested) ").contains("where"))
    }

    @Test func pivotAndUnpivot() {
        #expect(texts("arrests pi") == ["pivot"])
        #expect(texts("arrests pivot ").contains("offence"))
        #expect(texts("arrests pivot offence ") == ["in", "using"])
        #expect(texts("arrests pivot offence using ").contains("count("))
        #expect(texts("arrests pivot offence using count() ").contains("by"))
        #expect(texts("arrests pivot offence using count() by ").contains("country"))
        #expect(texts("arrests unpivot arrested ") == ["into"])
        #expect(texts("arrests unpivot arrested, ").contains("suspects"))
    }
}
