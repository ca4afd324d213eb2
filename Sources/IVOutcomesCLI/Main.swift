import Dispatch
import IVOutcomes

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct Main {
    static func main() {
        // Ctrl-C: remove half-written output files before leaving, so no partial file remains.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        // A plain function, not a closure: a closure formed here would be main-actor isolated and
        // trap when Dispatch runs it on another queue.
        interrupt.setEventHandler(handler: removeTemporaryFilesAndExit)
        interrupt.resume()
        let console = Console.standard()
        let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), console: console)
        console.finish()
        exit(status.rawValue)
    }
}

/// Removes half-written output files and exits with the interrupted status.
private func removeTemporaryFilesAndExit() {
    TemporaryFiles.shared.removeAll()
    _exit(ExitCode.interrupted.rawValue)
}
