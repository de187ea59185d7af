package org.hmskg.serve.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Sparql;
import org.hmskg.serve.data.UnionView;
import org.hmskg.vocab.HMS;

/**
 * The commitments of the dataset ({@code hms:Commitment} statements) read once per request, then selected by the
 * filters and grouped as {@code /commitments} shows them: by the fiscal year each is due in (those without a due
 * time last, in a group of their own), then by lead ministry. A commitment due in two fiscal years, or led by two
 * ministries, stands in each of its groups.
 */
final class Commitments {
    /** The group of commitments without a due time. */
    static final int NO_DUE_YEAR = Integer.MAX_VALUE;

    /** A ministry as the page names it. {@code key} is the last segment of its IRI. */
    record Ministry(Node iri, String key, String href, String name, String lang, String en) {
    }

    /** An initiative a commitment's block names. */
    record Initiative(Node iri, String key, String href, String name, String lang) {
    }

    /**
     * One commitment and where it stands.
     *
     * @param dueYears the fiscal years it is due in ({@link StatementTime#fiscalYear}), empty when it has no due time
     */
    record Commitment(Node statement, String href, String text, int ordinal, boolean continues, Node block,
                      String blockHref, boolean paragraph, int blockOrdinal, Optional<Node> document,
                      int pageStart, int pageEnd, int lineStart, int lineEnd, List<StatementTime> times,
                      List<Ministry> leads, List<Ministry> ministries, List<Initiative> initiatives,
                      Set<Integer> dueYears) {
        Commitment {
            times = List.copyOf(times);
            leads = List.copyOf(leads);
            ministries = List.copyOf(ministries);
            initiatives = List.copyOf(initiatives);
            dueYears = Set.copyOf(dueYears);
        }

        /** The groups it stands in: each due year, or {@link #NO_DUE_YEAR}. */
        List<Integer> groupYears() {
            return dueYears.isEmpty() ? List.of(NO_DUE_YEAR) : dueYears.stream().sorted().toList();
        }

        /** Its block named as a reader finds it: 施策 24, 段落 3. */
        String blockName() {
            return (paragraph ? "段落" : "施策") + (blockOrdinal > 0 ? " " + blockOrdinal : "");
        }

        /** The sentence on its block's page. */
        String blockAnchorHref() {
            return blockHref + (ordinal > 0 ? "#statement-" + ordinal : "");
        }

        /** page 8, lines 436–448. */
        String where() {
            String pages = pageStart <= 0 ? "" : pageEnd > pageStart ? "pages " + pageStart + "–" + pageEnd
                    : "page " + pageStart;
            String lines = lineStart <= 0 ? "" : lineEnd > lineStart ? "lines " + lineStart + "–" + lineEnd
                    : "line " + lineStart;
            return pages.isEmpty() || lines.isEmpty() ? pages + lines : pages + ", " + lines;
        }

        boolean hasMinistry(Node ministry) {
            return ministries.stream().anyMatch(m -> m.iri().equals(ministry))
                    || leads.stream().anyMatch(m -> m.iri().equals(ministry));
        }

        boolean names(Node initiative) {
            return initiatives.stream().anyMatch(i -> i.iri().equals(initiative));
        }
    }

    /** Commitments under one lead ministry ({@code lead} empty: none is marked ◎) within one due year. */
    record LeadGroup(Optional<Ministry> lead, List<Commitment> items) {
    }

    /** Commitments due in one fiscal year ({@link #NO_DUE_YEAR}: without a due time), by lead ministry. */
    record YearGroup(int year, List<LeadGroup> leads) {
        int size() {
            return leads.stream().mapToInt(l -> l.items().size()).sum();
        }
    }

    private final List<Commitment> all;

    private Commitments(List<Commitment> all) {
        this.all = List.copyOf(all);
    }

    /** Every commitment in document order; the labels are read inside the caller's read transaction. */
    static Commitments read(UnionView view, IriPaths paths, Labels labels) {
        Map<Node, List<StatementTime>> times = StatementTime.read(
                Sparql.select(view, "statement-times", Map.of("class", HMS.Commitment)));
        Map<Node, Ministry> ministryByIri = new HashMap<>();
        Function<Node, Ministry> ministry = iri -> ministryByIri.computeIfAbsent(iri, i -> new Ministry(i,
                key(i), paths.href(i), labels.display(i), labels.displayLang(i),
                labels.label(i, "en").map(Node::getLiteralLexicalForm).orElse("")));
        Map<Node, List<Ministry>> leads = new HashMap<>();
        Map<Node, List<Ministry>> tagged = new HashMap<>();
        for (Binding row : Sparql.select(view, "commitment-ministries", Map.of())) {
            Node iri = row.get(Var.alloc("ministry"));
            if (iri == null || !iri.isURI()) {
                continue;
            }
            Map<Node, List<Ministry>> target = HMS.leadMinistry.equals(row.get(Var.alloc("property"))) ? leads : tagged;
            target.computeIfAbsent(row.get(Var.alloc("statement")), k -> new ArrayList<>()).add(ministry.apply(iri));
        }
        Map<Node, Initiative> initiativeByIri = new HashMap<>();
        Map<Node, List<Initiative>> named = new HashMap<>();
        for (Binding row : Sparql.select(view, "commitment-initiatives", Map.of())) {
            Node iri = row.get(Var.alloc("named"));
            if (iri == null || !iri.isURI() || !"initiative".equals(paths.typeOf(iri.getURI()))) {
                continue;
            }
            Initiative initiative = initiativeByIri.computeIfAbsent(iri, i -> new Initiative(i, key(i),
                    paths.href(i), labels.display(i), labels.displayLang(i)));
            named.computeIfAbsent(row.get(Var.alloc("statement")), k -> new ArrayList<>()).add(initiative);
        }
        Map<Node, Commitment> byStatement = new LinkedHashMap<>();
        for (Binding row : Sparql.select(view, "commitments", Map.of())) {
            Node s = row.get(Var.alloc("statement"));
            if (!s.isURI() || byStatement.containsKey(s)) {
                continue;
            }
            Node block = row.get(Var.alloc("block"));
            List<StatementTime> own = times.getOrDefault(s, List.of());
            Set<Integer> due = new TreeSet<>();
            own.stream().filter(t -> t.role() == StatementTime.Role.DUE)
                    .forEach(t -> t.fiscalYear().ifPresent(due::add));
            Node continues = row.get(Var.alloc("continues"));
            byStatement.put(s, new Commitment(s, paths.href(s), literal(row, "text"), integer(row, "ordinal"),
                    continues != null && "true".equals(continues.getLiteralLexicalForm()), block,
                    block.isURI() ? paths.href(block) : "", HMS.Paragraph.equals(row.get(Var.alloc("blockClass"))),
                    integer(row, "blockOrdinal"),
                    Optional.ofNullable(row.get(Var.alloc("document"))).filter(Node::isURI),
                    integer(row, "pageStart"), integer(row, "pageEnd"), integer(row, "lineStart"),
                    integer(row, "lineEnd"), own, sorted(leads.get(s)), sorted(tagged.get(s)),
                    named.getOrDefault(s, List.of()).stream().sorted(Comparator.comparing(Initiative::name)).toList(),
                    due));
        }
        return new Commitments(new ArrayList<>(byStatement.values()));
    }

