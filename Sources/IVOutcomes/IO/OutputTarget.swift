import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file a path names, by device and inode, so two spellings of one file (relative and
/// absolute, `./`, through a symbolic link, a hard link) compare equal.
///
/// ```swift
/// if let input = FileIdentity(path: "q.csv"), input == FileIdentity(path: "./q.csv") {
///     print("the same file")
/// }
/// ```
package struct FileIdentity: Sendable, Hashable {
    package let device: UInt64
    package let inode: UInt64

    /// The file `path` names after following symbolic links, or `nil` when there is none.
    package init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }
}

/// Where an output path really writes, decided before anything is written.
///
/// - A regular file (existing or not) is written under a temporary name in the folder of the
///   file itself (a symbolic link is followed, so the link stays and its target is replaced) and
///   moved into place when complete.
/// - A character device, a FIFO or a socket (`/dev/stdout`, a pipe) is written to directly: that
///   cannot be atomic.
/// - An existing file whose mode bits deny writing is refused unless `replacingReadOnly`.
struct OutputTarget {
    enum Kind {
        /// Written atomically: `path` is the final file, links resolved; `mode` and owner are
        /// those of the file it replaces.
        case regularFile(existing: stat?)
        case direct
    }

    let path: String
    let kind: Kind

    init(path requested: String, replacingReadOnly: Bool) throws(OutputError) {
        var status = stat()
        guard stat(requested, &status) == 0 else {
            var link = stat()
            if lstat(requested, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                throw OutputError(
                    file: requested, reason: "it is a symbolic link to a file that does not exist; name the file itself"
                )
            }
            path = requested
            kind = .regularFile(existing: nil)
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            throw OutputError(file: requested, reason: "it is a folder; name a file inside it")
        case S_IFREG:
            if !replacingReadOnly, OutputTarget.modeDeniesWriting(status, path: requested) {
                let mode = String(status.st_mode & 0o777, radix: 8)
                throw OutputError(
                    file: requested,
                    reason: "the file is read-only (mode \(mode)); give --force to replace it, or choose another name")
            }
            path = OutputTarget.resolvingLinks(requested)
            kind = .regularFile(existing: status)
        default:
            path = requested
            kind = .direct
        }
    }

    /// Whether the permission bits refuse writing to the file. As root every write succeeds, so
    /// root is refused a file that no one may write.
    static func modeDeniesWriting(_ status: stat, path: String) -> Bool {
        if geteuid() == 0 { return status.st_mode & 0o222 == 0 }
        return access(path, W_OK) != 0
    }

    private static func resolvingLinks(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The temporary file beside `path` that this process writes.
    static func temporaryPath(for path: String, process: Int32 = getpid()) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(process).partial")
            .path
    }

    /// Removes temporary files for `path` left by processes that no longer run (after a
    /// `kill -9` or a power cut), so they never accumulate.
    static func removeStalePartials(of path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".partial") {
            let middle = name.dropFirst(prefix.count).dropLast(".partial".count)
            guard let process = Int32(middle), process > 0, process != getpid() else { continue }
            if kill(process, 0) != 0, errno == ESRCH {
                unlink(temporaryPath(for: path, process: process))
            }
        }
    }
}
