// swift-tools-version:6.0
// wekaql: a small pipeline query language over the data of INTERPOL's Operation Weka II.
import PackageDescription

let package = Package(
    name: "wekaql",
    products: [
        .library(name: "WekaQL", targets: ["WekaQL"]),
        .executable(name: "wekaql", targets: ["wekaql"]),
    ],
    targets: [
        // The query language: lexer, parser, checker, evaluator, loaders and renderers. No I/O but loading.
        .target(
            name: "WekaQL",
            resources: [.embedInCode("Dataset/weka-ii.json")]
        ),
        // The system's libedit (BSD editline), through a small shim for its variadic C functions. The
        // header comes from libedit-dev (/usr/include/histedit.h); the library is opened with dlopen
        // when the shell starts, so it is not linked (see shim.h).
        .systemLibrary(
            name: "CEditLine",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The command: a thin layer over WekaQL, plus the interactive shell on libedit.
        .executableTarget(name: "wekaql", dependencies: ["WekaQL", "CEditLine"]),
        // Golden/ holds query and error golden files, read from the source tree (see GoldenFileTests.swift).
        .testTarget(name: "WekaQLTests", dependencies: ["WekaQL"], exclude: ["Golden"], resources: [.copy("Facts")]),
        // Transcripts/ holds the language server's golden request and response files (see LanguageServerTests.swift).
        .testTarget(name: "WekaQLCLITests", dependencies: ["wekaql"], exclude: ["Transcripts"]),
        .testTarget(name: "WekaQLAPITests", dependencies: ["WekaQL"]),
    ],
    swiftLanguageModes: [.v6]
)
