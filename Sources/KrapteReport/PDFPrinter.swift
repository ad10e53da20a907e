import Foundation
import KrapteCore

/// Prints a report's HTML to a paginated PDF with headless Chromium (Debian's `chromium`): A4 with the report's
/// page rules (page numbers, running header), charts as vectors, links kept; then sets the PDF's title and author.
public struct PDFPrinter: Sendable {
    /// The Chromium program.
    public var chromium: URL
    /// The longest Chromium may take.
    public var timeout: Duration

    /// A printer with `chromium`.
    public init(chromium: URL, timeout: Duration = .seconds(120)) {
        self.chromium = chromium
        self.timeout = timeout
    }

    /// The printer with the Chromium of `KRAPTE_CHROMIUM`, else the first of `chromium`, `chromium-browser` and
    /// `google-chrome` on the `PATH`.
    /// - Throws: `ReportError` saying how to install Chromium when there is none.
    public static func installed(environment: [String: String] = ProcessInfo.processInfo.environment, file: String) throws -> PDFPrinter {
        if let path = environment["KRAPTE_CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) {
            return PDFPrinter(chromium: URL(fileURLWithPath: path))
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return PDFPrinter(chromium: URL(fileURLWithPath: folder + "/" + name))
            }
        }
        throw ReportError(file: file, Message("PDFPrinter.noChromium"), fix: Message("PDFPrinter.noChromiumFix"))
    }

    /// Prints `html` (a file) to `pdf`, with `title` and `author` in the PDF's document information.
    /// - Throws: `ReportError` when Chromium fails, takes too long or writes no PDF.
    public func print(_ html: URL, to pdf: URL, title: String, author: String) async throws {
        try? FileManager.default.removeItem(at: pdf)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("krapte-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-pdf-header-footer",
            "--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)", html.absoluteURL.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ReportError(
                file: html.lastPathComponent,
                Message("PDFPrinter.cannotStart", chromium.path),
                fix: Message("PDFPrinter.noChromiumFix")
            )
        }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                throw ReportError(
                    file: html.lastPathComponent,
                    Message("PDFPrinter.timeout", Int(timeout.components.seconds)),
                    fix: Message("PDFPrinter.failedFix")
                )
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0, var bytes = try? Data(contentsOf: pdf), bytes.starts(with: Data("%PDF".utf8)) else {
            throw ReportError(
                file: html.lastPathComponent,
                Message(
                    "PDFPrinter.failed",
                    Int(process.terminationStatus),
                    String(said.suffix(300)).trimmingCharacters(in: .whitespacesAndNewlines)
                ),
                fix: Message("PDFPrinter.failedFix")
            )
        }
        if let update = PDFInfo.update(bytes, title: title, author: author) {
            bytes.append(update)
            try bytes.write(to: pdf)
        }
    }
}
