extension Store {
    /// A dataset's vintages, oldest first, and its metadata as the latest vintage has it, in two reads.
    /// - Throws: `StoreError.notFound` when there is no such dataset.
    public func latest(_ dataset: String) async throws -> (metadata: Dataset, vintages: [Vintage]) {
        let vintages = try await self.vintages(of: dataset)
        guard let last = vintages.last else { throw StoredForm.noDataset(dataset) }
        return (try await metadata(of: dataset, vintage: last.id), vintages)
    }
}
