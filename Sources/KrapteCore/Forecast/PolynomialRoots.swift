import Foundation

/// The roots of a polynomial with real coefficients, by the Aberth-Ehrlich iteration: for the small polynomials of
/// the admissibility check of seasonal ETS models (degree up to 25), whose largest root modulus must stay within
/// the unit circle.
enum PolynomialRoots {
    /// The largest modulus of the roots of `coefficients[0] + coefficients[1] z + … + coefficients[d] z^d`, the
    /// last coefficient not zero; nil when it is zero or a step of the iteration is not finite.
    static func largestModulus(_ coefficients: [Double]) -> Double? {
        guard let leading = coefficients.last, leading != 0 else { return nil }
        let a = coefficients.map { Complex($0 / leading, 0) }
        let degree = a.count - 1
        guard degree > 0 else { return 0 }
        // Cauchy's bound holds every root; start on a circle of that radius, off the real axis.
        let bound = 1 + (coefficients.dropLast().map { abs($0 / leading) }.max() ?? 0)
        var z = (0..<degree).map { k in
            let angle = 2 * Double.pi * Double(k) / Double(degree) + 0.4
            return Complex(bound * cos(angle), bound * sin(angle))
        }
        for _ in 0..<500 {
            var largestStep = 0.0
            for k in 0..<degree {
                var value = Complex(0, 0)
                var derivative = Complex(0, 0)
                for c in a.reversed() {
                    derivative = derivative * z[k] + value
                    value = value * z[k] + c
                }
                if value.modulus == 0 { continue }
                let ratio = value / derivative
                var repulsion = Complex(0, 0)
                for j in 0..<degree where j != k {
                    repulsion = repulsion + Complex(1, 0) / (z[k] - z[j])
                }
                let step = ratio / (Complex(1, 0) - ratio * repulsion)
                guard step.real.isFinite, step.imaginary.isFinite else { return nil }
                z[k] = z[k] - step
                largestStep = max(largestStep, step.modulus / max(1, z[k].modulus))
            }
            if largestStep < 1e-14 { return z.map(\.modulus).max() }
        }
        return z.map(\.modulus).max()
    }

    /// A complex number, for the iteration.
    private struct Complex {
        var real: Double
        var imaginary: Double
        init(_ real: Double, _ imaginary: Double) {
            self.real = real
            self.imaginary = imaginary
        }
        var modulus: Double { hypot(real, imaginary) }
        static func + (a: Complex, b: Complex) -> Complex { Complex(a.real + b.real, a.imaginary + b.imaginary) }
        static func - (a: Complex, b: Complex) -> Complex { Complex(a.real - b.real, a.imaginary - b.imaginary) }
        static func * (a: Complex, b: Complex) -> Complex {
            Complex(a.real * b.real - a.imaginary * b.imaginary, a.real * b.imaginary + a.imaginary * b.real)
        }
        static func / (a: Complex, b: Complex) -> Complex {
            let d = b.real * b.real + b.imaginary * b.imaginary
            return Complex((a.real * b.real + a.imaginary * b.imaginary) / d, (a.imaginary * b.real - a.real * b.imaginary) / d)
        }
    }
}
