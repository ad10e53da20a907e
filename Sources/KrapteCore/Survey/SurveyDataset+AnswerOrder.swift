extension SurveyDataset {
    /// The answers of all questions in one list that keeps each question's own order, so that a page listing the
    /// answers of one question in the dataset's order lists them as the design does: "Ja, veel, Ja, een beetje,
    /// Nee, Weet niet" and "Ja, Nee" become "Ja, veel, Ja, een beetje, Ja, Nee, Weet niet". An answer comes as early
    /// as every question allows, ties by first appearance. Should two questions order the same answers oppositely,
    /// no list keeps both: the earlier answer of the earlier question then goes first.
    public static func answerOrder(_ questions: [[String]]) -> [String] {
        var appearance: [String] = []
        var position: [String: Int] = [:]
        var after: [String: Set<String>] = [:]
        var before: [String: Int] = [:]
        for categories in questions {
            for category in categories where position[category] == nil {
                position[category] = appearance.count
                appearance.append(category)
            }
            for (a, b) in zip(categories, categories.dropFirst()) where a != b && after[a, default: []].insert(b).inserted {
                before[b, default: 0] += 1
            }
        }
        var order: [String] = []
        var placed: Set<String> = []
        while order.count < appearance.count {
            let remaining = appearance.filter { !placed.contains($0) }
            // The first answer nothing unplaced must precede; in a cycle, simply the first remaining one.
            guard let next = remaining.first(where: { before[$0, default: 0] == 0 }) ?? remaining.first else { break }
            order.append(next)
            placed.insert(next)
            for b in after[next, default: []] { before[b, default: 0] -= 1 }
        }
        return order
    }
}
