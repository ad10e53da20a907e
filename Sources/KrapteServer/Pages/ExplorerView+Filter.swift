import Foundation
import KrapteCore
import KrapteRender

extension ExplorerView {
    /// A dimension with more members than this gets a field that narrows its list.
    static let searchableMembers = 20

    /// The choice of `d`'s members in the explorer of dataset `id` at `vintage`. A whole list (no `query`) is the same
    /// on every page of the dataset but for the members chosen: it is made once per version of the store and
    /// language, and only the chosen are marked on it.
    func filter(_ d: KrapteCore.Dimension, of id: String, vintage: Int64, chosen: [Member], query: String) async throws -> ExplorerPage.Filter {
        guard let kept, query.trimmingCharacters(in: .whitespaces).isEmpty else { return Self.filter(d, chosen: chosen, query: query, t: t) }
        var filter = try await kept.kept("filter \(id) \(vintage) \(d.code) \(t.language.rawValue)", of: store) {
            Self.filter(d, chosen: [], query: "", t: t)
        }
        let codes = Set(chosen.map(\.code))
        for g in filter.groups.indices {
            for o in filter.groups[g].options.indices where codes.contains(filter.groups[g].options[o].value) {
                filter.groups[g].options[o].selected = true
            }
        }
        return filter
    }

    /// The choice of a dimension's members: regions grouped by level (provinces, arbeidsmarktregio's, gemeenten),
    /// other members indented under their parent, narrowed to those whose code or label holds `query` (and those
    /// chosen, which stay chosen).
    static func filter(_ d: KrapteCore.Dimension, chosen: [Member], query: String, t: Texts) -> ExplorerPage.Filter {
        let query = query.trimmingCharacters(in: .whitespaces)
        let shown = d.members.filter { m in
            query.isEmpty || chosen.contains(m) || m.label.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
                || m.code.range(of: query, options: .caseInsensitive) != nil
        }
        let choice = { (m: Member, label: String) in FormChoice(value: m.code, label: label, selected: chosen.contains(m)) }
        var groups: [ExplorerPage.OptionGroup] = []
        if d.kind == .geography {
            let levelOf = shown.map { RegionLevel(code: $0.code) }
            var levels: [RegionLevel?] = []
            for level in levelOf where !levels.contains(level) { levels.append(level) }
            // Nederland and regions of no known level first, without a heading; then a group per level.
            let sorted = levels.sorted { ($0 == nil || $0 == .land ? 0 : 1) < ($1 == nil || $1 == .land ? 0 : 1) }
            groups = sorted.map { level in
                let options = zip(shown, levelOf).filter { $0.1 == level }.map { m, _ in choice(m, label(m)) }
                return ExplorerPage.OptionGroup(
                    label: level == nil || level == .land ? nil : heading(level?.pluralName(in: t.language)),
                    options: options
                )
            }
        } else {
            let depth = Self.depths(d.members)
            groups = [ExplorerPage.OptionGroup(label: nil, options: shown.map { m in choice(m, indent(depth[m.code] ?? 0) + label(m)) })]
        }
        return ExplorerPage.Filter(
            code: d.code,
            title: d.title,
            groups: groups.filter { !$0.options.isEmpty },
            query: query,
            searchable: d.members.count > searchableMembers
        )
    }

    /// Each member's depth under the parents the dimension itself holds (0 for a member without one), at most 4.
    static func depths(_ members: [Member]) -> [String: Int] {
        let parents = Dictionary(members.map { ($0.code, $0.parent) }, uniquingKeysWith: { first, _ in first })
        var depth: [String: Int] = [:]
        for m in members {
            var n = 0
            var parent = m.parent
            while let p = parent, let next = parents[p], n < 4 {
                n += 1
                parent = next
            }
            depth[m.code] = n
        }
        return depth
    }

    /// Two no-break spaces per level, so that a list reads as a tree without JavaScript.
    private static func indent(_ depth: Int) -> String { String(repeating: "\u{00A0}\u{00A0}\u{00A0}", count: depth) }

    /// A level's name as a heading: `Provincies`.
    private static func heading(_ name: String?) -> String? { name?.capitalisedFirst }
}

extension String {
    /// The text with its first letter a capital, for a name that starts a heading or a list item.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
