import Foundation
import Hummingbird
import KrapteCore

extension Parameters {
    /// A path parameter percent-decoded, as links write it (`/datasets/mijn%20tabel` names `mijn tabel`).
    /// - Throws: `APIError` 400 when its percent-encoding is not valid UTF-8.
    func decoded(_ name: String) throws -> String {
        let raw = try require(name)
        guard let text = raw.removingPercentEncoding else {
            throw APIError(.badRequest, Message("Parameters.addressHoldsValidPercent", raw.excerpt))
        }
        return text
    }
}
