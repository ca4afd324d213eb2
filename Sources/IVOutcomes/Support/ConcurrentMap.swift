import Foundation

extension Array where Element: Sendable {
    /// The elements transformed, on as many threads as the machine has cores, in order.
    ///
    /// ```swift
    /// let squares = [1, 2, 3].concurrentMap { $0 * $0 }    // [1, 4, 9]
    /// ```
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = Results<Result>(count: count)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(elements[index]))
        }
        return results.values()
    }
}

/// Results filled in by concurrent tasks, each slot written once.
// Unchecked: every access to `slots` holds `lock`.
private final class Results<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