    private static List<Ministry> sorted(List<Ministry> ministries) {
        return ministries == null ? List.of()
                : ministries.stream().distinct().sorted(Comparator.comparing(Ministry::name)).toList();
    }

    private static String key(Node iri) {
        String s = iri.getURI();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static String literal(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : "";
    }

    private static int integer(Binding row, String var) {
        Node n = row.get(Var.alloc(var));
        return n != null && n.isLiteral() && n.getLiteralValue() instanceof Number num ? num.intValue() : 0;
    }

    List<Commitment> all() {
        return all;
    }

    /**
     * The commitments that pass every filter given.
     *
     * @param ministry   tagged on the commitment (lead or not); an unknown IRI selects nothing
     * @param initiative named by the commitment's block
     * @param year       due in this fiscal year, or {@link #NO_DUE_YEAR} for those without a due time
     */
    List<Commitment> select(Optional<Node> ministry, Optional<Node> initiative, Optional<Integer> year) {
        return all.stream()
                .filter(c -> ministry.map(c::hasMinistry).orElse(true))
                .filter(c -> initiative.map(c::names).orElse(true))
                .filter(c -> year.map(y -> c.groupYears().contains(y)).orElse(true))
                .toList();
    }

    /**
     * The lead ministries of these commitments, most commitments first (then by name), so that every year lists
     * them in the same order; those without a lead ministry come after all of them.
     */
    static List<Ministry> leadOrder(List<Commitment> selected) {
        Map<Ministry, Long> counts = selected.stream().flatMap(c -> c.leads().stream())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.keySet().stream().sorted(Comparator.comparing((Ministry m) -> -counts.get(m))
                .thenComparing(Ministry::name).thenComparing(Ministry::key)).toList();
    }

    /** The due years of these commitments, ascending, {@link #NO_DUE_YEAR} last. */
    static List<Integer> years(List<Commitment> selected) {
        return selected.stream().flatMap(c -> c.groupYears().stream()).collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /** These commitments grouped by due year (ascending, no due time last), then by lead ministry. */
    static List<YearGroup> group(List<Commitment> selected) {
        List<Ministry> order = leadOrder(selected);
        Map<Integer, Map<Optional<Ministry>, List<Commitment>>> byYear = new TreeMap<>();
        for (Commitment c : selected) {
            for (int year : c.groupYears()) {
                Map<Optional<Ministry>, List<Commitment>> byLead = byYear.computeIfAbsent(year, y -> new HashMap<>());
                if (c.leads().isEmpty()) {
                    byLead.computeIfAbsent(Optional.empty(), k -> new ArrayList<>()).add(c);
                }
                for (Ministry lead : c.leads()) {
                    byLead.computeIfAbsent(Optional.of(lead), k -> new ArrayList<>()).add(c);
                }
            }
        }
        List<YearGroup> out = new ArrayList<>();
        byYear.forEach((year, byLead) -> {
            List<LeadGroup> leads = new ArrayList<>();
            for (Ministry m : order) {
                List<Commitment> items = byLead.get(Optional.of(m));
                if (items != null) {
                    leads.add(new LeadGroup(Optional.of(m), List.copyOf(items)));
                }
            }
            List<Commitment> none = byLead.get(Optional.<Ministry>empty());
            if (none != null) {
                leads.add(new LeadGroup(Optional.empty(), List.copyOf(none)));
            }
            out.add(new YearGroup(year, List.copyOf(leads)));
        });
        return out;
    }

    /** Each commitment once, in the order of its first group. */
    static List<Commitment> inGroupOrder(List<YearGroup> groups) {
        Set<Commitment> seen = new LinkedHashSet<>();
        groups.forEach(g -> g.leads().forEach(l -> seen.addAll(l.items())));
        return List.copyOf(seen);
    }

    /** The ministries tagged on any commitment, and the initiatives their blocks name, with their counts. */
    <T> Map<T, Long> count(Function<Commitment, List<T>> of) {
        return all.stream().flatMap(c -> of.apply(c).stream().distinct())
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    }
}
