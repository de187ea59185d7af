package org.hmskg.serve.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.hmskg.vocab.HMS;

/**
 * One time of a statement as the pages show it: its role (due, start, when it happened), whether it is a fiscal
 * year (年度) or a calendar date, its value as stored and the note of the time expression that states it.
 *
 * @param value the lexical form: a year ({@code 2023}) for a fiscal year; {@code 2022}, {@code 2022-08} or
 *              {@code 2022-08-31} for a calendar date
 * @param note  {@code 末}, {@code 夏}, {@code 後半} …, or {@code ""}
 */
public record StatementTime(Role role, boolean fiscal, String value, String note) {
    private static final Pattern DATE = Pattern.compile("(-?\\d{4,})(?:-(\\d{2}))?(?:-(\\d{2}))?.*");

    /** The roles a statement's time can have, in the order a page lists them. */
    public enum Role {
        DUE("due", "期限", "due"),
        START("start", "開始", "from"),
        OCCURRENCE("occurrence", "時期", "when");

        private final String css;
        private final String ja;
        private final String en;

        Role(String css, String ja, String en) {
            this.css = css;
            this.ja = ja;
            this.en = en;
        }

        public String css() {
            return css;
        }

        public String ja() {
            return ja;
        }

        public String en() {
            return en;
        }
    }

    /** The statement properties that carry each role, fiscal years first. */
    private static final Map<Node, StatementTime> PROPERTIES = Map.of(
            HMS.dueFiscalYear, new StatementTime(Role.DUE, true, "", ""),
            HMS.dueDate, new StatementTime(Role.DUE, false, "", ""),
            HMS.startFiscalYear, new StatementTime(Role.START, true, "", ""),
            HMS.startDate, new StatementTime(Role.START, false, "", ""),
            HMS.fiscalYear, new StatementTime(Role.OCCURRENCE, true, "", ""),
            HMS.date, new StatementTime(Role.OCCURRENCE, false, "", ""));

    /** In a list: by role, then fiscal years before dates, then by value. */
    static final Comparator<StatementTime> ORDER = Comparator.comparing(StatementTime::role)
            .thenComparing(t -> !t.fiscal()).thenComparing(StatementTime::value);

    /**
     * The times of each statement from the rows of {@code statement-times.rq}, each value once (with the first note
     * found for it), in {@link #ORDER}.
     */
    static Map<Node, List<StatementTime>> read(List<Binding> rows) {
        Map<Node, Map<String, StatementTime>> byStatement = new LinkedHashMap<>();
        for (Binding row : rows) {
            Node statement = row.get(Var.alloc("statement"));
            Node property = row.get(Var.alloc("property"));
            Node value = row.get(Var.alloc("value"));
            StatementTime kind = PROPERTIES.get(property);
            if (statement == null || kind == null || value == null || !value.isLiteral()) {
                continue;
            }
            Node note = row.get(Var.alloc("note"));
            StatementTime t = new StatementTime(kind.role(), kind.fiscal(), value.getLiteralLexicalForm(),
                    note != null && note.isLiteral() ? note.getLiteralLexicalForm() : "");
            byStatement.computeIfAbsent(statement, k -> new LinkedHashMap<>())
                    .putIfAbsent(property.getURI() + " " + t.value(), t);
        }
        Map<Node, List<StatementTime>> out = new LinkedHashMap<>();
        byStatement.forEach((s, times) -> {
            List<StatementTime> list = new ArrayList<>(times.values());
            list.sort(ORDER);
            out.put(s, List.copyOf(list));
        });
        return out;
    }

    /** The time as a Japanese reader writes it: 2023年度末, 2022年夏, 2023年3月, 2022年3月31日. */
    public String text() {
        Matcher m = DATE.matcher(value);
        String written;
        if (!m.matches()) {
            written = value;
        } else if (fiscal) {
            written = m.group(1) + "年度";
        } else {
            written = m.group(1) + "年"
                    + (m.group(2) == null ? "" : Integer.parseInt(m.group(2)) + "月")
                    + (m.group(3) == null ? "" : Integer.parseInt(m.group(3)) + "日");
        }
        return written + note;
    }

    /** The same in English words, for titles: "due: fiscal year 2023 (末)". */
    public String english() {
        return role.en() + ": " + (fiscal ? "fiscal year " : "") + value + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /**
     * The fiscal year (April to March) this time falls in; for a calendar date, the one holding the last day of the
     * period stated (2022 → fiscal 2022, ending with December; 2023-03 → fiscal 2022). Empty for a value that is no
     * year.
     */
    public OptionalInt fiscalYear() {
        Matcher m = DATE.matcher(value);
        if (!m.matches() || m.group(1).length() > 6) {
            return OptionalInt.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (fiscal || m.group(2) == null) {
            return OptionalInt.of(year);
        }
        return OptionalInt.of(Integer.parseInt(m.group(2)) >= 4 ? year : year - 1);
    }

    /** The first time of this role in a list, if any. */
    static Optional<StatementTime> first(List<StatementTime> times, Role role) {
        return times.stream().filter(t -> t.role() == role).findFirst();
    }
}
