/// Which of a measure's instruments fit a child of a given age: the schedule's `byAge` rules, such
/// as the Stirling scale from 8 to 12 and WEMWBS or SWEMWBS from 13.
///
/// ```swift
/// let wellbeing = try InstrumentCatalog.builtIn.schedule!.measure(id: "wellbeing")
/// wellbeing.dueInstruments(forAge: 11)    // .instruments(["scwbs"])
/// wellbeing.dueInstruments(forAge: 13)    // .instruments(["wemwbs", "swemwbs"])
/// wellbeing.dueInstruments(forAge: 7)     // .noneValidated
/// wellbeing.dueInstruments(forAge: nil)   // .unknownAge
/// ```
public struct AgeRule: Sendable, Hashable {
    /// The ages the rule covers, with the citation id for the choice and its reasons.
    public let ages: AgeRange
    /// The instruments that fit, any one of which completes a wave.
    public let instruments: [InstrumentID]

    /// A rule from its parts.
    public init(ages: AgeRange, instruments: [InstrumentID]) {
        self.ages = ages
        self.instruments = instruments
    }
}

/// The instruments due for a child at a wave.
public enum DueInstruments: Sendable, Hashable, CustomStringConvertible {
    /// These fit the child's age (or the measure does not depend on age).
    case instruments([InstrumentID])
    /// The measure depends on age and the child's birth month is not known.
    case unknownAge
    /// No instrument of the measure is validated for the child's age (such as under 8).
    case noneValidated

    /// As the schedule output writes it: `scwbs`, `wemwbs|swemwbs`, `unknown_age`, `none_validated`.
    public var description: String {
        switch self {
        case .instruments(let ids): return ids.map(\.rawValue).joined(separator: "|")
        case .unknownAge: return "unknown_age"
        case .noneValidated: return "none_validated"
        }
    }
}
