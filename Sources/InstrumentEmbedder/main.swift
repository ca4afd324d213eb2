import Foundation

// Usage: InstrumentEmbedder OUTPUT.swift DEFINITION.json...
// Writes a Swift file that carries each definition file's bytes (base64) and its name.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: InstrumentEmbedder OUTPUT.swift DEFINITION.json...\n".utf8))
    exit(64)
}
var source = """
    // Generated at build time by InstrumentEmbedder from the files in Instruments/.
    // Do not edit: edit the JSON definitions instead.

    enum EmbeddedDefinitions {
        static let files: [(name: String, base64: String)] = [

    """
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("InstrumentEmbedder: cannot read \(path)\n".utf8))
        exit(66)
    }
    source += "        (name: \"Instruments/\(url.lastPathComponent)\", base64: \"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("InstrumentEmbedder: cannot write \(output): \(error)\n".utf8))
    exit(73)
}
