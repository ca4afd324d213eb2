/// One scale in one group, as published: counts suppressed, statistics shown only for large
/// enough, complete groups. A table a group does not publish is empty: a breakdown's category
/// publishes only its sizes, statistics and reliable-change classes, and no group publishes the
/// tables of fewer children than the threshold (``TableDesign``).
public struct ScaleView: Sendable, Hashable {
    /// The scale's definition (its title, range, bands and thresholds).
    public let definition: Scale
    /// The scale's id, as ``ScaleAggregate/scale``.
    public var scale: ScaleID { definition.id }
    /// Children with a baseline score, as published.
    public internal(set) var childrenWithBaseline: ReportedCount
    /// Children followed up, as published.
    public internal(set) var childrenWithFollowUp: ReportedCount
    /// Baseline scores of all children with one, when shown.
    public internal(set) var baseline: MeanAndSD?
    /// Baseline scores of the children followed up, when shown.
    public internal(set) var pairedBaseline: MeanAndSD?
    /// Latest scores of the children followed up, when shown.
    public internal(set) var latest: MeanAndSD?
    /// Mean change, 95% CI, paired t-test and Cohen's d_z.
    public internal(set) var change: PairedChange?
    /// Children followed up by reliable-change class, as published.
    public internal(set) var reliableChange: [ReportedCell]
    /// Children followed up by meaningful-change class, as published.
    public internal(set) var meaningfulChange: [ReportedCell]
    /// Children by band at baseline, as published.
    public internal(set) var bandsAtBaseline: [ReportedCell]
    /// Children followed up by band at latest, as published.
    public internal(set) var bandsAtLatest: [ReportedCell]
    /// Children followed up by band at baseline and latest (`from>to`), suppressed as one set.
    public internal(set) var bandMovement: [ReportedCell]
    /// Bins of change, lowest first: `name` is the bin index `k` (changes from `k × binWidth`).
    public internal(set) var changeHistogram: [ReportedCell]
    /// The width of the change histogram's bins, in points.
    public let binWidth: Double
    /// Scores below the instrument's validated age, as published; `nil` in a breakdown's
    /// category, which does not publish it (``TableDesign``).
    public internal(set) var scoresBelowValidatedAge: ReportedCount?
    /// Cautions a reader must see beside the numbers.
    public internal(set) var notes: [String]
    /// The exact aggregate, for the pooling summary; only its unsuppressed cells are ever written.
    var aggregate: ScaleAggregate
}
