import Foundation
import Hummingbird
import KrapteCore
import KrapteRender
import KrapteReport
import NIOCore

/// `/rapporten`: the reports of the server's report folder (`krapte serve --reports MAP`), each built on request from
/// the store's current figures as standalone HTML (`/rapporten/{naam}`) or PDF (`/rapporten/{naam}.pdf`), and kept
/// while neither the store nor the report file changes. See Guides/Reports.md.
struct ReportRoutes: Sendable {
    let store: any Store
    /// The folder of reports (`*.md`); nil when the server has none.
    let folder: URL?
    let renderer: PageRenderer
    let cache: PageCache
    /// One Chromium prints at a time; more wait their turn.
    let printing = QueryLimiter(maximum: 1, maximumWaiting: 16, maximumWait: .seconds(60))

    func add(to router: some RouterMethods<BasicRequestContext>) {
        router.get("rapporten") { request, _ in
            let language = PageRoutes.language(of: request)
            return PageRoutes.html(ByteBuffer(string: renderer.render(list(Texts.shipped(language)), in: language)))
        }
        router.get("rapporten/:name") { _, context in
            let name = try context.parameters.decoded("name") as String
            if name.hasSuffix(".pdf") { return try await pdf(String(name.dropLast(4))) }
            var response = PageRoutes.html(try await html(name))
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
            return response
        }
    }

    /// The page that lists the reports.
    func list(_ t: Texts) -> ReportsPage {
        guard let folder else {
            return ReportsPage(pageTitle: t(Message("ReportView.title")), entries: [], notice: t(Message("ReportView.noFolder")))
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".md") && Self.isName(String($0.dropLast(3)))
        }
        let entries = files.map { file -> ReportsPage.Entry in
            let name = String(file.dropLast(3))
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            let title = (try? ReportSource.parse(text, file: file))?.title ?? file
            return ReportsPage.Entry(
                title: title,
                file: file,
                htmlURL: "/rapporten/\(name.pathEncoded)",
                pdfURL: "/rapporten/\(name.pathEncoded).pdf"
            )
        }
        .sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
        return ReportsPage(
            pageTitle: t(Message("ReportView.title")),
            entries: entries,
            notice: entries.isEmpty ? t(Message("ReportView.empty")) : nil
        )
    }

    /// The report `name` as HTML, built anew when the store or the file changed.
    func html(_ name: String) async throws -> ByteBuffer {
        let (source, address) = try read(name)
        let version = try await cache.version(of: store)
        if let kept = cache.page(address, version: version) { return kept }
        let page = ByteBuffer(string: ReportDocument.html(try await build(source)))
        cache.keep(page, at: address, version: version)
        return page
    }

    /// The report `name` as PDF, printed by headless Chromium.
    func pdf(_ name: String) async throws -> Response {
        let (source, address) = try read(name)
        let version = try await cache.version(of: store)
        var bytes = cache.page(address + ".pdf", version: version)
        if bytes == nil {
            let html = try await self.html(name)
            let work = FileManager.default.temporaryDirectory.appendingPathComponent("krapte-rapport-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: work) }
            let input = work.appendingPathComponent(name + ".html")
            let output = work.appendingPathComponent(name + ".pdf")
            try Data(html.readableBytesView).write(to: input)
            do {
                let printer = try PDFPrinter.installed(file: source.file)
                try await printing.run { try await printer.print(input, to: output, title: source.title, author: source.parameters["auteur"] ?? "") }
            } catch let error as ReportError {
                throw APIError(.serviceUnavailable, Message("ReportView.failed", error.description))
            }
            let printed = ByteBuffer(bytes: try Data(contentsOf: output))
            cache.keep(printed, at: address + ".pdf", version: version)
            bytes = printed
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/pdf", .contentDisposition: "attachment; filename=\"\(name).pdf\""],
            body: .init(byteBuffer: bytes ?? ByteBuffer())
        )
    }

    /// The source of report `name` and the address it is kept at, which changes with the file.
    /// - Throws: `APIError` 404 for a name that is not a report of the folder, 500 for a report that does not parse.
    func read(_ name: String) throws -> (ReportSource, String) {
        guard let folder, Self.isName(name) else { throw APIError(.notFound, Message("ReportView.unknown", name.excerpt)) }
        let file = folder.appendingPathComponent(name + ".md")
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path), attributes[.type] as? FileAttributeType == .typeRegular,
            let text = try? String(contentsOf: file, encoding: .utf8)
        else { throw APIError(.notFound, Message("ReportView.unknown", name.excerpt)) }
        let changed = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        do {
            return (try ReportSource.parse(text, file: name + ".md"), "rapport \(name) \(changed) \(text.count)")
        } catch let error as ReportError {
            throw APIError(.internalServerError, Message("ReportView.failed", error.description))
        }
    }

    /// The report filled in from the store.
    func build(_ source: ReportSource) async throws -> BuiltReport {
        do {
            return try await ReportBuilder(store: store, folder: folder).build(source)
        } catch let error as ReportError {
            throw APIError(.internalServerError, Message("ReportView.failed", error.description))
        }
    }

    /// The policy of a report: its own style sheet inside it (a standalone file carries it along), and nothing to
    /// load or run; a style cannot fetch anything where every source but inline data images is refused.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

    /// Whether `name` can name a report: letters, digits, `-`, `_` and `.`, not starting with a `.`.
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.count <= 120 else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}
