import Foundation
import PackagePlugin

/// Embeds data files into a target at build time: `Instruments/*.json` and
/// `Instruments/translations/*.json` into the `IVOutcomes` library and the example data in `Examples/` into the CLI (for `ivoutcomes demo`).
///
/// The files stay the single source of truth; the library reads the embedded bytes through the
/// same loader and validator as any user-supplied file, and the binary needs no file path.
@main
struct EmbedInstruments: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, enumName, extensions): (String, String, Set<String>) =
            target.name == "IVOutcomes"
            ? ("Instruments", "EmbeddedDefinitions", ["json"])
            : ("Examples", "EmbeddedExamples", ["csv", "jsonl"])
        let directory = context.package.directoryURL.appending(path: folder)
        // The definitions, and for the library the translations beside them (`Instruments/translations/`).
        let folders = [directory] + (target.name == "IVOutcomes" ? [directory.appending(path: "translations")] : [])
        let files = try folders.filter { FileManager.default.fileExists(atPath: $0.path(percentEncoded: false)) }
            .flatMap { folder in
                try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                    .filter { extensions.contains($0.pathExtension) }
                    .sorted { $0.lastPathComponent < $1.lastPathComponent }
            }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files from \(folder)/",
                executable: try context.tool(named: "InstrumentEmbedder").url,
                arguments: [output.path(percentEncoded: false), enumName, folder]
                    + files.map { $0.path(percentEncoded: false) },
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
