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
}
