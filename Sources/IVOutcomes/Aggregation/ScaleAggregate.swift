/// Everything a report says about one scale in one group of children, as exact sufficient
/// statistics and counts (before suppression), so that areas can be added together.
public struct ScaleAggregate: Sendable, Hashable {
    /// The scale.
    public let scale: ScaleID
    /// Children with a baseline score.
    public var childrenWithBaseline = PoolableCount()
    /// Children with a follow-up score (a later day than the baseline).
    public var childrenWithFollowUp = PoolableCount()
    /// Baseline scores of every child with a baseline.
    public var baseline = PoolableSums()
    /// Baseline and latest scores of the children with a follow-up (the paired comparison).
    public var pairedBaseline = PoolableSums()
    /// Latest scores of the children followed up.
    public var latest = PoolableSums()
    /// Latest minus baseline, per child with a follow-up.
    public var change = PoolableSums()
    /// Days from baseline to latest, per child with a follow-up: how long the change took.
    public var followUpDays = PoolableSums()
    /// Children followed up by reliable-change class.
    public var reliableChange: CountSet
    /// Children followed up by meaningful-change class.
    public var meaningfulChange: CountSet
    /// Children by band at baseline (all with a baseline) and at latest (those followed up).
    public var bandsAtBaseline: CountSet
    /// Children followed up by band at their latest score.
    public var bandsAtLatest: CountSet
    /// Children followed up, by band at baseline and at latest: `average>high` and so on.
    public var bandMovement: CountSet
    /// Children followed up, by change: bin `k` holds changes from `k × binWidth` up to `(k + 1) × binWidth`.
    public var changeHistogram = CountSet()
    /// The width of the change histogram's bins, in points.
    public let binWidth: Double
    /// Scores (administrations) taken below the instrument's validated age.
    public var scoresBelowValidatedAge = PoolableCount()

    /// An empty aggregate for `scale`.
    public init(scale: Scale) {
        self.scale = scale.id
        reliableChange = CountSet(names: ReliableChangeClass.reported.map(\.rawValue))
        meaningfulChange = CountSet(names: MeaningfulChangeClass.reported.map(\.rawValue))
        let bands = scale.bands?.bands.map(\.id) ?? []
        bandsAtBaseline = CountSet(names: bands.map(\.rawValue))
        bandsAtLatest = CountSet(names: bands.map(\.rawValue))
        bandMovement = CountSet(
            names: bands.flatMap { from in bands.map { ScaleAggregate.movement(from: from, to: $0) } })
        binWidth = ScaleAggregate.binWidth(for: scale)
    }

    /// An empty aggregate with given parts, for pooling.
    init(
        scale: ScaleID, binWidth: Double, reliable: CountSet, meaningful: CountSet, bandsAtBaseline: CountSet,
        bandsAtLatest: CountSet,
        bandMovement: CountSet
    ) {
        self.bandMovement = bandMovement
        self.scale = scale
        self.binWidth = binWidth
        reliableChange = reliable
        meaningfulChange = meaningful
        self.bandsAtBaseline = bandsAtBaseline
        self.bandsAtLatest = bandsAtLatest
    }

    /// The name of a band movement: `possible_depression>average`.
    public static func movement(from: BandID, to: BandID) -> String { "\(from)>\(to)" }

    /// Histogram bins as wide as the meaningful-change threshold, rounded up to whole points
    /// (3 on WEMWBS, 2 on the SWEMWBS metric score), or 2 points without one.
    static func binWidth(for scale: Scale) -> Double {
        (scale.change?.meaningful?.points).map { max(1, $0.rounded(.up)) } ?? 2
    }

    /// Adds one child's change.
    public mutating func add(_ child: ScaleChange) {
        scoresBelowValidatedAge.value += child.administrationsBelowValidatedAge
        guard let first = child.baseline else { return }
        childrenWithBaseline.value += 1
        baseline.sums.add(first.value)
        if let band = first.band?.rawValue { bandsAtBaseline[band] = bandsAtBaseline[band] + PoolableCount(1) }
        guard let change = child.change, let last = child.latest else { return }
        childrenWithFollowUp.value += 1
        pairedBaseline.sums.add(first.value)
        latest.sums.add(last.value)
        self.change.sums.add(change)
        followUpDays.sums.add(Double(child.daysBetween ?? last.date.daysSinceEpoch - first.date.daysSinceEpoch))
        if reliableChange.names.contains(child.reliableChange.rawValue) {
            reliableChange[child.reliableChange.rawValue] =
                reliableChange[child.reliableChange.rawValue] + PoolableCount(1)
        }
        if meaningfulChange.names.contains(child.meaningfulChange.rawValue) {
            meaningfulChange[child.meaningfulChange.rawValue] =
                meaningfulChange[child.meaningfulChange.rawValue] + PoolableCount(1)
        }
        if let band = last.band?.rawValue { bandsAtLatest[band] = bandsAtLatest[band] + PoolableCount(1) }
        if let from = first.band, let to = last.band {
            let name = ScaleAggregate.movement(from: from, to: to)
            bandMovement[name] = bandMovement[name] + PoolableCount(1)
        }
        let bin = String(Int((change / binWidth).rounded(.down)))
        changeHistogram[bin] = changeHistogram[bin] + PoolableCount(1)
    }
}
