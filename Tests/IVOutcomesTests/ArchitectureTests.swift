import Foundation
import Testing

/// The layering written down in `ARCHITECTURE.md`, checked against the sources: a folder of
/// `Sources/IVOutcomes` never names a type or function declared in a folder above it, and
/// unsafe memory code stays in the few files of the bytes layer.
///
/// The check reads the sources as text (no compiler): it collects the names each folder
/// declares at the top level (types, type aliases, free functions) and the members it adds to
/// types the project does not declare (`extension String { var trimmingSpaces }`), then looks for
/// those names, outside comments and string literals, in every other folder.
@Suite("Architecture: layers and the unsafe boundary")
struct ArchitectureTests {
    static let sources = Fixtures.packageRoot.appendingPathComponent("Sources/IVOutcomes")

    /// The folders in their layer order, lowest first, from the numbered list under
    /// "## Layers" in `ARCHITECTURE.md` (each item starts with the folder's name in backticks).
    static func layers() throws -> [String] {
        let text = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        guard let section = text.components(separatedBy: "\n## Layers").dropFirst().first else { return [] }
        let body = section.components(separatedBy: "\n## ").first ?? ""
        return body.split(separator: "\n").compactMap { line -> String? in
            guard let match = line.firstMatch(of: /^\d+\. `([A-Za-z]+)\/`/) else { return nil }
            return String(match.1)
        }
    }

    struct SourceFile {
        let folder: String
        let name: String
        let code: String  // comments and string literals blanked
        let text: String
    }

    /// The Swift files under `root` (the library's folders by default), each with the folder it
    /// is in (the first component of its path below `root`) and its name within that folder.
    static func files(under root: URL = sources) throws -> [SourceFile] {
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return try paths.sorted().filter { $0.hasSuffix(".swift") && $0.contains("/") }.map { path in
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let parts = path.split(separator: "/", maxSplits: 1)
            return SourceFile(
                folder: String(parts[0]), name: String(parts[1]), code: strippingCommentsAndStrings(text), text: text)
        }
    }

    /// The code with comments and the text of string literals removed; the code inside string
    /// interpolations is kept, since names in it count.
    static func strippingCommentsAndStrings(_ text: String) -> String {
        var lexer = Lexer(Array(text))
        lexer.code(untilClosingParenthesis: false)
        return lexer.out
    }

    /// A small Swift lexer: just enough to tell code from comments and string literals (raw and
    /// multi-line ones included).
    struct Lexer {
        let characters: [Character]
        var index = 0
        var out = ""

        init(_ characters: [Character]) { self.characters = characters }

        func peek(_ offset: Int = 0) -> Character? {
            index + offset < characters.count ? characters[index + offset] : nil
        }

        mutating func code(untilClosingParenthesis: Bool) {
            var depth = 0
            while let character = peek() {
                if character == "/", peek(1) == "/" {
                    while let skipped = peek(), skipped != "\n" { index += 1 }
                } else if character == "/", peek(1) == "*" {
                    comment()
                } else if character == "#" || character == "\"" {
                    var hashes = 0
                    while peek(hashes) == "#" { hashes += 1 }
                    guard peek(hashes) == "\"" else {
                        out.append(character)
                        index += 1
                        continue
                    }
                    index += hashes
                    string(hashes: hashes)
                } else {
                    if untilClosingParenthesis {
                        if character == "(" { depth += 1 }
                        if character == ")" {
                            if depth == 0 {
                                index += 1
                                return
                            }
                            depth -= 1
                        }
                    }
                    out.append(character)
                    index += 1
                }
            }
        }

        mutating func comment() {
            var depth = 0
            while let character = peek() {
                if character == "/", peek(1) == "*" {
                    depth += 1
                    index += 2
                } else if character == "*", peek(1) == "/" {
                    depth -= 1
                    index += 2
                    if depth == 0 { break }
                } else {
                    if character == "\n" { out.append("\n") }
                    index += 1
                }
            }
            out.append(" ")
        }

