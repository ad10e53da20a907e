/// Small dense linear systems, by Gaussian elimination with partial pivoting.
enum LinearSystem {
    /// The solution of `matrix · x = right`, or nil when the matrix is singular.
    static func solve(_ matrix: inout [[Double]], _ right: inout [Double]) -> [Double]? {
        let n = right.count
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(matrix[$0][column]) < abs(matrix[$1][column]) }),
                matrix[pivot][column] != 0
            else { return nil }
            matrix.swapAt(column, pivot)
            right.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = matrix[row][column] / matrix[column][column]
                for k in column..<n { matrix[row][k] -= factor * matrix[column][k] }
                right[row] -= factor * right[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = right[row]
            for k in (row + 1)..<n { sum -= matrix[row][k] * x[k] }
            x[row] = sum / matrix[row][row]
        }
        return x
    }
}
