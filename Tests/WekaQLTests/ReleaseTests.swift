// The built-in data read beside the press release itself (Facts/release.txt): every row's source is the
// release's own text, every sentence of it is recorded or deliberately left out, every number is in a row,
// and every field says where its values come from.

import Foundation
import Testing
import WekaQL

/// The release, cut into its sentences, captions, headings and list items (Facts/release-units.txt, one a line),
/// and the parts the data file leaves out on purpose.
private struct Release {
    let text: String
    let units: [String]
    let unrecorded: [(text: String, why: String)]

    static func load() throws -> Release {
        func resource(_ name: String) throws -> String {
            let url = try #require(Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Facts"))
            return try String(contentsOf: url, encoding: .utf8)
        }
        let units = try resource("release-units").split(separator: "\n").map(String.init)
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/WekaQL/Dataset/weka-ii.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: data)) as? [String: Any])
        let unrecorded = try #require(json["unrecorded"] as? [[String: String]]).map { ($0["text"] ?? "", $0["why"] ?? "") }
        return Release(text: try resource("release"), units: units, unrecorded: unrecorded)
    }

    /// The indexes of the units that `source` joins with single spaces, in release order, or `nil` if it is not such a join.
    func units(of source: String) -> [Int]? {
        func match(_ rest: Substring, after: Int) -> [Int]? {
            if rest.isEmpty { return [] }
            for index in units.indices where index > after && rest.hasPrefix(units[index]) {
                let tail = rest.dropFirst(units[index].count)
                guard tail.isEmpty || tail.first == " " else { continue }
                if let more = match(tail.dropFirst(tail.isEmpty ? 0 : 1), after: index) { return [index] + more }
            }
            return nil
        }
        return match(source[...], after: -1)
    }
}

/// Every value of every built-in collection's `source` field, with where it is.
private func sources() throws -> [(place: String, text: String)] {
    try Dataset.builtIn.collections.flatMap { collection throws -> [(place: String, text: String)] in
        let table = try collection.table
        guard let column = table.columnIndex("source") else { return [] }
        return table.map { ("\(collection.name) row \($0.index + 1)", $0[column].stringValue ?? "") }
    }
}

@Suite struct ReleaseTests {
    @Test func theUnitsAreTheReleaseWhole() throws {
        let release = try Release.load()
        let squeezed = { (text: String) in text.filter { !$0.isWhitespace } }
        #expect(squeezed(release.units.joined()) == squeezed(release.text))
        #expect(Set(release.units).count == release.units.count, "a unit is listed twice")
    }

    @Test func everySourceIsTheReleasesOwnText() throws {
        let release = try Release.load()
        let all = try sources()
        #expect(all.count > 60)
        for (place, text) in all {
            #expect(release.units(of: text) != nil, "\(place): source is not the release's sentences joined by spaces: \(text)")
        }
    }

    @Test func everySentenceIsRecordedOrLeftOutWithWhy() throws {
        let release = try Release.load()
        let used = Set(try sources().flatMap { release.units(of: $0.text) ?? [] })
        let leftOut = Set(release.unrecorded.map(\.text))
        for (index, unit) in release.units.enumerated() where !used.contains(index) {
            #expect(leftOut.contains(unit), "no row comes from, and unrecorded does not list: \(unit)")
        }
        for (text, why) in release.unrecorded {
            #expect(release.units.contains(text), "unrecorded lists text the release does not have: \(text)")
            #expect(!why.isEmpty, "unrecorded gives no reason for: \(text)")
            #expect(!used.contains(release.units.firstIndex(of: text) ?? -1), "unrecorded, yet a row's source: \(text)")
        }
    }

    @Test func everyNumberOfTheReleaseIsInARow() throws {
        let release = try Release.load()
        let words = ["six": 6, "three": 3, "four": 4]
        let leftOut = Set(release.unrecorded.map(\.text))
        var stated = Set<Int64>()
        for unit in release.units where !leftOut.contains(unit) {
            stated.formUnion(numbers(in: unit))
            for word in unit.split(whereSeparator: { !$0.isLetter }) { if let n = words[String(word)] { stated.insert(Int64(n)) } }
        }
        var recorded = Set<Int64>()
        for collection in Dataset.builtIn.collections {
            let table = try collection.table
            for row in table {
                for (index, field) in table.fields.enumerated() where field.name != "source" {
                    switch row[index] {
                    case .integer(let n): recorded.insert(n)
                    case .string(let text): recorded.formUnion(numbers(in: text))
                    default: break
                    }
                }
            }
        }
        #expect(stated.subtracting(recorded).isEmpty, "numbers of the release in no row: \(stated.subtracting(recorded).sorted())")
    }

    @Test func everyFieldSaysWhereItComesFrom() {
        for collection in Dataset.builtIn.collections {
            for field in collection.fields {
                #expect(field.origin != nil, "\(collection.name).\(field.name) has no origin")
                if field.origin != .release {
                    #expect(!field.originNote.isEmpty, "\(collection.name).\(field.name) is \(field.origin!) without why")
                }
                if let qualifier = field.qualifierField {
                    #expect(collection.fields.contains { $0.name == qualifier }, "\(collection.name).\(field.name): no field \(qualifier)")
                }
            }
        }
    }

    @Test func referenceAndInferredFieldsAreMarked() throws {
        let dataset = Dataset.builtIn
        let origins = { (collection: String) in
            Dictionary(uniqueKeysWithValues: dataset[collection]!.fields.map { ($0.name, $0.origin) })
        }
        #expect(origins("countries")["iso2"] == .reference)
        #expect(origins("countries")["continent"] == .reference)
        #expect(origins("operations")["year"] == .inferred)
        #expect(origins("operations")["start_date"] == .inferred)
        #expect(origins("operations")["dates"] == .release)
        #expect(origins("partners")["kind"] == nil)
    }

    /// The whole numbers written in digits in `text`, thousands separators allowed ("4,000").
    private func numbers(in text: String) -> Set<Int64> {
        var found = Set<Int64>()
        var digits = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if character == ",", !digits.isEmpty, digits.count <= 3 {
                continue
            } else {
                if let n = Int64(digits) { found.insert(n) }
                digits = ""
            }
        }
        return found
    }
}
