/// The Nelder-Mead simplex minimiser of R's `optim` (its C function `nmmin`), step for step: reflection 1,
/// contraction 0.5, expansion 2, a first simplex of steps of a tenth of the largest parameter, and a stop when the
/// simplex's values lie within a relative tolerance or after a number of evaluations. R's `forecast::ets` fits its
/// models with it; following it exactly makes Krapte land where R lands.
struct NelderMead {
    /// The relative tolerance on the spread of the simplex's values (R's `reltol`).
    var tolerance = 1.4901161193847656e-08
    /// The most evaluations (R's `maxit`).
    var maxEvaluations = 2_000

    /// The best point found and its value, or nil when `f` is not finite at `start`. A non-finite value elsewhere
    /// counts as very large (R's `big`, 1e35).
    func minimize(_ f: ([Double]) -> Double, from start: [Double]) -> (point: [Double], value: Double)? {
        let n = start.count
        let big = 1.0e35
        var point = start
        let first = f(point)
        guard first.isFinite else { return nil }
        guard n > 0 else { return (point, first) }
        var evaluations = 1
        let convergence = tolerance * (abs(first) + tolerance)
        let n1 = n + 1
        // The simplex: vertex j's coordinates in p[j][0..<n], its value in p[j][n]; vertex n1 is the centroid.
        var p = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n + 2)
        p[0] = start + [first]
        var low = 0
        var size = 0.0
        var step = 0.0
        for x in start where 0.1 * abs(x) > step { step = 0.1 * abs(x) }
        if step == 0 { step = 0.1 }
        for j in 1...n {
            p[j] = start + [0]
            var trial = step
            while p[j][j - 1] == start[j - 1] {
                p[j][j - 1] = start[j - 1] + trial
                trial *= 10
            }
            size += trial
        }
        var oldSize = size
        var evaluateVertices = true
        repeat {
            if evaluateVertices {
                for j in 0..<n1 where j != low {
                    point = Array(p[j][0..<n])
                    let value = f(point)
                    p[j][n] = value.isFinite ? value : big
                    evaluations += 1
                }
                evaluateVertices = false
            }
            var lowValue = p[low][n]
            var highValue = lowValue
            var high = low
            for j in 0..<n1 where j != low {
                let value = p[j][n]
                if value < lowValue {
                    low = j
                    lowValue = value
                }
                if value > highValue {
                    high = j
                    highValue = value
                }
            }
            if highValue <= lowValue + convergence { break }
            for i in 0..<n {
                var sum = -p[high][i]
                for j in 0..<n1 { sum += p[j][i] }
                p[n1][i] = sum / Double(n)
            }
            for i in 0..<n { point[i] = 2 * p[n1][i] - p[high][i] }
            var value = f(point)
            if !value.isFinite { value = big }
            evaluations += 1
            let reflected = value
            if reflected < lowValue {
                p[n1][n] = value
                for i in 0..<n {
                    let expanded = 2 * point[i] + (1 - 2) * p[n1][i]
                    p[n1][i] = point[i]
                    point[i] = expanded
                }
                value = f(point)
                if !value.isFinite { value = big }
                evaluations += 1
                if value < reflected {
                    for i in 0..<n { p[high][i] = point[i] }
                    p[high][n] = value
                } else {
                    for i in 0..<n { p[high][i] = p[n1][i] }
                    p[high][n] = reflected
                }
            } else {
                if reflected < highValue {
                    for i in 0..<n { p[high][i] = point[i] }
                    p[high][n] = reflected
                }
                for i in 0..<n { point[i] = (1 - 0.5) * p[high][i] + 0.5 * p[n1][i] }
                value = f(point)
                if !value.isFinite { value = big }
                evaluations += 1
                if value < p[high][n] {
                    for i in 0..<n { p[high][i] = point[i] }
                    p[high][n] = value
                } else if reflected >= highValue {
                    evaluateVertices = true
                    size = 0
                    for j in 0..<n1 where j != low {
                        for i in 0..<n {
                            p[j][i] = 0.5 * (p[j][i] - p[low][i]) + p[low][i]
                            size += abs(p[j][i] - p[low][i])
                        }
                    }
                    if size < oldSize {
                        oldSize = size
                    } else {
                        break
                    }
                }
            }
        } while evaluations <= maxEvaluations
        return (Array(p[low][0..<n]), p[low][n])
    }
}
