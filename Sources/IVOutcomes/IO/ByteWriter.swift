import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered byte writer to standard output or to a file that appears atomically.
///
/// A file is written under a temporary name beside the target and renamed into place by
/// ``commit()``, so the target never holds half an output: after an error, or if the writer is
/// dropped without committing, the temporary file is removed and the target is left as it was.
public final class ByteWriter {
    /// The output's name for messages: the path, `standard output`, or `memory`.
    public let name: String
    private let descriptor: Int32
    private let temporaryPath: String?
    private let targetPath: String?
    /// Set last in every initialiser, after anything that can throw, so a failed one leaks nothing.
    private var buffer: OutputBytes
    private var committed = false
    private let collects: Bool
    /// Whether ``descriptor`` was opened by this writer (a file, not standard output).
    private let ownsDescriptor: Bool
    /// Everything written, for a writer made with ``init(collecting:)``.
    public private(set) var collected: [UInt8] = []
    private static let flushSize = 1 << 18

    /// A writer to standard output.
    public init(standardOutput: ()) {
        name = "standard output"
        descriptor = 1
        temporaryPath = nil
        targetPath = nil
        collects = false
        ownsDescriptor = false
        buffer = ByteWriter.makeBuffer()
    }

    /// A writer to standard error.
    public init(standardError: ()) {
        name = "standard error"
        descriptor = 2
        temporaryPath = nil
        targetPath = nil
        collects = false
        ownsDescriptor = false
        buffer = ByteWriter.makeBuffer()
    }

    /// A writer that keeps what is written in ``collected`` (for tests and in-process callers).
    public init(collecting: ()) {
        name = "memory"
        descriptor = -1
        temporaryPath = nil
        targetPath = nil
        collects = true
        ownsDescriptor = false
        buffer = ByteWriter.makeBuffer()
    }

    /// A writer to `path` that replaces it atomically on ``commit()``.
    ///
    /// A regular file (or a symbolic link to one, whose target is replaced and the link kept) is
    /// written under a temporary name beside it and moved into place when complete, keeping the
    /// mode of a file it replaces. A character device or a FIFO (`/dev/stdout`, a pipe) is written
    /// to directly, which cannot be atomic. Temporary files left for `path` by processes that no
    /// longer run are removed.
    /// - Parameters:
    ///   - path: the file to write (created or replaced when ``commit()`` is called).
    ///   - replacingReadOnly: replace an existing file whose mode bits deny writing (otherwise
    ///     refused, even for root, who could write it).
    /// - Throws: ``OutputError`` for a folder, a read-only file, or a file that can't be created.
    public init(atomicFile path: String, replacingReadOnly: Bool = false) throws(OutputError) {
        name = path
        collects = false
        let target = try OutputTarget(path: path, replacingReadOnly: replacingReadOnly)
        switch target.kind {
        case .direct:
            let opened = open(target.path, O_WRONLY)
            guard opened >= 0 else { throw OutputError(file: path, reason: CSVReader.errorText(errno)) }
            descriptor = opened
            temporaryPath = nil
            targetPath = nil
            ownsDescriptor = true
            buffer = ByteWriter.makeBuffer()
        case .regularFile(let existing):
            OutputTarget.removeStalePartials(of: target.path)
            let temporary = OutputTarget.temporaryPath(for: target.path)
            let opened = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard opened >= 0 else { throw OutputError(file: path, reason: CSVReader.errorText(errno)) }
            if let existing {
                // The replacement keeps the old file's permissions (and, for root, its owner).
                _ = fchmod(opened, existing.st_mode & 0o7777)
                if geteuid() == 0 { _ = fchown(opened, existing.st_uid, existing.st_gid) }
            }
            descriptor = opened
            temporaryPath = temporary
            targetPath = target.path
            ownsDescriptor = true
            buffer = ByteWriter.makeBuffer()
            TemporaryFiles.shared.register(temporary)
        }
    }

