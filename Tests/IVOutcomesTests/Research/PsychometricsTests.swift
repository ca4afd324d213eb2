import Testing

@testable import IVOutcomes

@Suite("Psychometrics")
struct PsychometricsTests {
    /// Fixed data: 12 administrations of 4 items coded 1-3. The expected values were computed
    /// independently with NumPy 2.4 and SciPy 1.17 (sample variances with ddof=1; alpha from item
    /// and total variances; Feldt interval from scipy.stats.f.ppf(0.975 and 0.025, 11, 33);
    /// corrected item-total r with numpy.corrcoef against the total of the other items).
    static let data: [[Int]] = [
        [1, 2, 2, 1], [2, 2, 3, 2], [3, 3, 3, 2], [1, 1, 2, 1], [2, 3, 2, 2], [3, 3, 3, 3],
        [2, 2, 1, 2], [1, 2, 1, 1], [3, 2, 3, 3], [2, 3, 3, 2], [1, 1, 1, 2], [3, 3, 2, 3],
    ]

    func fixtureScale() throws -> (Scale, [Item]) {
        let catalog = try InstrumentCatalog.builtIn
        let life = try catalog.instrument(id: "life-skills")
        let items = Array(life.items.prefix(4))
        let scale = Scale(
            id: "four", title: "Four items", method: .sum(items: items.map(\.id)), minimum: 4, maximum: 12, decimals: 0,
            missingPolicy: .complete, bands: nil,
            change: ChangeThresholds(meaningful: nil, reliable: ReliableChange(basis: .points(3), source: "x")),
            sources: [])
        return (scale, items)
    }

    @Test("alpha, its Feldt interval, item-total correlations and alpha if deleted match SciPy")
    func matchesReference() throws {
        let (scale, items) = try fixtureScale()
        let stats = try Psychometrics.analyse(
            codes: Self.data, scale: scale, items: items, missing: [0, 1, 0, 2], administrationsRead: 14)
        #expect(stats.n == 12)
        #expect(abs((stats.alpha ?? 0) - 0.8616684266103484) < 1e-12)
        #expect(abs((stats.alphaInterval?.lowerBound ?? 0) - 0.6663076004375152) < 1e-9)
        #expect(abs((stats.alphaInterval?.upperBound ?? 0) - 0.9553382346697903) < 1e-9)
        #expect(abs(stats.mean - 8.416666666666666) < 1e-12)
        #expect(abs(stats.standardDeviation - 2.678477631835372) < 1e-12)
        #expect(abs((stats.standardErrorOfMeasurement ?? 0) - 0.9962049198956221) < 1e-12)
        #expect(abs((stats.impliedReliableChange ?? 0) - 2.7613391568936154) < 1e-12)
        #expect(stats.declaredReliableChange == 3)
        let r = [0.9067909391257248, 0.6527176023797551, 0.5979238692073395, 0.7004500865013347]
        let deleted = [0.7323340471092077, 0.8456375838926173, 0.8704663212435234, 0.82793867120954]
        for (index, item) in stats.items.enumerated() {
            #expect(abs((item.correctedItemTotal ?? 0) - r[index]) < 1e-12)
            #expect(abs((item.alphaIfDeleted ?? 0) - deleted[index]) < 1e-12)
        }
        #expect(abs(stats.items[0].standardDeviation - 0.8528028654224418) < 1e-12)
        #expect(stats.items[0].floorPercent == 100.0 * 4 / 12)
        #expect(stats.items[3].missingPercent == 100.0 * 2 / 14)
    }

    @Test("the F quantiles behind the interval match SciPy")
    func fQuantiles() {
        #expect(abs(Distributions.fQuantile(0.975, 11, 33) - 2.4122649037074257) < 1e-9)
        #expect(abs(Distributions.fQuantile(0.025, 11, 33) - 0.3228602425015922) < 1e-9)
    }

    @Test("an item with no variance has no item-total correlation, not NaN")
    func zeroVariance() throws {
        let (scale, items) = try fixtureScale()
        let constant = Self.data.map { [$0[0], $0[1], $0[2], 2] }
        let stats = try Psychometrics.analyse(
            codes: constant, scale: scale, items: items, missing: [0, 0, 0, 0], administrationsRead: 12)
        #expect(stats.items[3].correctedItemTotal == nil)
        #expect(stats.items[3].standardDeviation == 0)
        #expect(stats.alpha.map { !$0.isNaN } == true)
        let flat = Array(repeating: [2, 2, 2, 2], count: 12)
        let none = try Psychometrics.analyse(
            codes: flat, scale: scale, items: items, missing: [0, 0, 0, 0], administrationsRead: 12)
        #expect(none.alpha == nil && none.alphaInterval == nil && none.impliedReliableChange == nil)
    }

    @Test("too few administrations is a clear message")
    func tooFew() throws {
        let (scale, items) = try fixtureScale()
        #expect {
            try Psychometrics.analyse(
                codes: Array(Self.data.prefix(4)), scale: scale, items: items, missing: [0, 0, 0, 0],
                administrationsRead: 4)
        } throws: { error in
            (error as? PsychometricsError)?.description
                == "too few complete administrations to analyse: found 4, need at least 10 (one per child)"
        }
    }

    @Test("from a file: the first complete administration per child, missingness from all")
    func fromFile() throws {
        let folder = TemporaryFolder()
        let items = [
            "life_skills_travel", "life_skills_money", "life_skills_asking", "life_skills_cooking",
            "life_skills_new_people", "life_skills_speaking_up", "life_skills_planning", "life_skills_help",
        ]
        var lines = ["child_id,administered_on,instrument," + items.joined(separator: ",")]
        for child in 0..<12 {
            let codes = (0..<8).map { String(1 + (child + $0) % 3) }
            lines.append("C\(child),2026-06-01,life-skills," + codes.joined(separator: ","))
            // A later administration of the same child: must not be counted a second time.
            lines.append("C\(child),2026-12-01,life-skills," + Array(repeating: "3", count: 8).joined(separator: ","))
        }
        lines.append("C99,2026-06-01,life-skills,,1,1,1,1,1,1,1")
        let catalog = try InstrumentCatalog.builtIn
        let stats = try Psychometrics.analyse(
            file: folder.write("pilot.csv", lines.joined(separator: "\n")),
            instrument: try catalog.instrument(id: "life-skills"),
            catalog: catalog)
        #expect(stats.n == 12)
        #expect(stats.administrationsRead == 25)
        #expect(stats.items[0].missing == 1)
        #expect(stats.ceilingPercent == 0)
        let all = try Psychometrics.analyse(
            file: folder.file("pilot.csv"), instrument: try catalog.instrument(id: "life-skills"), catalog: catalog,
            firstPerChild: false)
        #expect(all.n == 24)
        #expect {
            try Psychometrics.analyse(
                file: folder.file("pilot.csv"), instrument: try catalog.instrument(id: "wemwbs"),
                scale: "swemwbs_metric",
                catalog: catalog)
        } throws: { error in
            (error as? PsychometricsError)?.description
                == "swemwbs_metric is a conversion of another scale, not a sum or mean of items; analyse swemwbs_raw instead (--scale swemwbs_raw)"
        }
    }
}
