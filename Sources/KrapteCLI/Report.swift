import ArgumentParser
import Foundation
import KrapteCore
import KrapteReport

/// `krapte report`: builds reports written in Markdown with directives (Guides/Reports.md).
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bouw rapporten uit Markdown met opdrachten: elk getal, elke tabel en grafiek uit de database, met bronnen.",
        subcommands: [Build.self, Diff.self]
    )

    /// The parameters of `--set KEY=VALUE` options; a later one wins.
    static func parameters(_ settings: [String]) -> [String: String] {
        Dictionary(settings.map { s in (String(s.prefix { $0 != "=" }), String(s.drop { $0 != "=" }.dropFirst())) }) { $1 }
    }

    /// `krapte report build`: one report as standalone HTML and, with `--pdf`, as PDF.
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bouw een rapport als HTML (en met --pdf als PDF) uit de cijfers in de database."
        )

        @Argument(help: "Het rapport: een Markdown-bestand met opdrachten als {{waarde ...}}.")
        var file: String

        @Option(name: .long, help: "De map voor het resultaat; standaard de map van het rapport.")
        var out: String?

        @Flag(name: .long, help: "Maak ook een PDF (A4) met headless Chromium.")
        var pdf = false

        @Option(name: .customLong("set"), help: "SLEUTEL=WAARDE: een parameter van het rapport, boven die in de kop; herhaal voor meer.")
        var settings: [String] = []

        @Option(name: .customLong("as-of"), help: "Bouw uit de releases zoals ze waren op deze dag (JJJJ-MM-DD).")
        var asOf: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            for setting in settings where !setting.contains("=") {
                throw ValidationError(Output.text(Message("Report.setting", setting.excerpt)))
            }
            if let asOf, ISO8601DateFormatter.day.date(from: asOf) == nil {
                throw ValidationError(Output.text(Message("Report.asOf", asOf.excerpt)))
            }
        }

        func run() async throws {
            let input = URL(fileURLWithPath: file)
            guard let text = try? String(contentsOf: input, encoding: .utf8) else {
                throw CLIError(Message("Report.unreadable", file.excerpt))
            }
            let folder = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? input.deletingLastPathComponent()
            let name = input.deletingPathExtension().lastPathComponent
            let html = folder.appendingPathComponent(name + ".html")
            do {
                let parameters = Report.parameters(settings)
                let source = try ReportSource.parse(text, file: input.lastPathComponent, settings: parameters)
                let db = try await store.open(existing: true)
                let day = asOf.flatMap { ISO8601DateFormatter.day.date(from: $0) }
                let report = try await ReportBuilder(store: db, asOf: day, folder: input.deletingLastPathComponent()).build(source)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(ReportDocument.html(report).utf8).write(to: html)
                // The build's record, to compare a later build with (`krapte report diff --from`).
                try report.record(asOf: day).encoded().write(to: folder.appendingPathComponent(name + ".bouw.json"))
                Output.print(Message("Report.written", html.path, report.notes.count, report.releases.count))
                guard pdf else { return }
                let printer = try PDFPrinter.installed(file: input.lastPathComponent)
                let target = folder.appendingPathComponent(name + ".pdf")
                try await printer.print(html, to: target, title: source.title, author: source.parameters["auteur"] ?? "")
                Output.print(Message("Report.writtenPDF", target.path))
            } catch let error as ReportError {
                throw CLIError(Message("Krapte.as", error.description(in: Output.language)))
            } catch let error as StoreError {
                throw CLIError(error.message)
            } catch let error as CocoaError {
                throw CLIError(Message("Report.cannotWrite", folder.path, error.localizedDescription))
            }
        }
    }

    /// `krapte report diff`: what a report said on one date and what it says on another (now by default), and why.
    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Toon elk getal en elke zin van een rapport die veranderde tussen twee datums, en waarom: herzien, nieuw of definitief geworden."
        )

        @Argument(help: "Het rapport: een Markdown-bestand met opdrachten.")
        var file: String

        @Option(name: .long, help: "Het rapport zoals het was op deze dag (JJJJ-MM-DD), of zoals een eerdere bouw het schreef (NAAM.bouw.json).")
        var from: String

        @Option(
            name: .long,
            help: "Vergelijk met het rapport van deze dag (JJJJ-MM-DD) of van een bouw (NAAM.bouw.json); standaard de laatste releases."
        )
        var to: String?

        @Option(name: .customLong("set"), help: "SLEUTEL=WAARDE: een parameter van het rapport, boven die in de kop; herhaal voor meer.")
        var settings: [String] = []

        @OptionGroup var store: StoreOptions

        func validate() throws {
            for side in [from] + (to.map { [$0] } ?? []) where ISO8601DateFormatter.day.date(from: side) == nil && !side.hasSuffix(".json") {
                throw ValidationError(Output.text(Message("Report.diffFrom", side.excerpt)))
            }
            for setting in settings where !setting.contains("=") {
                throw ValidationError(Output.text(Message("Report.setting", setting.excerpt)))
            }
        }

        func run() async throws {
            let input = URL(fileURLWithPath: file)
            guard let text = try? String(contentsOf: input, encoding: .utf8) else { throw CLIError(Message("Report.unreadable", file.excerpt)) }
            do {
                let parameters = Report.parameters(settings)
                let source = try ReportSource.parse(text, file: input.lastPathComponent, settings: parameters)
                let folder = input.deletingLastPathComponent()
                let old = try await results(of: source, at: from, folder: folder)
                let new = try await results(of: source, at: to, folder: folder)
                print(ReportDiff(from: old, to: new).text, terminator: "")
            } catch let error as ReportError {
                throw CLIError(Message("Krapte.as", error.description(in: Output.language)))
            } catch let error as StoreError {
                throw CLIError(error.message)
            }
        }

        /// What the report filled in on `side`: a day (built from the store as of then), a build's record, or the
        /// latest releases when nil.
        func results(of source: ReportSource, at side: String?, folder: URL? = nil) async throws -> [BuiltReport.Result] {
            if let side, let day = ISO8601DateFormatter.day.date(from: side) {
                return try await ReportBuilder(store: try await store.open(existing: true), asOf: day, folder: folder).build(source).results
            }
            if let side {
                guard let data = try? Data(contentsOf: URL(fileURLWithPath: side)), let record = try? BuiltReport.Record(decoding: data) else {
                    throw CLIError(Message("Report.unreadableRecord", side.excerpt))
                }
                return record.results
            }
            return try await ReportBuilder(store: try await store.open(existing: true), folder: folder).build(source).results
        }
    }
}
