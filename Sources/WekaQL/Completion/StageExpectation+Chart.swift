// What may follow the tokens of a `chart` stage: a kind, then its options, and fields after them.

extension Expectation {
    // chart = "chart" , CHART KIND , { chart option } ;
    // chart option = X , "=" , field | Y , "=" , field , { "," , field } | "by" , field | TITLE , STRING
    //              | BINS , "=" , INTEGER ;
    static func chart(_ tokens: ArraySlice<Token>) -> Expectation {
        guard let last = tokens.last else { return Expectation(keywords: ChartKind.allCases.map(\.rawValue)) }
        let before = tokens.count >= 2 ? tokens[tokens.endIndex - 2] : nil
        let option = before?.text.lowercased()
        switch last.kind {
        case .equal where option == "x" || option == "y", .comma:
            return Expectation(fields: true)
        case .equal, .string, .integer:
            return last.kind == .equal ? .nothing : Expectation(keywords: optionWords)
        case .word where last.isKeyword(.by) || last.text.lowercased() == "title":
            return last.isKeyword(.by) ? Expectation(fields: true) : .nothing
        case .word where ["x", "y", "bins"].contains(last.text.lowercased()) && before?.kind != .equal:
            return .nothing   // "=" comes next
        case .word, .quotedName:
            return Expectation(keywords: optionWords)
        default:
            return .nothing
        }
    }

    private static let optionWords = ["x", "y", "by", "title", "bins"]
}
