import Foundation

/// A fuzz input split into named files, for the readers that read a file or a folder.
///
/// An input that starts with `=== name` holds files, each starting at a line `=== name` (the name made of
/// letters, digits, `.`, `_` and `-`); any other input is the one file `single`. At most 16 files are taken.
struct FuzzFiles {
    private(set) var names: [String] = []
    private var contents: [String: Data] = [:]

    /// Splits `data`.
    init(_ data: Data, single: String) {
        let marker = Data("=== ".utf8)
        guard data.starts(with: marker) else {
            names = [single]
            contents[single] = data
            return
        }
        var rest = data[...]
        while rest.starts(with: marker), names.count < 16 {
            let header = rest.prefix { $0 != UInt8(ascii: "\n") }
            let name = String(decoding: header.dropFirst(marker.count), as: UTF8.self)
                .filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
            rest = rest.dropFirst(header.count + 1)
            let end = rest.range(of: Data("\n=== ".utf8))?.lowerBound ?? rest.endIndex
            if !name.isEmpty, !name.hasPrefix("."), contents[name] == nil {
                names.append(name)
                contents[name] = Data(rest[..<end])
            }
            rest = rest[min(end + 1, rest.endIndex)...]
        }
    }

    /// The bytes of file `name`, empty when the input has none.
    func contents(_ name: String) -> Data { contents[name] ?? Data() }

    /// Writes the files to this process's folder (emptied first) and returns it.
    func write() throws -> URL {
        let dir = Self.folder
        let manager = FileManager.default
        for old in (try? manager.contentsOfDirectory(atPath: dir.path)) ?? [] {
            try manager.removeItem(at: dir.appendingPathComponent(old))
        }
        for name in names { try contents(name).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    /// A folder of this process's own, in memory where the machine has `/dev/shm`.
    private static let folder: URL = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let url = URL(fileURLWithPath: base).appendingPathComponent("krapte-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
}
