/// A problem's stable, machine-readable code, such as `answer.not_an_option`.
///
/// Codes are public contracts: a tool counts problems, or shows them in its own words or
/// language, by code, and a published code never changes its meaning. Each problem value also
/// carries its context (file, line, column, item, value) as fields, and an English message built
/// from them. The codes in use are listed as static members; `Problem codes` in the
/// documentation catalogue says what each means.
///
/// ```swift
/// for problem in sheet.problems where problem.code == .answerNotAnOption { print(problem.item) }
/// ```
public struct ProblemCode: RawRepresentable, Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The code's text: a family, a dot and a name in snake_case.
    public let rawValue: String

    /// A code from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A code from its text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A code written in code.
    public init(stringLiteral value: String) { rawValue = value }

    /// Decodes the code from a string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the code as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The code's text.
    public var description: String { rawValue }

    /// Orders codes by their text.
    public static func < (lhs: ProblemCode, rhs: ProblemCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension ProblemCode {
    // MARK: Rows

    /// A row has a different number of fields from the header (often an unquoted comma); nothing
    /// in it is used.
    public static let rowFieldCount: ProblemCode = "row.field_count"
    /// A JSON Lines row is not valid JSON, or not an object; it is not used.
    public static let rowNotJSON: ProblemCode = "row.not_json"
    /// A JSON Lines row has a value of the wrong type (answers not an object, a value neither a
    /// string nor a number); it is not used.
    public static let rowJSONShape: ProblemCode = "row.json_shape"
    /// A row repeats another of the same child, instrument and day; it is not used.
    public static let rowDuplicate: ProblemCode = "row.duplicate"
    /// Two forms of the same child and day disagree; both stand aside for the scales they share.
    public static let rowFormsDisagree: ProblemCode = "row.forms_disagree"
    /// A children-file row repeats a child id already read; it is not used.
    public static let rowRepeatedChild: ProblemCode = "row.repeated_child"

    // MARK: Child ids

    /// A child id is empty (see ``ChildIDError/Reason/empty``).
    public static let childIDEmpty: ProblemCode = "child_id.empty"
    /// A child id has a control character (see ``ChildIDError/Reason/controlCharacter``).
    public static let childIDControlCharacter: ProblemCode = "child_id.control_character"
    /// A child id looks like a person's name (see ``ChildIDError/Reason/looksLikeName``).
    public static let childIDLooksLikeName: ProblemCode = "child_id.looks_like_name"
    /// A child is not in the children file, so their age is unknown.
    public static let childNotInRegister: ProblemCode = "child.not_in_register"

    /// Some of a child's administrations of a scale were below the instrument's validated age.
    public static let belowValidatedAge: ProblemCode = "child.below_validated_age"
    /// Administrations above the instrument's oldest validated age (SCWBS over 15), counted
    /// cautiously: a child who may have had a birthday is taken as older.
    public static let aboveValidatedAge: ProblemCode = "child.above_validated_age"

    // MARK: Schedules

    /// No match start in the children file: waves are counted from the first administration.
    public static let scheduleNoMatchStart: ProblemCode = "schedule.no_match_start"
    /// A waiting child has no `referred_on` in the children file: waves are counted from the
    /// first administration.
    public static let scheduleNoReferralDate: ProblemCode = "schedule.no_referral_date"
    /// No match start and no administration: no wave can be placed.
    public static let scheduleNoAnchor: ProblemCode = "schedule.no_anchor"
    /// The match has ended: no wave is expected after its end.
    public static let scheduleMatchEnded: ProblemCode = "schedule.match_ended"
    /// The next wave's instrument differs from the one the child was last measured with (the
    /// schedule's age rules move a child from SCWBS to WEMWBS or SWEMWBS at 13): a new series starts.
    public static let scheduleInstrumentChanges: ProblemCode = "schedule.instrument_changes"

    // MARK: Dates and instruments

    /// A date cell is not a date in the expected format; the row is not used.
    public static let dateInvalid: ProblemCode = "date.invalid"
    /// A date is outside the expected dates (before the earliest date or after the as-of date):
    /// scored, but left out of change and reports.
    public static let dateOutOfRange: ProblemCode = "date.out_of_range"
    /// An optional date (a match start or end) is not a date, or is before the match start; read as unknown.
    public static let dateUnreadable: ProblemCode = "date.unreadable"
    /// A birth month is not a year and month, is out of range or in the future; the age is unknown.
    public static let birthMonthInvalid: ProblemCode = "birth_month.invalid"
    /// A children file's `status` is neither `matched` nor `waiting`; the child is read as matched.
    public static let statusInvalid: ProblemCode = "status.invalid"
    /// A child on the waiting list has match dates; read as waiting, the match dates not used.
    public static let statusWaitingWithMatch: ProblemCode = "status.waiting_with_match"
    /// An administration given to the scoring engine of another instrument (see ``ScoringError``).
    public static let instrumentMismatch: ProblemCode = "instrument.mismatch"
    /// A row names no instrument (and no `--instrument` was given); it is not used.
    public static let instrumentMissing: ProblemCode = "instrument.missing"
    /// A row or administration names an instrument the catalogue does not have; it is not used.
    public static let instrumentUnknown: ProblemCode = "instrument.unknown"

    // MARK: Answers

    /// An answer is neither an option's code nor its label; the administration is invalid.
    public static let answerNotAnOption: ProblemCode = "answer.not_an_option"
    /// A required item has no answer.
    public static let answerMissing: ProblemCode = "answer.missing"
    /// The young person declined an item.
    public static let answerDeclined: ProblemCode = "answer.declined"
    /// An answer was given to an item the instrument does not have; the administration is invalid.
    public static let answerUnknownItem: ProblemCode = "answer.unknown_item"
    /// A FHIR answer given only as display text, with no code: never scored by its words.
    public static let answerDisplayOnly: ProblemCode = "answer.display_only"
    /// A FHIR answer coded in another code system than the questionnaire's answer options.
    public static let answerWrongSystem: ProblemCode = "answer.wrong_system"
    /// A FHIR QuestionnaireResponse whose status is not `completed` (or `amended`).
    public static let responseNotCompleted: ProblemCode = "response.not_completed"

    // MARK: Scales

    /// A scale was prorated from fewer answers than its items, as its missing-answer policy allows.
    public static let scaleProrated: ProblemCode = "scale.prorated"
    /// A scale was not scored: more items unanswered than its missing-answer policy allows.
    public static let scaleIncomplete: ProblemCode = "scale.incomplete"
    /// A scale was not scored because the scale it is converted from was not.
    public static let scaleSourceNotScored: ProblemCode = "scale.source_not_scored"
    /// A conversion table needs a whole raw score and the prorated raw score is not one.
    public static let scaleNotWholeNumber: ProblemCode = "scale.not_whole_number"
    /// A raw score is outside the scale's conversion table.
    public static let scaleOutsideTable: ProblemCode = "scale.outside_table"
}
