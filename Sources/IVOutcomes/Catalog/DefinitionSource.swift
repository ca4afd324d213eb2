import Foundation

/// The bytes of one definition file and the name to report it by.
public struct DefinitionSource: Sendable {
    /// The file's name, for messages.
    public let name: String
    /// The file's bytes.
    public let data: Data
    let readError: String?

    /// A definition file held in memory.
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
        self.readError = nil
    }

    private init(name: String, readError: String) {
        self.name = name
        self.data = Data()
        self.readError = readError
    }

    /// Reads files and folders (every `*.json` file directly inside a folder, by name, then those
    /// of its `translations/` folder, as in `Instruments/`). A path that
    /// can't be read becomes a source that reports why, so every problem is listed together.
    public static func read(_ paths: [String]) -> [DefinitionSource] {
        var sources: [DefinitionSource] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                sources.append(DefinitionSource(name: path, readError: "no such file or folder"))
                continue
            }
            if isFolder.boolValue {
                guard let names = try? manager.contentsOfDirectory(atPath: path) else {
                    sources.append(DefinitionSource(name: path, readError: "cannot list the folder"))
                    continue
                }
                // A folder laid out as `Instruments/` is: its translations are in `translations/`.
                let translations = (path as NSString).appendingPathComponent("translations")
                let translated = ((try? manager.contentsOfDirectory(atPath: translations)) ?? []).filter {
                    $0.hasSuffix(".json")
                }
                let files =
                    names.filter { $0.hasSuffix(".json") }.sorted().map {
                        (path as NSString).appendingPathComponent($0)
                    }
                    + translated.sorted().map { (translations as NSString).appendingPathComponent($0) }
                if files.isEmpty {
                    sources.append(DefinitionSource(name: path, readError: "the folder has no .json definition files"))
                }
                for file in files { sources.append(readFile(file)) }
            } else {
                sources.append(readFile(path))
            }
        }
        return sources
    }

    private static func readFile(_ path: String) -> DefinitionSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            return DefinitionSource(name: path, readError: "cannot read the file")
        }
        return DefinitionSource(name: path, data: data)
    }
}
