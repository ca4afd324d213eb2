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
        // Ctrl-C, SIGTERM and SIGHUP: remove half-written output files before leaving, so no
        // partial file remains. The sources are kept alive for the whole run.
        let sources = [
            handle(SIGINT, with: exitInterrupted), handle(SIGTERM, with: exitTerminated),
            handle(SIGHUP, with: exitHungUp),
        ]
        let console = Console.standard()
        let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), console: console)
        console.finish()
        withExtendedLifetime(sources) { exit(status.rawValue) }
    }

    /// Takes `signal` from its default action and runs `handler` on a Dispatch queue instead.
    private static func handle(_ number: Int32, with handler: @escaping @Sendable () -> Void)
        -> any DispatchSourceSignal
    {
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        // A plain function, not a closure: a closure formed here would be main-actor isolated and
        // trap when Dispatch runs it on another queue.
        source.setEventHandler(handler: handler)
        source.resume()
        return source
    }
}

/// Removes half-written output files and exits with the status of the signal.
private func exitInterrupted() { removeTemporaryFilesAndExit(.interrupted) }
private func exitTerminated() { removeTemporaryFilesAndExit(.terminated) }
private func exitHungUp() { removeTemporaryFilesAndExit(.hungUp) }

private func removeTemporaryFilesAndExit(_ status: ExitCode) {
    TemporaryFiles.shared.removeAll()
    _exit(status.rawValue)
}
