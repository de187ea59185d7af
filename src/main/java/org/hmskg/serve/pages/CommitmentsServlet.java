package org.hmskg.serve.pages;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.hmskg.serve.data.IriPaths;
import org.hmskg.serve.data.Labels;
import org.hmskg.serve.data.Published;
import org.hmskg.serve.data.Snapshot;
import org.hmskg.serve.http.HttpError;
import org.hmskg.serve.http.Negotiation;
import org.hmskg.serve.pages.Commitments.Commitment;
import org.hmskg.serve.pages.Commitments.Ministry;
import org.hmskg.serve.pages.Fragments.Text;
import org.hmskg.serve.pages.Fragments.Value;
import org.hmskg.vocab.HMS;
import org.hmskg.vocab.Vocab.RDF;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /commitments} ({@code commitments.jte}): what the documents say will be done, grouped by the fiscal year it
 * is due in and then by lead ministry, with a picture of the counts; filtered by {@code ministry} (a ministry's key,
 * tagged on the commitment, lead or not), {@code initiative} (an initiative's key, named by the commitment's block)
 * and {@code year} (a fiscal year, or {@code none} for commitments without a due time). The same selection as JSON
 * or CSV by {@code Accept} or {@code ?format=json|csv}.
 */
public final class CommitmentsServlet extends HttpServlet {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,99}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final String NONE = "none";
    /** How the page names the group of commitments whose block marks no ministry with ◎. */
    private static final String NO_LEAD = "主担当の記載なし";
    /** Years between the first and the last due year are all drawn, unless they span more than this. */
    private static final int MAX_FILLED_SPAN = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CSV_COLUMNS = List.of("statement", "text", "due_fiscal_years", "due", "start",
            "continues", "lead_ministries", "lead_ministry_names", "ministries", "block", "block_kind",
            "block_ordinal", "document", "document_title", "page_start", "page_end", "line_start", "line_end");

    private final transient Published published;
    private final transient IriPaths paths;

    public CommitmentsServlet(Published published, IriPaths paths) {
        this.published = published;
        this.paths = paths;
    }

    /** What {@code commitments.jte} shows. */
    public record Model(Selection selection, List<Option> ministries, List<Option> initiatives, List<Option> years,
                        int count, int total, String jsonHref, String csvHref,
                        Optional<CommitmentMatrix.Picture> picture, Table table, List<Year> groups) {
    }

    /** The filters of this request as the page states them; {@code filtered} when any is set. */
    public record Selection(Optional<Filter> ministry, Optional<Filter> initiative, Optional<Filter> year,
                            boolean filtered) {
    }

    /**
     * One filter: the value asked for, what it names ({@code known} false when nothing has that key), and the
     * address of the same selection without it.
     */
    public record Filter(String value, Text name, boolean known, String without) {
    }

    /** A choice of a filter's menu, with the number of commitments it selects on its own. */
    public record Option(String value, Text label, long count, boolean selected) {
    }

    /** The numbers of the picture: one row per lead ministry, one column per due year. */
    public record Table(List<String> columns, List<TableRow> rows) {
    }

    /** A row of the table; {@code href} empty for the commitments without a lead ministry. */
    public record TableRow(Text name, String href, List<Long> counts) {
    }

    /** The commitments due in one fiscal year (or without a due time), by lead ministry. */
    public record Year(String id, String heading, String headingJa, int count, List<Lead> leads) {
    }

    /** The commitments of one lead ministry within a year; {@code href} empty when none is marked ◎. */
    public record Lead(Text name, String en, String href, int count, List<Item> items) {
    }

    /** One commitment as the list shows it. */
    public record Item(String text, String href, List<StatementTime> times, boolean continues, String block,
                       String blockHref, Optional<Value> document, String where, List<Value> otherLeads) {
    }

    /** The filters as given: each once at most, blank meaning not set. */
    private record Request(Optional<String> ministry, Optional<String> initiative, Optional<String> year) {
        String href(String format, boolean withMinistry, boolean withInitiative, boolean withYear) {
            List<String> params = new ArrayList<>();
            if (withMinistry) {
                ministry.ifPresent(v -> params.add("ministry=" + encode(v)));
            }
            if (withInitiative) {
                initiative.ifPresent(v -> params.add("initiative=" + encode(v)));
            }
            if (withYear) {
                year.ifPresent(v -> params.add("year=" + encode(v)));
            }
            if (format != null) {
                params.add("format=" + format);
            }
            return "/commitments" + (params.isEmpty() ? "" : "?" + String.join("&", params));
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Negotiation.Format format = Negotiation.choose(req, resp, Negotiation.PAGE_JSON_OR_CSV);
        Request asked = new Request(single(req, "ministry"), single(req, "initiative"), single(req, "year"));
        Optional<Integer> year = asked.year().map(CommitmentsServlet::year);
        Snapshot snapshot = published.current();
        Object answer = Txn.calculateRead(snapshot.view(), () -> {
            Labels labels = new Labels(snapshot.view().getDefaultGraph(), paths);
            Commitments commitments = Commitments.read(snapshot.view(), paths, labels);
            Optional<Node> ministry = asked.ministry().flatMap(v -> thing("ministry", v));
            Optional<Node> initiative = asked.initiative().flatMap(v -> thing("initiative", v));
            boolean ministryKnown = asked.ministry().isEmpty() || ministry.filter(m -> known(snapshot, m, HMS.Ministry))
                    .isPresent();
            boolean initiativeKnown = asked.initiative().isEmpty() || initiative.filter(i -> known(snapshot, i, null))
                    .isPresent();
            List<Commitment> selected = ministryKnown && initiativeKnown
                    ? commitments.select(ministry, initiative, year) : List.of();
            List<Commitments.YearGroup> groups = Commitments.group(selected);
            return switch (format) {
                case JSON -> json(asked, labels, ministry, initiative, ministryKnown, initiativeKnown, selected,
                        groups);
                case CSV -> csv(labels, groups);
                default -> model(asked, labels, commitments, ministry, initiative, ministryKnown, initiativeKnown,
                        selected, groups);
            };
        });
        switch (format) {
            case JSON -> {
                resp.setContentType("application/json; charset=utf-8");
                JSON.writeValue(resp.getOutputStream(), answer);
            }
            case CSV -> {
                resp.setContentType("text/csv; charset=utf-8; header=present");
                resp.setHeader("Content-Disposition", "inline; filename=\"commitments.csv\"");
                Writer out = resp.getWriter();
                try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                        .setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
                    csv.printRecords((List<?>) answer);
                }
            }
            default -> Pages.send(resp, 200, "commitments.jte", answer);
        }
    }

    /** A query parameter given at most once; a blank value is no filter. */
    private static Optional<String> single(HttpServletRequest req, String name) {
        String[] values = req.getParameterValues(name);
        if (values == null) {
            return Optional.empty();
        }
        if (values.length > 1) {
            throw HttpError.badRequest("Give " + name + " once: the commitments page filters by one " + name
                    + " at a time.");
        }
        return Optional.of(values[0].strip()).filter(v -> !v.isEmpty());
    }

    private static int year(String value) {
        if (value.equals(NONE)) {
            return Commitments.NO_DUE_YEAR;
        }
        if (!YEAR.matcher(value).matches()) {
            throw HttpError.badRequest("year must be a fiscal year written with four digits (such as 2023) or "
                    + "'none' for the commitments without a due time, not '" + value + "'.");
        }
        return Integer.parseInt(value);
    }

    /** The thing a filter's key names; a value that cannot be a key names nothing. */
    private Optional<Node> thing(String type, String key) {
        return KEY.matcher(key).matches() ? Optional.of(paths.canonical("/id/" + type + "/" + key)) : Optional.empty();
    }

    private static boolean known(Snapshot snapshot, Node thing, Node type) {
        return snapshot.view().getDefaultGraph().contains(thing, RDF.type, type == null ? Node.ANY : type);
    }

    private Model model(Request asked, Labels labels, Commitments commitments, Optional<Node> ministry,
                        Optional<Node> initiative, boolean ministryKnown, boolean initiativeKnown,
                        List<Commitment> selected, List<Commitments.YearGroup> groups) {
        Optional<Filter> ministryFilter = asked.ministry().map(v -> new Filter(v, name(labels, ministry, v),
                ministryKnown, asked.href(null, false, true, true)));
        Optional<Filter> initiativeFilter = asked.initiative().map(v -> new Filter(v, name(labels, initiative, v),
                initiativeKnown, asked.href(null, true, false, true)));
        Optional<Filter> yearFilter = asked.year().map(v -> new Filter(v, new Text(yearName(year(v)), ""), true,
                asked.href(null, true, true, false)));
        Selection selection = new Selection(ministryFilter, initiativeFilter, yearFilter,
                asked.ministry().isPresent() || asked.initiative().isPresent() || asked.year().isPresent());

        Map<Ministry, Long> ministryCounts = commitments.count(c -> Stream.concat(c.leads().stream(),
                c.ministries().stream()).toList());
        List<Option> ministries = ministryCounts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Ministry, Long> e) -> -e.getValue())
                        .thenComparing(e -> e.getKey().name()))
                .map(e -> new Option(e.getKey().key(), new Text(e.getKey().name(), e.getKey().lang()), e.getValue(),
                        e.getKey().key().equals(asked.ministry().orElse("")))).toList();
        List<Option> initiatives = commitments.count(Commitment::initiatives).entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().name()))
                .map(e -> new Option(e.getKey().key(), new Text(e.getKey().name(), e.getKey().lang()), e.getValue(),
                        e.getKey().key().equals(asked.initiative().orElse("")))).toList();
        List<Option> years = commitments.count(Commitment::groupYears).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Option(yearValue(e.getKey()), new Text(yearName(e.getKey()), ""), e.getValue(),
                        yearValue(e.getKey()).equals(asked.year().orElse("")))).toList();

        Counts counts = counts(asked, selected, groups);
        List<Year> shown = groups.stream().map(g -> new Year("fy-" + yearValue(g.year()), yearName(g.year()),
                g.year() == Commitments.NO_DUE_YEAR ? "期限の記載なし" : g.year() + "年度が期限", g.size(),
                g.leads().stream().map(l -> lead(labels, l)).toList())).toList();
        return new Model(selection, ministries, initiatives, years, selected.size(), commitments.all().size(),
                asked.href("json", true, true, true), asked.href("csv", true, true, true), counts.picture(),
                counts.table(), shown);
    }

    /** The picture and its table. */
    private record Counts(Optional<CommitmentMatrix.Picture> picture, Table table) {
    }

    /**
     * The numbers of the list per lead ministry (rows, in the list's order, those without a lead last) and due year
     * (columns), drawn and as a table.
     */
    private static Counts counts(Request asked, List<Commitment> selected, List<Commitments.YearGroup> groups) {
        List<Ministry> leadOrder = Commitments.leadOrder(selected);
        boolean noLead = selected.stream().anyMatch(c -> c.leads().isEmpty());
        List<Integer> columns = columns(Commitments.years(selected));
        long[][] n = new long[leadOrder.size() + (noLead ? 1 : 0)][columns.size()];
        for (Commitments.YearGroup g : groups) {
            int j = columns.indexOf(g.year());
            for (Commitments.LeadGroup l : g.leads()) {
                int i = l.lead().map(leadOrder::indexOf).orElse(leadOrder.size());
                n[i][j] = l.items().size();
            }
        }
        List<CommitmentMatrix.Axis> rowAxes = new ArrayList<>();
        List<TableRow> tableRows = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            Optional<Ministry> m = i < leadOrder.size() ? Optional.of(leadOrder.get(i)) : Optional.empty();
            Text name = m.map(x -> new Text(x.name(), x.lang())).orElse(new Text(NO_LEAD, "ja"));
            String title = m.map(x -> x.en().isEmpty() || x.en().equals(x.name()) ? x.name()
                    : x.name() + " (" + x.en() + ")").orElse("no lead ministry (" + NO_LEAD + ")");
            rowAxes.add(new CommitmentMatrix.Axis(m.map(Ministry::key).orElse(NONE), name.text(),
                    name.lang().isEmpty() ? null : name.lang(), title, m.map(Ministry::href).orElse("")));
            tableRows.add(new TableRow(name, m.map(Ministry::href).orElse(""),
                    Arrays.stream(n[i]).boxed().toList()));
        }
        List<CommitmentMatrix.Axis> columnAxes = columns.stream().map(y -> new CommitmentMatrix.Axis(yearValue(y),
                y == Commitments.NO_DUE_YEAR ? "期限なし" : Integer.toString(y),
                y == Commitments.NO_DUE_YEAR ? "ja" : null, yearName(y),
                new Request(asked.ministry(), asked.initiative(), Optional.of(yearValue(y)))
                        .href(null, true, true, true))).toList();
        Optional<CommitmentMatrix.Picture> picture = selected.isEmpty() ? Optional.empty()
                : Optional.of(CommitmentMatrix.picture("commitment-matrix", "Commitments per due fiscal year and "
                        + "lead ministry: " + selected.size() + " commitment(s)", "One row per lead ministry (◎), "
                        + "one column per fiscal year a commitment is due in, the last for those without a due "
                        + "time. A circle's area grows with the number of commitments, written in it; a commitment "
                        + "led by two ministries, or due in two years, counts in each of its cells. The table "
                        + "below gives the same numbers.", rowAxes, columnAxes, n));
        Table table = new Table(columns.stream().map(y -> y == Commitments.NO_DUE_YEAR ? "No due time" : "FY" + y)
                .toList(), tableRows);

        return new Counts(picture, table);
    }

    /** The due years as columns: every year from the first to the last (unless too many), then "none". */
    private static List<Integer> columns(List<Integer> years) {
        List<Integer> real = years.stream().filter(y -> y != Commitments.NO_DUE_YEAR).toList();
        List<Integer> out = new ArrayList<>();
        if (!real.isEmpty() && real.get(real.size() - 1) - real.get(0) <= MAX_FILLED_SPAN) {
            for (int y = real.get(0); y <= real.get(real.size() - 1); y++) {
                out.add(y);
            }
        } else {
            out.addAll(real);
        }
        if (years.contains(Commitments.NO_DUE_YEAR)) {
            out.add(Commitments.NO_DUE_YEAR);
        }
        return out;
    }

    private Lead lead(Labels labels, Commitments.LeadGroup l) {
        Text name = l.lead().map(m -> new Text(m.name(), m.lang())).orElse(new Text(NO_LEAD, "ja"));
        String en = l.lead().map(Ministry::en).orElse("no lead ministry marked ◎");
        List<Item> items = l.items().stream().map(c -> new Item(c.text(), c.href(), c.times(), c.continues(),
                c.blockName(), c.blockAnchorHref(), c.document().map(d -> Value.link(paths.href(d),
                        new Text(labels.display(d), labels.displayLang(d)))), c.where(),
                c.leads().stream().filter(m -> l.lead().map(x -> !x.equals(m)).orElse(true))
                        .map(m -> Value.link(m.href(), new Text(m.name(), m.lang()))).toList())).toList();
        return new Lead(name, en, l.lead().map(Ministry::href).orElse(""), items.size(), items);
    }

    private static Text name(Labels labels, Optional<Node> thing, String asked) {
        return thing.filter(t -> labels.label(t, "ja").isPresent() || labels.label(t, "en").isPresent()
                        || labels.label(t, "").isPresent())
                .map(t -> new Text(labels.display(t), labels.displayLang(t))).orElse(new Text(asked, ""));
    }

    private static String yearValue(int year) {
        return year == Commitments.NO_DUE_YEAR ? NONE : Integer.toString(year);
    }

    private static String yearName(int year) {
        return year == Commitments.NO_DUE_YEAR ? "No due time" : "Due in fiscal year " + year;
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    /** The JSON answer: the filters, the groups (statement IRIs) and each commitment once, in group order. */
    private Map<String, Object> json(Request asked, Labels labels, Optional<Node> ministry,
                                     Optional<Node> initiative, boolean ministryKnown, boolean initiativeKnown,
                                     List<Commitment> selected, List<Commitments.YearGroup> groups) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("ministry", asked.ministry().map(v -> filter(v, ministry, ministryKnown, labels)).orElse(null));
        filters.put("initiative", asked.initiative().map(v -> filter(v, initiative, initiativeKnown, labels))
                .orElse(null));
        filters.put("year", asked.year().orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filters", filters);
        body.put("count", selected.size());
        body.put("groups", groups.stream().map(g -> {
            Map<String, Object> year = new LinkedHashMap<>();
            year.put("dueFiscalYear", g.year() == Commitments.NO_DUE_YEAR ? null : g.year());
            year.put("leadMinistries", g.leads().stream().map(l -> {
                Map<String, Object> lead = new LinkedHashMap<>();
                lead.put("ministry", l.lead().map(m -> m.iri().getURI()).orElse(null));
                lead.put("name", l.lead().map(Ministry::name).orElse(null));
                lead.put("statements", l.items().stream().map(c -> c.statement().getURI()).toList());
                return lead;
            }).toList());
            return year;
        }).toList());
        body.put("commitments", Commitments.inGroupOrder(groups).stream().map(c -> json(c, labels)).toList());
        return body;
    }

    private static Map<String, Object> filter(String value, Optional<Node> thing, boolean known, Labels labels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", value);
        m.put("iri", known ? thing.map(Node::getURI).orElse(null) : null);
        m.put("name", known ? name(labels, thing, value).text() : null);
        m.put("known", known);
        return m;
    }

    private Map<String, Object> json(Commitment c, Labels labels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statement", c.statement().getURI());
        m.put("page", c.href());
        m.put("text", c.text());
        m.put("dueFiscalYears", c.dueYears().stream().sorted().toList());
        for (StatementTime.Role role : StatementTime.Role.values()) {
            m.put(role.css(), c.times().stream().filter(t -> t.role() == role).map(t -> {
                Map<String, Object> time = new LinkedHashMap<>();
                time.put("value", t.value());
                time.put("fiscalYear", t.fiscal());
                time.put("note", t.note().isEmpty() ? null : t.note());
                time.put("written", t.text());
                return time;
            }).toList());
        }
        m.put("continues", c.continues());
        m.put("leadMinistries", c.leads().stream().map(CommitmentsServlet::json).toList());
        m.put("ministries", c.ministries().stream().map(CommitmentsServlet::json).toList());
        m.put("block", c.block().isURI() ? c.block().getURI() : null);
        m.put("blockKind", blockKindEn(c));
        m.put("blockOrdinal", c.blockOrdinal() > 0 ? c.blockOrdinal() : null);
        m.put("document", c.document().map(Node::getURI).orElse(null));
        m.put("documentTitle", c.document().map(labels::display).orElse(null));
        m.put("pageStart", positive(c.pageStart()));
        m.put("pageEnd", positive(c.pageEnd()));
        m.put("lineStart", positive(c.lineStart()));
        m.put("lineEnd", positive(c.lineEnd()));
        m.put("initiatives", c.initiatives().stream().map(i -> i.iri().getURI()).toList());
        return m;
    }

    private static Map<String, Object> json(Ministry m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("iri", m.iri().getURI());
        out.put("key", m.key());
        out.put("name", m.name());
        out.put("nameEn", m.en().isEmpty() ? null : m.en());
        return out;
    }

    private static Integer positive(int n) {
        return n > 0 ? n : null;
    }

    /** The CSV rows ({@link #CSV_COLUMNS}): each commitment once, in group order. */
    private static List<List<Object>> csv(Labels labels, List<Commitments.YearGroup> groups) {
        List<List<Object>> rows = new ArrayList<>();
        for (Commitment c : Commitments.inGroupOrder(groups)) {
            rows.add(List.of(c.statement().getURI(), c.text(),
                    c.dueYears().stream().sorted().map(String::valueOf).collect(Collectors.joining(" ")),
                    written(c, StatementTime.Role.DUE), written(c, StatementTime.Role.START), c.continues(),
                    c.leads().stream().map(m -> m.iri().getURI()).collect(Collectors.joining(" ")),
                    c.leads().stream().map(Ministry::name).collect(Collectors.joining("; ")),
                    c.ministries().stream().map(m -> m.iri().getURI()).collect(Collectors.joining(" ")),
                    c.block().isURI() ? c.block().getURI() : "", blockKindEn(c), blank(c.blockOrdinal()),
                    c.document().map(Node::getURI).orElse(""), c.document().map(labels::display).orElse(""),
                    blank(c.pageStart()), blank(c.pageEnd()), blank(c.lineStart()), blank(c.lineEnd())));
        }
        return rows;
    }

    private static String blockKindEn(Commitment c) {
        return c.paragraph() ? "Paragraph" : "Measure";
    }

    private static String written(Commitment c, StatementTime.Role role) {
        return c.times().stream().filter(t -> t.role() == role).map(StatementTime::text)
                .collect(Collectors.joining("; "));
    }

    private static String blank(int n) {
        return n > 0 ? Integer.toString(n) : "";
    }
}
