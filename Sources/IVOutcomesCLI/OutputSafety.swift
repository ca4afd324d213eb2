import Foundation
import IVOutcomes

/// The check that no output replaces an input: run before a command reads anything.
enum OutputSafety {
    /// Every file the command line names for reading, with the argument that named it: the
    /// positionals (for commands that read files) and the values of options that read files,
    /// folders expanded to the files inside them.
    static func inputs(of arguments: ParsedArguments, command: any Command.Type) -> [(argument: String, path: String)] {
        var named: [(String, String)] = []
        if command.positionalsAreFiles { named += arguments.positionals.map { ($0, $0) } }
        for option in command.options where option.readsFile {
            for value in arguments.values[option.name] ?? [] { named.append(("\(option.name) \(value)", value)) }
        }
        var inputs: [(String, String)] = []
        for (argument, path) in named where path != "-" {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            inputs.append((argument, path))
            // A folder is read as the files directly in it (definitions folders).
            if isFolder.boolValue, let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                for name in names { inputs.append((argument, (path as NSString).appendingPathComponent(name))) }
            }
        }
        return inputs
    }

    /// Refuses an `--out` that is the same file as an input, by any spelling or link.
    /// - Throws: ``UsageError`` naming both arguments.
    static func check(_ arguments: ParsedArguments, command: any Command.Type) throws(UsageError) {
        guard let out = arguments.value(SharedOptions.out.name), out != "-", let target = FileIdentity(path: out) else {
            return
        }
        for input in inputs(of: arguments, command: command) where FileIdentity(path: input.path) == target {
            let same = input.argument == input.path ? "'\(input.path)'" : "'\(input.path)' (\(input.argument))"
            throw UsageError(
                message:
                    "--out '\(out)' is the same file as the input \(same); nothing was read or written: choose another output file"
            )
        }
    }
}
