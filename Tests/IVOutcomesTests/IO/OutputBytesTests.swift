import Testing

@testable import IVOutcomes

@Suite("Output bytes")
struct OutputBytesTests {
    func written(_ body: (inout OutputBytes) -> Void) -> String {
        var out = OutputBytes(capacity: 4)
        defer { out.deallocate() }
        body(&out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test("numbers are written exactly as formatNumber spells them", arguments: [0, 1, 2, 3])
    func numbers(decimals: Int) {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 0.005, -0.004, 2.87, 2.8699999999999974, 6.7966, -6.7966, 70, 14, 19.25, 35.0]
        values += [1e14, 123_456_789.987, -0.05, 9.995, 99.995, 1e16, -1e16, 0.001, 12.3456]
        var state: UInt64 = 7
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append((Double(state >> 11) / Double(1 << 53) - 0.5) * 200)
        }
        for value in values {
            #expect(written { $0.append(number: value, decimals: decimals) } == formatNumber(value, decimals: decimals), "\(value)")
        }
    }

    @Test("whole numbers", arguments: [0, 7, 10, -10, 1234567890, Int.max, Int.min + 1])
    func integers(value: Int) {
        #expect(written { $0.append(integer: value) } == String(value))
    }

    @Test("a short cell from a padded buffer is quoted and neutralised exactly as any other cell")
    func paddedCells() {
        var state: UInt64 = 11
        let alphabet = Array("ab1-=+@,\"\n\r 9".utf8)
        var padded = OutputBytes(capacity: 64)
        defer { padded.deallocate() }
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 60)
            var cell: [UInt8] = []
            for shift in 0..<length { cell.append(alphabet[Int((state >> UInt64(shift * 4)) & 0xF) % alphabet.count]) }
            // The cell sits in an OutputBytes buffer, followed by bytes that must not matter.
            padded.removeAll()
            cell.withUnsafeBufferPointer { padded.append($0) }
            for filler in [UInt8(44), 34, 10] { padded.append(filler) }
            let fast = written { out in CSVCell.append(UnsafeBufferPointer(start: padded.base, count: length), padded: true, to: &out) }
            let checked = written { out in cell.withUnsafeBufferPointer { CSVCell.append($0, to: &out) } }
            #expect(fast == checked, "\(cell)")
        }
    }
}
