/// One completed questionnaire or log form: who, when, which instrument, and the answers as given.
///
/// Answers are kept as the text that came in (a code such as `"4"`, a label such as `"Often"`,
/// `"declined"`, or free text) so that scoring can report exactly what it found.
///
/// ```swift
/// let form = Administration(childID: "C001", administeredOn: date, instrument: "swemwbs",
///                           answers: ["wemwbs_1": "4", "wemwbs_2": "Often", "wemwbs_3": "declined"])
/// ```
public struct Administration: Sendable, Hashable, Codable {
    /// The answer text that records a young person's decision not to answer a question. It is an
    /// answer in its own right: never scored as a low value, counted separately from blanks.
    public static let declinedAnswer = "declined"

    /// The child's pseudonymous id.
    public var childID: ChildID
    /// When the questionnaire was completed.
    public var administeredOn: CalendarDate
    /// The instrument answered.
    public var instrument: InstrumentID
    /// Answer text by item id. A missing key and an empty or all-space value both mean "blank".
    public var answers: [ItemID: String]

    /// An administration from answer text: codes, labels, `declined` or free text.
    public init(childID: ChildID, administeredOn: CalendarDate, instrument: InstrumentID, answers: [ItemID: String]) {
        self.childID = childID
        self.administeredOn = administeredOn
        self.instrument = instrument
        self.answers = answers
    }

    /// An administration from answer codes.
    public init(childID: ChildID, administeredOn: CalendarDate, instrument: InstrumentID, codes: [ItemID: Int]) {
        self.init(
            childID: childID, administeredOn: administeredOn, instrument: instrument,
            answers: codes.mapValues(String.init))
    }

    enum CodingKeys: String, CodingKey {
        case childID = "child_id"
        case administeredOn = "administered_on"
        case instrument
        case answers
    }
}

extension Administration {
    /// A fingerprint of the administration's content (child, date, instrument and answers, in
    /// item order), which orders forms that otherwise read the same by content, not by the order
    /// they were added in.
    var fingerprint: UInt64 {
        let parts =
            [childID.rawValue, administeredOn.description, instrument.rawValue]
            + answers.sorted { $0.key.rawValue < $1.key.rawValue }.flatMap { [$0.key.rawValue, $0.value] }
        return parts.reduce(RowFingerprint.seed) { hash, part in
            part.withUTF8View { RowFingerprint.mix(hash, $0) }
        }
    }
}