    private static func makeBuffer() -> OutputBytes { OutputBytes(capacity: flushSize + 65536) }

    deinit {
        guard ownsDescriptor, !committed else { return }
        close(descriptor)
        if let temporaryPath {
            unlink(temporaryPath)
            TemporaryFiles.shared.unregister(temporaryPath)
        }
    }

    /// Appends bytes to the buffer, flushing when it is full.
    @inline(__always)
    func write(_ bytes: ByteView) throws(OutputError) {
        if bytes.count >= ByteWriter.flushSize, !collects {
            try flush()
            try writeOut(bytes)
            return
        }
        buffer.append(bytes)
        if buffer.count >= ByteWriter.flushSize { try flush() }
    }

    /// Appends a string's UTF-8 bytes.
    public func write(_ text: String) throws(OutputError) {
        buffer.append(text)
        if buffer.count >= ByteWriter.flushSize { try flush() }
    }

    /// Direct access to the pending bytes, for encoders that append in place; call
    /// ``flushIfNeeded()`` after.
    @inline(__always)
    func append(_ body: (inout OutputBytes) -> Void) {
        body(&buffer)
    }

    @inline(__always)
    func flushIfNeeded() throws(OutputError) {
        if buffer.count >= ByteWriter.flushSize { try flush() }
    }

    /// Writes out everything buffered.
    public func flush() throws(OutputError) {
        if collects {
            buffer.withView { collected.append(contentsOf: $0) }
            buffer.removeAll()
            return
        }
        defer { buffer.removeAll() }
        try buffer.withView { (bytes) throws(OutputError) in try writeOut(bytes) }
    }

    /// Writes bytes straight to the descriptor.
    private func writeOut(_ bytes: ByteView) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = SystemCalls.write(descriptor, bytes.extracting(from: offset))
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(file: name, reason: CSVReader.errorText(errno))
            }
            offset += written
        }
    }

    /// Flushes and, for a file, moves it into place. Nothing is visible at the target before this.
    ///
    /// Moving the file into place in one step makes the output atomic against errors and
    /// interrupts: the target holds either its old contents or the whole new output. The data is
    /// left to the operating system to put on disk (no `fsync`, which cost more than scoring a
    /// million rows): like other data tools, a power cut just after a run can lose the newest
    /// output, or leave it incomplete; run the command again.
    public func commit() throws(OutputError) {
        try flush()
        guard ownsDescriptor, !committed else { return }
        committed = true
        guard close(descriptor) == 0 else {
            let reason = CSVReader.errorText(errno)
            if let temporaryPath {
                unlink(temporaryPath)
                TemporaryFiles.shared.unregister(temporaryPath)
            }
            throw OutputError(file: name, reason: reason)
        }
        guard let temporaryPath, let targetPath else { return }
        TemporaryFiles.shared.unregister(temporaryPath)
        if ByteWriter.exchange(temporaryPath, with: targetPath) {
            // The temporary path now holds the old file.
            unlink(temporaryPath)
            return
        }
        guard rename(temporaryPath, targetPath) == 0 else {
            let reason = CSVReader.errorText(errno)
            unlink(temporaryPath)
            throw OutputError(file: name, reason: reason)
        }
    }
}

extension ByteWriter {
    /// Swaps a new file with an existing regular file in one step, where Linux can (`renameat2`
    /// with `RENAME_EXCHANGE`); false when it can't (another system, a file system without it, no
    /// target yet), for `rename` to move the file instead.
    ///
    /// Why not `rename` always: on ext4, renaming over an existing file first starts writing the
    /// new file's data to disk (its `auto_da_alloc` safeguard for programs that don't `fsync`),
    /// which took longer than scoring a third of a million rows. An exchange does not, and is as
    /// atomic.
    static func exchange(_ path: String, with target: String) -> Bool {
        #if os(Linux)
            var status = stat()
            guard lstat(target, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
            return SystemCalls.exchange(path, with: target)
        #else
            return false
        #endif
    }
}