        /// A string literal from its opening quote, `hashes` `#` signs already read.
        mutating func string(hashes: Int) {
            let multiline = peek(1) == "\"" && peek(2) == "\""
            index += multiline ? 3 : 1
            out.append("\"")
            let delimiter = multiline ? 3 : 1
            while let character = peek() {
                if character == "\\", (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                    index += 1 + hashes
                    if peek() == "(" {
                        index += 1
                        out.append(" ")
                        code(untilClosingParenthesis: true)
                        out.append(" ")
                    } else {
                        index += 1
                    }
                } else if character == "\"", (0..<delimiter).allSatisfy({ peek($0) == "\"" }),
                    (0..<hashes).allSatisfy({ peek(delimiter + $0) == "#" })
                {
                    index += delimiter + hashes
                    out.append("\"")
                    return
                } else {
                    if character == "\n" { out.append("\n") }
                    index += 1
                }
            }
        }
    }

    static let modifiers =
        #"(?:(?:@\w+(?:\([^)]*\))?\s+)|(?:(?:public|internal|package|final|indirect|nonisolated|static|mutating|override|consuming|borrowing)\s+))*"#

    /// Names declared at the top level of a file (not private to it); a function's name counts
    /// only where it is called, so it is kept with a "(" after it.
    static func topLevelNames(in code: String) -> [String] {
        let pattern = try! Regex(
            "(?m)^" + modifiers + #"(struct|enum|class|actor|protocol|typealias|func|let|var)\s+(\w+)"#)
        return code.matches(of: pattern).compactMap { match in
            guard let kind = match.output[1].substring, let name = match.output[2].substring else { return nil }
            return kind == "func" ? name + "(" : String(name)
        }
    }

    /// Types declared anywhere in a file, nested ones included: a file's own nested `Outcome`
    /// is not the `Outcome` of another folder.
    static func typeNames(in code: String) -> Set<String> {
        Set(
            code.matches(of: /\b(?:struct|enum|class|actor|protocol|typealias)\s+(\w+)/.wordBoundaryKind(.simple)).map {
                String($0.1)
            })
    }

    /// Members added, one indent in, to the types named by `extension` blocks for which `added`
    /// is true: types the project does not declare (`extension String`), and the project's types
    /// that a folder below declares (`extension Scale` in `FHIR/`).
    static func extensionMembers(in code: String, added: (String) -> Bool) -> [String] {
        var names: [String] = []
        let member = try! Regex("^    " + modifiers + #"(?:func|var|let)\s+(\w+)"#)
        var inExtension = false
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            if let match = line.firstMatch(of: /^(?:public |internal |package )?extension (\w+)/) {
                inExtension = added(String(match.1))
            } else if line.hasPrefix("}") {
                inExtension = false
            } else if inExtension, let match = line.firstMatch(of: member) {
                if let name = match.output[1].substring { names.append(String(name)) }
            }
        }
        return names
    }

    /// Every name declared inside a type or function (members, cases, locals): a `.name` that a
    /// folder declares itself is not counted against a folder above that also adds it.
    static func innerNames(in code: String) -> Set<String> {
        let inner = try! Regex("(?m)^ +" + modifiers + #"(?:func|var|let|case)\s+(\w+)"#)
        return Set(code.matches(of: inner).compactMap { $0.output[1].substring.map(String.init) })
    }

    @Test("ARCHITECTURE.md lists every folder of the library, and only those")
    func everyFolderIsALayer() throws {
        let layers = try Self.layers()
        let folders = Set(try Self.files().map(\.folder))
        #expect(!layers.isEmpty)
        #expect(Set(layers) == folders, "layers \(layers) vs folders \(folders.sorted())")
        #expect(Set(layers).count == layers.count)
    }

    @Test("no folder names a type or function of a folder above it")
    func noUpwardDependency() throws {
        let layers = try Self.layers()
        let rank = Dictionary(uniqueKeysWithValues: layers.enumerated().map { ($1, $0) })
        let files = try Self.files()
        var declaredIn: [String: Set<String>] = [:]
        for file in files {
            for name in Self.topLevelNames(in: file.code) { declaredIn[name, default: []].insert(file.folder) }
        }
        // Members a folder adds to a type that is not its own: a foreign type, or a type only
        // folders below declare. Each belongs to the folder that adds it.
        var memberIn: [String: Set<String>] = [:]
        for file in files {
            let own = rank[file.folder] ?? -1
            let added = { (type: String) in
                guard let homes = declaredIn[type] else { return true }
                return homes.allSatisfy { (rank[$0] ?? -1) < own }
            }
            for name in Self.extensionMembers(in: file.code, added: added) {
                memberIn[name, default: []].insert(file.folder)
            }
        }
        // A name some folder also declares inside its own code may be that folder's.
        for file in files {
            for name in Self.innerNames(in: file.code) where memberIn[name] != nil {
                memberIn[name, default: []].insert(file.folder)
            }
        }
        var violations: [String] = []
        for file in files {
            guard let own = rank[file.folder] else { continue }
            var seen: Set<String> = []
            let ownTypes = Self.typeNames(in: file.code)
            for match in file.code.matches(of: /(\.?)\b([A-Za-z_]\w*)\b(\(?)/.wordBoundaryKind(.simple)) {
                let name = String(match.2) + match.3
                let isMember = !match.1.isEmpty
                guard !ownTypes.contains(name), let folders = isMember ? memberIn[String(match.2)] : declaredIn[name]
                else { continue }
                // A name declared in this folder or below is fine; report it only when every
                // declaration is above.
                guard folders.allSatisfy({ (rank[$0] ?? -1) > own }), seen.insert(name).inserted else { continue }
                violations.append(
                    "\(file.folder)/\(file.name) names \(name) from \(folders.sorted().joined(separator: ", "))")
            }
        }
        #expect(violations.isEmpty, "\(violations.count) upward references:\n\(violations.joined(separator: "\n"))")
    }

    /// The library files outside `FHIR/` that may name FHIR in code: the format detection, the
    /// problem codes and a scale's codes.
    static let namesFHIROutsideItsFolder: Set<String> = [
        "Responses/InputFormat.swift", "Support/ProblemCode.swift", "Definitions/ScaleCode.swift",
    ]

    @Test("FHIR lives in FHIR/: outside it, only the format detection, problem codes and scale codes name it")
    func fhirHasOneHome() throws {
        let naming = try Self.files().filter { file in
            file.folder != "FHIR" && file.code.contains(/\bFHIR/.wordBoundaryKind(.simple))
        }.map { "\($0.folder)/\($0.name)" }
        #expect(Set(naming).isSubset(of: Self.namesFHIROutsideItsFolder), "\(naming.sorted())")
    }

    /// Functions over this many lines (declaration to closing brace) need a reason.
    static let longFunctionLines = 60
    /// How many functions may be that long, each with a `// Long:` line above it saying why.
    static let longFunctionCap = 3

    /// Every function and initialiser of `Sources/` (library and command) longer than
    /// ``longFunctionLines``: its file, line, length, and whether a `// Long:` reason stands above it.
    static func longFunctions() throws -> [(place: String, lines: Int, hasReason: Bool)] {
        let declaration = try! Regex(#"^\s*(?:[@\w()]+\s+)*(?:func\s+[^\s(<]+|init[?!]?)\s*[(<]"#)
        var found: [(String, Int, Bool)] = []
        for file in try files(under: Fixtures.packageRoot.appendingPathComponent("Sources")) {
            let raw = file.text.components(separatedBy: "\n")
            let code = file.code.components(separatedBy: "\n")
            for start in code.indices where code[start].firstMatch(of: declaration) != nil {
                // The body opens within a few lines (a requirement without a body has none).
                var depth = 0
                var opened = false
                var end = start
                scan: for index in start..<code.count {
                    if !opened, index > start + 6 || (index > start && code[index].firstMatch(of: declaration) != nil) {
                        break
                    }
                    for character in code[index] {
                        if character == "{" { (depth, opened) = (depth + 1, true) }
                        if character == "}" { depth -= 1 }
                        if opened, depth == 0 {
                            end = index
                            break scan
                        }
                    }
                }
                guard opened, end - start + 1 > longFunctionLines else { continue }
                // The reason stands above the declaration, among its doc comment and attributes.
                var above = start - 1
                var hasReason = false
                while above >= 0 {
                    let line = raw[above].trimmingCharacters(in: .whitespaces)
                    if line.hasPrefix("// Long:") { hasReason = true }
                    guard line.hasPrefix("//") || line.hasPrefix("@") else { break }
                    above -= 1
                }
                found.append(("\(file.folder)/\(file.name):\(start + 1)", end - start + 1, hasReason))
            }
        }
        return found
    }

    @Test("at most three functions are over 60 lines, each with its reason beside it")
    func functionsFitInAHead() throws {
        let long = try Self.longFunctions()
        let unexplained = long.filter { !$0.hasReason }.map { "\($0.place) (\($0.lines) lines)" }
        #expect(unexplained.isEmpty, "over \(Self.longFunctionLines) lines without a '// Long:' reason: \(unexplained)")
        #expect(long.count <= Self.longFunctionCap, "\(long.count) long functions: \(long.map(\.place))")
    }

    /// Words that mark memory handled by hand. (Every regex here uses simple word boundaries:
    /// Unicode ones would treat `HTML.escape` as one word.)
    static var unsafeWords: Regex<Substring> {
        /\b(?:Unsafe[A-Z]\w*|withUnsafe\w*|unsafe[A-Z]\w*|allocate|deallocate|assumingMemoryBound|bindMemory)\b/
    }

    /// The one folder unsafe memory code may live in.
    static let unsafeFolder = "Bytes"

    @Test("unsafe memory code lives only in Bytes/, each file stating its ownership rule")
    func unsafeCodeHasABoundary() throws {
        let unsafe = try Self.files().filter { $0.code.contains(Self.unsafeWords.wordBoundaryKind(.simple)) }
        let outside = unsafe.filter { $0.folder != Self.unsafeFolder }.map { "\($0.folder)/\($0.name)" }
        #expect(outside.isEmpty, "unsafe memory code outside \(Self.unsafeFolder)/: \(outside)")
        for file in unsafe {
            let statesItsRule = file.text.contains("Ownership:")
            #expect(statesItsRule, "\(file.folder)/\(file.name) has no 'Ownership:' comment")
        }
    }

    /// What turns off a check the compiler would make: each use gives its reason where it stands.
    static var uncheckedWords: Regex<Substring> {
        /@unchecked\s+Sendable|@exclusivity\(unchecked\)|withoutActuallyEscaping\(/
    }

    @Test("each @unchecked Sendable, @exclusivity(unchecked) and withoutActuallyEscaping says why, on the line above")
    func uncheckedHasItsReason() throws {
        var uses: [String] = []
        for file in try Self.files() {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.contains(Self.uncheckedWords) {
                let place = "\(file.folder)/\(file.name):\(index + 1)"
                uses.append(place)
                let above = index > 0 ? lines[index - 1].trimmingCharacters(in: .whitespaces) : ""
                #expect(above.hasPrefix("// Unchecked:"), "\(place) has no '// Unchecked:' reason on the line above")
            }
        }
        // A new one is a decision: raise this with its reason in the commit.
        #expect(uses.count <= 14, "\(uses.count) unchecked uses: \(uses)")
    }
}
