// swift-tools-version: 6.0
import PackageDescription

// No package dependencies, by the project owner's rule: Foundation and the standard library only.
let package = Package(
    name: "IVOutcomes",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "IVOutcomes", targets: ["IVOutcomes"]),
        // The CLI target is not named `ivoutcomes`: on a case-insensitive file system
        // (macOS) it would collide with `IVOutcomes`.
        .executable(name: "ivoutcomes", targets: ["IVOutcomesCLI"]),
    ],
    targets: [
        .target(
            name: "IVOutcomes",
            plugins: ["EmbedInstruments"]
        ),
        .executableTarget(
            name: "IVOutcomesCLI",
            dependencies: ["IVOutcomes"],
            plugins: ["EmbedInstruments"]
        ),
        // Build-time tool: embeds the definitions in Instruments/ into the library (and the
        // example data into the CLI), so nothing needs a file path at run time and no second
        // copy can drift.
        .executableTarget(
            name: "InstrumentEmbedder",
            path: "Sources/InstrumentEmbedder"
        ),
        .plugin(
            name: "EmbedInstruments",
            capability: .buildTool(),
            dependencies: ["InstrumentEmbedder"]
        ),
        .testTarget(
            name: "IVOutcomesTests",
            dependencies: ["IVOutcomes"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "IVOutcomesCLITests",
            dependencies: ["IVOutcomesCLI", "IVOutcomes"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
