#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls that move bytes between files and memory, over views instead of pointers.
///
/// Ownership: every call borrows the view it is given for the length of the call only.
enum SystemCalls {
    /// `read(2)` into `view`: the number of bytes read, 0 at the end of the file, or -1 with `errno` set.
    @inline(__always)
    static func read(_ descriptor: Int32, into view: MutableBufferView<UInt8>) -> Int {
        guard view.count > 0 else { return 0 }
        return view.withPointer { posixRead(descriptor, $0, view.count) }
    }

    /// `write(2)` of `view`: the number of bytes written, or -1 with `errno` set.
    @inline(__always)
    static func write(_ descriptor: Int32, _ view: ByteView) -> Int {
        guard let base = view.unsafeBuffer.baseAddress else { return 0 }
        return posixWrite(descriptor, base, view.count)
    }

    /// `renameat2(path, target, RENAME_EXCHANGE)` where Linux has it (looked up at run time, as
    /// older C libraries lack the wrapper): whether the two files were swapped.
    static func exchange(_ path: String, with target: String) -> Bool {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            let renameAt2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 2  // RENAME_EXCHANGE, <linux/fs.h>
            return renameAt2(AT_FDCWD, path, AT_FDCWD, target, renameExchange) == 0
        #else
            return false
        #endif
    }
}

extension MutableBufferView where Element == UInt8 {
    /// The start of the memory, for the system calls above only.
    fileprivate func withPointer<Result>(_ body: (UnsafeMutableRawPointer) -> Result) -> Result {
        body(UnsafeMutableRawPointer(mutating: unsafeBuffer.baseAddress.unsafelyUnwrapped))
    }
}

@inline(__always)
private func posixRead(_ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, pointer, count)
}

@inline(__always)
private func posixWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, pointer, count)
}
