import Foundation
import PackagePlugin

/// Embeds every `Instruments/*.json` file into the `IVOutcomes` library at build time.
///
/// The definitions stay the single source of truth as data files; the library reads the
/// embedded bytes through the same loader and validator as any user-supplied file.
@main
struct EmbedInstruments: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Instruments")
        let files = try FileManager.default
            .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDefinitions.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) instrument definitions",
                executable: try context.tool(named: "InstrumentEmbedder").url,
                arguments: [output.path(percentEncoded: false)] + files.map { $0.path(percentEncoded: false) },
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
