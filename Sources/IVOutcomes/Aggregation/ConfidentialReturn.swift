import Foundation

/// An area's exact figures for the national network, sent under its data-sharing agreement and
/// never published: every count and sum of its aggregate exactly (every category of every
/// breakdown, every table), and no child's id, date of birth or free text. `pool` builds the
/// national tables exactly from returns, then protects and audits the national publication (with
/// every area's published report beside it, which it makes again from each return and checks
/// against ``publishedReportDigest``).
///
/// Its format name and its first key say it is not for publication, and no report is ever made
/// from one return: the area publishes its report, sends its return, and the network publishes
/// the national picture.
///
/// ```swift
/// let sent = view.confidentialReturn()          // an area's report's return
/// let text = sent.json()                          // written by `report --format return`
/// let read = try ConfidentialReturn(data: Data(text.utf8), file: "north.return.json")
/// ```
public struct ConfidentialReturn: Sendable, Hashable {
    /// The `format` of a return: it says the file is not for publication.
    public static let format = "ivoutcomes-confidential-return-not-for-publication"
    /// The version of the return's format this library writes and reads.
    public static let formatVersion = 1
    /// The return's first key, and what it says.
    public static let notice = (
        key: "notForPublication",
        text:
            "CONFIDENTIAL RETURN, NOT FOR PUBLICATION: an area's exact figures for the Independent Visitor network, sent under its data-sharing agreement. Never publish this file or any number in it; publish the area's report instead."
    )

    /// The area's exact aggregate.
    public let aggregate: AreaAggregate
    /// The suppression threshold of the area's published report.
    public let suppressionThreshold: Int
    /// The fingerprint of the area's published report (its JSON summary), so that the report made
    /// again from this return can be checked to be the one the area published.
    public let publishedReportDigest: String

    /// A return of `aggregate`, whose report was published with `suppressionThreshold` and has the
    /// fingerprint `publishedReportDigest`.
    public init(aggregate: AreaAggregate, suppressionThreshold: Int, publishedReportDigest: String) {
        self.aggregate = aggregate
        self.suppressionThreshold = suppressionThreshold
        self.publishedReportDigest = publishedReportDigest
    }

    /// The return as JSON, its first key the notice that it is not for publication.
    public func json() -> String {
        JSONNode.object([
            (ConfidentialReturn.notice.key, .string(ConfidentialReturn.notice.text)),
            ("format", .string(ConfidentialReturn.format)),
            ("formatVersion", .integer(ConfidentialReturn.formatVersion)),
            ("areas", .array(aggregate.areas.map(JSONNode.string))), ("asOf", .string(aggregate.asOf.description)),
            ("suppressionThreshold", .integer(suppressionThreshold)),
            ("publishedReportDigest", .string(publishedReportDigest)),
            ("instruments", .array(aggregate.instruments.map { .string($0.rawValue) })),
            (
                "dataQuality",
                .object(
                    DataQuality.fields.map { ($0.key, .integer(aggregate.dataQuality[keyPath: $0.keyPath].value)) })
            ),
            ("groups", .array(aggregate.groups.map(Self.json))),
        ]).rendered() + "\n"
    }

    private static func json(_ group: GroupAggregate) -> JSONNode {
        .object([
            ("dimension", .string(group.dimension)), ("category", .string(group.category)),
            ("children", .integer(group.children.value)), ("scales", .array(group.scales.map(json))),
            (
                "logs",
                .array(
                    group.logs.map { log in
                        .object([
                            ("outcome", .string(log.outcome.rawValue)),
                            ("childrenWithLogs", .integer(log.childrenWithLogs.value)),
                            ("logs", .integer(log.logs.value)), ("visitsHappened", .integer(log.visitsHappened.value)),
                            ("positive", .integer(log.positive.value)),
                        ])
                    })
            ),
        ])
    }

    private static func json(_ scale: ScaleAggregate) -> JSONNode {
        let sums = { (sums: PoolableSums) -> JSONNode in
            .object([
                ("n", .integer(sums.sums.count)), ("sumX100", .integer(sums.sums.sumHundredths)),
                ("sumSquaresX10000", .integer(sums.sums.sumOfSquaresTenThousandths)),
            ])
        }
        // Names sorted (bins by number), so that the same figures always write the same return,
        // whatever order the rows came in.
        let counts = { (set: CountSet) -> JSONNode in
            .object(
                set.names.sorted { a, b in Int(a).flatMap { x in Int(b).map { x < $0 } } ?? (a < b) }.map {
                    ($0, .integer(set[$0].value))
                })
        }
        return .object([
            ("scale", .string(scale.scale.rawValue)), ("binWidth", .double(scale.binWidth, decimals: 2)),
            ("childrenWithBaseline", .integer(scale.childrenWithBaseline.value)),
            ("childrenWithFollowUp", .integer(scale.childrenWithFollowUp.value)),
            ("baseline", sums(scale.baseline)), ("pairedBaseline", sums(scale.pairedBaseline)),
            ("latest", sums(scale.latest)), ("change", sums(scale.change)), ("followUpDays", sums(scale.followUpDays)),
            ("reliableChange", counts(scale.reliableChange)), ("meaningfulChange", counts(scale.meaningfulChange)),
            ("bandsAtBaseline", counts(scale.bandsAtBaseline)), ("bandsAtLatest", counts(scale.bandsAtLatest)),
            ("bandMovement", counts(scale.bandMovement)), ("changeHistogram", counts(scale.changeHistogram)),
            ("scoresBelowValidatedAge", .integer(scale.scoresBelowValidatedAge.value)),
        ])
    }

    /// Whether `data` is a confidential return (its `format` says so), before it is read in full.
    public static func isReturn(_ data: Data) -> Bool {
        guard case .success(.object(let top)) = JSONValue.parse(data) else { return false }
        return top["format"] == .string(format)
    }

    /// Reads a return written by ``json()``, checking every number as a pooling summary's are.
    ///
    /// - Throws: ``PoolingError`` naming `file` and the JSON path of anything wrong; a file that
    ///   is not a return says what it is instead.
    public init(data: Data, file: String) throws(PoolingError) {
        var reader = PoolingSummaryReader(file: file)
        reader.exactOnly = true
        let top = try reader.document(
            data, expected: "a confidential return written by 'ivoutcomes report --format return'")
        guard top["format"] == .string(ConfidentialReturn.format) else {
            throw reader.fail(
                "not a confidential return: \"format\" must be \"\(ConfidentialReturn.format)\" (write one with 'ivoutcomes report --format return')"
            )
        }
        guard top["formatVersion"] == .number(Double(ConfidentialReturn.formatVersion)) else {
            throw reader.fail("unsupported formatVersion (this version reads \(ConfidentialReturn.formatVersion))")
        }
        let threshold = try reader.whole(
            top["suppressionThreshold"], "suppressionThreshold", in: 1...Double(AreaAggregate.maximumCount),
            "a whole number from 1")
        let digest = try reader.string(top["publishedReportDigest"], "publishedReportDigest")
        self.init(
            aggregate: try reader.aggregate(top, dataQualityKey: { $0.key }), suppressionThreshold: threshold,
            publishedReportDigest: digest)
    }
}
