/// The Schur-Cohn test: whether all roots of a real polynomial lie within a circle, without finding them. It
/// reduces the polynomial a degree at a time, `(a_d p(z) − a_0 p*(z)) / z` with `p*` the reversed polynomial, and the
/// roots all lie strictly inside the unit circle exactly when every step has `|a_0| < |a_d|`.
enum SchurCohn {
    /// Whether every root of `p[0] + p[1] z + … + p[d] z^d` (the last coefficient not zero) has modulus below
    /// `radius`. Overwrites `p`.
    static func rootsWithin(_ p: UnsafeMutableBufferPointer<Double>, radius: Double) -> Bool {
        var degree = p.count - 1
        guard degree >= 0, p[degree] != 0 else { return false }
        // z = radius · w: the roots in w lie inside the unit circle.
        var scale = 1.0
        for j in 0...degree {
            p[j] *= scale
            scale *= radius
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: degree + 1) { next in
            while degree > 0 {
                let (low, high) = (p[0], p[degree])
                guard abs(low) < abs(high) else { return false }
                // The next polynomial, divided by its leading coefficient to keep the numbers in range.
                let leading = high * high - low * low
                for j in 1...degree { next[j - 1] = (high * p[j] - low * p[degree - j]) / leading }
                degree -= 1
                for j in 0...degree { p[j] = next[j] }
            }
            return true
        }
    }
}
