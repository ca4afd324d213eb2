import Foundation

// Usage: InstrumentEmbedder OUTPUT.swift ENUM_NAME FOLDER FILE...
// Writes a Swift file with an enum ENUM_NAME whose `files` carry each file's name and bytes (base64).
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: InstrumentEmbedder OUTPUT.swift ENUM_NAME FOLDER FILE...\n".utf8))
    exit(64)
}
let (output, enumName, folder) = (arguments[0], arguments[1], arguments[2])
var source = """
    // Generated at build time by InstrumentEmbedder from the files in \(folder)/.
    // Do not edit: edit those files instead.

    enum \(enumName) {
        static let files: [(name: String, base64: String)] = [

    """
for path in arguments.dropFirst(3) {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("InstrumentEmbedder: cannot read \(path)\n".utf8))
        exit(66)
    }
    // The path from the folder on, such as Instruments/translations/life-skills.cy.json.
    let name =
        path.range(of: "/\(folder)/", options: .backwards).map { String(path[$0.upperBound...]) }
        ?? URL(fileURLWithPath: path).lastPathComponent
    source += "        (name: \"\(folder)/\(name)\", base64: \"\(data.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("InstrumentEmbedder: cannot write \(output): \(error)\n".utf8))
    exit(73)
}
