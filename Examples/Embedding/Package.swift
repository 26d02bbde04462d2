// swift-tools-version:6.0
// An example of embedding wekaql: a small program that uses the WekaQL library of this checkout.
// Build and check it with ./run.sh (its build folder is this directory's own .build).
import PackageDescription

let package = Package(
    name: "Embedding",
    dependencies: [
        // In your own package: .package(url: "https://…/wekaql.git", from: "0.2.0"), a tag v0.2.0
        .package(name: "wekaql", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "weka-brief",
            dependencies: [.product(name: "WekaQL", package: "wekaql")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
