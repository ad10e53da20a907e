/// Small dense matrices as arrays of rows, for the variance formulas.
enum Matrix {
    static func product(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        let columns = b.first?.count ?? 0
        return a.map { row in
            var out = [Double](repeating: 0, count: columns)
            for (k, value) in row.enumerated() where value != 0 {
                for j in 0..<columns { out[j] += value * b[k][j] }
            }
            return out
        }
    }

    static func transpose(_ a: [[Double]]) -> [[Double]] {
        guard let columns = a.first?.count else { return [] }
        return (0..<columns).map { j in a.map { $0[j] } }
    }

    static func sum(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] { zip(a, b).map { zip($0, $1).map(+) } }

    static func scaled(_ a: [[Double]], _ factor: Double) -> [[Double]] { a.map { $0.map { $0 * factor } } }

    /// The Kronecker product `a ⊗ b`.
    static func kronecker(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        a.flatMap { aRow in b.map { bRow in aRow.flatMap { x in bRow.map { x * $0 } } } }
    }
}
