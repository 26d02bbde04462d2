// swift-tools-version:6.0
// wekaql: a small pipeline query language over the data of INTERPOL's Operation Weka II.
import PackageDescription

let package = Package(
    name: "wekaql",
    products: [
        .library(name: "WekaQL", targets: ["WekaQL"]),
        .executable(name: "wekaql", targets: ["wekaql"]),
        // The C API: libWekaQLC.so and Sources/WekaQLC/include/wekaql.h (`./dev.sh capi`).
        .library(name: "WekaQLC", type: .dynamic, targets: ["WekaQLC"]),
    ],
    // Only for `./dev.sh docs` (swift package generate-documentation); nothing links it.
    dependencies: [.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0")],
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
        // The C API over WekaQL, for tools in C, Python (ctypes), Go and the rest: @_cdecl functions.
        .target(name: "WekaQLC", dependencies: ["WekaQL"], exclude: ["include"]),
        // Golden/ holds query and error golden files, read from the source tree (see GoldenFileTests.swift).
        .testTarget(name: "WekaQLTests", dependencies: ["WekaQL"], exclude: ["Golden"], resources: [.copy("Facts")]),
        // Transcripts/ holds the language server's golden request and response files (see LanguageServerTests.swift).
        .testTarget(name: "WekaQLCLITests", dependencies: ["wekaql"], exclude: ["Transcripts"]),
        .testTarget(name: "WekaQLAPITests", dependencies: ["WekaQL"]),
    ],
    swiftLanguageModes: [.v6]
)
