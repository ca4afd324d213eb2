/// What a tracker has been given, as a `Sendable` value: the administrations it keeps (with
/// their answer codes), the children it has seen and what it counted of rows it did not keep.
///
/// A tracker is a class that one task fills; to track several files at once, fill one tracker
/// per task, hand back its ``FollowUpTracker/records`` and merge them into one tracker, which
/// then resolves duplicates and same-day forms across all of them, exactly as if every row had
/// been added to it:
///
/// ```swift
/// let parts = try await withThrowingTaskGroup(of: FollowUpRecords.self) { group in
///     for path in paths {
///         group.addTask {
///             let tracker = FollowUpTracker(catalog: catalog, options: options)
///             try ResponseFileReader(path: path, catalog: catalog).track(into: tracker) { _ in }
///             return tracker.records
///         }
///     }
///     var collected: [FollowUpRecords] = []
///     for try await part in group { collected.append(part) }
///     return collected
/// }
/// let tracker = FollowUpTracker(catalog: catalog, options: options)
/// for part in parts { try tracker.merge(part) }
/// ```
public struct FollowUpRecords: Sendable {
    struct Administration: Sendable {
        let child: String
        let day: Int32
        let line: Int32
        let file: Int
        let instrument: Int
        let status: ScoreStatus
        let values: [Double]
        let codes: [UInt8]
        let fingerprint: UInt64
    }

    let catalog: InstrumentCatalog
    let options: FollowUpOptions
    let files: [String]
    let fileOptions: [ScoringOptions]
    /// Per file: the rows counted as they came (invalid, out of range), never kept.
    let notKept: [(invalid: Int, outOfRange: Int)]
    let children: [String]
    let administrations: [Administration]

    /// Administrations kept (valid and within the dates), before duplicates are resolved.
    public var count: Int { administrations.count }
}

/// Why records can't be merged into a tracker.
public enum FollowUpMergeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The records were made with another catalogue (instruments or versions differ).
    case differentCatalog
    /// The records were made with other options (as-of date, earliest date, log period).
    case differentOptions

    /// What differs.
    public var description: String {
        switch self {
        case .differentCatalog: return "the records were made with another catalogue of instruments"
        case .differentOptions: return "the records were made with other follow-up options (as-of or earliest date)"
        }
    }
}

extension FollowUpTracker {
    /// Everything added so far, as a `Sendable` value to merge into another tracker (see
    /// ``FollowUpRecords``).
    public var records: FollowUpRecords {
        let ledger = self.ledger
        var administrations: [FollowUpRecords.Administration] = []
        administrations.reserveCapacity(ledger.entries.count)
        for (childIndex, child) in ledger.children.enumerated() {
            let id = ledger.childTable.id(childIndex)
            var entry = Int(child.firstEntry)
            while entry >= 0 {
                let item = ledger.entries[entry]
                administrations.append(
                    FollowUpRecords.Administration(
                        child: id, day: item.day, line: item.line, file: Int(item.file),
                        instrument: Int(item.instrument), status: item.status,
                        values: ledger.values(of: entry, in: self),
                        codes: Array(ledger.codes(of: entry, in: self)), fingerprint: item.fingerprint))
                entry = Int(item.next)
            }
        }
        return FollowUpRecords(
            catalog: catalog, options: options, files: ledger.files, fileOptions: ledger.fileOptions,
            notKept: ledger.fileCounts.map { ($0.invalid, $0.outOfRange) },
            children: ledger.children.indices.map { ledger.childTable.id($0) }, administrations: administrations)
    }

    /// Adds what another tracker was given (its ``records``), as if its rows had been added here.
    ///
    /// - Throws: ``FollowUpMergeError`` when the records come from a tracker with another
    ///   catalogue or other options.
    public func merge(_ records: FollowUpRecords) throws(FollowUpMergeError) {
        guard records.catalog.instruments == catalog.instruments else { throw .differentCatalog }
        guard records.options == options else { throw .differentOptions }
        let files = records.files.indices.map { index(ofFile: records.files[$0], options: records.fileOptions[$0]) }
        for (file, counts) in zip(files, records.notKept) {
            for _ in 0..<counts.invalid { ledger.count(\.invalid, file: file) }
            for _ in 0..<counts.outOfRange { ledger.count(\.outOfRange, file: file) }
        }
        for child in records.children {
            _ = child.withUTF8View { ledger.index(ofChild: $0, in: self) }
        }
        for record in records.administrations {
            _ = record.child.withUTF8View { child in
                record.values.withView { values in
                    record.codes.withView { codes in
                        ledger.record(
                            child: child, date: CalendarDate(daysSinceEpoch: Int(record.day)), line: Int(record.line),
                            file: files[record.file], instrument: record.instrument, status: record.status,
                            values: values, codes: codes, fingerprint: record.fingerprint, in: self)
                    }
                }
            }
        }
    }
}
