import Foundation
import Hummingbird
import KrapteCore
import KrapteIngest
import NIOCore

/// The routes that change the store, for a server started with an admin token. `POST /api/v1/ingest` loads an
/// uploaded file as `krapte ingest` does, in one transaction (on an error nothing is stored);
/// `DELETE /api/v1/datasets/{id}[?vintage=N]` removes a dataset or one vintage, as `krapte remove --yes` does. The body is either a CBS CSV dump
/// (`Content-Type: text/csv`) or a tidy CSV with its mapping (`application/json`: `{"mapping": {...}, "csv": "..."}`).
/// Query parameters: `file` (the name used in messages), `dataset`, `published` (YYYY-MM-DD) and `newMembers=true`.
struct AdminRoutes: Sendable {
    let store: any Store
    /// The admin token; nil makes the route refuse every upload.
    let token: String?
    let maxBytes: Int
    /// The pages, forgotten after a load.
    let cache: PageCache

    func add(to router: some RouterMethods<BasicRequestContext>) {
        router.post("api/v1/ingest") { request, _ in try await ingest(request) }
        router.delete("api/v1/datasets/:dataset") { request, context in try await remove(try context.parameters.decoded("dataset"), request) }
    }

    /// The tidy upload's JSON body.
    struct TidyUpload: Decodable {
        var mapping: TidyMapping
        var csv: String
    }

    /// What a load stored.
    struct Outcome: Encodable {
        var dataset: String
        var vintage: Int64
        var unchanged: Bool
        var observations: Int
        var series: Int
    }

    func ingest(_ request: Request) async throws -> Response {
        try authorize(request)
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBytes {
            throw APIError(.contentTooLarge, Message("AdminRoutes.uploadLargerThanBytes", maxBytes))
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxBytes)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, Message("AdminRoutes.uploadLargerThanBytes", maxBytes))
        }
        let parameters = request.uri.queryParameters
        let name = Self.uploadName(parameters.get("file") ?? "upload.csv")
        let published = try parameters.get("published").map { text in
            guard let date = ISO8601DateFormatter.day.date(from: text) else {
                throw APIError(.badRequest, Message("AdminRoutes.publishedTakesDateYyyy", text.excerpt))
            }
            return date
        }
        let options = IngestOptions(
            datasetID: parameters.get("dataset"),
            allowNewMembers: parameters.get("newMembers") == "true",
            publishedAt: published
        )
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("krapte-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        var read: Release
        let release: Release.Finished
        let outcome: LoadOutcome
        do {
            let type = (request.headers[.contentType] ?? "").lowercased()
            if type.hasPrefix("application/json") {
                let upload: TidyUpload
                do {
                    upload = try JSONDecoder().decode(TidyUpload.self, from: Data(body.readableBytesView))
                } catch {
                    throw APIError(
                        .badRequest,
                        Message("AdminRoutes.jsonUploadMappingCsv", Self.reason(error))
                    )
                }
                try Data(upload.csv.utf8).write(to: file)
                read = try TidyCSVReader(mapping: upload.mapping, options: options).read(file, mappingFile: "mapping")
            } else if type.hasPrefix("text/csv") {
                try Data(body.readableBytesView).write(to: file)
                read = try CBSCSVReader(options: options).read(file)
            } else {
                throw APIError(
                    .unsupportedMediaType,
                    Message("AdminRoutes.uploadCbsCsvText", type.isEmpty ? "without a Content-Type" : type.excerpt)
                )
            }
            try await store.keepStoredMeasureCodes(of: &read, file: name)
            // A large upload is merged while it is stored, and a duplicate found then ends the load.
            release = try read.finish(file: name)
            outcome = try await store.load(release, loadedAt: Date())
        } catch var error as IngestError {
            // Name the upload, never the server's temporary folder.
            error.file = error.file.replacingOccurrences(of: folder.path + "/", with: "")
            throw APIError(.unprocessableContent, error.said)
        }
        cache.clear()
        let answer = Outcome(
            dataset: release.dataset.id,
            vintage: outcome.vintage.id,
            unchanged: outcome.unchanged,
            observations: release.observationCount,
            series: release.seriesCount
        )
        var response = try APIRoutes.json(answer)
        response.status = outcome.unchanged ? .ok : .created
        return response
    }

    /// What a removal took, and the derived datasets that were computed from it (they are kept).
    struct Removal: Encodable {
        var dataset: String
        var removed: [Vintage]
        var dependents: [String]
    }

    /// Removes dataset `id`, or the vintage `?vintage=N` of it, and forgets the pages.
    func remove(_ id: String, _ request: Request) async throws -> Response {
        try authorize(request)
        let vintage = try request.uri.queryParameters.get("vintage").map { text in
            guard let n = Int64(text) else { throw APIError(.badRequest, Message("AdminRoutes.vintageTakesVintageNumber", text.excerpt)) }
            return n
        }
        let removed = try await store.remove(id, vintage: vintage, removedAt: Date())
        cache.clear()
        return try APIRoutes.json(Removal(dataset: id, removed: removed, dependents: try await store.dependents(of: id)))
    }

    /// Lets the request through when it carries the admin token.
    /// - Throws: `APIError` 401 without an `Authorization` header or with the wrong token, 403 on a read-only server.
    func authorize(_ request: Request) throws {
        guard let header = request.headers[.authorization] else { throw Self.unauthorized }
        guard let token else {
            throw APIError(.forbidden, Message("AdminRoutes.serverReadOnlyStart"))
        }
        guard Self.same(Self.bearerToken(header) ?? "", token) else { throw Self.unauthorized }
    }

    /// The answer to a request without the admin token.
    static var unauthorized: APIError {
        var error = APIError(.unauthorized, Message("AdminRoutes.uploadsRemovalsNeedAdmin"))
        error.headers = [.wwwAuthenticate: "Bearer"]
        return error
    }

    /// The token of an `Authorization` header of the Bearer scheme, whose name is case-insensitive (RFC 9110).
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// The upload's name as a safe file name: letters, digits, `-`, `_` and `.`, not starting with a dot.
    static func uploadName(_ text: String) -> String {
        let safe = String(
            text.unicodeScalars.suffix(120).map { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) ? Character($0) : "_" }
        )
        let trimmed = safe.drop { $0 == "." }
        return trimmed.isEmpty ? "upload.csv" : String(trimmed)
    }

    /// Compares two secrets in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        var difference = x.count ^ y.count
        for i in 0..<max(x.count, y.count) {
            difference |= Int((i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0))
        }
        return difference == 0
    }

    /// A decoding error in a few words, without the inside of the server.
    static func reason(_ error: any Error) -> Message {
        if let problem = error as? DecodingProblem { return Message("AdminRoutes.badValue", problem.path) }
        guard let error = error as? DecodingError else { return Message("AdminRoutes.notJSON") }
        switch error {
        case .keyNotFound(let key, let context):
            return Message("AdminRoutes.missing", CodingPath.text(context.codingPath + [key]))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return Message("AdminRoutes.wrongType", CodingPath.text(context.codingPath))
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? Message("AdminRoutes.notJSON") : Message("AdminRoutes.badValue", CodingPath.text(context.codingPath))
        @unknown default: return Message("AdminRoutes.notJSON")
        }
    }
}
