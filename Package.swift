// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Krapte",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "krapte", targets: ["krapte"]),
        .library(name: "KrapteCore", targets: ["KrapteCore"]),
        .library(name: "KrapteIngest", targets: ["KrapteIngest"]),
        .library(name: "KrapteSQLite", targets: ["KrapteSQLite"]),
        .library(name: "KraptePostgres", targets: ["KraptePostgres"]),
        .library(name: "KrapteReport", targets: ["KrapteReport"]),
        .library(name: "KrapteServer", targets: ["KrapteServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "KrapteCore", resources: [.copy("Texts/Catalogue")], swiftSettings: swiftSettings),
        .target(
            name: "KrapteIngest",
            dependencies: ["KrapteCore", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KrapteSQLite",
            dependencies: ["KrapteCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KraptePostgres",
            dependencies: [
                "KrapteCore", .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KrapteRender",
            dependencies: ["KrapteCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates"), .copy("Maps/Boundaries")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KrapteReport",
            dependencies: ["KrapteCore", "KrapteRender", .product(name: "Ink", package: "Ink")],
            resources: [.copy("Resources/report.css")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KrapteServer",
            dependencies: [
                "KrapteCore", "KrapteIngest", "KrapteRender", "KrapteReport", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            resources: [.copy("Resources/openapi.json")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KrapteCLI",
            dependencies: [
                "KrapteCore", "KrapteIngest", "KrapteSQLite", "KraptePostgres", "KrapteRender", "KrapteReport", "KrapteServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "krapte",
            dependencies: ["KrapteCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KrapteTesting",
            dependencies: ["KrapteCore", "KrapteIngest"],
            path: "Tests/KrapteTesting",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KrapteCoreTests",
            dependencies: ["KrapteCore", "KrapteTesting"],
            exclude: ["Forecast/ets_reference.R", "Forecast/cbs_series.R", "Forecast/forecast_fixes.R"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KrapteIngestTests",
            dependencies: [
                "KrapteCore", "KrapteIngest", "KrapteSQLite", "KrapteTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            exclude: ["Survey/api_reference.R", "Survey/employer_reference.R"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KrapteStoreTests",
            dependencies: [
                "KrapteCore", "KrapteSQLite", "KraptePostgres", "KrapteTesting", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KrapteRenderTests",
            dependencies: ["KrapteRender", "KrapteCore", "KrapteTesting"],
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KrapteReportTests",
            dependencies: ["KrapteReport", "KrapteCore", "KrapteIngest", "KrapteSQLite", "KrapteTesting"],
            exclude: ["Snapshots", "Browser"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KrapteServerTests",
            dependencies: [
                "KrapteServer", "KrapteCore", "KrapteIngest", "KrapteRender", "KrapteSQLite", "KraptePostgres", "KrapteTesting",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Snapshots", "Browser"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KrapteCLITests",
            dependencies: [
                "KrapteCLI", "KrapteCore", "KrapteReport", "KrapteSQLite", "KrapteTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

// The fuzz targets (Fuzzing.md), built only when asked: KRAPTE_FUZZ=1 with -sanitize=fuzzer,address.
if Context.environment["KRAPTE_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "krapte-fuzz",
            dependencies: [
                "KrapteCore", "KrapteIngest", "KrapteSQLite", "KrapteRender", "KrapteServer",
                .product(name: "HummingbirdCore", package: "hummingbird"),
            ],
            path: "Fuzz/Sources/KrapteFuzz",
            swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]
        )
    )
}
