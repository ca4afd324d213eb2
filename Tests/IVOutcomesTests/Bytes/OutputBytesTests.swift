import Testing

@testable import IVOutcomes

@Suite("Output bytes")
struct OutputBytesTests {
    func written(_ body: (inout OutputBytes) -> Void) -> String {
        var out = OutputBytes(capacity: 4)
        body(&out)
        return out.string
    }

    @Test(
        "numbers have fixed decimals, rounded half away from zero, with no minus on a zero",
        arguments: [
            (0, 0, "0"), (-0.0, 0, "0"), (-0.0, 2, "0.00"), (42, 0, "42"), (-7, 0, "-7"), (0.5, 0, "1"),
            (-0.5, 0, "-1"),
            (2.5, 0, "3"), (6.7966, 2, "6.80"), (-6.7966, 2, "-6.80"), (2.8699999999999974, 2, "2.87"),
            (0.005, 2, "0.01"),
            (-0.004, 2, "0.00"), (0.05, 1, "0.1"), (19.25, 2, "19.25"), (35, 2, "35.00"), (9.995, 2, "9.99"),
            (99.995, 2, "100.00"), (0.001, 3, "0.001"), (12.3456, 3, "12.346"), (-1.05, 1, "-1.1"), (1e16, 0, "1e+16"),
            (-1e16, 2, "-1e+16"), (123_456_789.987, 2, "123456789.99"), (70, 0, "70"),
        ] as [(Double, Int, String)])
    func numbers(value: Double, decimals: Int, expected: String) {
        #expect(written { $0.append(number: value, decimals: decimals) } == expected)
        #expect(formatNumber(value, decimals: decimals) == expected)
    }

    @Test("whole numbers", arguments: [0, 7, 10, -10, 1_234_567_890, Int.max, Int.min + 1])
    func integers(value: Int) {
        #expect(written { $0.append(integer: value) } == String(value))
    }

    @Test("a short cell from a padded buffer is quoted and neutralised exactly as any other cell")
    func paddedCells() {
        var state: UInt64 = 11
        let alphabet = Array("ab1-=+@,\"\n\r 9".utf8)
        var padded = OutputBytes(capacity: 64)
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60)
            var cell: [UInt8] = []
            for shift in 0..<length { cell.append(alphabet[Int((state >> UInt64(shift * 4)) & 0xF) % alphabet.count]) }
            // The cell sits in an OutputBytes buffer, followed by bytes that must not matter.
            padded.removeAll()
            padded.append(cell)
            for filler in [UInt8(44), 34, 10] { padded.append(filler) }
            let fast = written { out in
                padded.withView { CSVCell.append($0.extracting(0..<length), padded: true, to: &out) }
            }
            let checked = written { out in cell.withView { CSVCell.append($0, to: &out) } }
            #expect(fast == checked, "\(cell)")
        }
    }
}
