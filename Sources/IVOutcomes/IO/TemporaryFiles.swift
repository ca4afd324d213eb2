import Foundation

/// The temporary files of uncommitted writers, so an interrupt handler can remove them.
// Unchecked: every access to its list holds `lock`.
package final class TemporaryFiles: @unchecked Sendable {
    package static let shared = TemporaryFiles()
    private let lock = NSLock()
    private var paths: Set<String> = []

    func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Deletes every temporary file not yet committed (call from an interrupt handler before exiting).
    package func removeAll() {
        lock.withLock {
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }
}
