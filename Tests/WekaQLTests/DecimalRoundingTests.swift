// round(decimal, n): halves away from zero on the exact decimal (a float: on its shortest text), so
// round(2.345, 2) is 2.35.

import Testing
import WekaQL

@Suite struct DecimalRoundingTests {
    /// DuckDB's value in the comment (`select round(2.345, 2)`, a DECIMAL literal, unless marked DOUBLE).
    @Test(arguments: [
        ("round(2.345, 2)", 2.35),        // DuckDB 2.35 (DOUBLE 2.35 too); was 2.34
        ("round(-2.345, 2)", -2.35),      // DuckDB -2.35
        ("round(1.005, 2)", 1.01),        // DuckDB 1.01 (DOUBLE: 1.0, its exact binary value is 1.00499…)
        ("round(0.285, 2)", 0.29),        // DuckDB 0.29 (DOUBLE: 0.28)
        ("round(0.125, 2)", 0.13),        // DuckDB 0.13
        ("round(9.995, 2)", 10.0),        // DuckDB 10.00
        ("round(1.25, 1)", 1.3),          // DuckDB 1.3
        ("round(123.456, -1)", 120.0),    // DuckDB 120
        ("round(1234.5678, -2)", 1200.0), // DuckDB 1200
        ("round(99.5, -2)", 100.0),       // DuckDB 100
        ("round(2.0 / 3, 2)", 0.67),      // DuckDB 0.67
        ("round(1e20, 2)", 1e20),         // DuckDB 1e+20
        ("round(1.5e300, -299)", 1.5e300),
        ("round(5e-324, 2)", 0.0),        // DuckDB DOUBLE 0.0
        ("round(0.1 + 0.2, 15)", 0.3),    // 0.30000000000000004 to 15 places
        ("round(2.5, 0)", 3.0),           // DuckDB 3
    ] as [(String, Double)])
    func roundsTheWrittenDigits(_ expression: String, _ expected: Double) throws {
        #expect(try LangFixtures.value("people where id = 1 select \(expression) as v").doubleValue == expected)
    }

    @Test func largePlacesLeaveTheNumberAsItIs() throws {
        #expect(try LangFixtures.value("people where id = 1 select round(2.345, 9223372036854775807) as v") == .decimal(2.345))
        #expect(try LangFixtures.value("people where id = 1 select round(2.345, -9223372036854775807) as v") == .decimal(0))
    }
}
