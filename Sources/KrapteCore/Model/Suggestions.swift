/// "Bedoelde u …?": the names closest to one that was not found, so that a reader who mistyped a dataset, measure,
/// member, region or period gets the one meant.
///
/// A candidate is close when it equals the text but for case, starts with it or contains it, or lies within a few
/// edits of it (a third of its length, at least two): `80472nde` finds `80472ned`, `Industri` finds `C Industrie`.
public enum Suggestions {
    /// At most `limit` candidates closest to `text`, closest first.
    public static func nearest(_ text: String, in candidates: [String], limit: Int = 3) -> [String] {
        let wanted = text.lowercased()
        guard !wanted.isEmpty else { return [] }
        var scored: [(score: Int, order: Int, name: String)] = []
        for (i, name) in candidates.enumerated() {
            let other = name.lowercased()
            let score: Int
            if other == wanted {
                score = 0
            } else if other.hasPrefix(wanted) || other.hasSuffix(" " + wanted) {
                score = 1
            } else if other.contains(wanted) {
                score = 2
            } else {
                let d = distance(wanted, other, atMost: max(2, wanted.count / 3))
                guard let d else { continue }
                score = 2 + d
            }
            scored.append((score, i, name))
        }
        var seen: Set<String> = []
        return Array(scored.sorted { ($0.score, $0.order) < ($1.score, $1.order) }.map(\.name).filter { seen.insert($0).inserted }.prefix(limit))
    }

    /// The sentence to add to a message: ` Bedoelde u 80472ned?`, ` Bedoelde u A of B?`, or nothing.
    public static func sentence(_ text: String, in candidates: [String]) -> Message {
        sentence(text, among: candidates.map { ($0, $0) })
    }

    /// The sentence for members (regions, questions, sectors) found by their code or label, shown by their label.
    public static func sentence(_ text: String, members: [Member]) -> Message {
        sentence(text, among: members.flatMap { [($0.code, $0.label), ($0.label, $0.label)] })
    }

    /// The sentence for candidates found by several names each (a measure by its code and its title), shown by one
    /// (its code): each is named once.
    public static func sentence(_ text: String, among candidates: [(name: String, shown: String)]) -> Message {
        var found: [String] = []
        for name in nearest(text, in: candidates.map(\.name), limit: candidates.count) {
            for c in candidates where c.name == name && !found.contains(c.shown) { found.append(c.shown) }
        }
        found = Array(found.prefix(3))
        guard let last = found.last else { return Message("Suggestions.none") }
        if found.count == 1 { return Message("Suggestions.one", last) }
        return Message("Suggestions.several", found.dropLast().joined(separator: ", "), last)
    }

    /// The edit distance between two texts, or nil when it exceeds `limit` (counted in characters).
    static func distance(_ a: String, _ b: String, atMost limit: Int) -> Int? {
        let x = Array(a)
        let y = Array(b)
        guard abs(x.count - y.count) <= limit else { return nil }
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            var best = i
            for j in 1...max(y.count, 1) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return nil }
            previous = current
        }
        let d = previous[y.count]
        return d <= limit ? d : nil
    }
}
