import Foundation

/// The few distribution functions the psychometrics need, in double precision.
enum Distributions {
    /// The regularized incomplete beta function I_x(a, b) (continued fraction, Lentz's method).
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logGammas + logPowers
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedIncompleteBeta(1 - x, b, a) }
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return exp(logFront) * result / a
    }

    /// The two-sided 95% critical value of Student's t with `df` degrees of freedom:
    /// t(0.975, df), by t(0.975, df)² = F(0.95; 1, df).
    static func tCritical95(_ df: Double) -> Double { fQuantile(0.95, 1, df).squareRoot() }

    /// The two-sided p-value of Student's t statistic `t` with `df` degrees of freedom.
    static func twoSidedTP(_ t: Double, _ df: Double) -> Double {
        regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5)
    }

    /// The cumulative F distribution with `d1` and `d2` degrees of freedom.
    static func fCDF(_ f: Double, _ d1: Double, _ d2: Double) -> Double {
        guard f > 0 else { return 0 }
        return regularizedIncompleteBeta(d1 * f / (d1 * f + d2), d1 / 2, d2 / 2)
    }

    /// The `p` quantile of the F distribution, by bisection on the CDF.
    static func fQuantile(_ p: Double, _ d1: Double, _ d2: Double) -> Double {
        var low = 0.0
        var high = 1.0
        while fCDF(high, d1, d2) < p { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if fCDF(middle, d1, d2) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
