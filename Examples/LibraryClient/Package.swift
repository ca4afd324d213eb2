// swift-tools-version: 6.0
import PackageDescription

// An IV tool's own package, using IVOutcomes as any other tool would: by dependency, here by path
// (the repository's root). Built and run by `.ci/run`.
let package = Package(
    name: "LibraryClient",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "IVOutcomes", path: "../..")],
    targets: [
        .executableTarget(
            name: "LibraryClient",
            dependencies: [.product(name: "IVOutcomes", package: "IVOutcomes")]
        )
    ],
    swiftLanguageModes: [.v6]
)
