/// The closest candidate to a misspelt name, for "did you mean" hints; `nil` when none is close.
package func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased())
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased()))
        // Ties go to the alphabetically first candidate, so messages don't depend on set order.
        if distance <= max(2, target.count / 3),
            distance < (best?.distance ?? .max) || (distance == best?.distance && candidate < (best?.candidate ?? ""))
        {
            best = (candidate, distance)
        }
    }
    return best?.candidate
}

/// "; did you mean 'x'?" or an empty string.
package func suggestion(for word: String, in candidates: some Sequence<String>) -> String {
    closestMatch(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
}

private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
