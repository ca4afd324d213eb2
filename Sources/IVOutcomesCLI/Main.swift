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
        interrupt.setEventHandler {
            TemporaryFiles.shared.removeAll()
            _exit(ExitCode.interrupted.rawValue)
        }
        interrupt.resume()
        let console = Console.standard()
        let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), console: console)
        console.finish()
        exit(status.rawValue)
    }
}
