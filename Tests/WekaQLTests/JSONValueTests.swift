// JSONValue: the library's JSON for tools (the language server's messages), read and written.

import Testing
import WekaQL

@Suite struct JSONValueTests {
    @Test func readsAndWritesBack() throws {
        let text = #"{"id":7,"n":-1.5,"ok":true,"none":null,"list":[1,"two"],"s":"a\"b\\c\n\u00e9\ud83c\uddf9"}"#
        let value = try JSONValue.parse(text)
        #expect(value["id"]?.int == 7)
        #expect(value["ok"]?.bool == true)
        #expect(value["list"]?.array?.count == 2)
        #expect(value["s"]?.string == "a\"b\\c\né\u{1F1F9}")
        #expect(value.serialized == #"{"id":7,"n":-1.5,"ok":true,"none":null,"list":[1,"two"],"s":"a\"b\\c\né🇹"}"#)
        #expect(try JSONValue.parse(value.serialized) == value)
    }

    @Test(arguments: ["", "{", "not json", #"{"a":1} 2"#, "[1,]"])
    func rejectsWhatIsNotOneValue(_ text: String) {
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(text) }
    }

    @Test func controlAndBidirectionalCharactersAreEscaped() {
        #expect(JSONValue.string("\u{1B}[31m\u{202E}").serialized == #""\u001b[31m\u202e""#)
    }
}
