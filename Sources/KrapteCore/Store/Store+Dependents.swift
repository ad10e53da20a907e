extension Store {
    /// The datasets whose latest vintage was computed from `dataset` (`krapte compute`), by id: what a removal of
    /// `dataset` leaves without its input. A dataset whose metadata cannot be read is passed over.
    public func dependents(of dataset: String) async throws -> [String] {
        var found: [String] = []
        for summary in try await datasets() where summary.id != dataset {
            guard let metadata = try? await metadata(of: summary.id, vintage: summary.latest.id) else { continue }
            if metadata.derivation?.inputs.contains(where: { $0.dataset == dataset }) == true { found.append(summary.id) }
        }
        return found
    }
}
