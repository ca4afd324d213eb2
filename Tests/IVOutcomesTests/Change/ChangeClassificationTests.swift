import Testing

@testable import IVOutcomes

@Suite("Change: reliable and meaningful change")
struct ChangeClassificationTests {
    static func scale(_ id: ScaleID) throws -> Scale {
        try InstrumentCatalog.builtIn.instrument(id: "wemwbs").scale(id: id)
    }

    /// WEMWBS total: reliable when |change| > 6.80 (SD 6.8, r 0.87), meaningful when |change| >= 3.
    @Test(
        "WEMWBS total: each threshold exactly at and just over",
        arguments: [
            (40.0, 47.0, ReliableChangeClass.reliablyImproved, MeaningfulChangeClass.improved),
            (40, 46, .noReliableChange, .improved),
            (47, 40, .reliablyDeteriorated, .deteriorated),
            (46, 40, .noReliableChange, .deteriorated),
            (40, 43, .noReliableChange, .improved),
            (40, 42, .noReliableChange, .noMeaningfulChange),
            (43, 40, .noReliableChange, .deteriorated),
            (42, 40, .noReliableChange, .noMeaningfulChange),
            (50, 50, .noReliableChange, .noMeaningfulChange),
        ])
    func wemwbsTotal(from: Double, to: Double, reliable: ReliableChangeClass, meaningful: MeaningfulChangeClass) throws
    {
        let scale = try Self.scale("wemwbs_total")
        let change = scale.change(from: from, to: to)
        #expect(change == to - from)
        #expect(scale.reliableChange(of: change) == reliable)
        #expect(scale.meaningfulChange(of: change) == meaningful)
    }

    @Test("the WEMWBS reliable-change threshold is 6.80 points from the declared SD and reliability")
    func wemwbsThreshold() throws {
        let reliable = try #require(try Self.scale("wemwbs_total").change?.reliable)
        #expect(abs(reliable.threshold - 6.7960) < 0.0001)
        #expect(formatNumber(reliable.threshold, decimals: 2) == "6.80")
    }

    /// SWEMWBS metric: reliable when |change| > 2.87, meaningful when |change| >= 1.03 (Shah et al. 2018).
    /// Pairs such as 7.00 -> 8.03 give 1.0299999999999994 in binary floating point: the change is
    /// rounded to the scale's 2 decimals first, so they meet the threshold as they should.
    @Test(
        "SWEMWBS metric: thresholds at and just over, with floating-point traps",
        arguments: [
            (20.73, 23.60, 2.87, ReliableChangeClass.noReliableChange, MeaningfulChangeClass.improved),
            (7.00, 9.87, 2.87, .noReliableChange, .improved),
            (20.73, 23.61, 2.88, .reliablyImproved, .improved),
            (23.61, 20.73, -2.88, .reliablyDeteriorated, .deteriorated),
            (7.00, 8.03, 1.03, .noReliableChange, .improved),
            (8.03, 7.00, -1.03, .noReliableChange, .deteriorated),
            (7.00, 8.02, 1.02, .noReliableChange, .noMeaningfulChange),
        ])
    func swemwbsMetric(
        from: Double, to: Double, expected: Double, reliable: ReliableChangeClass, meaningful: MeaningfulChangeClass
    )
        throws
    {
        let scale = try Self.scale("swemwbs_metric")
        let change = scale.change(from: from, to: to)
        #expect(change == expected)
        #expect(scale.reliableChange(of: change) == reliable)
        #expect(scale.meaningfulChange(of: change) == meaningful)
    }

    @Test("a scale without declared thresholds reports the change alone")
    func noThresholds() throws {
        let scale = try InstrumentCatalog.builtIn.instrument(id: "life-skills").scale(id: "life_skills_total")
        #expect(scale.change(from: 12, to: 20) == 8)
        #expect(scale.reliableChange(of: 8) == .thresholdsNotEstablished)
        #expect(scale.meaningfulChange(of: 8) == .thresholdsNotEstablished)
    }

    @Test("a timeline orders by date, gives each step, and resolves a day by the tracker's duplicate rule")
    func timeline() throws {
        let scale = try Self.scale("wemwbs_total")
        let date = { (text: String) in CalendarDate(iso: text)! }
        let given = [
            ScaleObservation(date: date("2026-07-01"), value: 45, band: "average"),
            ScaleObservation(date: date("2026-01-01"), value: 40, band: "probable_depression"),
            ScaleObservation(date: date("2027-01-01"), value: 48, band: "average"),
            ScaleObservation(date: date("2026-07-01"), value: 60, band: "high"),
            ScaleObservation(date: date("2027-01-01"), value: 48, band: "average", line: 9),
        ]
        let timeline = Timeline(childID: "C1", scale: scale, observations: given)
        // 45 and 60 on one day disagree: neither counts. 48 twice is one administration.
        #expect(timeline.observations.map(\.value) == [40, 48])
        #expect(timeline.conflicting.map(\.value) == [45, 60])
        #expect(timeline.duplicates.map(\.line) == [9])
        #expect(timeline.steps.map(\.change) == [8])
        #expect(timeline.steps.map(\.meaningfulChange) == [.improved])
        let summary = timeline.summary()
        #expect(summary.change == 8)
        #expect(summary.reliableChange == .reliablyImproved)
        #expect(summary.daysBetween == 365)
        #expect(summary.baseline?.band == "probable_depression")
        #expect(summary.latest?.band == "average")
        #expect(
            summary.problems.map(\.description) == [
                "wemwbs_total (observation 1) and wemwbs_total (observation 4) on 2026-07-01 do not agree "
                    + "(their scores differ): neither counts for wemwbs_total that day",
                "duplicate wemwbs_total on 2027-01-01 (observation 3 and line 9): line 9 not used",
            ])
        // The same observations in any order give the same timeline.
        for order in [Array(given.reversed()), [given[3], given[0], given[4], given[2], given[1]]] {
            let other = Timeline(childID: "C1", scale: scale, observations: order)
            #expect(other.observations == timeline.observations)
            #expect(other.conflicting == timeline.conflicting)
            #expect(other.duplicates == timeline.duplicates)
            #expect(other.summary().change == summary.change)
        }
    }
}
