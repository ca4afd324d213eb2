extension DisclosureAudit {
    /// The small hidden cells among `candidates` that no witness shows protected, in an audit
    /// whose cells belong to several publications (``Cell/owner``: each area of a national
    /// picture), against a reader who also holds any one owner's exact figures.
    ///
    /// A change in one owner's count must be balanced by another's, as "national minus the other
    /// areas" allows, so each cell is tried with one *partner* at a time
    /// (``exposedOfOwner(_:owner:)``). Owners are checked in parallel.
    func exposedAmongOwned(_ candidates: [Int]) -> [Int] {
        var byOwner: [Int: [Int]] = [:]
        for cell in candidates where cells[cell].isChecked {
            byOwner[cells[cell].owner ?? -1, default: []].append(cell)
        }
        let groups = byOwner.sorted { $0.key < $1.key }.map { (owner: $0.key, cells: $0.value) }
        let exposed = groups.concurrentMap { group in
            exposedOfOwner(group.cells, owner: group.owner == -1 ? nil : group.owner)
        }
        return exposed.flatMap { $0 }
    }

    /// ``exposedAmongOwned(_:)`` for the checked cells of one owner (`nil`: the publication audited).
    ///
    /// A cell is tried with a team of *partners*, the owners whose hidden cells near it hold the
    /// most: a programme over the hidden cells within a few relations of it that belong to its
    /// owner, the team or the publication audited, every other hidden cell held at its true value.
    /// A witness that spans `threshold` values protects the cell against every reader but those
    /// holding a partner's figures that its points moved; for each of those the cell is tried
    /// again without that partner. The cell is protected once, for every owner (but the one whose
    /// figures make up all of its value, who knows it anyway), some witness spanning it leaves that
    /// owner's cells alone. The feasible points found for one cell serve every other checked cell
    /// in the programme.
    private func exposedOfOwner(_ checked: [Int], owner: Int?) -> [Int] {
        var witnesses = OwnerWitnesses(owner: owner, wanted: Set(checked))
        for cell in checked { witnesses.sole[cell] = soleOwner(of: cell) ?? -2 }
        var exposed: [Int] = []
        for cell in checked where !witnesses.isDone(cell) {
            search(cell, &witnesses)
            if !witnesses.isDone(cell) { exposed.append(cell) }
        }
        return exposed
    }

    /// The witnesses found for one owner's audit: per checked cell, the owners moved by each
    /// witness that spans it, and the owner whose figures make up all of its value (or -2).
    private struct OwnerWitnesses {
        let owner: Int?
        let wanted: Set<Int>
        var spans: [Int: [Set<Int>]] = [:]
        var sole: [Int: Int] = [:]

        init(owner: Int?, wanted: Set<Int>) {
            self.owner = owner
            self.wanted = wanted
        }

        /// Whether, for every owner but the sole one, some witness spanning the cell leaves that
        /// owner's cells alone.
        func isDone(_ cell: Int) -> Bool {
            guard let found = spans[cell], let first = found.first else { return false }
            return found.dropFirst().reduce(first) { $0.intersection($1) }.subtracting([sole[cell] ?? -2]).isEmpty
        }
    }

    /// Tries witnesses for `cell` in widening teams until it is protected or the schedule ends.
    /// Two teams of partners apart (alternate ones of the list): a witness of each moves only its
    /// own team's cells, so no one partner's figures undo both.
    private func search(_ cell: Int, _ witnesses: inout OwnerWitnesses) {
        let candidates = partners(near: cell)
        for (size, levels) in [
            (0, 3), (0, Self.wholeOwners), (4, 3), (1, Self.wholeOwners), (8, 3), (4, 6), (12, 6),
            (4, Self.wholeOwners), (12, Self.wholeOwners),
        ] {
            if size == 0 {
                witness(cell, levels: levels, team: [], &witnesses)
            } else if levels == Self.wholeOwners, size == 1 {
                // One partner at a time, each whole: two that each balance the cell protect it.
                for partner in candidates.prefix(Self.wholePartners) {
                    witness(cell, levels: levels, team: [partner], &witnesses)
                    if witnesses.isDone(cell) { return }
                }
            } else {
                let chosen = Array(candidates.prefix(2 * size))
                for half in 0..<2 {
                    witness(
                        cell, levels: levels, team: Set(chosen.indices.filter { $0 % 2 == half }.map { chosen[$0] }),
                        &witnesses)
                }
            }
            if witnesses.isDone(cell) { return }
        }
    }

    /// Solves the programme over `team`'s cells near `cell`, and records the witness for every
    /// checked cell it spans.
    private func witness(_ cell: Int, levels: Int, team: Set<Int>, _ witnesses: inout OwnerWitnesses) {
        let owner = witnesses.owner
        let whole = levels >= Self.wholeOwners
        let members = neighbourhood(
            of: cell, levels: levels, team: team.union([owner].compactMap { $0 }), pruned: !whole,
            limit: whole ? 3 * DisclosureAudit.witnessLimit : DisclosureAudit.witnessLimit)
        var programme = Programme(audit: self, members: members)
        guard programme.program.makeFeasible(),
            let points = extremePoints(cell, in: &programme, variables: members.count)
        else { return }
        let truths = members.map { Double(cells[$0].value - cells[$0].lowerBound) }
        let moved = movedOwners(members: members, points: points, truths: truths, cell: cell, owner: owner)
        // The cell's own span is the programme's; the others' are read from the two points.
        witnesses.spans[cell, default: []].append(moved)
        for (index, member) in members.enumerated() where member != cell && witnesses.wanted.contains(member) {
            let values = points.map { $0[index] } + [truths[index]]
            guard let low = values.min(), let high = values.max(),
                isWide(from: cells[member].lowerBound, low: low, high: high)
            else { continue }
            witnesses.spans[member, default: []].append(moved)
        }
    }

    /// The owners (other than `owner`) whose cells a witness's points move from their true
    /// values. When the two points do not themselves span the cell (an unbounded maximum has no
    /// finite point), which owners they move is not known: every member's owner counts as moved.
    private func movedOwners(members: [Int], points: [[Double]], truths: [Double], cell: Int, owner: Int?) -> Set<Int> {
        let pointsSpanCell =
            [points[0][0], points[1][0], truths[0]].min().map { low in
                isWide(from: cells[cell].lowerBound, low: low, high: max(points[0][0], points[1][0], truths[0]))
            } ?? false
        var moved = Set<Int>()
        for index in members.indices {
            guard let other = cells[members[index]].owner, other != owner, !moved.contains(other) else { continue }
            if !pointsSpanCell || points.contains(where: { abs($0[index] - truths[index]) > 1e-6 }) {
                moved.insert(other)
            }
        }
        return moved
    }

    /// Levels that reach every hidden cell of the owners in a team: a whole area's hidden counts
    /// moved with a partner's (an area that hides almost everything balances another such).
    static let wholeOwners = 40
    /// How many partners are tried whole, one at a time.
    static let wholePartners = 10

    /// The owners (other than the cell's) that can balance a change in `cell`: those whose hidden
    /// cells hold the most in the relations reached from it through six relations of its own
    /// owner's (and the audited publication's) hidden cells; at most twelve.
    private func partners(near cell: Int) -> [Int] {
        let owner = cells[cell].owner
        var held: [Int: Int] = [:]
        var frontier = [cell]
        var seen: Set<Int> = [cell]
        var counted = Set<Int>()
        for _ in 0..<6 {
            var next: [Int] = []
            for member in frontier {
                for relation in relationsOf[member] where counted.insert(relation).inserted {
                    for term in relations[relation].terms where !cells[term.cell].isShown {
                        let other = cells[term.cell].owner
                        if other == owner || other == nil {
                            if seen.insert(term.cell).inserted { next.append(term.cell) }
                        } else if let other {
                            held[other, default: 0] += 100 * cells[term.cell].value + 1
                        }
                    }
                }
            }
            frontier = next
        }
        return held.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(24).map(\.key)
    }

    /// For a cell of the publication audited, the one owner whose cells make up all of its
    /// value where they meet it in a relation (a national count of one area's children): a
    /// reader holding that owner's figures already knows it.
    private func soleOwner(of cell: Int) -> Int? {
        guard cells[cell].owner == nil else { return nil }
        var owners = Set<Int>()
        for relation in relationsOf[cell] {
            for term in relations[relation].terms {
                if let owner = cells[term.cell].owner, cells[term.cell].value > 0 { owners.insert(owner) }
            }
        }
        return owners.count == 1 ? owners.first : nil
    }
}
