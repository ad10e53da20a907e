import Foundation

/// A file given to Krapte to read, checked before it is opened: it must exist and be a regular file (a link to
/// one is fine), so that a folder, a FIFO or a device gets a clear error at once instead of a read that blocks or
/// fails half-way.
public enum InputFile {
    /// The largest file read whole: a description (mapping, survey design, indicator definitions, key-figure
    /// sheet) or a saved response of a service.
    public static let maximumDescriptionBytes = 64 << 20

    /// Checks that `url` is a regular file that can be read.
    /// - Throws: `IngestError` with code `.unreadable` saying what the path is instead and how to fix it.
    public static func check(_ url: URL) throws {
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw error(path, Message("InputFile.fileDoesExistCannot"), fix: Message("InputFile.checkPath.fix"))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            let what =
                switch type {
                case S_IFDIR: Message("InputFile.folder")
                case S_IFIFO: Message("InputFile.pipe")
                case S_IFCHR, S_IFBLK: Message("InputFile.device")
                case S_IFSOCK: Message("InputFile.socket")
                default: Message("InputFile.irregular")
                }
            throw error(path, Message("InputFile.pathFile", what), fix: Message("InputFile.nameFileItself.fix"))
        }
        guard access(path, R_OK) == 0 else {
            throw error(path, Message("InputFile.fileCannotRead"), fix: Message("InputFile.checkPermissions.fix"))
        }
    }

    /// The whole contents of a description file, after `check(_:)`.
    /// - Throws: `IngestError` with code `.unreadable` for a path that is not a readable file or a file larger than
    ///   `maximumDescriptionBytes`.
    public static func contents(of url: URL) throws -> Data {
        try check(url)
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumDescriptionBytes + 1) ?? Data()
        } catch {
            throw Self.error(url.path, Message("InputFile.fileCannotRead"), fix: Message("InputFile.checkPermissions.fix"))
        }
        guard data.count <= maximumDescriptionBytes else {
            throw Self.error(
                url.path,
                Message("InputFile.fileLargerThanMb", maximumDescriptionBytes >> 20),
                fix: Message("InputFile.checkRightFile.fix")
            )
        }
        return data
    }

    private static func error(_ path: String, _ message: Message, fix: Message) -> IngestError {
        IngestError(file: path, row: nil, column: nil, code: .unreadable, message: message, fix: fix)
    }
}
