package org.hmskg.extract.statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hmskg.extract.NormText;
import org.hmskg.extract.ReferenceDataException;
import org.hmskg.extract.ReferenceTable;

/**
 * The statement rules as data ({@code reference/statement-*.tsv}, {@code reference/time-*.tsv},
 * {@code reference/figure-duration-units.tsv}), read once from
 * the class path. Every file starts with comment lines ({@code #}) saying what it is and where it came from, then a
 * header line. Keys are stored in their normalised form (NFKC, spaces removed), the form rules are matched in.
 */
final class Rules {
    static final String ENDINGS = "reference/statement-endings.tsv";
    static final String CONTINUATION = "reference/statement-continuation.tsv";
    static final String NOUN_CUES = "reference/statement-noun-cues.tsv";
    static final String TIME_MARKERS = "reference/time-markers.tsv";
    static final String TIME_NOTES = "reference/time-notes.tsv";
    static final String TIME_CLAUSES = "reference/time-clauses.tsv";
    static final String TIME_RELATIVE_HEADS = "reference/time-relative-heads.tsv";
    static final String TIME_RELATIVE_FORWARD = "reference/time-relative-forward.tsv";
    static final String DURATION_UNITS = "reference/figure-duration-units.tsv";

    /** What an ending says; NOUN: no tense of its own, read from cues and neighbours. */
    enum Ending {
        ACHIEVEMENT, ONGOING, COMMITMENT, NOUN
    }

    /** What a marker after a time says (time-markers.tsv, column role). */
    enum Marker {
        DUE, BY, START, AS_OF, BARE, NONE
    }

    /** What the clause of a plain time reports (time-clauses.tsv, column clause). */
    enum Clause {
        PAST, PLAN
    }

    /** A word of a table found at a position of a text. */
    record Found<T>(String word, T value) {
        int length() {
            return word.length();
        }
    }

    private static final class Holder {
        static final Rules STANDARD = read(Rules.class.getClassLoader());
    }

    final Words<Ending> endings;
    final List<String> continuation;
    final List<Found<StatementKind>> nounCues;
    final Words<Marker> markers;
    final Words<String> notes;
    final List<Found<Clause>> clauses;
    /** How a phrase qualified by a past relative clause ends when it is not the main action (time-relative-heads.tsv). */
    final List<String> relativeHeads;
    /** Forms in 〜た that qualify a noun without reporting anything done (time-relative-forward.tsv). */
    final List<String> relativeForward;
    final Set<String> durationUnits;

    private Rules(Words<Ending> endings, List<String> continuation, List<Found<StatementKind>> nounCues,
                  Words<Marker> markers, Words<String> notes, List<Found<Clause>> clauses,
                  List<String> relativeHeads, List<String> relativeForward, Set<String> durationUnits) {
        this.endings = endings;
        this.continuation = List.copyOf(continuation);
        this.nounCues = List.copyOf(nounCues);
        this.markers = markers;
        this.notes = notes;
        this.clauses = List.copyOf(clauses);
        this.relativeHeads = List.copyOf(relativeHeads);
        this.relativeForward = List.copyOf(relativeForward);
        this.durationUnits = Set.copyOf(durationUnits);
    }

    static Rules standard() {
        return Holder.STANDARD;
    }

    static Rules read(ClassLoader loader) {
        Words<Ending> endings = new Words<>();
        for (Row r : rows(loader, ENDINGS, 2)) {
            endings.put(r, r.enumValue(1, Ending.class));
        }
        List<String> continuation = keys(loader, CONTINUATION);
        List<Found<StatementKind>> cues = new ArrayList<>();
        for (Row r : rows(loader, NOUN_CUES, 2)) {
            StatementKind kind = r.enumValue(1, StatementKind.class);
            if (kind == StatementKind.UNCLASSIFIED) {
                throw r.error("a cue must give a kind, not " + r.col(1));
            }
            cues.add(new Found<>(r.key(), kind));
        }
        Words<Marker> markers = new Words<>();
        for (Row r : rows(loader, TIME_MARKERS, 2)) {
            markers.put(r, r.enumValue(1, Marker.class));
        }
        Words<String> notes = new Words<>();
        for (Row r : rows(loader, TIME_NOTES, 1)) {
            notes.put(r, r.key());
        }
        List<Found<Clause>> clauses = new ArrayList<>();
        for (Row r : rows(loader, TIME_CLAUSES, 2)) {
            clauses.add(new Found<>(r.key(), r.enumValue(1, Clause.class)));
        }
        List<String> relativeHeads = keys(loader, TIME_RELATIVE_HEADS);
        List<String> relativeForward = keys(loader, TIME_RELATIVE_FORWARD);
        Set<String> units = new HashSet<>();
        for (Row r : rows(loader, DURATION_UNITS, 1)) {
            units.add(r.key());
        }
        return new Rules(endings, continuation, cues, markers, notes, clauses, relativeHeads, relativeForward, units);
    }

    /** A table of words by their normalised form, looked up as a suffix or at a position, longest first. */
    static final class Words<T> {
        private final Map<String, T> byWord = new HashMap<>();
        private int longest;

        void put(Row r, T value) {
            String key = r.key();
            if (byWord.putIfAbsent(key, value) != null) {
                throw r.error("'" + key + "' is listed twice");
            }
            longest = Math.max(longest, key.length());
        }

        /** Every word of the table (for the tests that check each row has a fixture). */
        Set<String> words() {
            return Set.copyOf(byWord.keySet());
        }

        /** The longest word that {@code s} ends with. */
        Optional<Found<T>> suffixOf(String s) {
            for (int k = Math.min(longest, s.length()); k > 0; k--) {
                String w = s.substring(s.length() - k);
                T v = byWord.get(w);
                if (v != null) {
                    return Optional.of(new Found<>(w, v));
                }
            }
            return Optional.empty();
        }

        /** The longest word that starts at {@code from} in {@code s}. */
        Optional<Found<T>> at(String s, int from) {
            for (int k = Math.min(longest, s.length() - from); k > 0; k--) {
                String w = s.substring(from, from + k);
                T v = byWord.get(w);
                if (v != null) {
                    return Optional.of(new Found<>(w, v));
                }
            }
            return Optional.empty();
        }
    }

    /** A row of a rule table, with what the rules read from it. */
    record Row(ReferenceTable.Row row) {
        String col(int i) {
            return row.col(i);
        }

        /** The first column in its normalised form; never empty. */
        String key() {
            String key = NormText.key(col(0));
            if (key.isEmpty()) {
                throw error("empty first column");
            }
            return key;
        }

        <E extends Enum<E>> E enumValue(int i, Class<E> type) {
            String v = col(i).toUpperCase().replace('-', '_');
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw error("unknown value '" + col(i) + "' in column " + (i + 1));
            }
        }

        ReferenceDataException error(String rule) {
            return row.error(rule);
        }
    }

    /**
     * The data rows of a rule table: comment lines ({@code #}) first, at least one, then a header line; blank
     * lines are skipped; each row has at least {@code required} non-empty columns.
     */
    /** The first column of every row of a one-column table. */
    static List<String> keys(ClassLoader loader, String resource) {
        return rows(loader, resource, 1).stream().map(Row::key).toList();
    }

    static List<Row> rows(ClassLoader loader, String resource, int required) {
        List<Row> rows = new ArrayList<>();
        for (ReferenceTable.Row r : ReferenceTable.readDescribed(loader, resource, Integer.MAX_VALUE)) {
            Row row = new Row(r);
            for (int i = 0; i < required; i++) {
                if (row.col(i).isEmpty()) {
                    throw row.error("column " + (i + 1) + " is empty");
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
