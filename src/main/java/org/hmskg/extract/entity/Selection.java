package org.hmskg.extract.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Chooses among overlapping candidates: the longest first, on equal spans the most trusted rule, then the first. */
final class Selection {
    private Selection() {
    }

    /** The candidates that win, in text order; none covers a blocked character or another winner. */
    static List<Candidate> select(List<Candidate> candidates, boolean[] blocked, int length) {
        List<Candidate> order = new ArrayList<>(candidates);
        order.sort(Comparator.comparingInt((Candidate c) -> -c.length()).thenComparingInt(c -> c.trust().ordinal())
                .thenComparingInt(Candidate::start));
        boolean[] taken = new boolean[length];
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate c : order) {
            if (Scan.any(blocked, c.start(), c.end()) || Scan.any(taken, c.start(), c.end())) {
                continue;
            }
            Scan.mark(taken, c.start(), c.end());
            accepted.add(c);
        }
        accepted.sort(Comparator.comparingInt(Candidate::start));
        return accepted;
    }

    /** {@code 第2回健康・医療新産業協議会}: the ordinal is part of what the text names, not of the name. */
    static List<Candidate> withOrdinals(Names names, String n, List<Candidate> accepted) {
        List<Candidate> result = new ArrayList<>(accepted.size());
        int previousEnd = 0;
        for (Candidate c : accepted) {
            Candidate out = c;
            if (c.spec() != null) {
                int from = Math.max(previousEnd, c.start() - 8);
                int ordinal = names.ordinalStart(n, from, c.start());
                if (ordinal >= 0) {
                    out = new Candidate(ordinal, c.end(), c.trust(), c.spec(), null);
                }
            }
            result.add(out);
            previousEnd = c.end();
        }
        return result;
    }
}
